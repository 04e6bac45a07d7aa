// projectPlan(snapshot, plan) must equal a fresh read after apply(plan): faces draw the new state
// from it instead of reading the workbook again.
import { seededRandom } from "../../src/core";
import type { Snapshot } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { planCodes } from "../../src/workbook/codes";
import { projectPlan, rectangle } from "../../src/workbook/project";
import { lateStudentWrites, sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { planScoreSheets } from "../../src/workbook/scoreSheets";

const normal = (s: Snapshot): Snapshot => ({ sheetNames: s.sheetNames, sheets: Object.fromEntries(Object.entries(s.sheets).map(([n, v]) => [n, { values: rectangle(v.values) }])) });

test("the projection of codes, late students, score sheets and typed scores equals a fresh read", async () => {
  const school = sampleSchool();
  const b = FileBackend.empty();
  await b.apply(sampleWorkbookPlan(school));
  const steps = [
    (s: Snapshot) => planCodes(s, seededRandom(1)).plan,
    (s: Snapshot) => ({ sheets: [], cellWrites: lateStudentWrites(s, school) }),
    (s: Snapshot) => planCodes(s, seededRandom(2)).plan,
    (s: Snapshot) => planScoreSheets(s, "standard").plan,
    (s: Snapshot) => ({ sheets: [], cellWrites: sampleScoreWrites(s, seededRandom(3)) }),
    (s: Snapshot) => planScoreSheets(s, "standard").plan, // a re-run replaces sheets that hold scores
  ];
  for (const step of steps) {
    const before = await b.read(null);
    const plan = step(before);
    await b.apply(plan);
    expect(normal(projectPlan(before, plan))).toEqual(normal(await b.read(null)));
  }
});

test("the projection of the input sheets, settings and a code import equals a fresh read", async () => {
  const { planNewWorkbook } = await import("../../src/workbook/newWorkbook");
  const { planSettings } = await import("../../src/workbook/settings");
  const { planImportCodes } = await import("../../src/workbook/importCodes");
  const b = FileBackend.empty();
  await b.apply({ sheets: [{ name: "Лист1", mode: "create", values: [["моё"]] }], cellWrites: [] });
  const steps = [
    (s: Snapshot) => planNewWorkbook(s, { works: ["RU4-2026"] }).plan,
    (s: Snapshot) => planSettings(s, { school: "780999", schoolName: "Школа", year: "2026", xLetter: "Х" }).plan,
    (s: Snapshot) => planImportCodes(s, [40001, 40002, 40003]).plan,
  ];
  for (const step of steps) {
    const before = await b.read(null);
    const plan = step(before);
    expect(plan.sheets.length + plan.cellWrites.length).toBeGreaterThan(0);
    await b.apply(plan);
    expect(normal(projectPlan(before, plan))).toEqual(normal(await b.read(null)));
  }
});
