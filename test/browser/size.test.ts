// The pane's initial JavaScript stays small: ≤ 150 KB gzip — what draws the step list (React,
// the Fluent parts on the first screen, the Russian strings, the status read). The file back end
// of web mode (the package reader and writer, htmlparser2, JSZip) comes only in lazy chunks, and
// ExcelJS is in no chunk at all: the pane reads and writes packages with the same writer as the CLI.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DIST, ROOT } from "./harness";

test("initial task pane JavaScript ≤ 150 KB gzip; the package writer lazily; no ExcelJS anywhere", () => {
  const out = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, "scripts/pane-size.js"), DIST, "--json"], { encoding: "utf8" }));
  expect(out.initial.map((f: { file: string }) => f.file)).toEqual(["taskpane.js"]);
  expect(out.initialGzipBytes).toBeLessThanOrEqual(150 * 1024);
  const initial = fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8");
  expect(initial).not.toMatch(/ExcelJS|exceljs/);
  expect(initial).not.toContain("внутренняя ошибка: правки части XML перекрываются"); // the writer's own text
  expect(initial).not.toContain("Read the workbook again and update the steps"); // the English table
  const lazy: { file: string; gzip: number }[] = out.lazy;
  const texts = lazy.map((f) => fs.readFileSync(path.join(DIST, f.file), "utf8"));
  expect(texts.some((t) => t.includes("внутренняя ошибка: правки части XML перекрываются"))).toBe(true);
  expect(texts.some((t) => t.includes("Read the workbook again and update the steps"))).toBe(true);
  expect(texts.some((t) => /ExcelJS|exceljs/.test(t))).toBe(false);
  // Everything web mode loads on top of the pane stays within the pane's own budget.
  expect(lazy.reduce((n, f) => n + f.gzip, 0)).toBeLessThanOrEqual(250 * 1024);
});
