// Jest for the browser tests (npm run test:browser): the production build in dist/ served on
// 127.0.0.1 and driven in the system Chromium by playwright-core. Run after `npm run build`.
const path = require("path");

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, "../.."),
  testEnvironment: "node",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json", diagnostics: false }],
  },
  maxWorkers: 1,
  testTimeout: 240000,
};
