// docs/HOSTILE_INPUTS.md lists every hostile case by id, and every id it lists has a test.
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";

const dir = __dirname;
const ids = (text: string, re: RegExp) => [...new Set([...text.matchAll(re)].map((m) => m[1]))].sort();

test("the catalogue in docs/HOSTILE_INPUTS.md and the hostile tests name the same cases", () => {
  const tests = readdirSync(dir)
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  const inTests = ids(tests, /["[]\s*"?(H\d\d)\b/g);
  const doc = readFileSync(path.join(dir, "..", "..", "docs", "HOSTILE_INPUTS.md"), "utf8");
  const inDoc = ids(doc, /^\|\s*(H\d\d)\s*\|/gm);
  expect(inTests.length).toBeGreaterThanOrEqual(40);
  expect(inDoc).toEqual(inTests);
});
