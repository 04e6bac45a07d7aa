// Jest: ts-jest, Node environment by default. A test that needs a DOM says so in its docblock:
//   /** @jest-environment jsdom */
// Browser tests (test/browser/**) run with a separate script, never here.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/", "<rootDir>/dist/"],
  moduleFileExtensions: ["ts", "tsx", "js", "jsx", "json"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        // tsconfig.json uses ES modules for webpack; jest runs CommonJS.
        // Types are checked once by `npm run typecheck`, so ts-jest only transpiles (fast).
        tsconfig: "<rootDir>/tsconfig.jest.json",
        diagnostics: false,
      },
    ],
  },
  testTimeout: 30000,
};
