// The part comparison of ./compareParts.ts checked on small hand-made packages: identical packages
// pass, a changed untouched part fails, and in a sheet that received cell writes only the written
// cells may differ.
import type { WritePlan } from "../../src/workbook/backend";
import {
  canonicalXml,
  ownershipOf,
  packageProblems,
  resolveTarget,
  sheetRows,
  unzipParts,
  workbookSheets,
  type Parts,
} from "./compareParts";
import { ExcelBook } from "./excelBook";

const enc = new TextEncoder();
const dec = new TextDecoder();

async function smallBook(flavour: "excel" | "openpyxl" | "sdk" = "excel"): Promise<Parts> {
  const book = new ExcelBook(flavour);
  book.addSheet("Ученики", [["Класс", "ФИО", "Код"], ["4А", "Иванов Иван", null], ["4Б", "Петрова Анна", null]]);
  book.addSheet("Журнал", [["Дата", "Событие"], [46091, "Выданы коды"]]);
  book.definedNames.push('<definedName name="Коды">Ученики!$C$2:$C$3</definedName>');
  book.calcChain.push('<c r="A2" i="2"/>');
  return unzipParts(await book.toBytes());
}

const copy = (parts: Parts): Parts => new Map([...parts].map(([k, v]) => [k, v.slice()]));
const edit = (parts: Parts, name: string, fn: (xml: string) => string): Parts => {
  const out = copy(parts);
  const xml = dec.decode(out.get(name)!);
  const next = fn(xml);
  if (next === xml) throw new Error(`edit of ${name} changed nothing`);
  out.set(name, enc.encode(next));
  return out;
};

const NO_PLAN: WritePlan = { sheets: [], cellWrites: [] };
const CODE_WRITES: WritePlan = { sheets: [], cellWrites: [{ sheet: "Ученики", address: "C2", value: 40001 }, { sheet: "Ученики", address: "C3", value: 40002 }] };

describe("compareParts", () => {
  test("targets resolve relative and absolute; sheets are found through workbook.xml and rels in every flavour", async () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "/xl/comments/comment1.xml")).toBe("xl/comments/comment1.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    for (const flavour of ["excel", "openpyxl", "sdk"] as const) {
      const parts = await smallBook(flavour);
      expect(workbookSheets(parts).map((s) => [s.name, s.part])).toEqual([
        ["Ученики", "xl/worksheets/sheet1.xml"],
        ["Журнал", "xl/worksheets/sheet2.xml"],
      ]);
      const rows = sheetRows(/<(?:x:)?sheetData>([\s\S]*)<\/(?:x:)?sheetData>/.exec(dec.decode(parts.get("xl/worksheets/sheet1.xml")!))![1]);
      expect([...rows.get(2)!.cells.keys()]).toEqual(["A2", "B2"]);
    }
  });

  test("canonical XML ignores prefixes, attribute order and namespace declarations", () => {
    expect(canonicalXml('<x:sheet xmlns:x="u" b="2" a="1"><x:v>1</x:v></x:sheet>')).toBe(canonicalXml('<sheet xmlns="u" a="1" b="2">\n  <v>1</v>\n</sheet>'));
    expect(canonicalXml('<sheet a="1"/>')).not.toBe(canonicalXml('<sheet a="2"/>'));
  });

  test("identical packages pass", async () => {
    const parts = await smallBook();
    expect(packageProblems(parts, copy(parts), [NO_PLAN])).toEqual([]);
    expect(packageProblems(parts, copy(parts), [CODE_WRITES])).toEqual([]);
  });

  test("a changed part nobody owns fails; owned parts may change", async () => {
    const parts = await smallBook();
    const theme = edit(parts, "xl/theme/theme1.xml", (x) => x.replace('name="Тема Office"', 'name="Другая"'));
    expect(packageProblems(parts, theme, [NO_PLAN])).toEqual([expect.stringMatching(/^xl\/theme\/theme1\.xml: changed/)]);
    const journal = edit(parts, "xl/worksheets/sheet2.xml", (x) => x.replace("<v>46091</v>", "<v>46092</v>"));
    expect(packageProblems(parts, journal, [CODE_WRITES])).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet2\.xml: changed/)]);
    const core = edit(parts, "docProps/core.xml", (x) => x.replace("2026-03-10T12:40:21Z", "2026-04-01T00:00:00Z"));
    expect(packageProblems(parts, core, [NO_PLAN])).toEqual([]);
  });

  test("a part that disappears fails, but calcChain may go", async () => {
    const parts = await smallBook();
    const noTheme = copy(parts);
    noTheme.delete("xl/theme/theme1.xml");
    expect(packageProblems(parts, noTheme, [NO_PLAN])).toContain("xl/theme/theme1.xml: disappeared");
    const noChain = copy(parts);
    noChain.delete("xl/calcChain.xml");
    expect(packageProblems(parts, noChain, [NO_PLAN])).toEqual([]);
  });

  test("in a written sheet only the written cells may differ", async () => {
    const parts = await smallBook();
    const sheet = "xl/worksheets/sheet1.xml";
    // Codes written into C2 and C3 (new cells), the row spans and <dimension> updated: fine.
    const written = edit(parts, sheet, (x) =>
      x
        .replace(/(<c r="B2"[^>]*>.*?<\/c>)/, '$1<c r="C2"><v>40001</v></c>')
        .replace(/(<c r="B3"[^>]*>.*?<\/c>)/, '$1<c r="C3"><v>40002</v></c>')
        .replace('<row r="2" spans="1:2"', '<row r="2" spans="1:3"')
        .replace('<dimension ref="A1:B3"/>', '<dimension ref="A1:C3"/>'),
    );
    expect(packageProblems(parts, written, [CODE_WRITES])).toEqual([]);
    // The same edit without a plan that writes them: the sheet changed.
    expect(packageProblems(parts, written, [NO_PLAN])).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet1\.xml: changed/)]);
    // A cell that was not written changed (the class of row 2): fails, naming the cell.
    const other = edit(written, sheet, (x) => x.replace('<c r="A2" t="s">', '<c r="A2" s="1" t="s">'));
    expect(packageProblems(parts, other, [CODE_WRITES])).toEqual([expect.stringMatching(/sheet1\.xml: A2 \(not written\) changed/)]);
    // A row without written cells changed: fails.
    const header = edit(written, sheet, (x) => x.replace('<row r="1" spans="1:3"', '<row r="1" spans="1:3" ht="30" customHeight="1"'));
    expect(packageProblems(parts, header, [CODE_WRITES])).toEqual([expect.stringMatching(/row 1 \(no cell written\) changed/)]);
    // A cell appearing that was not written: fails.
    const extra = edit(written, sheet, (x) => x.replace('<c r="C3"><v>40002</v></c>', '<c r="C3"><v>40002</v></c><c r="D3"><v>1</v></c>'));
    expect(packageProblems(parts, extra, [CODE_WRITES])).toEqual([expect.stringMatching(/D3 appeared but was not written/)]);
    // Outside <sheetData>: fails.
    const margins = edit(written, sheet, (x) => x.replace('left="0.7"', 'left="0.8"'));
    expect(packageProblems(parts, margins, [CODE_WRITES])).toEqual([expect.stringMatching(/changed after <\/sheetData>/)]);
  });

  test("a created sheet owns its parts; the workbook keeps its sheets, names and content type", async () => {
    const parts = await smallBook();
    const plan: WritePlan = { sheets: [{ name: "Коды для выдачи", mode: "create", values: [["Код"]] }], cellWrites: [] };
    const grown = edit(
      edit(
        edit(parts, "xl/workbook.xml", (x) => x.replace("</sheets>", '<sheet name="Коды для выдачи" sheetId="3" r:id="rId9"/></sheets>')),
        "xl/_rels/workbook.xml.rels",
        (x) => x.replace("</Relationships>", '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/></Relationships>'),
      ),
      "[Content_Types].xml",
      (x) => x.replace("</Types>", '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    );
    grown.set("xl/worksheets/sheet3.xml", enc.encode("<worksheet/>"));
    expect(ownershipOf(parts, grown, [plan]).owned).toContain("xl/worksheets/sheet3.xml");
    expect(packageProblems(parts, grown, [plan])).toEqual([]);
    const lostName = edit(grown, "xl/workbook.xml", (x) => x.replace(/<definedNames>.*<\/definedNames>/, ""));
    expect(packageProblems(parts, lostName, [plan])).toEqual([expect.stringMatching(/defined name lost or changed: Коды @workbook/)]);
    const plainType = edit(grown, "[Content_Types].xml", (x) => x.replace("sheet.main+xml", "template.main+xml"));
    expect(packageProblems(parts, plainType, [plan])).toEqual(expect.arrayContaining([expect.stringMatching(/content type of xl\/workbook\.xml/)]));
    const codeName = edit(grown, "xl/workbook.xml", (x) => x.replace('<workbookPr defaultThemeVersion="166925"/>', '<workbookPr codeName="ЭтаКнига" defaultThemeVersion="166925"/>'));
    expect(packageProblems(parts, codeName, [plan])).toEqual([expect.stringMatching(/children other than sheets/)]);
  });

  test("moved shared strings fail even when the sheet bytes are equal", async () => {
    const parts = await smallBook();
    const swapped = edit(parts, "xl/sharedStrings.xml", (x) => x.replace("<si><t>Класс</t></si><si><t>ФИО</t></si>", "<si><t>ФИО</t></si><si><t>Класс</t></si>"));
    expect(packageProblems(parts, swapped, [NO_PLAN])).toEqual([expect.stringMatching(/Ученики!A1: shared string 0 was/), expect.stringMatching(/Ученики!B1: shared string 1 was/)]);
  });

  test("a lost style record fails", async () => {
    const parts = await smallBook();
    const styles = edit(parts, "xl/styles.xml", (x) => x.replace('<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>', ""));
    expect(packageProblems(parts, styles, [NO_PLAN]).some((p) => /cellXfs\[2\]/.test(p))).toBe(true);
  });
});
