// Browser test harness: a static server for dist/ on 127.0.0.1 (random port) and the system
// Chromium driven by playwright-core. No browser is ever downloaded.
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const SCREENSHOTS = path.join(ROOT, "test-artifacts", "screenshots");
export const OFFICE_JS = /appsforoffice\.microsoft\.com/;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "application/xml",
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export function serve(dir: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) });
    }),
  );
}

export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (p && fs.existsSync(p)) return p;
  throw new Error("no Chromium: install it with `apt-get install -y chromium` (the tests never download a browser)");
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  close: () => Promise<void>;
}

/** A fresh headless Chromium (its own user-data-dir) with one page; office.js from the CDN is blocked. */
export async function launch(): Promise<Session> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vpr-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    acceptDownloads: true,
    viewport: { width: 360, height: 900 },
    locale: "ru-RU",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  await context.route(OFFICE_JS, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  const browser = context.browser() as Browser;
  return {
    browser,
    context,
    page,
    userDataDir,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // animations "disabled" fast-forwards CSS transitions, so a dialog is shown as the user sees it once open.
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

/** Builds test/browser/fakeExcel.entry.ts into one browser script (webpack, no minification); returns its text. */
export async function bundleFakeExcel(): Promise<string> {
  const webpack = require("webpack") as typeof import("webpack");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "vpr-fake-"));
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    entry: path.join(__dirname, "fakeExcel.entry.ts"),
    output: { path: out, filename: "fakeExcel.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") } } }] },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats!.toString("errors-only")));
      else compiler.close(() => resolve());
    }),
  );
  const text = fs.readFileSync(path.join(out, "fakeExcel.js"), "utf8");
  fs.rmSync(out, { recursive: true, force: true });
  return text;
}

/**
 * Excel mode without Excel: a fake `Office` (onReady → host Excel) and the strict fake Excel of
 * test/fakes (the bundle from bundleFakeExcel, exposing VprFake) with one empty sheet «Лист1».
 * Injected before the pane loads (addInitScript), so the pane skips office.js.
 */
export const FAKE_OFFICE_SETUP = `
  window.__fake = VprFake.createFakeExcel();
  window.__fake.workbook.addSheet("Лист1");
  window.__opened = [];
  window.Excel = {
    run: function (batch) { return window.__fake.run(batch); },
    createWorkbook: function (base64) { window.__opened.push(base64.length); return Promise.resolve(); },
  };
  window.Office = {
    onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); },
    HostType: { Excel: "Excel" },
    context: { displayLanguage: "ru-RU", requirements: { isSetSupported: function () { return true; } } },
  };
`;

/** The page's horizontal overflow: how far the document is wider than the viewport, and the widest elements. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const widest = Array.from(document.querySelectorAll("body *"))
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter((x) => x.right > root.clientWidth + 0.5)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(({ el, right }) => `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""} → ${Math.round(right)}px: ${(el.textContent ?? "").slice(0, 60)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
}
