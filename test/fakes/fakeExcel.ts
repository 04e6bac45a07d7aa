// A small, STRICT fake of the Excel JavaScript API subset that src/workbook/office uses.
//
// - Proxies queue actions; nothing touches the workbook until `context.sync()`, which runs the
//   queue in order (an error stops it there, like Excel: earlier actions stay done).
// - Loaded properties throw PropertyNotLoaded until `load()` + `sync()`.
// - Anything not modelled (a property, a method, an enum value) throws "NotModelled", so a back
//   end cannot silently rely on something the fake does not check.
// - Typed input behaves like Excel: "'x" is the text x, "=x" becomes a formula, "+x"/"-x"/"@x"
//   become formulas unless numeric, "00123" becomes the number 123, "TRUE" a boolean,
//   "12.03.2026" a date serial. A back end that forgets to escape text is caught.
// - Every sync is counted, with the bytes queued (JSON length of each action's path and arguments).
//
// Typed against @types/office-js, so that the fake cannot drift from the documented API. Every
// object the fake hands to the back end (context, application, workbook, worksheets, worksheet,
// freeze panes, page layout, headers/footers, page breaks, range, format, font, fill, borders,
// border, data validation, conditional formats, conditional format and its parts, charts, chart,
// its title, axes, legend, series and their formats) is an object
// literal declared `satisfies` its `…View` type, `Modelled<Excel.X, "member" | …, { … }>` below:
// exactly the members of the real interface the fake models, with their documented types and
// every documented overload. Methods are compared as function types, not bivariantly, so a fake
// method must accept at least every documented argument (`freezeAt(Range | string)`, then refuse
// a Range at run time), and what it returns must be the real type or the fake's view of it (which
// the real object must fit). A member Excel lacks, a misspelt one, a narrower parameter or a
// wrong return fails `npm run typecheck`. Adding a member: name it in its View; a property the
// back end only writes gets a getter annotated with the real type (it throws PropertyNotLoaded;
// an unannotated one is `unknown` and fails) and an unannotated setter that keeps the run-time
// checks. test/fakes/fakeExcel.types.test.ts holds the type-level tests of this rule.

import { parseCellAddress, parseRangeAddress, rangeAddress } from "../../src/core/address";

export type Scalar = string | number | boolean;
export type CellValue = Scalar | null;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "FakeExcelError";
  }
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const SHEET_RECT: Rect = { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };

export interface FakeCell {
  /** Constant value, or the computed value of a formula; null when empty. */
  value: Scalar | null;
  formula?: string;
  /** Entered with the text prefix "'" (or into a "@" cell). */
  text?: boolean;
  numberFormat?: string;
}

export interface FakeValidation {
  range: string;
  rect: Rect;
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
}

export interface FakeConditionalFormat {
  range: string;
  rect: Rect;
  type: "Custom";
  formula?: string;
  fill?: string;
}

/** One formatting write: `prop` is a dotted path such as "font.bold" or "borders.EdgeTop.style". */
export interface FakeFormat {
  range: string;
  rect: Rect;
  prop: string;
  value: unknown;
}

/** One series of a chart, as set through the API (ranges sheet-qualified: "'Итоги 5А'!B4:B9"). */
export interface FakeChartSeries {
  name: string;
  values: string | null;
  xValues: string | null;
  /** `format.fill.setSolidColor`. */
  fill: string | null;
  /** `format.line.color`. */
  lineColor: string | null;
  overlap: number | null;
  gapWidth: number | null;
}

/** A chart on a sheet: what `charts.add` made and every setting written to it since. */
export interface FakeChart {
  name: string;
  type: string;
  /** The range and orientation it was added with (sheet-qualified). */
  source: { range: string; seriesBy: string };
  title: string | null;
  categoryAxisTitle: string | null;
  valueAxisTitle: string | null;
  valueAxisMaximum: number | null;
  legendVisible: boolean;
  /** `setPosition(from, to)` as given, or null while the chart sits where Excel put it. */
  position: { from: string; to: string | null } | null;
  series: FakeChartSeries[];
}

function newSeries(name: string): FakeChartSeries {
  return { name, values: null, xValues: null, fill: null, lineColor: null, overlap: null, gapWidth: null };
}

function key(row: number, col: number): number {
  return row * MAX_COLS + col;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function contains(a: Rect, row: number, col: number): boolean {
  return row >= a.row && row < a.row + a.rows && col >= a.col && col < a.col + a.cols;
}

function rectText(r: Rect): string {
  return rangeAddress(r.row, r.col, r.rows, r.cols);
}

function parseAddress(address: string): Rect {
  if (typeof address !== "string") throw new FakeExcelError("InvalidArgument", `address ${String(address)}`);
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  try {
    const r = parseRangeAddress(local.replace(/\$/g, ""));
    if (r.rows < 1 || r.cols < 1 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS) throw new Error("size");
    return r;
  } catch {
    throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
  }
}

function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Excel's date serial for a day (1900 system). */
function dateSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** What Excel makes of a typed string: text, number, boolean or a formula. */
export function typeIn(s: string): { value: Scalar | null; formula?: string; text?: boolean } {
  if (s === "") return { value: null };
  if (s.startsWith("'")) return { value: s.slice(1), text: true };
  const trimmed = s.trim();
  const num = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed.replace(",", ".")) : NaN;
  if (!Number.isNaN(num)) return { value: num };
  const pct = /^[-+]?\d+([.,]\d+)?%$/.test(trimmed) ? Number(trimmed.slice(0, -1).replace(",", ".")) / 100 : NaN;
  if (!Number.isNaN(pct)) return { value: pct };
  if (s.startsWith("=")) return { value: 0, formula: s };
  if (s.startsWith("+") || s.startsWith("-") || s.startsWith("@")) return { value: 0, formula: `=${s}` };
  const lower = trimmed.toLowerCase();
  if (lower === "true" || lower === "истина") return { value: true };
  if (lower === "false" || lower === "ложь") return { value: false };
  const date = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  if (date) return { value: dateSerial(Number(date[3]), Number(date[2]), Number(date[1])) };
  return { value: s };
}

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  formats: FakeFormat[] = [];
  validations: FakeValidation[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  /** Zero-based rows that start a new page (a break before them); "after row n" (1-based) is n. */
  pageBreaks: number[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  tabColor = "";
  printArea: string | null = null;
  printTitleRows: string | null = null;
  orientation: "Portrait" | "Landscape" = "Portrait";
  paperSize: string = "Letter";
  centerHeader = "";
  zoom: Excel.PageLayoutZoomOptions = { scale: 100 };
  /** Charts in z-order; `Range.clear` leaves them, as Excel does. */
  charts: FakeChart[] = [];
  private chartsMade = 0;

  constructor(
    public name: string,
    private readonly evaluate: (formula: string) => Scalar,
  ) {}

  // ---- test helpers: set up --------------------------------------------------------------

  /** Store values from `topLeft` as they are (strings stay text, no typing rules). */
  setValues(topLeft: string, rows: CellValue[][]): this {
    const at = parseCellAddress(topLeft);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") this.cells.delete(key(at.row + r, at.col + c));
        else this.cells.set(key(at.row + r, at.col + c), { value: v, text: typeof v === "string" || undefined });
      }),
    );
    return this;
  }

  setFormula(address: string, formula: string, value?: Scalar): this {
    const at = parseCellAddress(address);
    this.cells.set(key(at.row, at.col), { value: value ?? this.evaluate(formula), formula });
    return this;
  }

  addValidation(range: string, rule: Excel.DataValidationRule): this {
    this.validations.push({ range, rect: parseAddress(range), rule });
    return this;
  }

  addConditionalFormat(range: string, formula: string, fill: string): this {
    this.conditionalFormats.push({ range, rect: parseAddress(range), type: "Custom", formula, fill });
    return this;
  }

  /** A manual page break after the 1-based sheet row `row`. */
  addPageBreakAfter(row: number): this {
    this.pageBreaks = [...new Set([...this.pageBreaks, row])].sort((a, b) => a - b);
    return this;
  }

  /** A chart the user made (Excel names new charts «Диаграмма N» in a Russian Excel). */
  addChart(name?: string, type = "ColumnClustered"): FakeChart {
    const chart = this._newChart(type, { range: `${quoteSheet(this.name)}!A1`, seriesBy: "Columns" }, [newSeries("Ряд1")]);
    if (name !== undefined) chart.name = name;
    return chart;
  }

  // ---- test helpers: inspect -------------------------------------------------------------

  /** The first chart with this name (as Excel's getItem finds it). */
  chart(name: string): FakeChart | undefined {
    return this.charts.find((c) => c.name === name);
  }

  cell(address: string): FakeCell | undefined {
    const at = parseCellAddress(address);
    return this.cells.get(key(at.row, at.col));
  }
  value(address: string): CellValue {
    return this.cell(address)?.value ?? null;
  }
  formula(address: string): string | null {
    return this.cell(address)?.formula ?? null;
  }
  isText(address: string): boolean {
    const c = this.cell(address);
    return c !== undefined && c.formula === undefined && typeof c.value === "string";
  }
  numberFormat(address: string): string {
    return this.cell(address)?.numberFormat ?? "General";
  }
  /** The last value written to a format property covering the cell, e.g. formatAt("A1", "font.bold"). */
  formatAt(address: string, prop: string): unknown {
    const at = parseCellAddress(address);
    const hit = [...this.formats].reverse().find((f) => f.prop === prop && contains(f.rect, at.row, at.col));
    return hit?.value;
  }
  validationAt(address: string): FakeValidation | undefined {
    const at = parseCellAddress(address);
    return this.validations.find((v) => contains(v.rect, at.row, at.col));
  }
  highlightsAt(address: string): FakeConditionalFormat[] {
    const at = parseCellAddress(address);
    return this.conditionalFormats.filter((f) => contains(f.rect, at.row, at.col));
  }
  /** 1-based rows after which a manual page break stands. */
  pageBreaksAfterRows(): number[] {
    return [...this.pageBreaks];
  }
  columnWidth(col: number): number | undefined {
    return this.columnWidths.get(col);
  }

  /** Bounding box of cells with a value or formula (valuesOnly), or with anything at all. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = MAX_ROWS;
    let c0 = MAX_COLS;
    let r1 = -1;
    let c1 = -1;
    this.cells.forEach((cell, k) => {
      if (valuesOnly && cell.value === null && cell.formula === undefined) return;
      const row = (k - (k % MAX_COLS)) / MAX_COLS;
      const col = k % MAX_COLS;
      if (row < r0) r0 = row;
      if (row > r1) r1 = row;
      if (col < c0) c0 = col;
      if (col > c1) c1 = col;
    });
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Values of the used range, padded from A1 (null for empty), as a snapshot would hold them. */
  valuesFromA1(): CellValue[][] {
    const used = this.usedRect(true);
    if (!used) return [];
    return Array.from({ length: used.row + used.rows }, (_, r) =>
      Array.from({ length: used.col + used.cols }, (_, c) => this.cells.get(key(r, c))?.value ?? null),
    );
  }

  // ---- used by the proxies (at sync time) ------------------------------------------------

  _read(rect: Rect, what: "values" | "formulas"): Scalar[][] {
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => {
        const cell = this.cells.get(key(rect.row + r, rect.col + c));
        if (!cell) return "";
        if (what === "formulas" && cell.formula !== undefined) return cell.formula;
        return cell.value ?? "";
      }),
    );
  }

  _write(rect: Rect, data: unknown, what: "values" | "formulas" | "numberFormat"): void {
    if (!Array.isArray(data) || data.length !== rect.rows || data.some((r) => !Array.isArray(r) || r.length !== rect.cols)) {
      throw new FakeExcelError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rectText(rect)}).`,
      );
    }
    (data as unknown[][]).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return; // null leaves the cell unchanged
        const k = key(rect.row + r, rect.col + c);
        const old = this.cells.get(k);
        if (what === "numberFormat") {
          if (typeof v !== "string") throw new FakeExcelError("InvalidArgument", `number format ${String(v)}`);
          this.cells.set(k, { ...(old ?? { value: null }), numberFormat: v });
          return;
        }
        if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
          throw new FakeExcelError("InvalidArgument", `cell input ${JSON.stringify(v)}`);
        }
        let typed: { value: Scalar | null; formula?: string; text?: boolean };
        if (typeof v !== "string") typed = { value: v };
        else if (old?.numberFormat === "@" && !(what === "formulas" && v.startsWith("="))) {
          typed = v === "" ? { value: null } : { value: v.startsWith("'") ? v.slice(1) : v, text: true };
        } else typed = typeIn(v);
        const cell: FakeCell = { value: typed.value };
        if (typed.formula !== undefined) {
          cell.formula = typed.formula;
          cell.value = this.evaluate(typed.formula);
        }
        if (typed.text) cell.text = true;
        if (old?.numberFormat !== undefined) cell.numberFormat = old.numberFormat;
        if (cell.value === null && cell.formula === undefined && cell.numberFormat === undefined) this.cells.delete(k);
        else this.cells.set(k, cell);
      }),
    );
  }

  _newChart(type: string, source: FakeChart["source"], series: FakeChartSeries[]): FakeChart {
    const chart: FakeChart = {
      name: `Диаграмма ${++this.chartsMade}`,
      type,
      source,
      title: null,
      categoryAxisTitle: null,
      valueAxisTitle: null,
      valueAxisMaximum: null,
      legendVisible: true,
      position: null,
      series,
    };
    this.charts.push(chart);
    return chart;
  }

  _clear(rect: Rect, applyTo: string): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    if (!contents && !formats) throw new FakeExcelError("NotModelled", `clear(${applyTo})`);
    for (const [k, cell] of [...this.cells]) {
      if (!contains(rect, Math.floor(k / MAX_COLS), k % MAX_COLS)) continue;
      if (contents) {
        cell.value = null;
        delete cell.formula;
        delete cell.text;
      }
      if (formats) delete cell.numberFormat;
      if (cell.value === null && cell.formula === undefined && cell.numberFormat === undefined) this.cells.delete(k);
    }
    if (formats) this.formats = this.formats.filter((f) => !intersects(f.rect, rect));
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;

  constructor(readonly evaluate: (formula: string) => Scalar = () => 0) {}

  addSheet(name: string, values?: CellValue[][], topLeft = "A1"): FakeSheet {
    if (this.find(name)) throw new FakeExcelError("ItemAlreadyExists", `A worksheet named ${name} already exists.`);
    const sheet = new FakeSheet(name, this.evaluate);
    this.sheets.push(sheet);
    if (this.activeSheet === null) this.activeSheet = name;
    if (values) sheet.setValues(topLeft, values);
    return sheet;
  }
  find(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }
  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`fake workbook has no sheet «${name}»`);
    return s;
  }
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
}

export interface FakeStats {
  /** Excel.run calls. */
  runs: number;
  syncs: number;
  /** Bytes queued (JSON length of paths and arguments) in each sync, in order. */
  bytesPerSync: number[];
  /** Actions queued in each sync. */
  actionsPerSync: number[];
  /** Syncs whose batch called suspendApiCalculationUntilNextSync. */
  suspendedSyncs: number;
  /** application.calculate calls. */
  recalculations: number;
  /** Bytes of loaded values/formulas in each sync's answer, in order. */
  responseBytesPerSync: number[];
}

// ---------------------------------------------------------------------------------------------
// The fake's view of Office.js (the typing rule at the top of this file)

/** The call signatures of a (possibly overloaded, up to four) function type: [parameters, return] each. */
type Overloads<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
  (...args: infer A3): infer R3;
  (...args: infer A4): infer R4;
}
  ? [A1, R1] | [A2, R2] | [A3, R3] | [A4, R4]
  : never;

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * What a member hands out: the documented type `Real`, or the fake's own view `Out` of that object,
 * which the real object must be assignable to (else a type no fake object satisfies, naming both).
 */
type Fits<Real, Out> = [Out] extends [never] ? Real : [Real] extends [Out] ? Out : { "office-js hands out": Real; "the fake hands out": Out };

/**
 * Every documented overload of a method, as function types (so parameters are checked strictly:
 * the fake must accept at least every documented argument, not merely overlap with it), returning
 * what the real one returns, or the fake's view of it.
 */
type Calls<F, Out> = Intersection<Overloads<F> extends infer O ? (O extends [infer A extends unknown[], infer R] ? (...args: A) => Fits<R, Out> : never) : never>;

/**
 * The fake's view of the Office.js interface `Real`: only the members `K` it models, with their
 * documented types and signatures; `Out` names, for the members that hand out other objects (a
 * property such as `format`, a method such as `getRange`), the fake's view of those objects.
 */
export type Modelled<Real, K extends keyof Real, Out extends { [P in K]?: unknown } = Record<never, never>> = {
  [P in K]: Real[P] extends (...args: never) => unknown
    ? Calls<Real[P], P extends keyof Out ? Out[P] : never>
    : Fits<Real[P], P extends keyof Out ? Out[P] : never>;
};

export type RequestContextView = Modelled<Excel.RequestContext, "workbook" | "application", { workbook: WorkbookView; application: ApplicationView }> &
  // sync is generic (it passes a value through): kept as declared.
  Pick<Excel.RequestContext, "sync">;
export type ApplicationView = Modelled<Excel.Application, "calculate" | "suspendApiCalculationUntilNextSync">;
export type WorkbookView = Modelled<Excel.Workbook, "worksheets", { worksheets: WorksheetsView }>;
export type WorksheetsView = Modelled<
  Excel.WorksheetCollection,
  "load" | "items" | "add" | "getItem" | "getItemOrNullObject" | "getFirst",
  { load: WorksheetsView; items: WorksheetView[]; add: WorksheetView; getItem: WorksheetView; getItemOrNullObject: WorksheetView; getFirst: WorksheetView }
>;
export type WorksheetView = Modelled<
  Excel.Worksheet,
  | "load"
  | "name"
  | "isNullObject"
  | "getNextOrNullObject"
  | "getRange"
  | "getRangeByIndexes"
  | "getUsedRangeOrNullObject"
  | "freezePanes"
  | "pageLayout"
  | "horizontalPageBreaks"
  | "activate"
  | "tabColor"
  | "charts",
  {
    load: WorksheetView;
    getNextOrNullObject: WorksheetView;
    getRange: RangeView;
    getRangeByIndexes: RangeView;
    getUsedRangeOrNullObject: RangeView;
    freezePanes: FreezePanesView;
    pageLayout: PageLayoutView;
    horizontalPageBreaks: PageBreaksView;
    charts: ChartsView;
  }
>;
export type FreezePanesView = Modelled<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "freezeAt" | "unfreeze">;
export type PageLayoutView = Modelled<
  Excel.PageLayout,
  "headersFooters" | "setPrintArea" | "setPrintTitleRows" | "orientation" | "zoom" | "paperSize",
  { headersFooters: HeadersFootersView }
>;
export type HeadersFootersView = Modelled<Excel.HeaderFooterGroup, "defaultForAllPages", { defaultForAllPages: HeaderFooterView }>;
export type HeaderFooterView = Modelled<Excel.HeaderFooter, "centerHeader">;
export type PageBreaksView = Modelled<Excel.PageBreakCollection, "add" | "removePageBreaks", { add: PageBreakView }>;
/** A page break the fake hands back from `add`: none of its members is modelled. */
export type PageBreakView = Modelled<Excel.PageBreak, never>;
export type RangeView = Modelled<
  Excel.Range,
  "load" | "isNullObject" | "address" | "values" | "formulas" | "numberFormat" | "clear" | "autoFill" | "select" | "format" | "dataValidation" | "conditionalFormats",
  { load: RangeView; format: RangeFormatView; dataValidation: DataValidationView; conditionalFormats: ConditionalFormatsView }
>;
export type RangeFormatView = Modelled<
  Excel.RangeFormat,
  "font" | "fill" | "borders" | "wrapText" | "horizontalAlignment" | "verticalAlignment" | "rowHeight" | "columnWidth",
  { font: RangeFontView; fill: RangeFillView; borders: RangeBordersView }
>;
export type RangeFontView = Modelled<Excel.RangeFont, "bold" | "italic" | "size">;
export type RangeFillView = Modelled<Excel.RangeFill, "color">;
export type RangeBordersView = Modelled<Excel.RangeBorderCollection, "getItem", { getItem: RangeBorderView }>;
export type RangeBorderView = Modelled<Excel.RangeBorder, "style" | "weight">;
export type DataValidationView = Modelled<Excel.DataValidation, "clear" | "rule" | "errorAlert" | "prompt">;
export type ConditionalFormatsView = Modelled<Excel.ConditionalFormatCollection, "add" | "clearAll", { add: ConditionalFormatView }>;
export type ConditionalFormatView = Modelled<Excel.ConditionalFormat, "custom", { custom: CustomConditionalFormatView }>;
export type CustomConditionalFormatView = Modelled<
  Excel.CustomConditionalFormat,
  "rule" | "format",
  { rule: ConditionalFormatRuleView; format: ConditionalRangeFormatView }
>;
export type ConditionalFormatRuleView = Modelled<Excel.ConditionalFormatRule, "formula">;
export type ConditionalRangeFormatView = Modelled<Excel.ConditionalRangeFormat, "fill", { fill: ConditionalRangeFillView }>;
export type ConditionalRangeFillView = Modelled<Excel.ConditionalRangeFill, "color">;
export type ChartsView = Modelled<
  Excel.ChartCollection,
  "load" | "items" | "add" | "getItemOrNullObject",
  { load: ChartsView; items: ChartView[]; add: ChartView; getItemOrNullObject: ChartView }
>;
export type ChartView = Modelled<
  Excel.Chart,
  "name" | "delete" | "setPosition" | "title" | "axes" | "legend" | "series",
  { title: ChartTitleView; axes: ChartAxesView; legend: ChartLegendView; series: ChartSeriesCollectionView }
>;
export type ChartTitleView = Modelled<Excel.ChartTitle, "text">;
export type ChartAxesView = Modelled<Excel.ChartAxes, "categoryAxis" | "valueAxis", { categoryAxis: ChartAxisView; valueAxis: ChartAxisView }>;
export type ChartAxisView = Modelled<Excel.ChartAxis, "title" | "maximum", { title: ChartAxisTitleView }>;
export type ChartAxisTitleView = Modelled<Excel.ChartAxisTitle, "text">;
export type ChartLegendView = Modelled<Excel.ChartLegend, "visible">;
export type ChartSeriesCollectionView = Modelled<Excel.ChartSeriesCollection, "add" | "getItemAt", { add: ChartSeriesView; getItemAt: ChartSeriesView }>;
export type ChartSeriesView = Modelled<
  Excel.ChartSeries,
  "name" | "setValues" | "setXAxisValues" | "format" | "overlap" | "gapWidth",
  { format: ChartSeriesFormatView }
>;
export type ChartSeriesFormatView = Modelled<Excel.ChartSeriesFormat, "fill" | "line", { fill: ChartFillView; line: ChartLineFormatView }>;
export type ChartFillView = Modelled<Excel.ChartFill, "setSolidColor">;
export type ChartLineFormatView = Modelled<Excel.ChartLineFormat, "color">;

// ---------------------------------------------------------------------------------------------
// Proxies

interface Action {
  bytes: number;
  run: () => void;
}

class FakeContext {
  queue: Action[] = [];
  /** Bytes of loaded values and formulas answered by the sync being run. */
  responseBytes = 0;
  private suspended = false;
  readonly workbook: WorkbookView;
  readonly application: ApplicationView;

  constructor(
    readonly book: FakeWorkbook,
    private readonly stats: FakeStats,
    private readonly maxResponseBytes = Infinity,
  ) {
    this.workbook = strict("workbook", {
      worksheets: worksheetCollection(this),
    } satisfies WorkbookView);
    this.application = strict("application", {
      calculate: (type: string) =>
        this.enqueue("application", "calculate", [type], () => {
          check(["Recalculate", "Full", "FullRebuild"].includes(type), `calculate(${type})`);
          this.stats.recalculations++;
        }),
      suspendApiCalculationUntilNextSync: () =>
        this.enqueue("application", "suspendApiCalculationUntilNextSync", [], () => {
          this.suspended = true;
        }),
    } satisfies ApplicationView);
  }

  /** The `context` the back end gets: the modelled members only (the queue and the book stay here). */
  view(): RequestContextView {
    return strict("context", {
      workbook: this.workbook,
      application: this.application,
      sync: <T>(passThroughValue?: T): Promise<T> => this.sync(passThroughValue),
    } satisfies RequestContextView);
  }

  enqueue(path: string, member: string, args: unknown[], run: () => void): void {
    this.queue.push({ bytes: JSON.stringify({ p: path, m: member, a: args }).length, run });
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.queue;
    this.queue = [];
    this.suspended = false;
    this.stats.syncs++;
    this.stats.bytesPerSync.push(actions.reduce((n, a) => n + a.bytes, 0));
    this.stats.actionsPerSync.push(actions.length);
    await Promise.resolve();
    this.responseBytes = 0;
    try {
      for (const a of actions) a.run();
    } finally {
      if (this.suspended) this.stats.suspendedSyncs++;
    }
    this.stats.responseBytesPerSync.push(this.responseBytes);
    // Like Excel on the web: an answer over the limit fails the whole sync.
    if (this.responseBytes > this.maxResponseBytes) {
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
    }
    // Like Excel: the promise resolves to the value passed in.
    return passThroughValue as T;
  }
}

/** A plain object whose unknown members throw instead of being undefined. */
function strict<T extends object>(path: string, target: T): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === "symbol" || prop === "then" || prop === "toJSON" || prop === "asymmetricMatch") {
        return Reflect.get(t, prop, receiver);
      }
      if (!(prop in t)) throw new FakeExcelError("NotModelled", `${path}.${prop} is not modelled by the fake`);
      return Reflect.get(t, prop, receiver);
    },
    set(t, prop, value, receiver) {
      if (typeof prop === "symbol" || !(prop in t)) {
        throw new FakeExcelError("NotModelled", `${path}.${String(prop)} cannot be set in the fake`);
      }
      return Reflect.set(t, prop, value, receiver);
    },
  });
}

/**
 * Reading a property before load + sync (or a write-only one): throws PropertyNotLoaded. Generic,
 * so that a getter must state its type (`get bold(): boolean`), which `satisfies` then checks; an
 * unannotated one is `unknown` and fails the check instead of passing as `never`.
 */
function notLoaded<T>(path: string, prop: string): T {
  throw new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' of ${path} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function parseLoad(props: unknown): string[] {
  if (typeof props === "string") return props.split(",").map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.map(String);
  throw new FakeExcelError("NotModelled", `load(${JSON.stringify(props)})`);
}

const HORIZONTAL = new Set(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]);
const VERTICAL = new Set(["Top", "Center", "Bottom", "Justify", "Distributed"]);
const BORDER_EDGES = new Set(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"]);
const BORDER_STYLES = new Set(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]);
const BORDER_WEIGHTS = new Set(["Hairline", "Thin", "Medium", "Thick"]);
const COLOR = /^#[0-9A-Fa-f]{6}$/;

function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new FakeExcelError("InvalidArgument", what);
}

/**
 * Where Excel takes a Range or an address, the fake models the address only: a Range (any object)
 * is refused when passed, as not modelled (and it could not be measured as queued bytes anyway).
 */
function addressOnly(arg: unknown, what: string): void {
  if (typeof arg === "object" && arg !== null) throw new FakeExcelError("NotModelled", `${what} takes an address in the fake, not a Range`);
}

type SheetResolver = () => FakeSheet | null;

function worksheetCollection(ctx: FakeContext): WorksheetsView {
  const path = "worksheets";
  let items: WorksheetView[] | undefined;
  const obj = {
    load(props: unknown): WorksheetsView {
      const list = parseLoad(props);
      check(list.length === 1 && list[0] === "items/name", `worksheets.load(${JSON.stringify(props)}) is not modelled`);
      ctx.enqueue(path, "load", [props], () => {
        items = ctx.book.sheets.map((s) => worksheet(ctx, () => s, `worksheet(${s.name})`, false, s.name));
      });
      return self;
    },
    get items(): WorksheetView[] {
      return items ?? notLoaded(path, "items");
    },
    add(name?: string) {
      let created: FakeSheet | null = null;
      ctx.enqueue(path, "add", [name], () => {
        check(
          typeof name === "string" && name.length >= 1 && name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !/^'|'$/.test(name),
          `bad sheet name ${JSON.stringify(name)}`,
        );
        created = ctx.book.addSheet(name);
      });
      return worksheet(ctx, () => created, `worksheet(${name})`, false);
    },
    getItem(name: string) {
      // Like Excel, the look-up is an action of its own: a missing sheet fails here, in order.
      ctx.enqueue(path, "getItem", [name], () => {
        if (!ctx.book.find(name)) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: worksheet ${name}.`);
      });
      return worksheet(
        ctx,
        () => {
          const s = ctx.book.find(name);
          if (!s) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: worksheet ${name}.`);
          return s;
        },
        `worksheet(${name})`,
        false,
      );
    },
    getItemOrNullObject(name: string) {
      return worksheet(ctx, () => ctx.book.find(name) ?? null, `worksheet?(${name})`, true);
    },
    getFirst() {
      return worksheet(ctx, () => must(ctx.book.sheets[0] ?? null, "worksheets.getFirst()"), "worksheet(first)", false);
    },
  } satisfies WorksheetsView;
  const self = strict(path, obj);
  return self;
}

/** Resolve a non-null target for an action, or fail like Excel does on a null object. */
function must<T>(value: T | null, path: string): T {
  if (value === null) throw new FakeExcelError("InvalidOperation", `${path} is a null object`);
  return value;
}

/** A worksheet proxy; `loadedName`: its name is already loaded (an item of a loaded collection). */
function worksheet(ctx: FakeContext, resolve: SheetResolver, path: string, nullable: boolean, loadedName?: string): WorksheetView {
  const loaded = new Map<string, unknown>();
  if (loadedName !== undefined) loaded.set("name", loadedName);
  const sheet = (): FakeSheet => must(resolve(), path);
  const act = (member: string, args: unknown[], run: (s: FakeSheet) => void): void =>
    ctx.enqueue(path, member, args, () => run(sheet()));

  const freezePanes = strict(`${path}.freezePanes`, {
    freezeRows: (n = 1) =>
      act("freezePanes.freezeRows", [n], (s) => {
        check(Number.isInteger(n) && n >= 0, `freezeRows(${n})`);
        s.frozenRows = n;
        s.frozenColumns = 0;
      }),
    freezeColumns: (n = 1) =>
      act("freezePanes.freezeColumns", [n], (s) => {
        check(Number.isInteger(n) && n >= 0, `freezeColumns(${n})`);
        s.frozenColumns = n;
        s.frozenRows = 0;
      }),
    freezeAt: (at: Excel.Range | string) => {
      addressOnly(at, "freezeAt");
      act("freezePanes.freezeAt", [at], (s) => {
        check(typeof at === "string", "freezeAt takes an address in the fake");
        const r = parseAddress(at);
        s.frozenRows = r.row + r.rows;
        s.frozenColumns = r.col + r.cols;
      });
    },
    unfreeze: () =>
      act("freezePanes.unfreeze", [], (s) => {
        s.frozenRows = 0;
        s.frozenColumns = 0;
      }),
  } satisfies FreezePanesView);

  const headerPath = `${path}.pageLayout.headersFooters.defaultForAllPages`;
  const defaultForAllPages = {
    get centerHeader(): string {
      return notLoaded(headerPath, "centerHeader");
    },
    set centerHeader(v) {
      act("pageLayout.headersFooters.defaultForAllPages.centerHeader", [v], (s) => {
        check(typeof v === "string", "centerHeader");
        s.centerHeader = v;
      });
    },
  } satisfies HeaderFooterView;
  const pageLayout = {
    headersFooters: strict(`${path}.pageLayout.headersFooters`, {
      defaultForAllPages: strict(headerPath, defaultForAllPages),
    } satisfies HeadersFootersView),
    setPrintArea: (area: Excel.Range | Excel.RangeAreas | string) => {
      addressOnly(area, "setPrintArea");
      act("pageLayout.setPrintArea", [area], (s) => {
        check(typeof area === "string", "setPrintArea takes an address in the fake");
        parseAddress(area);
        s.printArea = area;
      });
    },
    setPrintTitleRows: (rows: Excel.Range | string) => {
      addressOnly(rows, "setPrintTitleRows");
      act("pageLayout.setPrintTitleRows", [rows], (s) => {
        check(typeof rows === "string" && /^\$?\d+:\$?\d+$/.test(rows), `setPrintTitleRows(${String(rows)})`);
        s.printTitleRows = rows;
      });
    },
    get orientation(): Excel.PageLayout["orientation"] {
      return notLoaded(`${path}.pageLayout`, "orientation");
    },
    set orientation(v) {
      act("pageLayout.orientation", [v], (s) => {
        check(v === "Portrait" || v === "Landscape", `orientation ${String(v)}`);
        s.orientation = v;
      });
    },
    get paperSize(): Excel.PageLayout["paperSize"] {
      return notLoaded(`${path}.pageLayout`, "paperSize");
    },
    set paperSize(v) {
      act("pageLayout.paperSize", [v], (s) => {
        check(typeof v === "string" && ["A4", "A3", "A5", "Letter", "Legal"].includes(v), `paperSize ${String(v)}`);
        s.paperSize = v;
      });
    },
    get zoom(): Excel.PageLayoutZoomOptions {
      return notLoaded(`${path}.pageLayout`, "zoom");
    },
    set zoom(v) {
      act("pageLayout.zoom", [v], (s) => {
        const z: unknown = v;
        check(
          typeof z === "object" && z !== null && Object.keys(z).every((k) => ["horizontalFitToPages", "verticalFitToPages", "scale"].includes(k)),
          `zoom ${JSON.stringify(v)}`,
        );
        s.zoom = { ...z } as Excel.PageLayoutZoomOptions;
      });
    },
  } satisfies PageLayoutView;

  const horizontalPageBreaks = strict(`${path}.horizontalPageBreaks`, {
    add: (cell: Excel.Range | string) => {
      addressOnly(cell, "horizontalPageBreaks.add");
      act("horizontalPageBreaks.add", [cell], (s) => {
        check(typeof cell === "string", "horizontalPageBreaks.add takes an address in the fake");
        const r = parseAddress(cell);
        check(r.row >= 1, `page break at ${cell}`);
        s.addPageBreakAfter(r.row);
      });
      // Excel hands back the new PageBreak; the fake models none of its members.
      return strict(`${path}.horizontalPageBreaks(${String(cell)})`, {} satisfies PageBreakView);
    },
    removePageBreaks: () =>
      act("horizontalPageBreaks.removePageBreaks", [], (s) => {
        s.pageBreaks = [];
      }),
  } satisfies PageBreaksView);

  const obj = {
    load(props: unknown): WorksheetView {
      const list = parseLoad(props);
      check(list.every((p) => p === "name" || p === "isNullObject"), `worksheet.load(${JSON.stringify(props)})`);
      ctx.enqueue(path, "load", [props], () => {
        const s = resolve();
        loaded.set("isNullObject", s === null);
        if (s) loaded.set("name", s.name);
      });
      return self;
    },
    get name(): string {
      return loaded.has("name") ? (loaded.get("name") as string) : notLoaded(path, "name");
    },
    get isNullObject(): boolean {
      return loaded.has("isNullObject") ? (loaded.get("isNullObject") as boolean) : notLoaded(path, "isNullObject");
    },
    // Like Excel: the next sheet in tab order, a null object after the last (and after a null object).
    getNextOrNullObject() {
      return worksheet(
        ctx,
        () => {
          const s = resolve();
          if (!s) return null;
          return ctx.book.sheets[ctx.book.sheets.indexOf(s) + 1] ?? null;
        },
        // Excel refers to the previous proxy by id: the request grows by one short step, not by the
        // whole chain, so the path (which the byte count measures) stays short too.
        `worksheet?(after ${path.length > 40 ? path.slice(-24) : path})`,
        true,
      );
    },
    getRange(address?: string) {
      return range(
        ctx,
        () => {
          const s = nullable ? resolve() : sheet();
          return s && { sheet: s, rect: address === undefined ? SHEET_RECT : parseAddress(address) };
        },
        `${path}.range(${address ?? ""})`,
        nullable,
      );
    },
    getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
      return range(
        ctx,
        () => {
          check(
            [row, col, rows, cols].every((n) => Number.isInteger(n)) && row >= 0 && col >= 0 && rows >= 1 && cols >= 1 &&
              row + rows <= MAX_ROWS && col + cols <= MAX_COLS,
            `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`,
          );
          const s = nullable ? resolve() : sheet();
          return s && { sheet: s, rect: { row, col, rows, cols } };
        },
        `${path}.rangeByIndexes(${row},${col},${rows},${cols})`,
        nullable,
      );
    },
    getUsedRangeOrNullObject(valuesOnly = false) {
      return range(
        ctx,
        () => {
          const s = resolve();
          const rect = s?.usedRect(valuesOnly) ?? null;
          return s && rect ? { sheet: s, rect } : null;
        },
        `${path}.usedRange?`,
        true,
      );
    },
    freezePanes,
    pageLayout: strict(`${path}.pageLayout`, pageLayout),
    horizontalPageBreaks,
    charts: chartCollection(ctx, sheet, `${path}.charts`),
    activate: () =>
      act("activate", [], (s) => {
        ctx.book.activeSheet = s.name;
      }),
    get tabColor(): string {
      return notLoaded(path, "tabColor");
    },
    set tabColor(v) {
      act("tabColor", [v], (s) => {
        check(typeof v === "string" && (v === "" || COLOR.test(v)), `tabColor ${String(v)}`);
        s.tabColor = v;
      });
    },
  } satisfies WorksheetView;
  const self = strict(path, obj);
  return self;
}

// ---- charts

const CHART_TYPES = new Set(["ColumnClustered", "ColumnStacked", "BarClustered", "BarStacked", "Line", "LineStacked"]);

type ChartResolver = () => FakeChart | null;

function chartCollection(ctx: FakeContext, sheet: () => FakeSheet, path: string): ChartsView {
  let items: ChartView[] | undefined;
  const obj = {
    load(props: unknown): ChartsView {
      const list = parseLoad(props);
      check(list.length === 1 && list[0] === "items/name", `charts.load(${JSON.stringify(props)}) is not modelled`);
      ctx.enqueue(path, "load", [props], () => {
        items = sheet().charts.map((c) => chart(ctx, sheet, () => c, `${path}(${c.name})`, c.name));
      });
      return self;
    },
    get items(): ChartView[] {
      return items ?? notLoaded(path, "items");
    },
    // Like Excel: the chart draws the source range, one series per column (or row), no headers
    // guessed; the back end sets each series explicitly anyway.
    add(type: string, sourceData: Excel.Range, seriesBy: string = "Auto") {
      const source = rangeArgument(sourceData, "charts.add");
      let created: FakeChart | null = null;
      ctx.enqueue(path, "add", [type, source.path, seriesBy], () => {
        if (!CHART_TYPES.has(type)) throw new FakeExcelError("NotModelled", `chart type ${type}`);
        check(["Auto", "Columns", "Rows"].includes(seriesBy), `seriesBy ${seriesBy}`);
        const t = must(source.resolve(), source.path);
        const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && t.rect.rows >= t.rect.cols);
        const count = byColumns ? t.rect.cols : t.rect.rows;
        const series = Array.from({ length: count }, (_, i) => {
          const rect = byColumns ? { ...t.rect, col: t.rect.col + i, cols: 1 } : { ...t.rect, row: t.rect.row + i, rows: 1 };
          return { ...newSeries(`Ряд${i + 1}`), values: `${quoteSheet(t.sheet.name)}!${rectText(rect)}` };
        });
        created = sheet()._newChart(type, { range: rangeText(source), seriesBy }, series);
      });
      return chart(ctx, sheet, () => created, `${path}.add(${type})`);
    },
    getItemOrNullObject(name: string) {
      return chart(ctx, sheet, () => sheet().chart(name) ?? null, `${path}?(${name})`);
    },
  } satisfies ChartsView;
  const self = strict(path, obj);
  return self;
}

/**
 * A chart proxy, resolved at each action. On a null object (`getItemOrNullObject` of a name no
 * chart has) `delete()` does nothing — the assumption the back end relies on to clear its old
 * charts without a round trip (src/workbook/office/README.md «Charts») — and anything else fails.
 */
function chart(ctx: FakeContext, sheet: () => FakeSheet, resolve: ChartResolver, path: string, loadedName?: string): ChartView {
  const act = (member: string, args: unknown[], run: (c: FakeChart) => void): void => ctx.enqueue(path, member, args, () => run(must(resolve(), path)));
  const text = (owner: string, set: (c: FakeChart, v: string) => void) => ({
    get text(): string {
      return notLoaded(`${path}.${owner}`, "text");
    },
    set text(v) {
      act(`${owner}.text`, [v], (c) => {
        check(typeof v === "string", `${owner}.text ${String(v)}`);
        set(c, v);
      });
    },
  });
  const axisPath = (axis: string) => `${path}.axes.${axis}`;
  const categoryAxis = {
    title: strict(`${axisPath("categoryAxis")}.title`, text("axes.categoryAxis.title", (c, v) => void (c.categoryAxisTitle = v)) satisfies ChartAxisTitleView),
    get maximum(): unknown {
      return notLoaded(axisPath("categoryAxis"), "maximum");
    },
    set maximum(v) {
      // Excel refuses a maximum on a category axis of text labels; the back end never sets one.
      act("axes.categoryAxis.maximum", [v], () => {
        throw new FakeExcelError("NotModelled", "categoryAxis.maximum");
      });
    },
  } satisfies ChartAxisView;
  const valueAxis = {
    title: strict(`${axisPath("valueAxis")}.title`, text("axes.valueAxis.title", (c, v) => void (c.valueAxisTitle = v)) satisfies ChartAxisTitleView),
    get maximum(): unknown {
      return notLoaded(axisPath("valueAxis"), "maximum");
    },
    set maximum(v) {
      act("axes.valueAxis.maximum", [v], (c) => {
        check(typeof v === "number" && Number.isFinite(v), `valueAxis.maximum ${String(v)}`);
        c.valueAxisMaximum = v;
      });
    },
  } satisfies ChartAxisView;
  const legend = {
    get visible(): boolean {
      return notLoaded(`${path}.legend`, "visible");
    },
    set visible(v) {
      act("legend.visible", [v], (c) => {
        check(typeof v === "boolean", `legend.visible ${String(v)}`);
        c.legendVisible = v;
      });
    },
  } satisfies ChartLegendView;
  const seriesCollection = {
    add: (name?: string, index?: number) => {
      let created: FakeChartSeries | null = null;
      act("series.add", [name, index], (c) => {
        check(index === undefined, "series.add(name, index) is not modelled with an index");
        check(name === undefined || typeof name === "string", `series name ${String(name)}`);
        created = newSeries(name ?? `Ряд${c.series.length + 1}`);
        c.series.push(created);
      });
      return series(ctx, () => created, `${path}.series.add(${name ?? ""})`);
    },
    getItemAt: (index: number) =>
      series(
        ctx,
        () => {
          const c = must(resolve(), path);
          const s = c.series[index];
          if (!s) throw new FakeExcelError("ItemNotFound", `${path}: no series ${index}`);
          return s;
        },
        `${path}.series(${index})`,
      ),
  } satisfies ChartSeriesCollectionView;

  const obj = {
    get name(): string {
      return loadedName ?? notLoaded(path, "name");
    },
    set name(v) {
      act("name", [v], (c) => {
        check(typeof v === "string" && v.length > 0 && v.length <= 255, `chart name ${String(v)}`);
        c.name = v;
      });
    },
    delete: () =>
      ctx.enqueue(path, "delete", [], () => {
        const c = resolve();
        if (c === null) return; // a null object: nothing to delete
        const s = sheet();
        s.charts = s.charts.filter((x) => x !== c);
      }),
    setPosition: (startCell: Excel.Range | string, endCell?: Excel.Range | string) => {
      addressOnly(startCell, "setPosition");
      addressOnly(endCell, "setPosition");
      act("setPosition", [startCell, endCell], (c) => {
        check(typeof startCell === "string" && (endCell === undefined || typeof endCell === "string"), "setPosition takes addresses in the fake");
        parseAddress(startCell);
        if (endCell !== undefined) parseAddress(endCell);
        c.position = { from: startCell, to: endCell ?? null };
      });
    },
    title: strict(`${path}.title`, text("title", (c, v) => void (c.title = v)) satisfies ChartTitleView),
    axes: strict(`${path}.axes`, {
      categoryAxis: strict(axisPath("categoryAxis"), categoryAxis),
      valueAxis: strict(axisPath("valueAxis"), valueAxis),
    } satisfies ChartAxesView),
    legend: strict(`${path}.legend`, legend),
    series: strict(`${path}.series`, seriesCollection),
  } satisfies ChartView;
  return strict(path, obj);
}

function series(ctx: FakeContext, resolve: () => FakeChartSeries | null, path: string): ChartSeriesView {
  const act = (member: string, args: unknown[], run: (s: FakeChartSeries) => void): void => ctx.enqueue(path, member, args, () => run(must(resolve(), path)));
  const setRange = (member: string, sourceData: unknown, set: (s: FakeChartSeries, range: string) => void): void => {
    const source = rangeArgument(sourceData, `series.${member}`);
    act(member, [source.path], (s) => {
      const t = must(source.resolve(), source.path);
      check(t.rect.rows === 1 || t.rect.cols === 1, `series.${member}: ${rectText(t.rect)} is not one row or column`);
      set(s, rangeText(source));
    });
  };
  const fill = {
    setSolidColor: (color: string) =>
      act("format.fill.setSolidColor", [color], (s) => {
        check(typeof color === "string" && COLOR.test(color), `setSolidColor(${String(color)})`);
        s.fill = color;
      }),
  } satisfies ChartFillView;
  const line = {
    get color(): string {
      return notLoaded(`${path}.format.line`, "color");
    },
    set color(v) {
      act("format.line.color", [v], (s) => {
        check(typeof v === "string" && COLOR.test(v), `line.color ${String(v)}`);
        s.lineColor = v;
      });
    },
  } satisfies ChartLineFormatView;
  const obj = {
    get name(): string {
      return notLoaded(path, "name");
    },
    set name(v) {
      act("name", [v], (s) => {
        check(typeof v === "string", `series name ${String(v)}`);
        s.name = v;
      });
    },
    setValues: (sourceData: Excel.Range) => setRange("setValues", sourceData, (s, r) => void (s.values = r)),
    setXAxisValues: (sourceData: Excel.Range) => setRange("setXAxisValues", sourceData, (s, r) => void (s.xValues = r)),
    format: strict(`${path}.format`, {
      fill: strict(`${path}.format.fill`, fill),
      line: strict(`${path}.format.line`, line),
    } satisfies ChartSeriesFormatView),
    get overlap(): number {
      return notLoaded(path, "overlap");
    },
    set overlap(v) {
      act("overlap", [v], (s) => {
        check(Number.isInteger(v) && v >= -100 && v <= 100, `overlap ${String(v)}`);
        s.overlap = v;
      });
    },
    get gapWidth(): number {
      return notLoaded(path, "gapWidth");
    },
    set gapWidth(v) {
      act("gapWidth", [v], (s) => {
        check(Number.isInteger(v) && v >= 0 && v <= 500, `gapWidth ${String(v)}`);
        s.gapWidth = v;
      });
    },
  } satisfies ChartSeriesView;
  return strict(path, obj);
}

type RangeResolver = () => { sheet: FakeSheet; rect: Rect } | null;

/** Every range proxy the fake handed out, so that a method taking a Range (charts) can resolve it. */
const rangeProxies = new WeakMap<object, { resolve: RangeResolver; path: string }>();

/** A Range argument: one of the fake's own range proxies (anything else is not modelled). */
function rangeArgument(arg: unknown, what: string): { resolve: RangeResolver; path: string } {
  const known = typeof arg === "object" && arg !== null ? rangeProxies.get(arg) : undefined;
  if (!known) throw new FakeExcelError("NotModelled", `${what} takes a Range of the fake`);
  return known;
}

/** The range a Range argument stands for, as Excel shows it in a series formula: 'Лист'!B4:B9. */
function rangeText(known: { resolve: RangeResolver; path: string }): string {
  const t = must(known.resolve(), known.path);
  return `${quoteSheet(t.sheet.name)}!${rectText(t.rect)}`;
}

function range(ctx: FakeContext, resolve: RangeResolver, path: string, nullable: boolean): RangeView {
  const loaded = new Map<string, unknown>();
  const target = (): { sheet: FakeSheet; rect: Rect } => must(resolve(), path);
  const act = (member: string, args: unknown[], run: (t: { sheet: FakeSheet; rect: Rect }) => void): void =>
    ctx.enqueue(path, member, args, () => run(target()));
  const record = (prop: string, value: unknown, ok: boolean) =>
    act(`format.${prop}`, [value], (t) => {
      check(ok, `format.${prop} = ${JSON.stringify(value)}`);
      t.sheet.formats.push({ range: rectText(t.rect), rect: t.rect, prop, value });
    });

  // ---- format
  const fontPath = `${path}.format.font`;
  const font = {
    get bold(): boolean {
      return notLoaded(fontPath, "bold");
    },
    set bold(v) {
      record("font.bold", v, typeof v === "boolean");
    },
    get italic(): boolean {
      return notLoaded(fontPath, "italic");
    },
    set italic(v) {
      record("font.italic", v, typeof v === "boolean");
    },
    get size(): number {
      return notLoaded(fontPath, "size");
    },
    set size(v) {
      record("font.size", v, typeof v === "number" && v >= 1 && v <= 409);
    },
  } satisfies RangeFontView;
  const fill = {
    get color(): string {
      return notLoaded(`${path}.format.fill`, "color");
    },
    set color(v) {
      record("fill.color", v, typeof v === "string" && COLOR.test(v));
    },
  } satisfies RangeFillView;
  const borders = {
    getItem: (edge: string) => {
      const borderPath = `${path}.format.borders(${edge})`;
      const border = {
        get style(): Excel.RangeBorder["style"] {
          return notLoaded(borderPath, "style");
        },
        set style(v) {
          record(`borders.${edge}.style`, v, BORDER_EDGES.has(edge) && BORDER_STYLES.has(v as string));
        },
        get weight(): Excel.RangeBorder["weight"] {
          return notLoaded(borderPath, "weight");
        },
        set weight(v) {
          record(`borders.${edge}.weight`, v, BORDER_EDGES.has(edge) && BORDER_WEIGHTS.has(v as string));
        },
      } satisfies RangeBorderView;
      return strict(borderPath, border);
    },
  } satisfies RangeBordersView;
  const formatPath = `${path}.format`;
  const format = {
    font: strict(fontPath, font),
    fill: strict(`${path}.format.fill`, fill),
    borders: strict(`${path}.format.borders`, borders),
    get wrapText(): boolean {
      return notLoaded(formatPath, "wrapText");
    },
    set wrapText(v) {
      record("wrapText", v, typeof v === "boolean");
    },
    get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
      return notLoaded(formatPath, "horizontalAlignment");
    },
    set horizontalAlignment(v) {
      record("horizontalAlignment", v, HORIZONTAL.has(v as string));
    },
    get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
      return notLoaded(formatPath, "verticalAlignment");
    },
    set verticalAlignment(v) {
      record("verticalAlignment", v, VERTICAL.has(v as string));
    },
    get rowHeight(): number {
      return notLoaded(formatPath, "rowHeight");
    },
    set rowHeight(v) {
      act("format.rowHeight", [v], (t) => {
        check(typeof v === "number" && v >= 0 && v <= 409, `rowHeight ${String(v)}`);
        for (let r = t.rect.row; r < t.rect.row + Math.min(t.rect.rows, 100_000); r++) t.sheet.rowHeights.set(r, v);
      });
    },
    get columnWidth(): number {
      return notLoaded(formatPath, "columnWidth");
    },
    set columnWidth(v) {
      act("format.columnWidth", [v], (t) => {
        check(typeof v === "number" && v >= 0 && v <= 1800, `columnWidth ${String(v)}`);
        for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) t.sheet.columnWidths.set(c, v);
      });
    },
  } satisfies RangeFormatView;

  // ---- data validation
  const findValidation = (t: { sheet: FakeSheet; rect: Rect }): FakeValidation => {
    const same = t.sheet.validations.find((v) => rectText(v.rect) === rectText(t.rect));
    if (same) return same;
    const created: FakeValidation = { range: rectText(t.rect), rect: t.rect };
    t.sheet.validations.push(created);
    return created;
  };
  const validationPath = `${path}.dataValidation`;
  const dataValidation = {
    clear: () =>
      act("dataValidation.clear", [], (t) => {
        t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.rect, t.rect));
      }),
    get rule(): Excel.DataValidationRule {
      return notLoaded(validationPath, "rule");
    },
    set rule(v) {
      act("dataValidation.rule", [v], (t) => {
        const rule = v;
        const kinds = Object.keys(rule ?? {});
        check(kinds.length === 1, `dataValidation.rule must have exactly one kind: ${JSON.stringify(v)}`);
        if (rule.list) {
          check(
            typeof rule.list.source === "string" && rule.list.source.length > 0 && rule.list.source.length <= 255 &&
              typeof rule.list.inCellDropDown === "boolean",
            `list rule ${JSON.stringify(rule.list)}`,
          );
        } else if (rule.wholeNumber) {
          const w = rule.wholeNumber;
          check(
            ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"].includes(
              w.operator as string,
            ) &&
              (typeof w.formula1 === "number" || typeof w.formula1 === "string") &&
              ((w.operator !== "Between" && w.operator !== "NotBetween") || typeof w.formula2 === "number" || typeof w.formula2 === "string"),
            `wholeNumber rule ${JSON.stringify(w)}`,
          );
        } else {
          throw new FakeExcelError("NotModelled", `data validation kind ${kinds[0]}`);
        }
        // Excel refuses a rule on cells that already hold a different validation; clear first.
        const clash = t.sheet.validations.some(
          (x) => intersects(x.rect, t.rect) && x.rule !== undefined && rectText(x.rect) !== rectText(t.rect),
        );
        check(!clash, `${rectText(t.rect)} already has data validation; clear it first`);
        findValidation(t).rule = rule;
      });
    },
    get errorAlert(): Excel.DataValidationErrorAlert {
      return notLoaded(validationPath, "errorAlert");
    },
    set errorAlert(v) {
      act("dataValidation.errorAlert", [v], (t) => {
        const a = v;
        check(
          typeof a?.message === "string" && a.message.length <= 225 && ["Stop", "Warning", "Information"].includes(a.style as string),
          `errorAlert ${JSON.stringify(v)}`,
        );
        findValidation(t).errorAlert = a;
      });
    },
    get prompt(): Excel.DataValidationPrompt {
      return notLoaded(validationPath, "prompt");
    },
    set prompt(v) {
      act("dataValidation.prompt", [v], (t) => {
        const p = v;
        check(typeof p?.message === "string" && p.message.length <= 255, `prompt ${JSON.stringify(v)}`);
        findValidation(t).prompt = p;
      });
    },
  } satisfies DataValidationView;

  // ---- conditional formats
  const conditionalFormats = {
    add: (type: string) => {
      let created: FakeConditionalFormat | null = null;
      const cfPath = `${path}.conditionalFormats(${type})`;
      act("conditionalFormats.add", [type], (t) => {
        if (type !== "Custom") throw new FakeExcelError("NotModelled", `conditional format type ${type}`);
        created = { range: rectText(t.rect), rect: t.rect, type: "Custom" };
        t.sheet.conditionalFormats.push(created);
      });
      const cf = (): FakeConditionalFormat => must(created, cfPath);
      const rule = {
        get formula(): string {
          return notLoaded(`${cfPath}.custom.rule`, "formula");
        },
        set formula(v) {
          ctx.enqueue(cfPath, "custom.rule.formula", [v], () => {
            check(typeof v === "string" && v.startsWith("="), `custom rule formula ${String(v)}`);
            cf().formula = v;
          });
        },
      } satisfies ConditionalFormatRuleView;
      const cfFill = {
        get color(): string {
          return notLoaded(`${cfPath}.custom.format.fill`, "color");
        },
        set color(v) {
          ctx.enqueue(cfPath, "custom.format.fill.color", [v], () => {
            check(typeof v === "string" && COLOR.test(v), `fill ${String(v)}`);
            cf().fill = v;
          });
        },
      } satisfies ConditionalRangeFillView;
      return strict(cfPath, {
        custom: strict(`${cfPath}.custom`, {
          rule: strict(`${cfPath}.custom.rule`, rule),
          format: strict(`${cfPath}.custom.format`, { fill: strict(`${cfPath}.custom.format.fill`, cfFill) } satisfies ConditionalRangeFormatView),
        } satisfies CustomConditionalFormatView),
      } satisfies ConditionalFormatView);
    },
    clearAll: () =>
      act("conditionalFormats.clearAll", [], (t) => {
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((f) => !intersects(f.rect, t.rect));
      }),
  } satisfies ConditionalFormatsView;

  const loadable = new Set(["address", "values", "formulas", "isNullObject"]);
  const get = <T>(prop: string): T => (loaded.has(prop) ? (loaded.get(prop) as T) : notLoaded(path, prop));
  const obj = {
    load(props: unknown): RangeView {
      const list = parseLoad(props);
      check(list.every((p) => loadable.has(p)), `range.load(${JSON.stringify(props)}) is not modelled`);
      ctx.enqueue(path, "load", [props], () => {
        const t = nullable ? resolve() : target();
        loaded.set("isNullObject", t === null);
        if (!t) return;
        check(t.rect.rows * t.rect.cols <= 5_000_000, `loading ${rectText(t.rect)} is too large`);
        if (list.includes("address")) loaded.set("address", `${quoteSheet(t.sheet.name)}!${rectText(t.rect)}`);
        if (list.includes("values")) loaded.set("values", t.sheet._read(t.rect, "values"));
        if (list.includes("formulas")) loaded.set("formulas", t.sheet._read(t.rect, "formulas"));
        ctx.responseBytes += JSON.stringify([loaded.get("values") ?? null, loaded.get("formulas") ?? null]).length;
      });
      return self;
    },
    get isNullObject(): boolean {
      return get("isNullObject");
    },
    get address(): string {
      return get("address");
    },
    get values(): Scalar[][] {
      return get("values");
    },
    set values(v: unknown) {
      act("values", [v], (t) => t.sheet._write(t.rect, v, "values"));
    },
    get formulas(): Scalar[][] {
      return get("formulas");
    },
    set formulas(v: unknown) {
      act("formulas", [v], (t) => t.sheet._write(t.rect, v, "formulas"));
    },
    get numberFormat(): Scalar[][] {
      return notLoaded(path, "numberFormat");
    },
    set numberFormat(v: unknown) {
      act("numberFormat", [v], (t) => t.sheet._write(t.rect, v, "numberFormat"));
    },
    clear: (applyTo: string = "All") => act("clear", [applyTo], (t) => t.sheet._clear(t.rect, applyTo)),
    // Like Excel: fills the destination (which must contain the source and extend it down) by
    // repeating the source rows; formulas move their relative rows, $-rows stay.
    autoFill: (destination?: Excel.Range | string, type: string = "FillDefault") => {
      addressOnly(destination, "autoFill");
      act("autoFill", [destination, type], (t) => {
        check(typeof destination === "string", "autoFill takes an address in the fake");
        check(type === "FillCopy" || type === "FillDefault", `autoFill type ${type} is not modelled`);
        const d = parseAddress(destination);
        check(d.row === t.rect.row && d.col === t.rect.col && d.cols === t.rect.cols && d.rows >= t.rect.rows, `autoFill ${destination} must extend ${rectText(t.rect)} down`);
        const source = t.sheet._read(t.rect, "formulas") as unknown[][];
        for (let r = t.rect.rows; r < d.rows; r++) {
          const from = source[r % t.rect.rows];
          const offset = r - (r % t.rect.rows);
          const row = from.map((f) => (typeof f === "string" && f.startsWith("=") ? shiftRows(f, offset) : f));
          t.sheet._write({ row: d.row + r, col: d.col, rows: 1, cols: d.cols }, [row], "formulas");
        }
      });
    },
    select: () =>
      act("select", [], (t) => {
        ctx.book.activeSheet = t.sheet.name;
        ctx.book.selection = { sheet: t.sheet.name, address: rectText(t.rect) };
      }),
    format: strict(formatPath, format),
    dataValidation: strict(validationPath, dataValidation),
    conditionalFormats: strict(`${path}.conditionalFormats`, conditionalFormats),
  } satisfies RangeView;
  const self = strict(path, obj);
  rangeProxies.set(self, { resolve, path });
  return self;
}

/** A1 references of a formula moved down `offset` rows ($-rows and text in quotes stay). */
export function shiftRows(formula: string, offset: number): string {
  return formula
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (m, c$, col, r$, row) => (r$ ? m : `${c$}${col}${Number(row) + offset}`))))
    .join("");
}

// ---------------------------------------------------------------------------------------------

export interface FakeExcel {
  /** Drop-in for `Excel.run`. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  workbook: FakeWorkbook;
  stats: FakeStats;
  resetStats(): void;
}

export function createFakeExcel(options: { evaluate?: (formula: string) => Scalar; maxResponseBytes?: number } = {}): FakeExcel {
  const workbook = new FakeWorkbook(options.evaluate);
  const stats: FakeStats = { runs: 0, syncs: 0, bytesPerSync: [], actionsPerSync: [], suspendedSyncs: 0, recalculations: 0, responseBytesPerSync: [] };
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    stats.runs++;
    const ctx = new FakeContext(workbook, stats, options.maxResponseBytes);
    // The back end is typed against the whole Excel.RequestContext; the fake gives it the members it
    // models (RequestContextView, which the real context fits: so this cast is checked), and every
    // other member throws NotModelled.
    const result = await batch(ctx.view() as Excel.RequestContext);
    // Excel.run flushes what is still queued when the batch returns; that costs a round trip too.
    if (ctx.queue.length > 0) await ctx.sync();
    return result;
  };
  const resetStats = (): void => {
    stats.runs = 0;
    stats.syncs = 0;
    stats.bytesPerSync = [];
    stats.responseBytesPerSync = [];
    stats.actionsPerSync = [];
    stats.suspendedSyncs = 0;
    stats.recalculations = 0;
  };
  return { run, workbook, stats, resetStats };
}
