// 5. Task pane: initial JavaScript (gzip) and time to first render in headless Chromium.
// Size: scripts/pane-size.js when the pane engineer's script exists, else the gzip of every local
// <script> of dist/taskpane.html (the entry and its initial chunks; lazy chunks are not counted).
// First render: /usr/bin/chromium via playwright-core when both are installed, else skipped.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { median, missed, now, type Row } from "./lib";

const TARGET_KB = 150;
const ROOT = path.resolve(__dirname, "..", "..", "..");
const DIST = path.join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

interface Size {
  kb: number;
  files: string[];
  source: string;
}

function initialScripts(): string[] {
  // Inline scripts first: the Office.js loader writes "<script src=…>" inside a string.
  const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8").replace(/<script>[\s\S]*?<\/script>/g, "");
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//.test(src))
    .map((src) => src.replace(/^\.?\//, "").split("?")[0])
    .filter((f) => existsSync(path.join(DIST, f)));
}

function paneSize(): Size {
  const script = path.join(ROOT, "scripts", "pane-size.js");
  if (existsSync(script)) {
    const out = execFileSync(process.execPath, [script, "--json"], { cwd: ROOT, encoding: "utf8" });
    try {
      const j = JSON.parse(out.trim().split("\n").pop()!) as Record<string, unknown>;
      const bytes = Number(j.gzipBytes ?? j.gzip ?? j.bytes ?? NaN);
      const kb = Number.isFinite(bytes) ? bytes / 1024 : Number(j.gzipKB ?? j.kb);
      if (Number.isFinite(kb)) return { kb, files: (j.files as string[]) ?? [], source: "scripts/pane-size.js" };
    } catch {
      /* fall through to our own count */
    }
  }
  const files = initialScripts();
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(DIST, f)), { level: 9 }).length, 0);
  return { kb: bytes / 1024, files, source: "gzip -9 of the <script>s of dist/taskpane.html" };
}

function serve(dir: string): Promise<http.Server> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".json": "application/json" };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? "/").split("?")[0]).replace(/^\/+/, "");
    const file = path.join(dir, rel || "taskpane.html");
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function firstRender(): Promise<{ ms: number | null; note: string }> {
  if (!existsSync(CHROMIUM)) return { ms: null, note: `skipped: ${CHROMIUM} is not installed` };
  let pw: { chromium: { launch(o: object): Promise<any> } };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    pw = require("playwright-core");
  } catch {
    return { ms: null, note: "skipped: playwright-core is not installed" };
  }
  const server = await serve(DIST);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`;
  const browser = await pw.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await browser.newPage();
      // Office.js is not reachable offline: the pane must render without it.
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route: any) => route.abort());
      const t0 = now();
      await page.goto(url, { waitUntil: "commit" });
      await page.locator("h1, h2, [role=heading]").first().waitFor({ state: "visible", timeout: 15000 });
      if (i > 0) times.push(now() - t0); // the first load warms the browser
      await page.close();
    }
    return { ms: median(times), note: "median of 5 loads after one warm-up; Office.js blocked" };
  } finally {
    await browser.close();
    server.close();
  }
}

export async function taskPane(log: (s: string) => void): Promise<Row[]> {
  if (!existsSync(path.join(DIST, "taskpane.html"))) return [{ measure: "task pane", value: null, note: "skipped: dist/ not built (npm run build)", MISSED: "n/a" }];
  const size = paneSize();
  log(`  pane: ${size.kb.toFixed(1)} KB gzip (${size.source})`);
  let render: { ms: number | null; note: string };
  try {
    render = await firstRender();
  } catch (e) {
    render = { ms: null, note: `failed: ${(e as Error).message.split("\n")[0]}` };
  }
  return [
    { measure: "initial JS, gzip", value: `${size.kb.toFixed(1)} KB`, note: `${size.files.join(", ")} — ${size.source}`, target: `≤${TARGET_KB} KB`, MISSED: missed(size.kb <= TARGET_KB) },
    { measure: "time to first heading, headless Chromium", value: render.ms === null ? null : `${render.ms.toFixed(0)} ms`, note: render.note, target: "", MISSED: render.ms === null ? "n/a" : "" },
  ];
}
