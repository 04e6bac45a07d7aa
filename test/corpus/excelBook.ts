// A hand-written SpreadsheetML writer that lays a workbook out the way Excel 365 saves it (or, with
// a flavour, the way openpyxl or the Open XML SDK do), plus the sample school's input sheets in it.
// Corpus builders (./books.ts) add their foreign feature to the sheets and the package before
// toBytes(). Nothing here goes through ExcelJS or the app's own writer.
import type { CellValue } from "../../src/workbook/backend";
import { cellAddress } from "../../src/core/address";
import { sampleSchool, sampleWorkbookPlan, type SampleSchool } from "../../src/workbook/sample";
import { CT, NS, OpcPackage, REL, XML_DECL, escapeXml } from "./opc";

/**
 * excel: Excel 365 (relative targets, mc:Ignorable, x14ac:dyDescent, "Обычный" style);
 * openpyxl: openpyxl 3.1 (absolute targets for sheets and shared strings, Type-Target-Id rels, plain roots);
 * sdk: the Open XML SDK / System.IO.Packaging ("x:"-prefixed SpreadsheetML, absolute targets, R… ids).
 */
export type Flavour = "excel" | "openpyxl" | "sdk";

/** The elements after <sheetData>, in the order CT_Worksheet requires. */
export const TAIL_ORDER = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "autoFilter",
  "sortState",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "drawing",
  "legacyDrawing",
  "tableParts",
  "extLst",
] as const;
export type TailElement = (typeof TAIL_ORDER)[number];

/** A cell written as given: `inner` is what goes between <c …> and </c> ("<f>…</f><v>…</v>", "<is>…</is>"). */
export interface RawCell {
  t?: string;
  s?: number;
  inner: string;
}

/** Style indexes of the styles.xml written here. */
export const STYLE = { normal: 0, header: 1, wholeNumber: 2, hint: 3, date: 4 } as const;

export class SharedStrings {
  private readonly index = new Map<string, number>();
  /** Each <si> element, in index order. */
  readonly items: string[] = [];
  count = 0;

  /** Index of a plain string (added when new); counts one use. */
  plain(text: string): number {
    this.count++;
    const known = this.index.get(text);
    if (known !== undefined) return known;
    const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
    this.items.push(`<si><t${space}>${escapeXml(text)}</t></si>`);
    this.index.set(text, this.items.length - 1);
    return this.items.length - 1;
  }

  /** Index of a rich-text string given as its runs' XML (<r>…</r>…); counts one use. */
  rich(runs: string): number {
    this.count++;
    this.items.push(`<si>${runs}</si>`);
    return this.items.length - 1;
  }
}

export class Sheet {
  /** Cells written as given instead of from `values`, by address. */
  readonly raw = new Map<string, RawCell>();
  /** Style index of a cell from `values` (or of an empty formatted cell), by address. */
  readonly styles = new Map<string, number>();
  /** Extra attributes of a row (1-based), e.g. ' hidden="1"'. */
  readonly rowAttributes = new Map<number, string>();
  sheetPr = "";
  sheetViews = '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  cols = "";
  readonly tail: Partial<Record<TailElement, string>> = {};
  /** Strings written inline (t="inlineStr"), as streaming writers do, instead of shared. */
  inlineStrings = false;
  state?: "hidden";
  codeName?: string;

  constructor(
    readonly name: string,
    readonly part: string,
    public values: CellValue[][],
  ) {}

  /** Column widths (characters) from column A, as <cols>. */
  setWidths(widths: readonly number[]): void {
    this.cols = `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w + 0.7109375}" customWidth="1"/>`).join("")}</cols>`;
  }

  /** Frozen top row, as Excel writes it. */
  freezeTopRow(): void {
    this.sheetViews = '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';
  }
}

const GUIDS = ["{2C1D8F41-6A0B-4E7C-9D15-3B7A2E90C4F1}", "{7F3E2A10-5B6C-4D8E-A1F2-9C0B8D7E6A53}", "{A4B8C2D6-1E3F-4A5B-8C7D-6E9F0A1B2C3D}", "{B1C2D3E4-F5A6-4B7C-9D8E-0F1A2B3C4D5E}", "{C9D8E7F6-A5B4-4C3D-8E2F-1A0B9C8D7E6F}", "{D0E1F2A3-B4C5-4D6E-9F7A-8B9C0D1E2F3A}", "{E5F6A7B8-C9D0-4E1F-8A2B-3C4D5E6F7A8B}", "{F1E2D3C4-B5A6-4978-8A9B-0C1D2E3F4A5B}"];
export const guid = (i: number): string => GUIDS[i % GUIDS.length];

export class ExcelBook {
  readonly pkg: OpcPackage;
  readonly sheets: Sheet[] = [];
  readonly strings = new SharedStrings();
  /** <definedName> elements, as written into <definedNames>. */
  readonly definedNames: string[] = [];
  /** <c r=… i=…/> entries of xl/calcChain.xml; the part is written when there are any. */
  readonly calcChain: string[] = [];
  /** .xlsm: the workbook part gets the macro-enabled content type and a vbaProject.bin. */
  vbaProject: Uint8Array | null = null;
  workbookCodeName?: string;
  activeTab = 0;
  private relCounter = 0;

  constructor(readonly flavour: Flavour = "excel") {
    this.pkg = new OpcPackage({ attributeOrder: flavour === "openpyxl" ? "openpyxl" : "excel" });
  }

  /** "x:" for the SDK flavour: every SpreadsheetML element of sheet, workbook and shared strings carries it. */
  get p(): string {
    return this.flavour === "sdk" ? "x:" : "";
  }

  /** Targets to parts in xl/ are written absolute by openpyxl (sheets, shared strings) and the SDK (all). */
  absolute(kind: "sheet" | "other"): boolean {
    return this.flavour === "sdk" || (this.flavour === "openpyxl" && kind === "sheet");
  }

  /** A relationship id the way the flavour makes them (the SDK: "R" + 16 hex digits). */
  relId(): string | undefined {
    if (this.flavour !== "sdk") return undefined;
    this.relCounter++;
    return `R${(0x3f2a9c41d07b5e00n + BigInt(this.relCounter) * 0x1000193n).toString(16).slice(0, 16)}`;
  }

  addSheet(name: string, values: CellValue[][]): Sheet {
    const sheet = new Sheet(name, `xl/worksheets/sheet${this.sheets.length + 1}.xml`, values);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): Sheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheetIndex(name: string): number {
    return this.sheets.findIndex((x) => x.name === name);
  }

  /** Relationship from a sheet to a part of a feature (table, comments, drawing…), in the flavour's style. */
  relateFromSheet(sheet: Sheet, type: string, targetPart: string, id?: string): string {
    return this.pkg.relate(sheet.part, type, targetPart, { id: id ?? this.relId(), absolute: this.flavour !== "excel" });
  }

  private worksheetRoot(sheet: Sheet): string {
    if (this.flavour === "sdk") return `<x:worksheet xmlns:r="${NS.r}" xmlns:x="${NS.main}">`;
    if (this.flavour === "openpyxl") return `<worksheet xmlns="${NS.main}">`;
    return `<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="${NS.x14ac}" xmlns:xr="${NS.xr}" xmlns:xr2="${NS.xr2}" xmlns:xr3="${NS.xr3}" xr:uid="${guid(this.sheets.indexOf(sheet))}">`;
  }

  /** One sheet part as the flavour writes it. */
  worksheetXml(sheet: Sheet): string {
    const p = this.p;
    const cells = new Map<number, Map<number, string>>();
    let maxRow = 0;
    let maxCol = 0;
    const put = (r: number, c: number, xml: string) => {
      const row = cells.get(r) ?? new Map<number, string>();
      cells.set(r, row);
      row.set(c, xml);
      maxRow = Math.max(maxRow, r + 1);
      maxCol = Math.max(maxCol, c + 1);
    };
    const cellOpen = (address: string, s: number | undefined, t: string | undefined) => `<${p}c r="${address}"${s ? ` s="${s}"` : ""}${t ? ` t="${t}"` : ""}`;
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const address = cellAddress(r, c);
        if (sheet.raw.has(address)) return;
        const s = sheet.styles.get(address);
        if (v === null || v === "") {
          if (s !== undefined) put(r, c, `${cellOpen(address, s, undefined)}/>`);
          return;
        }
        if (typeof v === "number") put(r, c, `${cellOpen(address, s, undefined)}><${p}v>${v}</${p}v></${p}c>`);
        else if (typeof v === "boolean") put(r, c, `${cellOpen(address, s, "b")}><${p}v>${v ? 1 : 0}</${p}v></${p}c>`);
        else if (sheet.inlineStrings) put(r, c, `${cellOpen(address, s, "inlineStr")}><${p}is><${p}t>${escapeXml(v)}</${p}t></${p}is></${p}c>`);
        else put(r, c, `${cellOpen(address, s, "s")}><${p}v>${this.strings.plain(v)}</${p}v></${p}c>`);
      }),
    );
    for (const [address, s] of sheet.styles) {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      const c = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const r = Number(m[2]) - 1;
      if (!cells.get(r)?.has(c) && !sheet.raw.has(address)) put(r, c, `${cellOpen(address, s, undefined)}/>`);
    }
    for (const [address, cell] of sheet.raw) {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      const c = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      put(Number(m[2]) - 1, c, `${cellOpen(address, cell.s, cell.t)}>${cell.inner}</${p}c>`);
    }
    const rows = [...cells.keys()].sort((a, b) => a - b).map((r) => {
      const row = cells.get(r)!;
      const cols = [...row.keys()].sort((a, b) => a - b);
      const spans = this.flavour === "excel" ? ` spans="${cols[0] + 1}:${cols[cols.length - 1] + 1}"` : "";
      const dy = this.flavour === "excel" ? ' x14ac:dyDescent="0.25"' : "";
      return `<${p}row r="${r + 1}"${spans}${sheet.rowAttributes.get(r + 1) ?? ""}${dy}>${cols.map((c) => row.get(c)).join("")}</${p}row>`;
    });
    // Hidden rows without cells still need their <row>.
    for (const [r, attrs] of sheet.rowAttributes) if (!cells.has(r - 1)) rows.push(`<${p}row r="${r}"${attrs}/>`);
    const dimension = maxRow === 0 ? "A1" : `A1:${cellAddress(maxRow - 1, maxCol - 1)}`;
    const sheetPr = sheet.codeName ? sheet.sheetPr.replace(/^<sheetPr/, `<sheetPr codeName="${sheet.codeName}"`) || `<sheetPr codeName="${sheet.codeName}"/>` : sheet.sheetPr;
    const tail = { ...sheet.tail };
    tail.pageMargins ??= this.flavour === "openpyxl" ? '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>' : '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    const format = this.flavour === "excel" ? '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' : this.flavour === "openpyxl" ? '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>' : "";
    const body = [
      sheetPr,
      `<dimension ref="${dimension}"/>`,
      sheet.sheetViews,
      format,
      sheet.cols,
      `<sheetData>${rows.join("")}</sheetData>`,
      ...TAIL_ORDER.map((k) => tail[k] ?? ""),
    ].join("");
    return `${XML_DECL}${this.worksheetRoot(sheet)}${this.flavour === "sdk" ? prefixElements(body) : body}</${p}worksheet>`;
  }

  private workbookXml(sheetRels: string[]): string {
    const sheets = this.sheets
      .map((s, i) =>
        this.flavour === "openpyxl"
          ? `<sheet xmlns:r="${NS.r}" name="${escapeXml(s.name)}" sheetId="${i + 1}" state="${s.state ?? "visible"}" r:id="${sheetRels[i]}"/>`
          : `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="${sheetRels[i]}"/>`,
      )
      .join("");
    const names = this.definedNames.length ? `<definedNames>${this.definedNames.join("")}</definedNames>` : "";
    if (this.flavour === "sdk") {
      return `${XML_DECL}<x:workbook xmlns:r="${NS.r}" xmlns:x="${NS.main}">${prefixElements(`<bookViews><workbookView activeTab="${this.activeTab}"/></bookViews><sheets>${sheets}</sheets>${names}<calcPr calcId="191029"/>`)}</x:workbook>`;
    }
    if (this.flavour === "openpyxl") {
      return `${XML_DECL}<workbook xmlns="${NS.main}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="${this.activeTab}" autoFilterDateGrouping="1"/></bookViews><sheets>${sheets}</sheets>${names}<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`;
    }
    const codeName = this.workbookCodeName ? ` codeName="${this.workbookCodeName}"` : "";
    return (
      `${XML_DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="${NS.x15}" xmlns:xr="${NS.xr}" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="${NS.xr2}">` +
      `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr${codeName} defaultThemeVersion="166925"/>` +
      `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\Координатор\\Documents\\ВПР\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>` +
      `<xr:revisionPtr revIDLastSave="0" documentId="8_{5B1E2C3D-4F6A-4B8C-9D0E-1F2A3B4C5D6E}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>` +
      `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"${this.activeTab ? ` activeTab="${this.activeTab}"` : ""} xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews>` +
      `<sheets>${sheets}</sheets>${names}<calcPr calcId="191029"/>` +
      `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="${NS.x15}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`
    );
  }

  private sharedStringsXml(): string {
    const p = this.p;
    const body = `<sst xmlns="${NS.main}" count="${this.strings.count}" uniqueCount="${this.strings.items.length}">${this.strings.items.join("")}</sst>`;
    return XML_DECL + (p ? `<x:sst xmlns:x="${NS.main}" count="${this.strings.count}" uniqueCount="${this.strings.items.length}">${prefixElements(this.strings.items.join(""))}</x:sst>` : body);
  }

  private appXml(): string {
    const titles = this.sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join("");
    return `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Листы</vt:lpstr></vt:variant><vt:variant><vt:i4>${this.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${this.sheets.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`;
  }

  async toBytes(): Promise<Uint8Array> {
    const pkg = this.pkg;
    const wb = "xl/workbook.xml";
    const abs = this.flavour === "sdk";
    // Parts are put in the order Excel zips them; features added theirs before, so re-insert those after.
    const featureParts = new Map(pkg.parts);
    pkg.parts.clear();
    pkg.relate("", REL.officeDocument, wb, { id: this.relId() ?? "rId1", absolute: abs });
    pkg.relate("", REL.coreProps, "docProps/core.xml", { id: this.relId() ?? "rId2", absolute: abs });
    pkg.relate("", REL.extProps, "docProps/app.xml", { id: this.relId() ?? "rId3", absolute: abs });
    const sheetRels = this.sheets.map((s) => pkg.relate(wb, REL.worksheet, s.part, { id: this.relId(), absolute: this.absolute("sheet") }));
    pkg.relate(wb, REL.theme, "xl/theme/theme1.xml", { id: this.relId(), absolute: this.absolute("other") });
    pkg.relate(wb, REL.styles, "xl/styles.xml", { id: this.relId(), absolute: this.absolute("other") });
    // Sheets first: their strings fill the shared string table.
    const sheetXml = this.sheets.map((s) => this.worksheetXml(s));
    pkg.add(wb, this.workbookXml(sheetRels), this.vbaProject ? CT.workbookMacro : CT.workbook);
    this.sheets.forEach((s, i) => pkg.add(s.part, sheetXml[i], CT.worksheet));
    pkg.add("xl/theme/theme1.xml", THEME, CT.theme);
    pkg.add("xl/styles.xml", this.flavour === "sdk" ? XML_DECL + `<x:styleSheet xmlns:x="${NS.main}">${prefixElements(STYLES_BODY.replace(' x14ac:knownFonts="1"', ""))}</x:styleSheet>` : XML_DECL + `<styleSheet xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="${NS.x14ac}" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="${NS.xr}">${STYLES_BODY}</styleSheet>`, CT.styles);
    if (this.strings.items.length) {
      pkg.relate(wb, REL.sharedStrings, "xl/sharedStrings.xml", { id: this.relId(), absolute: this.absolute("sheet") });
      pkg.add("xl/sharedStrings.xml", this.sharedStringsXml(), CT.sharedStrings);
    }
    if (this.calcChain.length) {
      pkg.relate(wb, REL.calcChain, "xl/calcChain.xml", { id: this.relId(), absolute: this.absolute("other") });
      pkg.add("xl/calcChain.xml", `${XML_DECL}<calcChain xmlns="${NS.main}">${this.calcChain.join("")}</calcChain>`, CT.calcChain);
    }
    if (this.vbaProject) {
      pkg.relate(wb, REL.vbaProject, "xl/vbaProject.bin", { id: this.relId(), absolute: this.absolute("other") });
      pkg.defaults.set("bin", CT.vbaProject);
      pkg.add("xl/vbaProject.bin", this.vbaProject);
    }
    for (const [name, content] of featureParts) pkg.parts.set(name, content);
    pkg.add("docProps/core.xml", CORE, CT.core);
    pkg.add("docProps/app.xml", this.appXml(), CT.app);
    return pkg.toBytes();
  }
}

/** Puts "x:" before every element name of a fragment written without prefixes (SDK flavour). */
export function prefixElements(xml: string): string {
  return xml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name.includes(":") ? m : `<${slash}x:${name}`));
}

const CORE = `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Координатор</dc:creator><cp:lastModifiedBy>Координатор</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-03-02T08:15:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-10T12:40:21Z</dcterms:modified></cp:coreProperties>`;

const FONT = (extra: string) => `<font>${extra}<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><charset val="204"/><scheme val="minor"/></font>`;
/** fonts 0 normal, 1 bold, 2 italic; fill 2 the header's; xf 0 normal, 1 header, 2 number "0", 3 hint (italic, wrap), 4 date. */
const STYLES_BODY =
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts>` +
  `<fonts count="3" x14ac:knownFonts="1">${FONT("")}${FONT("<b/>")}${FONT("<i/>")}</fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1"/></xf><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Обычный" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>` +
  `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>`;

const SCHEME_COLOURS = [
  ["dk1", '<a:sysClr val="windowText" lastClr="000000"/>'],
  ["lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'],
  ["dk2", '<a:srgbClr val="44546A"/>'],
  ["lt2", '<a:srgbClr val="E7E6E6"/>'],
  ["accent1", '<a:srgbClr val="4472C4"/>'],
  ["accent2", '<a:srgbClr val="ED7D31"/>'],
  ["accent3", '<a:srgbClr val="A5A5A5"/>'],
  ["accent4", '<a:srgbClr val="FFC000"/>'],
  ["accent5", '<a:srgbClr val="5B9BD5"/>'],
  ["accent6", '<a:srgbClr val="70AD47"/>'],
  ["hlink", '<a:srgbClr val="0563C1"/>'],
  ["folHlink", '<a:srgbClr val="954F72"/>'],
];
const solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const line = (w: number) => `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr">${solid}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;
const THEME =
  `${XML_DECL}<a:theme xmlns:a="${NS.a}" name="Тема Office"><a:themeElements>` +
  `<a:clrScheme name="Стандартная">${SCHEME_COLOURS.map(([n, c]) => `<a:${n}>${c}</a:${n}>`).join("")}</a:clrScheme>` +
  `<a:fontScheme name="Стандартная"><a:majorFont><a:latin typeface="Calibri Light" panose="020F0302020204030204"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
  `<a:fmtScheme name="Стандартная"><a:fillStyleLst>${solid}${solid}${solid}</a:fillStyleLst><a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
  `<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
  `<a:bgFillStyleLst>${solid}${solid}${solid}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`;

// ---------------------------------------------------------------------------------------------
// The sample school, small, as the coordinator typed it into Excel.

/** Class sizes of the corpus school: small, so that every operation runs quickly. */
export const CORPUS_SIZES: Record<string, number> = { "4А": 6, "4Б": 5, "5А": 6, "6А": 4, "8А": 5 };
/** A built-in work the plan uses but «Критерии» does not describe yet: what the add-works step adds. */
export const ADDED_WORK = "MA8-2021";

/** The corpus school: the sample school with fewer students, and «Критерии» without ADDED_WORK. */
export function corpusSchool(): SampleSchool {
  const school = sampleSchool(2026, CORPUS_SIZES);
  return { ...school, builtInWorks: school.builtInWorks.filter((w) => w !== ADDED_WORK) };
}

/** The input sheets of the corpus school (values only) from the sample's plan. */
export function schoolSheets(school: SampleSchool = corpusSchool()): { name: string; values: CellValue[][]; widths: number[] }[] {
  return sampleWorkbookPlan(school).sheets.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]), widths: s.columnWidths ?? [] }));
}

export const ROSTER = "Ученики";

/**
 * The corpus school as an Excel 365 workbook (or another flavour): «Настройки», «Ученики», «Коды»,
 * «План», «Критерии» with header styles, column widths, a frozen roster header, the roster's classic
 * list validations and its «Код» column formatted as whole numbers down to row 200 (empty styled
 * cells, as Excel keeps them).
 */
export function schoolBook(flavour: Flavour = "excel", school: SampleSchool = corpusSchool()): ExcelBook {
  const book = new ExcelBook(flavour);
  for (const { name, values, widths } of schoolSheets(school)) {
    const sheet = book.addSheet(name, values);
    if (widths.length) sheet.setWidths(widths);
    if (name !== "Критерии") values[0].forEach((v, c) => v !== null && sheet.styles.set(cellAddress(0, c), STYLE.header));
    if (name === "Настройки") for (let r = 1; r < values.length; r++) sheet.styles.set(`C${r + 1}`, STYLE.hint);
    if (name === "Коды") sheet.styles.set("B2", STYLE.hint);
  }
  const roster = book.sheet(ROSTER);
  roster.freezeTopRow();
  for (let r = 2; r <= 200; r++) roster.styles.set(`D${r}`, STYLE.wholeNumber);
  roster.tail.dataValidations =
    '<dataValidations count="3"><dataValidation type="list" allowBlank="1" showErrorMessage="1" error="Пол: «м» или «ж»" sqref="C2:C200"><formula1>"м,ж"</formula1></dataValidation>' +
    '<dataValidation type="whole" allowBlank="1" showInputMessage="1" showErrorMessage="1" error="Код — целое число" prompt="Заполняет надстройка: код не меняется после выдачи" sqref="D2:D200"><formula1>1</formula1><formula2>999999</formula2></dataValidation>' +
    '<dataValidation type="list" allowBlank="1" showErrorMessage="1" error="Отметка от 2 до 5" sqref="E2:F200"><formula1>"2,3,4,5"</formula1></dataValidation></dataValidations>';
  return book;
}
