#!/usr/bin/env node
// `vpr` — the command line of «ВПР: координатор». Runs the CommonJS build of src/cli
// (`npm run build:cli`: tsc -p tsconfig.cli.json → dist-cli/). When that build is missing or older
// than the sources (a fresh clone after `npm install`, or after a `git pull`), it is made here
// first with the project's own TypeScript, so no separate build step is needed. See docs/CLI.md.
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const { spawnSync } = require("node:child_process");

const root = path.join(__dirname, "..");
const entry = path.join(root, "dist-cli", "cli", "main.js");
const sources = ["src/cli", "src/workbook", "src/core"].map((d) => path.join(root, d));

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  sources.forEach(walk);
  for (const f of ["tsconfig.json", "tsconfig.cli.json"]) {
    try {
      newest = Math.max(newest, fs.statSync(path.join(root, f)).mtimeMs);
    } catch {
      // not in a package without sources
    }
  }
  return newest;
}

function built() {
  try {
    return fs.statSync(entry).mtimeMs;
  } catch {
    return 0;
  }
}

if (built() < newestSource()) {
  let tsc = null;
  try {
    tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  } catch {
    tsc = null;
  }
  if (tsc) {
    process.stderr.write("Сборка командной строки (npm run build:cli)… / Building the CLI…\n");
    const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0 && built() === 0) process.exit(2);
  }
}
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "Командная строка не собрана: выполните «npm install», затем «npm run build:cli».\n" +
      "The CLI is not built: run \"npm install\", then \"npm run build:cli\".\n",
  );
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
