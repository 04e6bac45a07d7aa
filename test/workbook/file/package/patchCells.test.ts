import { patchCells } from "../../../../src/workbook/file/writer/patchCells";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (data: string, tail = "") => `<?xml version="1.0"?>\n<worksheet ${NS}><sheetPr filterMode="1"/><sheetData>${data}</sheetData>${tail}</worksheet>`;

describe("patchCells: single cells inside <sheetData>, every other byte kept", () => {
  test("replaces a cell keeping its style, inserts cells in column order, keeps neighbours' bytes", () => {
    const xml = sheet('<row r="2" spans="1:4" customFormat="1"><c r="A2" s="3" t="s"><v>0</v></c><c r="C2" s="7"/><c r="E2"><v>5</v></c></row>', '<autoFilter ref="A1:E9"/>');
    const { xml: out, droppedSharedStrings } = patchCells(xml, [
      { row: 1, col: 0, value: 41001 },
      { row: 1, col: 1, value: "Б" },
      { row: 1, col: 2, value: "x&y" },
      { row: 1, col: 5, value: true },
    ], "Ученики");
    expect(out).toBe(
      sheet(
        '<row r="2" customFormat="1"><c r="A2" s="3"><v>41001</v></c><c r="B2" t="inlineStr"><is><t>Б</t></is></c><c r="C2" s="7" t="inlineStr"><is><t>x&amp;y</t></is></c><c r="E2"><v>5</v></c><c r="F2" t="b"><v>1</v></c></row>',
        '<autoFilter ref="A1:E9"/>',
      ),
    );
    expect(droppedSharedStrings).toEqual([0]);
  });

  test("adds missing rows in row order, and opens self-closing rows and sheetData", () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="5" ht="20" customHeight="1"/><row r="9"><c r="A9"><v>9</v></c></row>');
    const out = patchCells(xml, [
      { row: 2, col: 1, value: 3 },
      { row: 4, col: 0, value: 5 },
      { row: 11, col: 0, value: 12 },
    ], "Л").xml;
    expect(out).toBe(
      sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3"><v>3</v></c></row><row r="5" ht="20" customHeight="1"><c r="A5"><v>5</v></c></row><row r="9"><c r="A9"><v>9</v></c></row><row r="12"><c r="A12"><v>12</v></c></row>'),
    );
    const empty = `<worksheet ${NS}><dimension ref="A1"/><sheetData/><pageMargins/></worksheet>`;
    expect(patchCells(empty, [{ row: 0, col: 0, value: "a" }], "Л").xml).toBe(`<worksheet ${NS}><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row></sheetData><pageMargins/></worksheet>`);
  });

  test("clearing keeps the cell's style and writes nothing where nothing was", () => {
    const xml = sheet('<row r="2"><c r="B2" s="4" t="inlineStr"><is><t>Иванов Иван</t></is></c></row>');
    expect(patchCells(xml, [{ row: 1, col: 1, value: null }, { row: 1, col: 3, value: "" }, { row: 7, col: 0, value: null }], "Л").xml).toBe(sheet('<row r="2"><c r="B2" s="4"/></row>'));
  });

  test("namespace prefixes (x:) are kept in what is written", () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(patchCells(xml, [{ row: 0, col: 0, value: "=1+1" }, { row: 1, col: 0, value: 2 }], "Л").xml).toBe(
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>=1+1</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    );
  });

  test("rows and cells without r (implicit positions) are found", () => {
    const xml = sheet("<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>");
    expect(patchCells(xml, [{ row: 1, col: 0, value: 30 }, { row: 0, col: 1, value: 20 }], "Л").xml).toBe(sheet('<row><c><v>1</v></c><c r="B1"><v>20</v></c></row><row><c r="A2"><v>30</v></c></row>'));
  });

  test("overwriting a formula is reported; the first cell of a shared formula is refused in Russian", () => {
    const xml = sheet('<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>4</v></c></row>');
    expect(patchCells(xml, [{ row: 1, col: 0, value: 1 }], "Л").formulaOverwritten).toBe(true);
    expect(() => patchCells(xml, [{ row: 1, col: 1, value: 1 }], "Ученики")).toThrow(/«Ученики»!B2 — начало общей формулы/);
  });

  test("two writes to one cell: the later wins; cells out of column order are still found", () => {
    const xml = sheet('<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row>');
    expect(patchCells(xml, [{ row: 0, col: 0, value: 5 }, { row: 0, col: 2, value: 7 }, { row: 0, col: 0, value: 6 }], "Л").xml).toBe(sheet('<row r="1"><c r="C1"><v>7</v></c><c r="A1"><v>6</v></c></row>'));
  });

  test("text with leading spaces, line breaks and characters XML cannot carry", () => {
    const out = patchCells(sheet(""), [{ row: 0, col: 0, value: " a\nb\u0001" }], "Л").xml;
    expect(out).toContain('<t xml:space="preserve"> a\nb_x0001_</t>');
  });
});
