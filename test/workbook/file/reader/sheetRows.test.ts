// The row-by-row scanner (file/reader/sheetRows.ts) gives what the snapshot reader (readSheet.ts,
// htmlparser2) gives: on every sheet of the foreign corpus (Excel, LibreOffice, openpyxl…), on
// sheets written with every XML liberty a writer may take, and whichever way the text is cut into
// pieces — including in the middle of a tag, an entity or a Cyrillic letter's bytes.
import fc from "fast-check";
import "../../../../src/workbook/file/node/nativeInflate";
import type { CellValue } from "../../../../src/workbook/backend";
import { XlsxPackage } from "../../../../src/workbook/file/package/XlsxPackage";
import { readWorkbook } from "../../../../src/workbook/file/package/workbookPart";
import { readContext } from "../../../../src/workbook/file/reader/readWorkbook";
import { readSheetXml, type ReadContext } from "../../../../src/workbook/file/reader/readSheet";
import { STOP_ROWS, readSheetRows } from "../../../../src/workbook/file/reader/sheetRows";
import { utf8Chunks } from "../../../../src/workbook/file/reader/utf8Chunks";
import { CORPUS, corpusBytes } from "../../../corpus/books";
import { haveSoffice } from "../../../corpus/libreoffice";

const ctx: ReadContext = { sharedStrings: ["общая строка", "", "second"], dateStyles: [false, true], date1904: false };

/** Rows as the scanner gives them: row index → values. */
async function scanned(xml: string | AsyncIterable<string>, c = ctx): Promise<Map<number, CellValue[]>> {
  const rows = new Map<number, CellValue[]>();
  await readSheetRows(xml, c, (r, v) => void rows.set(r, v));
  return rows;
}

/** The snapshot reader's grid as rows with a value, trailing empties dropped. */
function snapshotRows(xml: string, c = ctx): Map<number, CellValue[]> {
  const rows = new Map<number, CellValue[]>();
  readSheetXml(xml, c, false).values.forEach((row, r) => {
    let n = row.length;
    while (n > 0 && row[n - 1] === null) n--;
    if (n > 0) rows.set(r, row.slice(0, n));
  });
  return rows;
}

async function* inPieces(text: string, cuts: number[]): AsyncGenerator<string> {
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    if (c > at && c < text.length) {
      yield text.slice(at, c);
      at = c;
    }
  }
  yield text.slice(at);
}

const SHEET = (data: string, prefix = ""): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}dimension ref="A1:D9"/><${prefix}sheetData>${data}</${prefix}sheetData><${prefix}mergeCells count="0"/></${prefix}worksheet>`;

// Every liberty at once: comments and a processing instruction between cells, CDATA, entities in
// text and attributes, single quotes, «>» inside a quoted value, self-closing and empty cells,
// cells and rows without r, a cell outside any row, shared strings, booleans, errors, dates by
// style, formulas with and without a cached value, inline rich text with a phonetic run, spaces.
const LIBERAL = [
  `<row r="1" spans="1:4"><c r="A1" t="inlineStr"><is><t>логин &amp; «код»</t></is></c><c r='B1' t='s'><v>0</v></c><c r="C1" t="s"><v>2</v></c><c r="D1"/></row>`,
  `<!-- a comment <c r="A2"><v>9</v></c> --><row r="2"><c r="A2"><v>12</v></c><?pi something?><c r="C2" s="1"><v>45000</v></c></row>`,
  `<row r="3" x14ac:dyDescent="0.25" note="a > b"><c r="A3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="B3"><f>1+1</f></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c></row>`,
  `<row><c t="inlineStr"><is><r><t>бо</t></r><r><t xml:space="preserve">льшой </t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c><c><v>-1.5</v></c></row>`,
  `<row r="6"><c r="B6" t="inlineStr"><is><t><![CDATA[<не тег> & всё]]></t></is></c><c r="C6" t="inlineStr"><is><t>&#1040;&#x411;_x0041_</t></is></c></row>`,
  `<c r="A8"><v>8</v></c>`,
  `<row r="9" ><c r="A9" t="inlineStr" ><is ><t >  пробелы  </t ></is ></c ><c r="$B$9"><v>2</v></c></row >`,
].join("\n");

describe("readSheetRows", () => {
  test("a sheet with every liberty gives the snapshot reader's rows", async () => {
    const xml = SHEET(LIBERAL);
    const rows = await scanned(xml);
    expect(rows).toEqual(snapshotRows(xml));
    // And they are what was written (not merely the same mistakes twice).
    expect(rows.get(0)).toEqual(["логин & «код»", "общая строка", "second"]);
    expect(rows.get(1)).toEqual([12, null, "2023-03-15"]);
    expect(rows.get(2)).toEqual(["xy", null, true, "#N/A"]);
    expect(rows.get(3)).toEqual(["большой ", -1.5]);
    expect(rows.get(5)).toEqual([null, "<не тег> & всё", "АБA"]);
    expect(rows.get(7)).toEqual([8]);
    expect(rows.get(8)).toEqual(["  пробелы  ", 2]);
  });

  test("a namespace prefix on every element («x:row», «x:c») changes nothing", async () => {
    const prefixed = LIBERAL.replace(/<(\/?)(row|c|v|f|is|t|r|rPh)([ >/])/g, "<$1x:$2$3");
    expect(await scanned(SHEET(prefixed, "x:"))).toEqual(await scanned(SHEET(LIBERAL)));
  });

  test("cut into pieces anywhere (inside tags, entities, CDATA), the rows are the same", async () => {
    const xml = SHEET(LIBERAL);
    const whole = await scanned(xml);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 40 }), async (cuts) => {
        expect(await scanned(inPieces(xml, cuts))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
    // Every single cut position too.
    for (let c = 1; c < xml.length; c++) expect(await scanned(inPieces(xml, [c]))).toEqual(whole);
  });

  test("bytes cut inside a Cyrillic letter decode whole (utf8Chunks keeps a piece's end at «>»)", async () => {
    const xml = SHEET(LIBERAL);
    const bytes = new TextEncoder().encode(xml);
    async function* bytePieces(size: number): AsyncGenerator<Uint8Array> {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    }
    const whole = await scanned(xml);
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(await scanned(utf8Chunks(bytePieces(size)))).toEqual(whole);
  });

  test("STOP_ROWS ends the read after the row that said so; nothing after </sheetData> is read", async () => {
    const seen: number[] = [];
    await readSheetRows(SHEET(LIBERAL), ctx, (r) => (seen.push(r), r === 1 ? STOP_ROWS : undefined));
    expect(seen).toEqual([0, 1]);
    const after = SHEET(`<row r="1"><c r="A1"><v>1</v></c></row>`).replace("</worksheet>", `<extLst><row r="5"><c r="A5"><v>5</v></c></row></extLst></worksheet>`);
    expect([...(await scanned(after)).keys()]).toEqual([0]);
  });

  test("an unfinished part (cut off mid-tag) gives the rows before the cut", async () => {
    const xml = SHEET(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`);
    const cut = xml.slice(0, xml.indexOf(`<c r="A2"`) + 5);
    expect(await scanned(cut)).toEqual(new Map([[0, [1]]]));
  });

  const books = CORPUS.filter((b) => !b.libreOffice || haveSoffice());
  test.each(books.map((b) => [b.id, b] as const))("corpus «%s»: every sheet gives the snapshot reader's rows", async (_id, book) => {
    const pkg = await XlsxPackage.open(await corpusBytes(book));
    const info = await readWorkbook(pkg);
    const c = await readContext(pkg, info);
    let compared = 0;
    for (const s of info.sheets) {
      if (!s.part) continue;
      const xml = (await pkg.text(s.part))!;
      // Merged areas hide cells from the snapshot; the scanner does not look at them (its sources have none).
      if (/<(?:\w+:)?mergeCell /.test(xml)) continue;
      expect(await scanned(utf8Chunks((await pkg.partPieces(s.part)) as Uint8Array | AsyncIterable<Uint8Array>), c)).toEqual(snapshotRows(xml, c));
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
