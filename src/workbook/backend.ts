// The seam between operations and spreadsheets. Operations read a Snapshot, plan in pure code
// and hand a WritePlan to a back end. Nothing outside src/workbook/{office,file} touches Excel
// or ExcelJS. See ../../docs/WORKBOOK.md and ./README.md.

export type CellValue = string | number | boolean | null;

/** The used part of one sheet, always anchored at A1 (row 0 = sheet row 1), rows padded to equal length. */
export interface SheetSnapshot {
  values: CellValue[][];
  /** Formula text ("=SUM(C2:D2)") where a cell holds a formula, else null. Same shape as values. */
  formulas?: (string | null)[][];
}

/**
 * What a read gives. Read-only: a back end may hand the same row arrays to the next read (the file
 * back end does, for sheets that did not change), so a planner copies before it changes anything.
 */
export interface Snapshot {
  /** Every sheet of the workbook in tab order, whether or not it was read. */
  sheetNames: string[];
  /** The sheets asked for that exist. A sheet asked for but missing is simply absent here. */
  sheets: Record<string, SheetSnapshot>;
}

export type FormulaStyle =
  /** Excel with our add-in loaded: =VPR.TOTAL(...) etc. */
  | "custom-functions"
  /** Plain SUM/IF/COUNTIFS that LibreOffice and Р7 recalculate too. */
  | "standard";

export interface WorkbookBackend {
  readonly kind: "office" | "file";
  readonly formulaStyle: FormulaStyle;
  /**
   * One round trip: the sheet list and the used range (values, and formulas when asked) of each
   * named sheet that exists — or of every sheet when `sheets` is null (operations need the input
   * sheets and the sheets they own, whose names come from the inputs).
   */
  read(sheets: readonly string[] | null, options?: { formulas?: boolean }): Promise<Snapshot>;
  /**
   * One round trip (more only when a request would exceed 5 MB): carry out the whole plan. Call it
   * through `applyWritePlan` (./planCheck.ts), which checks the plan first: back ends do not.
   */
  apply(plan: WritePlan): Promise<void>;
  /** Select a cell for the user (Excel only; file back end does nothing). */
  select?(sheet: string, address: string): Promise<void>;
}

/** Everything one operation writes. A back end writes nothing else. */
export interface WritePlan {
  /** Sheets the add-in owns, written whole: created, or cleared (values, formats, validation) and rewritten. */
  sheets: SheetPlan[];
  /**
   * Sheets the add-in made that hold what people typed (score sheets, protocols): merged into,
   * never cleared — only the cells, formulas and rules a merge names are written.
   */
  merges?: SheetMerge[];
  /** The few single cells an operation may write in user sheets (e.g. roster codes). Always data, never formulas. */
  cellWrites: CellWrite[];
  /** Sheet to activate after the write, if any. */
  activate?: string;
}

export interface SheetPlan {
  /** Already safe: ≤31 characters, none of []:*?/\, no leading or trailing apostrophe, not "History". Looked up ignoring case, as Excel does. */
  name: string;
  /** "create" when the sheet does not exist, "replace" when it exists and is ours. Decided by the planner from the snapshot. */
  mode: "create" | "replace";
  /** Cell values from A1. Strings are data: a back end must never let "=..." become a formula. "" is written as an empty cell and read back as null. */
  values: CellValue[][];
  /** Formula blocks: `formulas[r][c]` goes to the cell (r, c) of `range`. `results` are cached values for file mode. */
  formulas?: FormulaBlock[];
  /** Widths in characters, from column A. */
  columnWidths?: number[];
  freezeRows?: number;
  freezeColumns?: number;
  validations?: Validation[];
  /** Formula-driven highlights (conditional formats). */
  highlights?: Highlight[];
  styles?: CellStyle[];
  print?: PrintSetup;
  /** Tab colour "#RRGGBB", so the coordinator sees which sheets the add-in made. */
  tabColor?: string;
  /** Native charts drawn from this sheet's own cells (Office.js charts in Excel, DrawingML chart parts in files). */
  charts?: ChartPlan[];
}

/**
 * A native chart on a sheet the add-in writes whole, drawn from ranges of that same sheet, so that
 * Excel, LibreOffice and Р7 show and edit it like any chart the user made. Replacing the sheet
 * replaces its charts.
 */
export interface ChartPlan {
  /** "column": vertical bars; "bar": horizontal bars (long item lists); "line". */
  type: "column" | "bar" | "line";
  title: string;
  /** Category labels: a one-column or one-row range of this sheet, e.g. "A4:A9". */
  categories: string;
  /** One or more series, each a range of this sheet the same length as `categories`. */
  series: ChartSeries[];
  /** Cells the chart covers, 0-based and inclusive: top-left and bottom-right. */
  anchor: { from: { row: number; col: number }; to: { row: number; col: number } };
  /**
   * Bars of all series drawn over one another (overlap 100 %, no gap between them): with a value
   * in only one series per category, one bar per category coloured by its series — the score
   * distribution coloured by mark, so the mark boundaries show.
   */
  overlap?: boolean;
  /** Stacked bars (e.g. marks «2»–«5» per class). */
  stacked?: boolean;
  /** Fixed value axis maximum (100 for per cents). */
  valueMax?: number;
  /** Axis titles. */
  categoryTitle?: string;
  valueTitle?: string;
}

export interface ChartSeries {
  /** Series name shown in the legend, as text (not a cell reference). */
  name: string;
  /** e.g. "B4:B9". */
  values: string;
  /** Fill / line colour "#RRGGBB"; default: the application's palette. */
  color?: string;
}

/**
 * A merge into an existing sheet the add-in made. Every cell, column, format, note and comment it
 * does not name stays as the user left it.
 */
export interface SheetMerge {
  name: string;
  /** Cells to set, 0-based: data, never formulas; null clears the cell (its format stays). */
  cells: MergeCell[];
  /** Formula blocks written over their ranges (a filled-down block from its first row). */
  formulas?: FormulaBlock[];
  /**
   * The sheet's data validations that intersect any of these ranges are ours and go; these take
   * their place. Rules elsewhere on the sheet (the user's) stay.
   */
  validations?: Validation[];
  /** The same for conditional formats. */
  highlights?: Highlight[];
  /** Formats laid over the cells of these ranges (row heights included). */
  styles?: CellStyle[];
  /** Replaces the sheet's print area and print titles; other print settings stay. */
  print?: Pick<PrintSetup, "area" | "repeatRows">;
}

export interface MergeCell {
  row: number;
  col: number;
  value: CellValue;
}

export interface FormulaBlock {
  /** e.g. "H2:H31". */
  range: string;
  /**
   * Formulas in A1 style, English function names, each starting with "=": one row per row of
   * `range` — or, with `fillDown`, only the first row's.
   */
  formulas: string[][];
  /** Values the formulas evaluate to (one row per row of `range`), written as cached results where the back end can. */
  results?: CellValue[][];
  /**
   * The first row's formulas fill the whole range, moved down (relative rows shift, $-rows stay),
   * as Excel's fill handle does: `formulas` holds that one row. Back ends write them as shared
   * formulas (files) or one row and an autofill (Excel). Thousands of score rows, one formula text.
   */
  fillDown?: boolean;
}

/** Exactly one rule: `list`, `listSource` or `whole` (a prompt alone is not a validation). */
export interface Validation {
  range: string;
  /** Allowed values shown as a drop-down: no item may contain a comma, all joined ≤ 255 characters (Excel's limit). */
  list?: string[];
  /** Allowed values taken from a range, e.g. "Классы!$A$2:$A$10". */
  listSource?: string;
  /** Whole number between the two bounds (inclusive). */
  whole?: [number, number];
  /** Russian text shown when a wrong value is typed. */
  errorMessage?: string;
  /** Hint shown when the cell is selected. */
  prompt?: string;
  /** "stop" refuses the value, "warning" lets the user keep it. Default "stop". */
  errorStyle?: "stop" | "warning";
}

export interface Highlight {
  range: string;
  /** A formula ("=AND(...)") true for the cells to highlight, written for the top-left cell of `range` (relative refs). */
  formula: string;
  /** Fill colour, "#RRGGBB". */
  fill: string;
}

export interface CellStyle {
  range: string;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  fill?: string;
  fontSize?: number;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  /** Thin border on every edge of every cell of the range; "dashed" for cut lines. */
  border?: "thin" | "dashed";
  /** "@" for text, "0" for whole numbers. */
  numberFormat?: string;
  /** Row height in points for every row of the range. */
  rowHeight?: number;
}

export interface PrintSetup {
  /** e.g. "A1:E31". */
  area?: string;
  /** Rows repeated at the top of each page, e.g. "1:1". */
  repeatRows?: string;
  /** A manual page break after each of these 1-based sheet rows. */
  pageBreaksAfterRows?: number[];
  landscape?: boolean;
  /** Centre page header text, e.g. "Конфиденциально". */
  header?: string;
  fitToWidth?: boolean;
}

export interface CellWrite {
  sheet: string;
  address: string;
  value: CellValue;
}

/** A workbook built from nothing (upload files). Written by the file back end only. */
export interface NewWorkbookPlan {
  sheets: Omit<SheetPlan, "mode">[];
  /** Document properties; never a person's name. */
  properties: { title?: string; creator?: string; company?: string };
}
