import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { fillForm, readFormHeader } from "../../../src/workbook/file/fillForm";
import { FileBackend, UnreadableWorkbookError } from "../../../src/workbook/file/FileBackend";
import { cellXml, sheetPart, unzip } from "./helpers";

const HEADER = ["Код", "Вариант", "1 (1б)", "2 (2б)", 'Класс № (список формируется из листа "Классы")', "Пол", "Итого"];

/** Everything between <tag ...> and </tag> (first occurrence), or "". */
function section(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}\\b[\\s\\S]*?</${tag}>`).exec(xml);
  return m ? m[0] : "";
}

/** A blank form like FIS OKO's: header, styled empty data rows, list/whole validations, a class list sheet,
 * an Excel 2010+ validation ExcelJS cannot write (patched in), a formula column and a sample row. */
async function blankForm(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Протокол");
  const classes = wb.addWorksheet("Классы");
  classes.addRows([["4А"], ["4Б"], ["4В"]]);
  ws.addRow(HEADER);
  ws.getRow(1).font = { bold: true };
  for (let r = 2; r <= 10; r++) {
    for (let c = 1; c <= 6; c++) {
      const cell = ws.getCell(r, c);
      cell.border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    }
    ws.getCell(r, 7).value = { formula: `SUM(C${r}:D${r})`, result: 0 } as ExcelJS.CellFormulaValue;
  }
  // sample data the blank must not keep
  ws.getCell("A5").value = 49999;
  ws.getCell("B5").value = 2;
  const dv = (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations;
  dv.add("A2:A10", { type: "whole", operator: "between", formulae: [40001, 41500], showErrorMessage: true, allowBlank: true });
  dv.add("B2:B10", { type: "list", formulae: ['"1,2"'], showErrorMessage: true, allowBlank: true });
  dv.add("C2:C10", { type: "list", formulae: ['"0,1,X"'], showErrorMessage: true, allowBlank: true });
  dv.add("E2:E10", { type: "list", formulae: ["Классы!$A$1:$A$3"], showErrorMessage: true, allowBlank: true });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

  // Patch in an x14 validation (as Excel writes lists from other sheets in some versions) on D2:D10.
  const zip = await JSZip.loadAsync(bytes);
  const p = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(p)!.async("string");
  const ext =
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
    '<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>Классы!$A$1:$A$2</xm:f></x14:formula1>' +
    "<xm:sqref>D2:D10</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>";
  zip.file(p, xml.replace("</worksheet>", `${ext}</worksheet>`));
  return zip.generateAsync({ type: "uint8array" });
}

describe("readFormHeader", () => {
  test("header texts and validations, lists resolved", async () => {
    const h = await readFormHeader(await blankForm());
    expect(h.headers).toEqual(HEADER);
    const byCol = h.columnValidations.map((v) => v && { type: v.type, list: v.list, min: v.min, max: v.max });
    expect(byCol[0]).toEqual({ type: "whole", list: undefined, min: 40001, max: 41500 });
    expect(byCol[1]).toMatchObject({ type: "list", list: ["1", "2"] });
    expect(byCol[2]).toMatchObject({ type: "list", list: ["0", "1", "X"] });
    expect(byCol[3]).toMatchObject({ type: "list", list: ["4А", "4Б"] }); // the x14 one
    expect(byCol[4]).toMatchObject({ type: "list", list: ["4А", "4Б", "4В"] });
    expect(byCol[5]).toBeNull();
    expect(h.validations).toHaveLength(5);
  });

  test("a missing sheet is a Russian error; non-xlsx is UnreadableWorkbookError", async () => {
    await expect(readFormHeader(await blankForm(), "Нет")).rejects.toThrow(/нет листа «Нет»/);
    await expect(readFormHeader(new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});

describe("fillForm", () => {
  test("only values change: validations, styles, other sheets and formulas stay", async () => {
    const blank = await blankForm();
    const rows = [
      [40001, 1, 1, 2, "4А", "м"],
      [40002, "отсутствовал", null, null, "4Б", "ж"],
      [40003, 2, "X", "=1+1", "4В", " ж "],
    ];
    const filled = await fillForm(blank, "Протокол", rows);
    const before = await unzip(blank);
    const after = await unzip(filled);
    const b = sheetPart(before, "Протокол");
    const a = sheetPart(after, "Протокол");

    // Everything outside <sheetData> is the same, and every other part is byte-identical.
    expect(a.replace(/<sheetData>[\s\S]*<\/sheetData>/, "").replace(/<dimension[^>]*>/, "")).toEqual(
      b.replace(/<sheetData>[\s\S]*<\/sheetData>/, "").replace(/<dimension[^>]*>/, ""),
    );
    expect(section(a, "dataValidations")).toEqual(section(b, "dataValidations"));
    expect(section(a, "extLst")).toContain("x14:dataValidation");
    for (const name of Object.keys(before)) {
      if (name === "xl/worksheets/sheet1.xml" || name === "xl/workbook.xml") continue;
      expect([name, after[name]]).toEqual([name, before[name]]);
    }

    // Styles kept per cell; strings stay text.
    for (const addr of ["A2", "B3", "D4", "F4", "A5"]) {
      expect(/ s="(\d+)"/.exec(cellXml(a, addr)!)?.[1]).toBe(/ s="(\d+)"/.exec(cellXml(b, addr)!)?.[1]);
    }
    expect(cellXml(a, "D4")).toMatch(/^<c r="D4" s="\d+" t="inlineStr"><is><t>=1\+1<\/t><\/is><\/c>$/);
    expect(cellXml(a, "F4")).toContain('<t xml:space="preserve"> ж </t>');
    expect(cellXml(a, "G2")).toContain("<f>SUM(C2:D2)</f>");

    // Values: the rows, the old sample row cleared, formulas kept.
    const snap = await (await FileBackend.fromBytes(filled)).read(["Протокол", "Классы"], { formulas: true });
    const v = snap.sheets["Протокол"].values;
    expect(v[0]).toEqual(HEADER);
    expect(v.slice(1, 4).map((r) => r.slice(0, 6))).toEqual(rows.map((r) => r.map((x) => x)));
    expect(v[4]?.slice(0, 6) ?? []).toEqual([null, null, null, null, null, null]);
    expect(snap.sheets["Протокол"].formulas![1][6]).toBe("=SUM(C2:D2)");
    expect(snap.sheets["Классы"].values).toEqual([["4А"], ["4Б"], ["4В"]]);
    // The filled file still reads as a form with the same validations.
    const h = await readFormHeader(filled);
    expect(h.validations).toEqual((await readFormHeader(blank)).validations);
  });

  test("rows below the styled area and a custom start row", async () => {
    const filled = await fillForm(await blankForm(), "Протокол", [[40010, 1], [40011, 2]], 11);
    const snap = await (await FileBackend.fromBytes(filled)).read(["Протокол"]);
    expect(snap.sheets["Протокол"].values[10].slice(0, 2)).toEqual([40010, 1]);
    expect(snap.sheets["Протокол"].values[11].slice(0, 2)).toEqual([40011, 2]);
    expect(snap.sheets["Протокол"].values[4][0]).toBe(49999); // above startRow: untouched
  });

  const observed = "/work/shared/forms/observed-form-math4.xlsx";
  (existsSync(observed) ? test : test.skip)("the observed FIS OKO form: header, validations, fill", async () => {
    const bytes = new Uint8Array(readFileSync(observed));
    const h = await readFormHeader(bytes, "Протокол");
    expect(h.headers.slice(0, 3)).toEqual(["Код", "Вариант (часть 1)", "1 (1б)"]);
    expect(h.headers).toContain("Вариант (часть 2)");
    expect(h.headers).toContain("Пол");
    expect(h.columnValidations[0]).toMatchObject({ type: "whole", min: 40001, max: 41500 });
    const rows = [[40001, 1, 1, 0, 1]];
    const filled = await fillForm(bytes, "Протокол", rows);
    const again = await readFormHeader(filled, "Протокол");
    expect(again.headers).toEqual(h.headers);
    // Same rules; lists that point into the filled sheet itself now resolve to the new values.
    const rule = (v: { sqref: string; type: string; formula1?: string; formula2?: string }) => [v.sqref, v.type, v.formula1, v.formula2];
    expect(again.validations.map(rule)).toEqual(h.validations.map(rule));
    const snap = await (await FileBackend.fromBytes(filled)).read(["Протокол"]);
    expect(snap.sheets["Протокол"].values[1].slice(0, 5)).toEqual([40001, 1, 1, 0, 1]);
    // The author's sample rows are gone; only the formula column («Итого баллов») remains below.
    for (const row of snap.sheets["Протокол"].values.slice(2)) expect(row.slice(0, 20).every((x) => x === null)).toBe(true);
    expect(path.basename(observed)).toBe("observed-form-math4.xlsx");
  });
});
