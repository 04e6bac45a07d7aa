/* eslint-disable @typescript-eslint/no-require-imports */
// Webpack: task pane + JavaScript-only custom-functions runtime.
//   npm run build        -> production build into dist/ (no dev certificates needed)
//   npm run dev-server   -> https://localhost:3000/ with office-addin-dev-certs
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { FunctionsRuPlugin } = require("./scripts/functions-ru");

const urlDev = "https://localhost:3000/";
// Production URL where dist/ is hosted. PLACEHOLDER: replace with the real host before publishing;
// dist/manifest.xml gets every urlDev rewritten to this value in production mode.
const urlProd = "https://vpr-coordinator.example.ru/";

const FUNCTIONS_TS = "./src/functions/functions.ts";

async function devServerHttps() {
  // Required lazily: a production build never touches certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE) || process.env.WEBPACK_SERVE === "true";

  const config = {
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTIONS_TS,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // The file back end and other lazily imported code (web mode) land in separate chunks.
      chunkFilename: dev ? "chunks/[name].js" : "chunks/[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
      // No browser code needs these Node built-ins: switch them off rather than polyfill them.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
      // One scheduler: Fluent's context selector (peer dependency "scheduler >=0.19") gets the one
      // React 18 itself runs on, not a second, newer copy npm hoisted for it.
      alias: { scheduler: path.dirname(require.resolve("scheduler/package.json", { paths: [path.dirname(require.resolve("react-dom/package.json"))] })) },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
          // Our modules do nothing on import but declare (entries run anyway): webpack may leave out
          // a module whose exports a chunk does not use, so the pane's first load carries only what
          // the step list needs (the operations a button runs come in a lazy chunk).
          sideEffects: false,
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    performance: {
      // Fluent UI makes the pane bundle ~1 MB minified; warn only far above that.
      maxEntrypointSize: 2_000_000,
      maxAssetSize: 2_000_000,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_TS, output: "functions.json" }),
      new FunctionsRuPlugin({
        source: "functions.json",
        table: "src/functions/functions.ru.names.json",
        output: "functions.ru.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      // The manifest's <FunctionFile> (required by the schema; no ribbon command runs code yet).
      new HtmlWebpackPlugin({
        filename: "commands.html",
        inject: false,
        templateContent:
          '<!doctype html><html><head><meta charset="UTF-8" />' +
          '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>' +
          "<script>Office.onReady(function () {});</script></head><body></body></html>",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
    ],
  };

  if (serving) {
    config.devServer = {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devServerHttps() },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      static: { directory: path.resolve(__dirname, "dist") },
    };
  }
  return config;
};
