// The corpus: foreign workbooks that hold the sample school (small), each with one feature the
// add-in does not make, written by hand the way Excel, LibreOffice, openpyxl or the Open XML SDK
// write it. Every builder returns the bytes of a whole workbook; those that go through LibreOffice
// need `soffice` (see ./libreoffice.ts). Built once per process and cached.
import { ExcelBook, ROSTER, STYLE, corpusSchool, guid, schoolBook, type Sheet } from "./excelBook";
import { saveWithLibreOffice } from "./libreoffice";
import { contentTypeOf, partText, relationships, sheetEntry, workbookPart, type Parts } from "./compareParts";
import { CT, NS, REL, escapeXml } from "./opc";

const rosterRows = (book: ExcelBook): number => book.sheet(ROSTER).values.length;
const rosterRef = (book: ExcelBook): string => `A1:F${rosterRows(book)}`;

// ---------------------------------------------------------------------------------------------
// Features, each written into an ExcelBook the way its generator writes it.

/** «Ученики» as an Excel table (ListObject) named «Список» with its autoFilter. */
function addRosterTable(book: ExcelBook): void {
  const roster = book.sheet(ROSTER);
  const ref = rosterRef(book);
  const columns = (roster.values[0] as string[]).map((name, i) => ({ name, i }));
  const part = "xl/tables/table1.xml";
  const excel = book.flavour === "excel";
  const cols = columns.map((c) => `<tableColumn id="${c.i + 1}"${excel ? ` xr3:uid="${guid(c.i + 2)}"` : ""} name="${escapeXml(c.name)}"/>`).join("");
  const xml = excel
    ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<table xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr xr3" xmlns:xr="${NS.xr}" xmlns:xr3="${NS.xr3}" id="1" xr:uid="${guid(0)}" name="Список" displayName="Список" ref="${ref}" totalsRowShown="0" headerRowDxfId="0"><autoFilter ref="${ref}" xr:uid="${guid(1)}"/><tableColumns count="${columns.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
    : `<table xmlns="${NS.main}" id="1" name="Список" displayName="Список" ref="${ref}"><autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  book.pkg.add(part, xml, CT.table);
  const id = book.relateFromSheet(roster, REL.table, part);
  roster.tail.tableParts = `<tableParts count="1"><tablePart${excel ? "" : ` xmlns:r="${NS.r}"`} r:id="${id}"/></tableParts>`;
}

const VML_NOTE = (row: number, col: number) =>
  [
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"',
    ' xmlns:o="urn:schemas-microsoft-com:office:office"',
    ' xmlns:x="urn:schemas-microsoft-com:office:excel">',
    ' <o:shapelayout v:ext="edit">',
    '  <o:idmap v:ext="edit" data="1"/>',
    ' </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"',
    '  path="m,l,21600r21600,l21600,xe">',
    '  <v:stroke joinstyle="miter"/>',
    '  <v:path gradientshapeok="t" o:connecttype="rect"/>',
    ' </v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style=\'position:absolute;',
    "  margin-left:260.25pt;margin-top:16.5pt;width:128.25pt;height:57pt;z-index:1;",
    "  visibility:hidden' fillcolor=\"#ffffe1\" o:insetmode=\"auto\">",
    '  <v:fill color2="#ffffe1"/>',
    '  <v:shadow on="t" color="black" obscured="t"/>',
    '  <v:path o:connecttype="none"/>',
    "  <v:textbox style='mso-direction-alt:auto'>",
    "   <div style='text-align:left'></div>",
    "  </v:textbox>",
    '  <x:ClientData ObjectType="Note">',
    "   <x:MoveWithCells/>",
    "   <x:SizeWithCells/>",
    "   <x:Anchor>",
    `    ${col + 1}, 15, ${row}, 2, ${col + 3}, 63, ${row + 4}, 4</x:Anchor>`,
    "   <x:AutoFill>False</x:AutoFill>",
    `   <x:Row>${row}</x:Row>`,
    `   <x:Column>${col}</x:Column>`,
    "  </x:ClientData>",
    " </v:shape></xml>",
  ].join("\r\n");

/** A note (legacy comment) on a roster cell: comments part, VML shape, legacyDrawing. Text names nobody. */
function addRosterComment(book: ExcelBook, address = "B3"): void {
  const roster = book.sheet(ROSTER);
  const row = Number(address.slice(1)) - 1;
  const col = address.charCodeAt(0) - 65;
  const excel = book.flavour === "excel";
  const rPr = (bold: boolean) => `<rPr>${bold ? "<b/>" : ""}<sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/><charset val="204"/></rPr>`;
  const comments = excel
    ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<comments xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr" xmlns:xr="${NS.xr}"><authors><author>Координатор</author></authors><commentList><comment ref="${address}" authorId="0" shapeId="0" xr:uid="${guid(5)}"><text><r>${rPr(true)}<t>Координатор:</t></r><r>${rPr(false)}<t xml:space="preserve">\nПереведён из другой школы 02.03, личное дело в пути</t></r></text></comment></commentList></comments>`
    : `<comments xmlns="${NS.main}"><authors><author>Координатор</author></authors><commentList><comment ref="${address}" authorId="0" shapeId="0"><text><t>Переведён из другой школы 02.03, личное дело в пути</t></text></comment></commentList></comments>`;
  // Excel: xl/comments1.xml + xl/drawings/vmlDrawing1.vml; openpyxl: xl/comments/comment1.xml + xl/drawings/commentsDrawing1.vml, ids "comments" and "anysvml".
  const commentsPart = excel ? "xl/comments1.xml" : "xl/comments/comment1.xml";
  const vmlPart = excel ? "xl/drawings/vmlDrawing1.vml" : "xl/drawings/commentsDrawing1.vml";
  book.pkg.add(commentsPart, comments, CT.comments);
  book.pkg.add(vmlPart, VML_NOTE(row, col));
  book.pkg.defaults.set("vml", CT.vml);
  const openpyxl = book.flavour === "openpyxl";
  const vmlId = book.relateFromSheet(roster, REL.vmlDrawing, vmlPart, openpyxl ? "anysvml" : undefined);
  book.relateFromSheet(roster, REL.comments, commentsPart, openpyxl ? "comments" : undefined);
  roster.tail.legacyDrawing = `<legacyDrawing${excel ? "" : ` xmlns:r="${NS.r}"`} r:id="${vmlId}"/>`;
}

const addUserSheet = (book: ExcelBook, name: string, values: (string | number | null)[][], widths?: number[]): Sheet => {
  const sheet = book.addSheet(name, values);
  if (widths) sheet.setWidths(widths);
  values[0].forEach((v, c) => v !== null && sheet.styles.set(`${String.fromCharCode(65 + c)}1`, STYLE.header));
  return sheet;
};

const CLASSES = Object.keys({ "4А": 0, "4Б": 0, "5А": 0, "6А": 0, "8А": 0 });
const classSize = (cls: string) => corpusSchool().students.filter((s) => s.className === cls).length;

// ---------------------------------------------------------------------------------------------
// The builders.

/** Imitates a coordinator's workbook typed in Excel 365 (the base every other book starts from). */
export async function excelPlain(): Promise<Uint8Array> {
  return schoolBook().toBytes();
}

/** Imitates the coordinator's workbook opened and saved by LibreOffice Calc (real `soffice --convert-to xlsx`). */
export async function libreOfficeSaved(): Promise<Uint8Array> {
  return saveWithLibreOffice(await excelPlain(), "xlsx");
}

/** Imitates Excel 365 with the roster formatted as a table («Форматировать как таблицу»). */
export async function rosterTable(): Promise<Uint8Array> {
  const book = schoolBook();
  addRosterTable(book);
  return book.toBytes();
}

/** Imitates the roster-as-table workbook saved again by LibreOffice Calc (real soffice). */
export async function rosterTableLibreOffice(): Promise<Uint8Array> {
  return saveWithLibreOffice(await rosterTable(), "xlsx");
}

/** Imitates Excel 365: roster filtered to 4А (hidden rows), a password-protected user sheet «Журнал» with a custom filter. */
export async function protectedFiltered(): Promise<Uint8Array> {
  const book = schoolBook();
  const roster = book.sheet(ROSTER);
  const n = rosterRows(book);
  roster.sheetPr = '<sheetPr filterMode="1"/>';
  roster.tail.autoFilter = `<autoFilter ref="${rosterRef(book)}" xr:uid="${guid(3)}"><filterColumn colId="0"><filters><filter val="4А"/></filters></filterColumn></autoFilter>`;
  for (let r = 2; r <= n; r++) if (roster.values[r - 1][0] !== "4А") roster.rowAttributes.set(r, ' hidden="1"');
  const log = addUserSheet(
    book,
    "Журнал",
    [
      ["Дата", "Событие", "Класс", "Ответственный"],
      [46091, "Получены варианты", "4А", "завуч"],
      [46092, "Выданы коды", "4Б", "классный руководитель"],
      [46093, "Проведена работа", "8А", "организатор"],
      [46094, "Проверка работ", "4А", "эксперт"],
      [46095, "Загрузка в ФИС ОКО", "8А", "координатор"],
      [46096, "Проведена работа", "5А", "организатор"],
    ],
    [12, 24, 8, 24],
  );
  for (let r = 2; r <= 7; r++) log.styles.set(`A${r}`, STYLE.date);
  log.sheetPr = '<sheetPr filterMode="1"/>';
  log.tail.sheetProtection =
    '<sheetProtection algorithmName="SHA-512" hashValue="q0sVxS3m0kqv8c5n3tA7KmDq2e0lqkCkz9tWmI0nWqf8h3E4dN9yJ0o1bGf6zR1uT7x2pQ8vL4cA9sD0eF3gHw==" saltValue="3fK9mQ2pL7xR1vT8zW4yNg==" spinCount="100000" sheet="1" objects="1" scenarios="1" autoFilter="0"/>';
  log.tail.autoFilter = `<autoFilter ref="A1:D7" xr:uid="${guid(4)}"><filterColumn colId="2"><customFilters><customFilter operator="notEqual" val="8А"/></customFilters></filterColumn></autoFilter>`;
  log.rowAttributes.set(4, ' hidden="1"');
  log.rowAttributes.set(6, ' hidden="1"');
  book.definedNames.push(
    `<definedName name="_xlnm._FilterDatabase" localSheetId="${book.sheetIndex(ROSTER)}" hidden="1">Ученики!$A$1:$F$${n}</definedName>`,
    `<definedName name="_xlnm._FilterDatabase" localSheetId="${book.sheetIndex("Журнал")}" hidden="1">Журнал!$A$1:$D$7</definedName>`,
  );
  return book.toBytes();
}

/** Imitates Excel 365: a user report sheet «Отчёт» with merged title, group and total cells. */
export async function mergedCells(): Promise<Uint8Array> {
  const book = schoolBook();
  const report = addUserSheet(
    book,
    "Отчёт",
    [
      ["Отчёт о проведении ВПР — весна 2026", null, null, null],
      ["Параллель", "Класс", "Работ", "Примечание"],
      ["4 классы", "4А", 3, "без замечаний"],
      [null, "4Б", 2, null],
      ["5 классы", "5А", 2, "перенос на 17.04"],
      ["6–8 классы", "6А", 1, null],
      [null, "8А", 2, null],
      ["Итого", null, 10, null],
    ],
    [14, 8, 8, 30],
  );
  report.styles.set("B1", STYLE.header).set("C1", STYLE.header).set("D1", STYLE.header);
  report.tail.mergeCells = '<mergeCells count="5"><mergeCell ref="A1:D1"/><mergeCell ref="A3:A4"/><mergeCell ref="D3:D4"/><mergeCell ref="A6:A7"/><mergeCell ref="A8:B8"/></mergeCells>';
  return book.toBytes();
}

/** Imitates Excel 365: the class column of «Ученики» validated by a list on another sheet, saved as an x14 (Excel 2010+) validation. */
export async function x14Validation(): Promise<Uint8Array> {
  const book = schoolBook();
  addUserSheet(book, "Списки", CLASSES.map((c) => [c]));
  book.sheet("Списки").styles.clear();
  book.sheet(ROSTER).tail.extLst =
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${NS.x14}"><x14:dataValidations count="1" xmlns:xm="${NS.xm}">` +
    `<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Класс" error="Выберите класс из списка" xr:uid="${guid(6)}"><x14:formula1><xm:f>Списки!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>A2:A200</xm:sqref></x14:dataValidation>` +
    `</x14:dataValidations></ext></extLst>`;
  return book.toBytes();
}

/** Imitates Excel 365: a note on a roster name cell (comments1.xml + vmlDrawing1.vml + legacyDrawing). */
export async function rosterComment(): Promise<Uint8Array> {
  const book = schoolBook();
  addRosterComment(book);
  return book.toBytes();
}

/** Imitates Excel 365: a user sheet «Численность» with a column chart (drawing1.xml + chart1.xml). */
export async function chart(): Promise<Uint8Array> {
  const book = schoolBook();
  const sheet = addUserSheet(book, "Численность", [["Класс", "Учеников"], ...CLASSES.map((c) => [c, classSize(c)])], [10, 12]);
  const drawing = "xl/drawings/drawing1.xml";
  const chartPart = "xl/charts/chart1.xml";
  const drawingId = book.relateFromSheet(sheet, REL.drawing, drawing);
  sheet.tail.drawing = `<drawing r:id="${drawingId}"/>`;
  const chartId = book.pkg.relate(drawing, REL.chart, chartPart);
  const anchor = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  book.pkg.add(
    drawing,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"><xdr:twoCellAnchor editAs="oneCell">${anchor("from", 3, 1)}${anchor("to", 11, 16)}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Диаграмма 1"><a:extLst><a:ext uri="{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}"><a16:creationId xmlns:a16="http://schemas.microsoft.com/office/drawing/2014/main" id="{6A3C2B1D-0E4F-4A5B-9C8D-7E6F5A4B3C2D}"/></a:ext></a:extLst></xdr:cNvPr><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${chartId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    CT.drawing,
  );
  const strPts = CLASSES.map((c, i) => `<c:pt idx="${i}"><c:v>${c}</c:v></c:pt>`).join("");
  const numPts = CLASSES.map((c, i) => `<c:pt idx="${i}"><c:v>${classSize(c)}</c:v></c:pt>`).join("");
  const axis = (id: number, cross: number, pos: string, kind: "catAx" | "valAx") =>
    `<c:${kind}><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${pos}"/>${kind === "valAx" ? "<c:majorGridlines/>" : ""}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/>${kind === "catAx" ? '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>' : '<c:crossBetween val="between"/>'}</c:${kind}>`;
  book.pkg.add(
    chartPart,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:date1904 val="0"/><c:lang val="ru-RU"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Численность!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Учеников</c:v></c:pt></c:strCache></c:strRef></c:tx><c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>Численность!$A$2:$A$6</c:f><c:strCache><c:ptCount val="5"/>${strPts}</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Численность!$B$2:$B$6</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="5"/>${numPts}</c:numCache></c:numRef></c:val></c:ser><c:gapWidth val="219"/><c:overlap val="-27"/><c:axId val="511287712"/><c:axId val="511290992"/></c:barChart>${axis(511287712, 511290992, "b", "catAx")}${axis(511290992, 511287712, "l", "valAx")}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings></c:chartSpace>`,
    CT.chart,
  );
  return book.toBytes();
}

/** Imitates Excel 365 with user names: two global (one hidden), one local to «План», print area and titles of «Ученики». */
export async function definedNames(): Promise<Uint8Array> {
  const book = schoolBook();
  const n = rosterRows(book);
  const roster = book.sheetIndex(ROSTER);
  book.definedNames.push(
    `<definedName name="_xlnm.Print_Area" localSheetId="${roster}">Ученики!$A$1:$F$${n}</definedName>`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="${roster}">Ученики!$1:$1</definedName>`,
    `<definedName name="Год_ВПР">Настройки!$B$4</definedName>`,
    `<definedName name="Даты" localSheetId="${book.sheetIndex("План")}">План!$D$2:$D$11</definedName>`,
    `<definedName name="Список_учеников">Ученики!$A$2:$F$${n}</definedName>`,
    `<definedName name="Служебное" hidden="1">Критерии!$A$1</definedName>`,
  );
  return book.toBytes();
}

/** A small OLE compound file, like the head of a real vbaProject.bin (no real VBA inside). */
function vbaProjectBin(): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00, 0x06], 24);
  const name = "VBA_PROJECT";
  [...name].forEach((ch, i) => bytes.set([ch.charCodeAt(0), 0], 512 + 2 * i));
  return bytes;
}

/** Imitates an Excel 365 .xlsm: vbaProject.bin, the macro-enabled workbook content type, code names. */
export async function macroEnabled(): Promise<Uint8Array> {
  const book = schoolBook();
  book.vbaProject = vbaProjectBin();
  book.workbookCodeName = "ЭтаКнига";
  book.sheets.forEach((s, i) => (s.codeName = `Лист${i + 1}`));
  return book.toBytes();
}

/** Imitates the .xlsm saved again by LibreOffice Calc with the «Calc MS Excel 2007 VBA XML» filter (real soffice). */
export async function macroEnabledLibreOffice(): Promise<Uint8Array> {
  return saveWithLibreOffice(await macroEnabled(), "xlsm");
}

/** Imitates openpyxl 3.1: absolute part paths ("/xl/worksheets/sheet1.xml"), a roster table and a note with absolute targets. */
export async function openpyxlAbsolute(): Promise<Uint8Array> {
  const book = schoolBook("openpyxl");
  addRosterTable(book);
  addRosterComment(book);
  return book.toBytes();
}

/** Imitates the Open XML SDK (System.IO.Packaging): "x:"-prefixed SpreadsheetML, absolute targets, R… relationship ids. */
export async function sdkPrefixed(): Promise<Uint8Array> {
  return schoolBook("sdk").toBytes();
}

/**
 * Imitates a generated roster (inline strings, as Apache POI's streaming writer makes them) with
 * rich-text names, and a summary sheet «Итоги» of shared formulas with a calcChain, as Excel keeps them.
 */
export async function inlineRichShared(): Promise<Uint8Array> {
  const book = schoolBook();
  const roster = book.sheet(ROSTER);
  roster.inlineStrings = true;
  // Two names in rich text (bold surname): inline in the roster, and one shared in «Итоги»'s header.
  for (const r of [1, 4]) {
    const [surname, ...rest] = String(roster.values[r][1]).split(" ");
    roster.raw.set(`B${r + 1}`, {
      t: "inlineStr",
      inner: `<is><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><charset val="204"/><scheme val="minor"/></rPr><t>${escapeXml(surname)}</t></r><r><rPr><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><charset val="204"/><scheme val="minor"/></rPr><t xml:space="preserve"> ${escapeXml(rest.join(" "))}</t></r></is>`,
    });
  }
  const totals = addUserSheet(book, "Итоги", [["Класс", "Учеников", "С кодом"], ...CLASSES.map((c) => [c, null, null])], [10, 12, 12]);
  const index = book.sheetIndex("Итоги") + 1;
  const header = book.strings.rich('<r><rPr><b/><sz val="11"/><color rgb="FF1F4E79"/><rFont val="Calibri"/><family val="2"/><charset val="204"/><scheme val="minor"/></rPr><t>Учеников</t></r><r><rPr><i/><sz val="9"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><charset val="204"/><scheme val="minor"/></rPr><t xml:space="preserve"> (по списку)</t></r>');
  totals.raw.set("B1", { t: "s", s: STYLE.header, inner: `<v>${header}</v>` });
  CLASSES.forEach((c, i) => {
    const r = i + 2;
    const master = i === 0;
    totals.raw.set(`B${r}`, { inner: master ? `<f t="shared" ref="B2:B6" si="0">COUNTIF(Ученики!$A$2:$A$200,A2)</f><v>${classSize(c)}</v>` : `<f t="shared" si="0"/><v>${classSize(c)}</v>` });
    totals.raw.set(`C${r}`, { inner: master ? `<f t="shared" ref="C2:C6" si="1">COUNTIFS(Ученики!$A$2:$A$200,A2,Ученики!$D$2:$D$200,"&lt;&gt;")</f><v>0</v>` : `<f t="shared" si="1"/><v>0</v>` });
    book.calcChain.push(`<c r="B${r}" i="${index}"${master ? "" : ' s="1"'}/>`, `<c r="C${r}"${master ? "" : ' s="1"'}/>`);
  });
  return book.toBytes();
}

/** A check that a book really has what it imitates (LibreOffice could drop a feature silently). */
export interface Mark {
  what: string;
  present: (parts: Parts) => boolean;
}

export interface CorpusBook {
  /** Letters and digits only (used in file names). */
  id: string;
  /** What the book imitates, one line. */
  title: string;
  build: () => Promise<Uint8Array>;
  /** Built through real LibreOffice: needs soffice. */
  libreOffice?: boolean;
  /** The workbook part must keep the macro-enabled content type. */
  macroEnabled?: boolean;
  marks: Mark[];
}

const text = (parts: Parts, name: string) => partText(parts, name) ?? "";
const roster = (parts: Parts) => text(parts, sheetEntry(parts, ROSTER)?.part ?? "");
const mark = (what: string, present: (parts: Parts) => boolean): Mark => ({ what, present });
const savedByLibreOffice = mark("docProps/app.xml names LibreOffice", (p) => /<Application>LibreOffice/.test(text(p, "docProps/app.xml")));
const rosterTablePart = mark("a table part over «Ученики», linked from its sheet", (p) => relationships(p, sheetEntry(p, ROSTER)!.part).some((r) => r.type === REL.table && p.has(r.part)) && /<(\w+:)?tablePart\b/.test(roster(p)));
const macroType = mark("the macro-enabled workbook content type", (p) => contentTypeOf(p, workbookPart(p)) === CT.workbookMacro);

export const CORPUS: CorpusBook[] = [
  { id: "excel", title: "Excel 365, no foreign feature (the baseline)", build: excelPlain, marks: [] },
  { id: "libreoffice", title: "saved by LibreOffice Calc", build: libreOfficeSaved, libreOffice: true, marks: [savedByLibreOffice] },
  { id: "table", title: "roster as an Excel table", build: rosterTable, marks: [rosterTablePart] },
  { id: "tableLibreOffice", title: "roster as a table, saved by LibreOffice Calc", build: rosterTableLibreOffice, libreOffice: true, marks: [savedByLibreOffice, rosterTablePart] },
  {
    id: "protected",
    title: "filtered roster with hidden rows, protected user sheet with a filter",
    build: protectedFiltered,
    marks: [
      mark("hidden rows and an autoFilter with criteria on «Ученики»", (p) => /hidden="1"/.test(roster(p)) && /<filter val="4А"\/>/.test(roster(p))),
      mark("«Журнал» protected, with a custom filter", (p) => /<sheetProtection [^>]*sheet="1"/.test(text(p, sheetEntry(p, "Журнал")!.part)) && /<customFilter /.test(text(p, sheetEntry(p, "Журнал")!.part))),
    ],
  },
  { id: "merged", title: "merged cells in a user sheet", build: mergedCells, marks: [mark("mergeCells on «Отчёт»", (p) => /<mergeCell ref="A1:D1"\/>/.test(text(p, sheetEntry(p, "Отчёт")!.part)))] },
  { id: "x14", title: "x14 list validation on the roster", build: x14Validation, marks: [mark("an x14:dataValidation on «Ученики»", (p) => /<x14:dataValidation /.test(roster(p)))] },
  { id: "comment", title: "a note on a roster cell", build: rosterComment, marks: [mark("comments and VML parts linked from «Ученики»", (p) => ["comments", "vmlDrawing"].every((t) => relationships(p, sheetEntry(p, ROSTER)!.part).some((r) => r.type.endsWith(`/${t}`) && p.has(r.part))))] },
  { id: "chart", title: "a chart on a user sheet", build: chart, marks: [mark("drawing → chart parts", (p) => p.has("xl/drawings/drawing1.xml") && p.has("xl/charts/chart1.xml"))] },
  { id: "names", title: "user defined names, global and sheet-local", build: definedNames, marks: [mark("a local and a global user name", (p) => /<definedName name="Даты" localSheetId="3">/.test(text(p, "xl/workbook.xml")) && /<definedName name="Год_ВПР">/.test(text(p, "xl/workbook.xml")))] },
  { id: "xlsm", title: ".xlsm with vbaProject.bin", build: macroEnabled, macroEnabled: true, marks: [macroType, mark("xl/vbaProject.bin", (p) => p.has("xl/vbaProject.bin"))] },
  { id: "xlsmLibreOffice", title: ".xlsm saved by LibreOffice Calc", build: macroEnabledLibreOffice, libreOffice: true, macroEnabled: true, marks: [savedByLibreOffice, macroType] },
  {
    id: "openpyxl",
    title: "openpyxl: absolute part paths, table and note",
    build: openpyxlAbsolute,
    marks: [
      mark("absolute worksheet targets", (p) => relationships(p, workbookPart(p)).every((r) => r.type !== REL.worksheet || r.target.startsWith("/xl/worksheets/"))),
      mark("absolute table, comments and VML targets from «Ученики»", (p) => ["/xl/tables/table1.xml", "/xl/comments/comment1.xml", "/xl/drawings/commentsDrawing1.vml"].every((t) => relationships(p, sheetEntry(p, ROSTER)!.part).some((r) => r.target === t && p.has(r.part)))),
    ],
  },
  { id: "sdk", title: "Open XML SDK: x:-prefixed SpreadsheetML, absolute paths", build: sdkPrefixed, marks: [mark("x:-prefixed workbook, sheets and shared strings", (p) => /<x:workbook /.test(text(p, "xl/workbook.xml")) && /<x:worksheet /.test(roster(p)) && /<x:sst /.test(text(p, "xl/sharedStrings.xml")))] },
  {
    id: "inline",
    title: "inline strings and rich text in the roster, shared formulas and calcChain",
    build: inlineRichShared,
    marks: [
      mark("inline strings with rich runs in «Ученики»", (p) => /t="inlineStr"><is><r>/.test(roster(p))),
      mark("shared formulas in «Итоги» and a calcChain", (p) => /<f t="shared" ref="B2:B6" si="0">/.test(text(p, sheetEntry(p, "Итоги")!.part)) && p.has("xl/calcChain.xml")),
    ],
  },
];

const cache = new Map<string, Promise<Uint8Array>>();

/** The bytes of a corpus book, built once per process (a fresh copy each call). */
export async function corpusBytes(book: CorpusBook): Promise<Uint8Array> {
  let p = cache.get(book.id);
  if (!p) {
    p = book.build();
    cache.set(book.id, p);
  }
  return (await p).slice();
}
