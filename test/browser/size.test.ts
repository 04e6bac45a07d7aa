// The pane's initial JavaScript stays small: ≤ 250 KB gzip, with ExcelJS and JSZip only in lazy chunks.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DIST, ROOT } from "./harness";

test("initial task pane JavaScript ≤ 250 KB gzip, no ExcelJS in it", () => {
  const out = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, "scripts/pane-size.js"), DIST, "--json"], { encoding: "utf8" }));
  expect(out.initial.map((f: { file: string }) => f.file)).toEqual(["taskpane.js"]);
  expect(out.initialGzipBytes).toBeLessThanOrEqual(250 * 1024);
  const initial = fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8");
  expect(initial).not.toMatch(/ExcelJS|exceljs/);
  expect(out.lazy.some((f: { gzip: number }) => f.gzip > 200 * 1024)).toBe(true); // ExcelJS is there, lazily
});
