// Issue 10, item 1 on both back ends: what people typed on a score sheet survives a re-run —
// a «Комментарий» column, a note to the right of «Проверка», a text note in a score cell, a cell
// comment and a format (files); a late student gets a row; a changed work stops, then archives.
import { seededRandom } from "../../src/core";
import type { CellValue, WorkbookBackend } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { OfficeBackend } from "../../src/workbook/office/OfficeBackend";
import { makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { lateStudentWrites, sampleSchool, sampleWorkbookPlan } from "../../src/workbook/sample";
import { createFakeExcel } from "../fakes/fakeExcel";
import { editInExcelJS } from "../helpers/editInExcelJS";
import { sheetPart, unzip } from "./file/helpers";

const school = sampleSchool();
const SHEET = "4Б Математика"; // 4Б has a late student in the sample school

async function ready(b: WorkbookBackend): Promise<void> {
  await b.apply(sampleWorkbookPlan(school));
  expect((await makeCodes(b, { random: seededRandom(1) })).status).toBe("done");
  expect((await makeScoreSheets(b)).status).toBe("done");
}

/** What the coordinator and the experts typed: scores, a note in a score cell, their own columns. */
function typed(width: number): { address: string; value: CellValue }[] {
  const col = (c: number) => String.fromCharCode(65 + c);
  return [
    { address: "B2", value: 1 },
    { address: "C2", value: 1 },
    { address: "D2", value: "см. работу" }, // a text note in a score cell
    { address: `${col(width)}1`, value: "Комментарий" },
    { address: `${col(width)}2`, value: "переписать задание 3" },
    { address: `${col(width + 2)}5`, value: "Проверила: Соколова" }, // a note to the right of «Проверка»
  ];
}

async function rerunKeepsEverything(b: WorkbookBackend): Promise<void> {
  await ready(b);
  const width = (await b.read([SHEET])).sheets[SHEET].values[0].length;
  await b.apply({ sheets: [], cellWrites: typed(width).map((t) => ({ sheet: SHEET, ...t })) });
  await b.apply({ sheets: [], cellWrites: lateStudentWrites(await b.read(null), school) });
  expect((await makeCodes(b, { random: seededRandom(2) })).status).toBe("done");
  const before = (await b.read([SHEET])).sheets[SHEET].values;
  const again = await makeScoreSheets(b);
  expect(again.status).toBe("done");
  expect(again.merged).toContain(SHEET);
  expect(again.replaced).toEqual([]);
  const after = (await b.read([SHEET])).sheets[SHEET].values;
  // Every typed cell is where it was; the formula columns may have new results; nothing else moved.
  for (const t of typed(width)) {
    const m = /^([A-Z])(\d+)$/.exec(t.address)!;
    expect([t.address, after[Number(m[2]) - 1][m[1].charCodeAt(0) - 65]]).toEqual([t.address, t.value]);
  }
  before.forEach((row, r) => row.forEach((v, c) => {
    if (c < width - 3 || c >= width) expect([r, c, after[r]?.[c] ?? null]).toEqual([r, c, v]);
  }));
  // The late student of 4Б has a row (one more than before, at the bottom).
  const codes = after.slice(1).map((r) => r[0]).filter((c) => typeof c === "number");
  expect(codes.length).toBe(before.slice(1).map((r) => r[0]).filter((c) => typeof c === "number").length + 1);
}

test("file back end: a re-run keeps typed notes, extra columns, a comment and formats (saved by another program)", async () => {
  const made = FileBackend.empty();
  await rerunKeepsEverything({
    kind: "file",
    formulaStyle: "standard",
    read: (s, o) => made.read(s, o),
    apply: (p) => made.apply(p),
  } as WorkbookBackend);
  // Then the coordinator adds a cell comment and a format in another program; another re-run.
  const edited = await editInExcelJS(made, (wb) => {
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell("B3").note = "вариант уточнить";
    ws.getCell("A2").font = { bold: true };
  });
  const before = await unzip(await edited.toBytes());
  expect((await makeScoreSheets(edited)).merged).toContain(SHEET);
  const after = await unzip(await edited.toBytes());
  for (const part of Object.keys(before).filter((p) => /comments|vmlDrawing|_rels\/sheet/.test(p))) expect([part, after[part]]).toEqual([part, before[part]]);
  expect(sheetPart(after, SHEET)).toContain("<legacyDrawing");
  expect(sheetPart(after, SHEET)).toMatch(/<c r="A2" s="\d+"/);
});

test("Office back end: the same re-run keeps the same cells", async () => {
  const fake = createFakeExcel();
  fake.workbook.addSheet("Лист1");
  await rerunKeepsEverything(new OfficeBackend({ run: fake.run, isSetSupported: () => true }));
});

test("a changed work stops the re-run with every displaced cell; --archive moves them, on both back ends", async () => {
  for (const b of [FileBackend.empty(), new OfficeBackend({ run: ((f) => (f.workbook.addSheet("Лист1"), f.run))(createFakeExcel()), isSetSupported: () => true })]) {
    await ready(b);
    const header = (await b.read([SHEET])).sheets[SHEET].values[0];
    // An expert's score under item 3, then the coordinator relabels that column's item on the sheet.
    await b.apply({ sheets: [], cellWrites: [{ sheet: SHEET, address: "E2", value: 1 }, { sheet: SHEET, address: "E1", value: `${String(header[4])} (старое)` }] });
    const stopped = await makeScoreSheets(b);
    expect(stopped.status).toBe("blocked");
    expect(stopped.findings.filter((f) => f.code === "scores.displaced").map((f) => `${f.sheet}!${f.cell}`)).toEqual([`${SHEET}!E2`]);
    const moved = await makeScoreSheets(b, { archiveScores: true, today: "2026-04-20" });
    expect(moved.status).toBe("done");
    const archive = (await b.read(["Архив баллов"])).sheets["Архив баллов"].values;
    expect(archive[1]).toEqual(["2026-04-20", SHEET, "E2", expect.any(Number), `${String(header[4])} (старое)`, 1]);
    expect((await b.read([SHEET])).sheets[SHEET].values[0][4]).toBe(header[4]);
  }
});

test("a renamed score sheet is found by its header and merged into; no empty twin is made", async () => {
  const made = FileBackend.empty();
  await ready(made);
  await made.apply({ sheets: [], cellWrites: [{ sheet: SHEET, address: "C2", value: 1 }] });
  const renamed = await editInExcelJS(made, (wb) => {
    wb.getWorksheet(SHEET)!.name = "4Б Матем (проверено)";
  });
  const again = await makeScoreSheets(renamed);
  expect(again.status).toBe("done");
  expect(again.created).toEqual([]);
  expect(again.merged).toContain("4Б Матем (проверено)");
  expect(again.findings).toContainEqual(expect.objectContaining({ code: "sheet.renamed", sheet: "4Б Матем (проверено)" }));
  const names = (await renamed.read(null)).sheetNames;
  expect(names).not.toContain(SHEET);
  expect((await renamed.read(["4Б Матем (проверено)"])).sheets["4Б Матем (проверено)"].values[1][2]).toBe(1);
});
