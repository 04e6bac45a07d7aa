// A merge into a sheet we made keeps everything the user put there: extra columns, notes, cell
// comments, formats, their own validations. Only the cells, formulas and rules it names change.
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetMerge, SheetPlan } from "../../../src/workbook/backend";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { editInExcelJS } from "../../helpers/editInExcelJS";
import { sheetPart, unzip } from "./helpers";

const SHEET: SheetPlan = {
  name: "4А Математика",
  mode: "create",
  values: [
    ["Код", "Вариант", "1 (1б)", "2 (2б)", "Итого"],
    [40001, 1, 1, 0, null],
    [40002, 2, null, null, null],
  ],
  formulas: [{ range: "E2:E3", formulas: [['=IF(COUNTA(C2:D2)=0,"",SUM(C2:D2))']], results: [[1], [""]], fillDown: true }],
  validations: [{ range: "C2:C3", list: ["0", "1", "X"] }, { range: "D2:D3", list: ["0", "1", "X"] }],
  highlights: [{ range: "C2:D3", formula: '=AND(C2<>"",C2<>"X",C2>1)', fill: "#F8CBAD" }],
  styles: [{ range: "A1:E1", bold: true, fill: "#DDEBF7" }],
  print: { area: "A1:E3", repeatRows: "1:1" },
};

/** A late student: one more row, the formulas and our rules over three rows now. */
const MERGE: SheetMerge = {
  name: "4А Математика",
  cells: [{ row: 3, col: 0, value: 40003 }],
  formulas: [{ range: "E2:E4", formulas: [['=IF(COUNTA(C2:D2)=0,"",SUM(C2:D2))']], results: [[1], [1], [""]], fillDown: true }],
  validations: [{ range: "C2:C4", list: ["0", "1", "X"] }, { range: "D2:D4", list: ["0", "1", "X"] }],
  highlights: [{ range: "C2:D4", formula: '=AND(C2<>"",C2<>"X",C2>1)', fill: "#F8CBAD" }],
  styles: [{ range: "A4:E4", italic: true }],
  print: { area: "A1:E4" },
};

async function userEdited(): Promise<FileBackend> {
  const made = FileBackend.empty();
  await made.apply({ sheets: [SHEET], cellWrites: [] });
  // The expert's and the coordinator's work, saved by another program.
  return editInExcelJS(made, (wb) => {
    const ws = wb.getWorksheet(SHEET.name)!;
    ws.getCell("C3").value = 1; // a typed score
    ws.getCell("F1").value = "Комментарий";
    ws.getCell("F2").value = "переписать задание 2";
    ws.getCell("F2").font = { bold: true, color: { argb: "FFFF0000" } };
    ws.getCell("B2").note = "проверить вариант";
    (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add("F2:F9", { type: "list", formulae: ['"да,нет"'] });
    ws.getColumn(6).width = 40;
  });
}

describe("merge into a sheet we made (file back end)", () => {
  test("a late student's row, formulas and rules extended; everything the user added stays", async () => {
    const b = await userEdited();
    const before = await unzip(await b.toBytes());
    await b.apply({ sheets: [], cellWrites: [], merges: [MERGE] });
    const bytes = await b.toBytes();
    const after = await unzip(bytes);

    const snap = (await FileBackend.fromBytes(bytes)).read([SHEET.name], { formulas: true });
    const s = (await snap).sheets[SHEET.name];
    expect(s.values).toEqual([
      ["Код", "Вариант", "1 (1б)", "2 (2б)", "Итого", "Комментарий"],
      [40001, 1, 1, 0, 1, "переписать задание 2"],
      [40002, 2, 1, null, 1, null],
      [40003, null, null, null, null, null],
    ]);
    expect(s.formulas!.map((r) => r[4])).toEqual([null, '=IF(COUNTA(C2:D2)=0,"",SUM(C2:D2))', '=IF(COUNTA(C3:D3)=0,"",SUM(C3:D3))', '=IF(COUNTA(C4:D4)=0,"",SUM(C4:D4))']);

    const xml = sheetPart(after, SHEET.name);
    // The user's own validation stays; ours now cover the new row; one conditional format, extended.
    expect(xml).toContain('sqref="F2:F9"');
    expect(xml).toContain('sqref="C2:C4"');
    expect(xml).not.toContain('sqref="C2:C3"');
    expect(xml.match(/<conditionalFormatting/g)).toHaveLength(1);
    expect(xml).toContain('<conditionalFormatting sqref="C2:D4">');
    // The note (comments part, VML drawing) and the sheet's link to them are untouched.
    for (const part of Object.keys(before).filter((p) => /comments|vmlDrawing|sheet\d+\.xml\.rels/.test(p))) expect([part, after[part]]).toEqual([part, before[part]]);
    expect(xml).toMatch(/<legacyDrawing r:id="[^"]+"\/>/);
    // The user's column width and formats survive, read by another program.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET.name)!;
    expect(ws.getColumn(6).width).toBe(40);
    expect(ws.getCell("F2").font).toMatchObject({ bold: true, color: { argb: "FFFF0000" } });
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A4").font?.italic).toBe(true);
    expect(ws.getCell("B2").note).toBeDefined();
    // Print area follows the merge; print titles stay.
    expect(after["xl/workbook.xml"]).toContain("'4А Математика'!$A$1:$E$4");
    expect(after["xl/workbook.xml"]).toMatch(/Print_Titles" localSheetId="0">(&apos;|')4А Математика(&apos;|')!\$1:\$1</);
    // Every other part is byte-identical.
    for (const part of Object.keys(before)) {
      if (["xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"].includes(part) || part === Object.keys(before).find((p) => before[p] === sheetPart(before, SHEET.name))) continue;
      expect([part, after[part]]).toEqual([part, before[part]]);
    }
  });

  test("the same merge twice changes nothing more", async () => {
    const b = await userEdited();
    await b.apply({ sheets: [], cellWrites: [], merges: [MERGE] });
    const once = await unzip(await b.toBytes());
    await b.apply({ sheets: [], cellWrites: [], merges: [MERGE] });
    const twice = await unzip(await b.toBytes());
    expect(twice).toEqual(once);
  });

  test("LibreOffice-style prefixes and a sheet with no rules yet", async () => {
    const b = FileBackend.empty();
    await b.apply({ sheets: [{ ...SHEET, validations: undefined, highlights: undefined }], cellWrites: [] });
    await b.apply({ sheets: [], cellWrites: [], merges: [MERGE] });
    const xml = sheetPart(await unzip(await b.toBytes()), SHEET.name);
    // Schema order: conditional formats, then validations, then the page setup.
    expect(xml.indexOf("<conditionalFormatting")).toBeLessThan(xml.indexOf("<dataValidations"));
    expect(xml.indexOf("<dataValidations")).toBeLessThan(xml.indexOf("<pageMargins"));
    void JSZip;
  });
});
