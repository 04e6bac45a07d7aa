#!/usr/bin/env node
// Prints the gzip size of the task pane's initial JavaScript: every <script src> of
// dist/taskpane.html that lives in dist/ (office.js from the CDN is not ours and not counted).
// Lazily loaded chunks (dialogs, forms, lists, the operations a button runs, English, web mode,
// the file back end, JSZip) are listed apart and not counted.
//   node scripts/pane-size.js [distDir] [--json] [--max-kb=150]
// Exit code 1 when --max-kb is given and the initial size is above it.
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const args = process.argv.slice(2);
const dist = path.resolve(args.find((a) => !a.startsWith("--")) ?? "dist");
const json = args.includes("--json");
const maxArg = args.find((a) => a.startsWith("--max-kb="));
const maxKb = maxArg ? Number(maxArg.split("=")[1]) : null;

const htmlPath = path.join(dist, "taskpane.html");
if (!fs.existsSync(htmlPath)) {
  console.error(`no ${htmlPath}: run "npm run build" first`);
  process.exit(2);
}
const html = fs.readFileSync(htmlPath, "utf8");
const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]).filter((src) => !/^(https?:)?\/\//i.test(src));

const gzip = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const initial = scripts.map((src) => {
  const file = path.join(dist, src.replace(/^\.?\//, "").split(/[?#]/)[0]);
  return { file: path.relative(dist, file), bytes: fs.statSync(file).size, gzip: gzip(file) };
});
const chunkDir = path.join(dist, "chunks");
const lazy = fs.existsSync(chunkDir)
  ? fs
      .readdirSync(chunkDir)
      .filter((f) => f.endsWith(".js"))
      .map((f) => ({ file: `chunks/${f}`, bytes: fs.statSync(path.join(chunkDir, f)).size, gzip: gzip(path.join(chunkDir, f)) }))
  : [];
const total = initial.reduce((n, f) => n + f.gzip, 0);
const kb = (n) => (n / 1024).toFixed(1);

if (json) {
  console.log(JSON.stringify({ initialGzipBytes: total, initial, lazy }, null, 2));
} else {
  for (const f of initial) console.log(`initial  ${f.file}  ${kb(f.bytes)} KB, gzip ${kb(f.gzip)} KB`);
  for (const f of lazy) console.log(`lazy     ${f.file}  ${kb(f.bytes)} KB, gzip ${kb(f.gzip)} KB`);
  console.log(`task pane initial JavaScript: ${kb(total)} KB gzip${maxKb !== null ? ` (limit ${maxKb} KB)` : ""}`);
}
if (maxKb !== null && total > maxKb * 1024) process.exit(1);
