import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetPlan, WritePlan } from "../../../src/workbook/backend";
import { FileBackend, UnreadableWorkbookError } from "../../../src/workbook/file/FileBackend";
import { seededRandom } from "../../../src/core";
import { makeCodes, makeScoreSheets, removeNames } from "../../../src/workbook/operations";
import { lateStudentWrites, sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../../src/workbook/sample";
import { cellXml, expectedValues, sheetPart, unzip } from "./helpers";

const TRICKY = ["=1+1", "+79001234567", "-5", "@home", "=SUM(A1:A2)", " отступ ", "#DIV/0!", "Ям-Тёсовская «СОШ»", "a&b<c>"];

export const richSheet: SheetPlan = {
  name: "5А Математика",
  mode: "create",
  values: [
    ["Код", "Вариант", "1 (1б)", "2 (2б)", "Итого", "Отметка", "Проверка"],
    [50001, 1, 1, 2, null, null, null],
    [50002, 2, 0, "X", null, null, null],
    [50003, "отсутствовал", null, null, null, null, null],
    [TRICKY[0], TRICKY[1], TRICKY[2], TRICKY[3], TRICKY[4], TRICKY[5], TRICKY[6]],
    [TRICKY[7], TRICKY[8], true, false, 0, -1.5, ""],
    [null, null, null, null, null, null, null],
  ],
  formulas: [
    {
      range: "E2:E4",
      formulas: [["=SUM(C2:D2)"], ['=SUM(C3:D3)'], ['=IF(B4="отсутствовал","",SUM(C4:D4))']],
      results: [[3], [0], [""]],
    },
    { range: "F2:G2", formulas: [['=IF(E2>=3,"5","2")', "=E2>2"]], results: [["5", true]] },
  ],
  columnWidths: [10, 14, 8, 8, 8, 10, 30],
  freezeRows: 1,
  freezeColumns: 2,
  validations: [
    { range: "C2:C4", list: ["0", "1", "X"], errorMessage: "Допустимо: 0, 1 или X", prompt: "Балл за задание 1" },
    { range: "D2:D4", list: ['a"b', "2"], errorStyle: "warning" },
    { range: "A2:A4", whole: [50001, 51500], errorMessage: "Код от 50001 до 51500" },
    { range: "B2:B4", listSource: "'Списки'!$A$1:$A$3" },
  ],
  highlights: [{ range: "C2:D4", formula: '=AND(C2<>"",C2<>"X",C2>1)', fill: "#FFC7CE" }],
  styles: [
    { range: "A1:G1", bold: true, fill: "#D9E1F2", wrap: true, horizontal: "center", vertical: "middle", rowHeight: 30 },
    { range: "A2:G4", border: "thin", fontSize: 12, italic: true },
    { range: "A2:A4", numberFormat: "0" },
    { range: "A6:G6", border: "dashed", numberFormat: "@" },
  ],
  print: {
    area: "A1:G6",
    repeatRows: "1:1",
    landscape: true,
    header: "Конфиденциально & только для школы",
    fitToWidth: true,
    pageBreaksAfterRows: [3, 5],
  },
  tabColor: "#2E7D32",
};

const listsSheet: SheetPlan = { name: "Списки", mode: "create", values: [[1], [2], ["отсутствовал"]] };

async function reopen(b: FileBackend): Promise<FileBackend> {
  return FileBackend.fromBytes(await b.toBytes());
}

/** A user's workbook with the given sheets, made with ExcelJS directly. */
/** Another program's view of what we wrote: ExcelJS reads the bytes as it reads any .xlsx. */
async function inExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

async function userWorkbook(build: (wb: ExcelJS.Workbook) => void): Promise<FileBackend> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return FileBackend.fromBytes(new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe("FileBackend: apply then read", () => {
  test("a rich plan round-trips through bytes: values, formula results, formulas", async () => {
    const b = FileBackend.empty();
    const plan: WritePlan = { sheets: [listsSheet, richSheet], cellWrites: [], activate: richSheet.name };
    await b.apply(plan);
    const again = await reopen(b);
    const snap = await again.read([richSheet.name, listsSheet.name, "нет такого"], { formulas: true });
    expect(snap.sheetNames).toEqual(["Списки", "5А Математика"]);
    expect(Object.keys(snap.sheets).sort()).toEqual(["5А Математика", "Списки"]);
    expect(snap.sheets[richSheet.name].values).toEqual(expectedValues(richSheet));
    expect(snap.sheets[listsSheet.name].values).toEqual(expectedValues(listsSheet));
    const f = snap.sheets[richSheet.name].formulas!;
    expect(f[1][4]).toBe("=SUM(C2:D2)");
    expect(f[3][4]).toBe('=IF(B4="отсутствовал","",SUM(C4:D4))');
    expect(f[1][6]).toBe("=E2>2");
    expect(f[4][0]).toBeNull(); // "=1+1" is text
    // read() straight from memory agrees with read() after the round trip
    expect((await b.read([richSheet.name])).sheets[richSheet.name].values).toEqual(expectedValues(richSheet));
  });

  test("strings that look like formulas stay text in the XML (no <f>)", async () => {
    const b = FileBackend.empty();
    await b.apply({ sheets: [richSheet], cellWrites: [] });
    const parts = await unzip(await b.toBytes());
    const xml = sheetPart(parts, richSheet.name);
    for (const addr of ["A5", "B5", "C5", "D5", "E5", "G5"]) {
      const c = cellXml(xml, addr)!;
      expect(c).not.toBeNull();
      expect(c).not.toMatch(/<f>/);
      expect(c).toMatch(/t="inlineStr"/);
    }
    expect(cellXml(xml, "E2")).toMatch(/<f>SUM\(C2:D2\)<\/f><v>3<\/v>/);
    expect(cellXml(xml, "F2")).toMatch(/t="str"/);
    expect(cellXml(xml, "G2")).toMatch(/t="b".*<v>1<\/v>/);
    // Our sheets keep their text inline: nothing of theirs lands in the shared strings.
    expect(parts["xl/sharedStrings.xml"]).toBeUndefined();
    expect(cellXml(xml, "A5")).toContain("<is><t>=1+1</t></is>");
  });

  test("sheet settings land in the XML", async () => {
    const b = FileBackend.empty();
    await b.apply({ sheets: [listsSheet, richSheet], cellWrites: [], activate: richSheet.name });
    const parts = await unzip(await b.toBytes());
    const xml = sheetPart(parts, richSheet.name);
    expect(xml).toMatch(/<pane xSplit="2" ySplit="1" topLeftCell="C2"[^>]*state="frozen"/);
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" [^>]*prompt="Балл за задание 1" sqref="C2:C4"><formula1>"0,1,X"<\/formula1>/);
    expect(xml).toContain('<formula1>"a""b,2"</formula1>');
    expect(xml).toMatch(/errorStyle="warning"/);
    expect(xml).toMatch(/type="whole"[^>]*sqref="A2:A4"><formula1>50001<\/formula1><formula2>51500<\/formula2>/);
    expect(xml).toContain("<formula1>'Списки'!$A$1:$A$3</formula1>");
    expect(xml).toMatch(/<conditionalFormatting sqref="C2:D4"><cfRule type="expression" dxfId="\d+" priority="1"><formula>AND\(C2&lt;&gt;"",C2&lt;&gt;"X",C2&gt;1\)<\/formula>/);
    expect(xml).toMatch(/orientation="landscape"/);
    expect(xml).toMatch(/fitToWidth="1" fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toContain("<oddHeader>&amp;CКонфиденциально &amp;&amp; только для школы</oddHeader>");
    expect(xml).toMatch(/<rowBreaks count="2" manualBreakCount="2"><brk id="3" max="16383" man="1"\/><brk id="5" max="16383" man="1"\/><\/rowBreaks>/);
    expect(xml).toMatch(/<tabColor rgb="FF2E7D32"\/>/);
    expect(xml).toMatch(/<col min="7" max="7" width="30"/);
    expect(xml).toMatch(/<row r="1"[^>]*ht="30" customHeight="1"/);
    expect(xml).toMatch(/tabSelected="1"/);
    expect(sheetPart(parts, "Списки")).not.toMatch(/tabSelected="1"/);
    const wb = parts["xl/workbook.xml"];
    expect(wb).toMatch(/activeTab="1"/);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">'5А Математика'!$A$1:$G$6</definedName>`);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'5А Математика'!$1:$1</definedName>`);
    // The styles survive a reopen
    const ws = (await inExcelJS(await b.toBytes())).getWorksheet(richSheet.name)!;
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").alignment).toMatchObject({ wrapText: true, horizontal: "center", vertical: "middle" });
    expect(ws.getCell("B1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } });
    expect(ws.getCell("C3").border?.left?.style).toBe("thin");
    expect(ws.getCell("C3").font).toMatchObject({ size: 12, italic: true });
    expect(ws.getCell("A3").numFmt).toBe("0");
    expect(ws.getCell("B6").border?.top?.style).toBe("dashed");
    expect(ws.getCell("B6").numFmt).toBe("@");
  });

  test("replace keeps the tab position and clears merges, validations, highlights, print setup", async () => {
    const b = await userWorkbook((wb) => {
      wb.addWorksheet("Ученики").addRows([
        ["Класс", "ФИО", "Пол", "Код"],
        ["5А", "Иванов Иван", "м", null],
      ]);
      const old = wb.addWorksheet("Коды для выдачи", { properties: { tabColor: { argb: "FFFF0000" } } });
      old.addRows([["старое", "значение", "x"], [1, 2, 3], [4, 5, 6], [7, 8, 9]]);
      old.mergeCells("A1:C1");
      (old as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add("A2:A9", {
        type: "list",
        formulae: ['"1,2"'],
      });
      old.addConditionalFormatting({
        ref: "A2:C9",
        rules: [{ type: "expression", formulae: ["A2>1"], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFF0000" } } } }],
      });
      old.pageSetup.printArea = "A1:C9";
      old.headerFooter.oddHeader = "&Cстарый";
      old.getRow(2).addPageBreak();
      old.getCell("C4").font = { bold: true };
      old.views = [{ state: "frozen", ySplit: 2 }];
      wb.addWorksheet("План").addRows([["Класс", "Предмет"], ["5А", "Математика"]]);
    });
    const before = await b.read(["Ученики", "План"], { formulas: true });
    const plan: SheetPlan = { name: "Коды для выдачи", mode: "replace", values: [["Код", "Класс"], [50001, "5А"]] };
    await b.apply({ sheets: [plan], cellWrites: [] });
    const bytes = await b.toBytes();
    const again = await FileBackend.fromBytes(bytes);
    const after = await again.read(["Ученики", "План", "Коды для выдачи"], { formulas: true });
    expect(after.sheetNames).toEqual(["Ученики", "Коды для выдачи", "План"]);
    expect(after.sheets["Коды для выдачи"].values).toEqual([["Код", "Класс"], [50001, "5А"]]);
    expect(after.sheets["Ученики"]).toEqual(before.sheets["Ученики"]);
    expect(after.sheets["План"]).toEqual(before.sheets["План"]);
    const parts = await unzip(bytes);
    const xml = sheetPart(parts, "Коды для выдачи");
    for (const gone of ["mergeCell", "dataValidation", "conditionalFormatting", "oddHeader", "rowBreaks", "tabColor", "pane"]) {
      expect(xml).not.toContain(gone);
    }
    expect(parts["xl/workbook.xml"]).not.toContain("Print_Area");
    expect((await inExcelJS(bytes)).getWorksheet("Коды для выдачи")!.getCell("C4").font?.bold).toBeFalsy();
  });

  test("cellWrites land in user sheets as data; other cells untouched", async () => {
    const b = await userWorkbook((wb) => {
      const ws = wb.addWorksheet("Ученики");
      ws.addRows([
        ["Класс", "ФИО", "Пол", "Код"],
        ["5А", "Иванов Иван", "м", null],
        ["5А", "Петрова Анна", "ж", 50002],
      ]);
      ws.getCell("D2").numFmt = "0";
      ws.getCell("D2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    });
    await b.apply({
      sheets: [],
      cellWrites: [
        { sheet: "Ученики", address: "D2", value: 50001 },
        { sheet: "Ученики", address: "E2", value: "=HYPERLINK(\"x\")" },
        { sheet: "Ученики", address: "D3", value: null },
      ],
    });
    const bytes = await b.toBytes();
    const snap = await (await FileBackend.fromBytes(bytes)).read(["Ученики"], { formulas: true });
    expect(snap.sheets["Ученики"].values).toEqual([
      ["Класс", "ФИО", "Пол", "Код", null],
      ["5А", "Иванов Иван", "м", 50001, '=HYPERLINK("x")'],
      ["5А", "Петрова Анна", "ж", null, null],
    ]);
    expect(snap.sheets["Ученики"].formulas!.flat().every((f) => f === null)).toBe(true);
    const xml = sheetPart(await unzip(bytes), "Ученики");
    expect(xml).not.toMatch(/<f>/);
    const ws = (await inExcelJS(bytes)).getWorksheet("Ученики")!;
    expect(ws.getCell("D2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
  });

  test("a plan that fails half-way changes nothing", async () => {
    const b = await userWorkbook((wb) => {
      const ws = wb.addWorksheet("Ученики");
      ws.addRow(["Класс", "Итого"]);
      ws.getCell("B2").value = { formula: "1+1", shareType: "shared", ref: "B2:B3", result: 2 } as ExcelJS.CellFormulaValue;
      ws.getCell("B3").value = { sharedFormula: "B2", result: 2 } as unknown as ExcelJS.CellValue;
    });
    const before = await b.toBytes();
    const plan: WritePlan = {
      sheets: [{ name: "Новый", mode: "create", values: [[1]] }],
      // The first cell of a shared formula: the cells below depend on it, so the write is refused…
      cellWrites: [{ sheet: "Ученики", address: "B2", value: 5 }],
    };
    await expect(b.apply(plan)).rejects.toThrow(/начало общей формулы/);
    // …and the sheet the same plan created first is not there either.
    expect((await b.read(null)).sheetNames).toEqual(["Ученики"]);
    expect(await unzip(await b.toBytes())).toEqual(await unzip(before));
  });
});

describe("FileBackend: read", () => {
  test("merged cells, rich text, hyperlinks, dates, errors, shared formulas, trimming", async () => {
    const b = await userWorkbook((wb) => {
      const ws = wb.addWorksheet("Лист1");
      ws.getCell("A1").value = "Заголовок";
      ws.mergeCells("A1:C2");
      ws.getCell("A3").value = { richText: [{ text: "Ям-" }, { font: { bold: true }, text: "Тёсово" }] };
      ws.getCell("B3").value = { text: "сайт", hyperlink: "https://example.org" };
      ws.getCell("C3").value = new Date(Date.UTC(2026, 3, 15));
      ws.getCell("D3").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
      ws.getCell("A4").value = 1;
      ws.getCell("A5").value = 2;
      ws.getCell("B4").value = { formula: "A4*2", result: 2 };
      ws.getCell("B5").value = { sharedFormula: "B4", result: 4 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell("C4").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      ws.getCell("C5").value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
      ws.getCell("F9").font = { bold: true }; // styled but empty: not part of the used range
      ws.getRow(12).height = 40;
    });
    const snap = await b.read(["Лист1"], { formulas: true });
    expect(snap.sheets["Лист1"].values).toEqual([
      ["Заголовок", null, null, null],
      [null, null, null, null],
      ["Ям-Тёсово", "сайт", "2026-04-15", "#DIV/0!"],
      [1, 2, "#DIV/0!", null],
      [2, 4, null, null],
    ]);
    expect(snap.sheets["Лист1"].formulas).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, "=A4*2", "=1/0", null],
      [null, "=A5*2", "=NOW()", null],
    ]);
    expect((await b.read(["Лист1"])).sheets["Лист1"].formulas).toBeUndefined();
  });

  test("read(null) reads every sheet", async () => {
    const b = FileBackend.empty();
    await b.apply({ sheets: [listsSheet, richSheet], cellWrites: [] });
    const snap = await b.read(null);
    expect(Object.keys(snap.sheets)).toEqual(["Списки", "5А Математика"]);
    expect(snap.sheets["Списки"].values).toEqual(expectedValues(listsSheet));
  });

  test("an empty sheet reads as []", async () => {
    const b = await userWorkbook((wb) => {
      wb.addWorksheet("Пусто");
    });
    expect((await b.read(["Пусто"])).sheets["Пусто"]).toEqual({ values: [] });
  });

  test("dates, rich text, booleans, errors and shared formulas as Excel shows them", async () => {
    const b = await userWorkbook((wb) => {
      const ws = wb.addWorksheet("Разное");
      ws.getCell("A1").value = new Date(Date.UTC(2026, 0, 2, 10, 30));
      ws.getCell("A2").value = new Date(Date.UTC(2026, 3, 15));
      ws.getCell("B1").value = { richText: [{ text: "Ива" }, { font: { bold: true }, text: "нов" }] };
      ws.getCell("C1").value = true;
      ws.getCell("D1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
      ws.getCell("E1").value = 1;
      ws.getCell("E2").value = 2;
      ws.getCell("F1").value = { formula: "E1*2", shareType: "shared", ref: "F1:F2", result: 2 } as ExcelJS.CellFormulaValue;
      ws.getCell("F2").value = { sharedFormula: "F1", result: 4 } as unknown as ExcelJS.CellValue;
    });
    const s = (await b.read(["Разное"], { formulas: true })).sheets["Разное"];
    expect(s.values).toEqual([
      ["2026-01-02T10:30:00", "Иванов", true, "#DIV/0!", 1, 2],
      ["2026-04-15", null, null, null, 2, 4],
    ]);
    expect(s.formulas![0][5]).toBe("=E1*2");
    expect(s.formulas![1][5]).toBe("=E2*2");
  });
});

describe("FileBackend: what a read remembers", () => {
  // Reads reuse sheets parsed before, sheets foretold from their plan and sheets patched in place:
  // at every step of the flow they must equal a fresh parse of the saved bytes.
  const fresh = async (b: FileBackend) => (await FileBackend.fromBytes(await b.toBytes())).read(null, { formulas: true });
  test("the whole flow: every read equals a fresh parse of the bytes", async () => {
    const school = sampleSchool();
    const book = FileBackend.empty();
    await book.apply(sampleWorkbookPlan(school));
    const steps: (() => Promise<unknown>)[] = [
      () => makeCodes(book, { random: seededRandom(2) }),
      async () => book.apply({ sheets: [], cellWrites: lateStudentWrites(await book.read(null), school) }),
      () => makeCodes(book, { random: seededRandom(3) }),
      () => makeScoreSheets(book),
      async () => book.apply({ sheets: [], cellWrites: sampleScoreWrites(await book.read(null), seededRandom(4)) }),
      async () => book.apply({ sheets: [], cellWrites: [{ sheet: "Ученики", address: "B2", value: "" }, { sheet: "4А Математика", address: "C2", value: 1 }] }),
      () => makeScoreSheets(book),
      () => removeNames(book),
    ];
    for (const step of steps) {
      await step();
      expect(await book.read(null, { formulas: true })).toEqual(await fresh(book));
      expect(await book.read(null)).toEqual({ ...(await fresh(book)), sheets: Object.fromEntries(Object.entries((await fresh(book)).sheets).map(([k, v]) => [k, { values: v.values }])) });
    }
  });
});

describe("FileBackend: unreadable input", () => {
  const expectReason = async (bytes: Uint8Array, reason: string, text: RegExp) => {
    const p = FileBackend.fromBytes(bytes);
    await expect(p).rejects.toBeInstanceOf(UnreadableWorkbookError);
    await expect(p).rejects.toMatchObject({ reason, message: expect.stringMatching(text) });
  };

  test("empty", () => expectReason(new Uint8Array(0), "empty", /пуст/));
  test("random bytes", () => expectReason(new TextEncoder().encode("Код;ФИО\n1;2\n"), "not-xlsx", /не является книгой Excel/));
  test("password-protected (OLE container with EncryptionInfo)", async () => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "EncryptionInfo";
    for (let i = 0; i < name.length; i++) b[1024 + 2 * i] = name.charCodeAt(i);
    await expectReason(b, "encrypted", /защищён паролем/);
  });
  test("bare OLE header", async () => {
    await expectReason(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), "encrypted", /паролем/);
  });
  test("legacy .xls (OLE with a Workbook stream)", async () => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "Workbook";
    for (let i = 0; i < name.length; i++) b[1024 + 2 * i] = name.charCodeAt(i);
    await expectReason(b, "xls", /\.xls/);
  });
  test("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w/>");
    await expectReason(await zip.generateAsync({ type: "uint8array" }), "not-xlsx", /не является книгой Excel/);
  });
  test("a truncated workbook", async () => {
    const b = FileBackend.empty();
    await b.apply({ sheets: [richSheet], cellWrites: [] });
    const bytes = await b.toBytes();
    await expectReason(bytes.slice(0, Math.floor(bytes.length / 2)), "corrupt", /повреждён/);
  });
});

describe("FileBackend: parts it does not model", () => {
  test("charts, pivot tables and macros stay in the package, byte for byte", async () => {
    const b = FileBackend.empty();
    await b.apply({ sheets: [listsSheet], cellWrites: [] });
    const zip = await JSZip.loadAsync(await b.toBytes());
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    zip.file("xl/vbaProject.bin", new Uint8Array([1, 2, 3, 4]));
    const withChart = await FileBackend.fromBytes(await zip.generateAsync({ type: "uint8array" }));
    await withChart.apply({ sheets: [{ ...richSheet, mode: "create" }], cellWrites: [{ sheet: "Списки", address: "B1", value: 7 }] });
    const out = await JSZip.loadAsync(await withChart.toBytes());
    expect(await out.file("xl/charts/chart1.xml")!.async("string")).toBe("<c:chartSpace/>");
    expect(await out.file("xl/pivotTables/pivotTable1.xml")!.async("string")).toBe("<pivotTableDefinition/>");
    expect([...(await out.file("xl/vbaProject.bin")!.async("uint8array"))]).toEqual([1, 2, 3, 4]);
  });
});
