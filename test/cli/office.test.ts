// One workbook, two back ends: the same operations through the Office.js back end (on the strict
// fake of Excel) and through the ExcelJS back end give upload files with identical content, and a
// workbook begun in Excel is finished by the CLI with the same upload files.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { seededRandom } from "../../src/core";
import type { SheetPlan, WorkbookBackend } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { OfficeBackend } from "../../src/workbook/office/OfficeBackend";
import { buildUploads, makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { lateStudentWrites, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { createFakeExcel } from "../fakes/fakeExcel";
import { contentParts, edit, listDir, school, tempDir, vpr } from "./helpers";

/** What a coordinator does in Excel up to the score sheets: inputs, codes, late students, codes, sheets. */
async function upToScoreSheets(b: WorkbookBackend): Promise<void> {
  await b.apply(sampleWorkbookPlan(school));
  expect((await makeCodes(b, { random: seededRandom(1) })).status).toBe("done");
  await b.apply({ sheets: [], cellWrites: lateStudentWrites(await b.read(null), school) });
  expect((await makeCodes(b, { random: seededRandom(2) })).status).toBe("done");
  expect((await makeScoreSheets(b)).status).toBe("done");
}

const typeScores = async (b: WorkbookBackend) => b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) });

function officeBackend(): OfficeBackend {
  const fake = createFakeExcel();
  return new OfficeBackend({ run: fake.run, isSetSupported: () => true });
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("upload files are the same from every face", () => {
  test("buildUploads via the Office back end and via the file back end: identical sheets and shared strings", async () => {
    const office = officeBackend();
    const file = FileBackend.empty();
    for (const b of [office, file]) {
      await upToScoreSheets(b);
      await typeScores(b);
    }
    // The input sheets read back the same through both back ends.
    const [a, c] = [await office.read(["Ученики", "План", "Критерии", "Настройки"]), await file.read(["Ученики", "План", "Критерии", "Настройки"])];
    expect(a.sheets).toEqual(c.sheets);

    const fromOffice = await buildUploads(office);
    const fromFile = await buildUploads(file);
    expect(fromOffice.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(fromOffice.files.map((f) => f.fileName)).toEqual(fromFile.files.map((f) => f.fileName));
    expect(fromOffice.files.length).toBe(8);
    for (let i = 0; i < fromOffice.files.length; i++) {
      const parts = await contentParts(fromOffice.files[i].bytes);
      // Text is written inline: an upload file has no shared-strings part at all.
      expect(Object.keys(parts)).toEqual(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
      expect(parts).toEqual(await contentParts(fromFile.files[i].bytes));
    }
  });

  test("a workbook made through the Office back end, finished by the CLI", async () => {
    // In Excel: inputs, codes, late students, score sheets.
    const office = officeBackend();
    await upToScoreSheets(office);
    // Carried to a file (the fake cannot save bytes): every sheet's values, as Excel would save them.
    const snapshot = await office.read(null);
    const carried = FileBackend.empty();
    const sheets: SheetPlan[] = snapshot.sheetNames.map((name) => ({ name, mode: "create", values: snapshot.sheets[name].values }));
    await carried.apply({ sheets, cellWrites: [] });
    const bookPath = path.join(dir, "из-excel.xlsx");
    await fs.writeFile(bookPath, await carried.toBytes());

    // On the command line: the check finds the blank rows; the experts' scores are typed; check and upload.
    expect((await vpr(dir, "check", "из-excel.xlsx")).code).toBe(1);
    await edit(bookPath, typeScores);
    await typeScores(office);
    const checked = await vpr(dir, "check", "из-excel.xlsx");
    expect(checked.code).toBe(0);
    const sheetsRun = await vpr(dir, "sheets", "из-excel.xlsx"); // re-run: keeps every score
    expect(sheetsRun.code).toBe(0);
    expect(sheetsRun.out).toContain("Дополнены листы");
    const upload = await vpr(dir, "upload", "из-excel.xlsx", "--out", "формы");
    expect(upload.code).toBe(0);

    const fromOffice = await buildUploads(office);
    expect((await listDir(path.join(dir, "формы")))).toEqual(fromOffice.files.map((f) => f.fileName).sort());
    for (const f of fromOffice.files) {
      const cli = await contentParts(new Uint8Array(await fs.readFile(path.join(dir, "формы", f.fileName))));
      expect(cli).toEqual(await contentParts(f.bytes));
    }
  });
});
