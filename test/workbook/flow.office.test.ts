// The same flow through the Office.js back end on a strict fake of the Excel API: the same
// results as the file back end, identical upload files, and two syncs per operation at any size.
import JSZip from "jszip";
import { seededRandom } from "../../src/core";
import type { WorkbookBackend } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { OfficeBackend } from "../../src/workbook/office/OfficeBackend";
import { buildUploads, check, makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { lateStudentWrites, sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { createFakeExcel } from "../fakes/fakeExcel";

const school = sampleSchool();

async function runFlow(b: WorkbookBackend) {
  await b.apply(sampleWorkbookPlan(school));
  await makeCodes(b, { random: seededRandom(1) });
  await b.apply({ sheets: [], cellWrites: lateStudentWrites(await b.read(null), school) });
  await makeCodes(b, { random: seededRandom(2) });
  await makeScoreSheets(b);
  await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) });
  return buildUploads(b);
}

async function sheetParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/(worksheets\/.*\.xml|sharedStrings\.xml|workbook\.xml)$/.test(n))) out[name] = await zip.file(name)!.async("string");
  return out;
}

test("Office.js back end: same flow, identical upload files to the file back end", async () => {
  const fake = createFakeExcel();
  fake.workbook.addSheet("Лист1");
  const office = await runFlow(new OfficeBackend({ run: fake.run, isSetSupported: () => true }));
  const file = await runFlow(FileBackend.empty());
  expect(office.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(office.files.map((f) => f.fileName)).toEqual(file.files.map((f) => f.fileName));
  for (let i = 0; i < file.files.length; i++) {
    expect(await sheetParts(office.files[i].bytes)).toEqual(await sheetParts(file.files[i].bytes));
  }
  // The user's own sheet is still there, untouched.
  expect(fake.workbook.sheetNames()).toContain("Лист1");
  // Custom-function formulas in Excel, standard ones in files.
  expect(fake.workbook.sheet("4А Математика").formula("R2") ?? "").toMatch(/VPR\.TOTAL/);
  // Filled down by Excel (autoFill) from row 2: every row refers to itself, the header row stays.
  expect(fake.workbook.sheet("4А Математика").formula("T26")).toBe('=IF(COUNTA(B26:Q26)=0,"",VPR.VALIDATE(C26:Q26,C$1:Q$1))');
});

describe("round trips: two context.sync calls per operation whatever the size", () => {
  for (const size of [30, 1000, 10000]) {
    test(`${size} students`, async () => {
      // Codes from an imported pool so any size fits; one class per grade 4..8.
      const classes = ["4А", "4Б", "5А", "6А", "8А"];
      const sizes = Object.fromEntries(classes.map((c, i) => [c, Math.floor(size / classes.length) + (i < size % classes.length ? 1 : 0)]));
      const big = sampleSchool(7, sizes);
      const fake = createFakeExcel();
      fake.workbook.addSheet("Лист1");
      const b = new OfficeBackend({ run: fake.run, isSetSupported: () => true });
      const plan = sampleWorkbookPlan(big);
      plan.sheets.find((s) => s.name === "Коды")!.values = [["Код"], ...Array.from({ length: size + 10 }, (_, i) => [100001 + i])];
      await b.apply(plan);

      const count = async (op: () => Promise<unknown>) => {
        fake.resetStats();
        await op();
        return { syncs: fake.stats.syncs, maxBytes: Math.max(0, ...fake.stats.bytesPerSync), bytes: fake.stats.bytesPerSync };
      };
      const codes = await count(() => makeCodes(b, { random: seededRandom(1) }));
      const sheets = await count(() => makeScoreSheets(b));
      await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) });
      const checked = await count(() => check(b));
      const upload = await count(() => buildUploads(b));
      // One read + one apply; the check is one sync. Never one per row or sheet; a payload over
      // 4 MB may add a sync (the 10,000-student score sheets). The upload applies once: its rows
      // go into «Журнал баллов».
      expect(codes.syncs).toBe(2);
      expect(sheets.syncs).toBe(2);
      expect(checked.syncs).toBe(1);
      expect(upload.syncs).toBe(2);
      expect(Math.max(codes.maxBytes, sheets.maxBytes, upload.maxBytes)).toBeLessThan(5_000_000);
    }, 240_000);
  }
});
