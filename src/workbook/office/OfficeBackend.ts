// The Office.js back end: one Excel.run and one context.sync per read, one Excel.run and (as a
// rule) one context.sync per apply. It carries out plans; it decides nothing. See ./README.md.

import type {
  CellStyle,
  CellValue,
  CellWrite,
  FormulaBlock,
  FormulaStyle,
  Highlight,
  PrintSetup,
  SheetPlan,
  SheetSnapshot,
  Snapshot,
  Validation,
  WorkbookBackend,
  WritePlan,
} from "../backend";
import { columnLetter, parseCellAddress, parseRangeAddress, rangeAddress } from "../../core/address";
import { fromExcelFormula, fromExcelValue, toExcelInput } from "./text";

/** `Excel.run`, or a fake of it in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** `Office.context.requirements.isSetSupported`, or a stub in tests. */
export type IsSetSupported = (name: string, version: string) => boolean;

export interface OfficeBackendOptions {
  /** Defaults to `Excel.run`. */
  run?: ExcelRun;
  /** Defaults to "custom-functions" (our add-in is loaded, so =VPR.* functions exist). */
  formulaStyle?: FormulaStyle;
  /**
   * Estimated request size (bytes of JSON queued) above which `apply` splits its work into
   * several syncs. Excel on the web refuses requests over 5 MB; the default leaves a margin.
   */
  maxRequestBytes?: number;
  /** Defaults to `Office.context.requirements.isSetSupported`. */
  isSetSupported?: IsSetSupported;
  /** How many sheets `read(null)` walks in its single sync (default 255); more cost one more sync. */
  maxSheets?: number;
}

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** What one queued action costs in the request beyond its own arguments (object path, ids). */
export const ACTION_OVERHEAD_BYTES = 120;

/**
 * Column width in characters of the default font (Calibri 11: 7 px a character plus 5 px of
 * padding) → points (0.75 pt a pixel), the unit of `format.columnWidth`. 8.43 → 48 pt, Excel's
 * default column.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Address from Office.js ("Лист1!C3:F9", "'Лист 1'!C3") → the top-left cell, zero-based. */
export function topLeftOf(address: string): { row: number; col: number } {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  return parseCellAddress(local.split(":")[0]);
}

// ---------------------------------------------------------------------------------------------
// Work units. A plan becomes a list of ops (pure data + a function that queues Office.js calls);
// the ops are packed into batches by estimated size; each batch is queued and synced once.

/** The proxies of one Excel.run, shared by all its batches. */
export class Session {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}
  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }
  add(name: string): void {
    this.sheets.set(name, this.context.workbook.worksheets.add(name));
  }
}

export type Op =
  | { kind: "fixed"; bytes: number; queue: (s: Session) => void }
  /** A 2-D write that may be cut between rows: `queue(s, first, count)` writes those rows. */
  | { kind: "rows"; baseBytes: number; rowBytes: number[]; queue: (s: Session, first: number, count: number) => void };

export interface Step {
  bytes: number;
  queue: (s: Session) => void;
}

function fixed(actions: number, payload: unknown, queue: (s: Session) => void): Op {
  return { kind: "fixed", bytes: actions * ACTION_OVERHEAD_BYTES + jsonLength(payload), queue };
}

function jsonLength(payload: unknown): number {
  return payload === undefined ? 0 : JSON.stringify(payload).length;
}

/**
 * Greedy packing in plan order: each batch stays under `maxBytes` unless a single fixed op or a
 * single row is bigger than that on its own. Row writes are cut to fill the space left, so the
 * number of batches is ⌈total / maxBytes⌉ or very close to it.
 */
export function packOps(ops: readonly Op[], maxBytes: number): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let used = 0;
  const flush = (): void => {
    if (current.length > 0) batches.push(current);
    current = [];
    used = 0;
  };
  const push = (step: Step): void => {
    current.push(step);
    used += step.bytes;
  };
  for (const op of ops) {
    if (op.kind === "fixed") {
      if (current.length > 0 && used + op.bytes > maxBytes) flush();
      push({ bytes: op.bytes, queue: op.queue });
      continue;
    }
    const n = op.rowBytes.length;
    let r = 0;
    while (r < n) {
      let bytes = op.baseBytes;
      let k = 0;
      while (r + k < n && used + bytes + op.rowBytes[r + k] <= maxBytes) {
        bytes += op.rowBytes[r + k];
        k++;
      }
      if (k === 0) {
        if (current.length > 0) {
          flush();
          continue;
        }
        bytes += op.rowBytes[r];
        k = 1;
      }
      const first = r;
      const count = k;
      push({ bytes, queue: (s) => op.queue(s, first, count) });
      r += k;
    }
  }
  flush();
  return batches;
}

/** A rectangle write (`values`, `formulas` or `numberFormat`) starting at (row, col), cut by rows when large. */
function rectWrite(
  sheet: string,
  row: number,
  col: number,
  data: unknown[][],
  property: "values" | "formulas" | "numberFormat",
): Op {
  const cols = data.reduce((m, r) => Math.max(m, r.length), 0);
  return {
    kind: "rows",
    baseBytes: ACTION_OVERHEAD_BYTES * 2,
    rowBytes: data.map((r) => jsonLength(r) + 1),
    queue: (s, first, count) => {
      const range = s.sheet(sheet).getRangeByIndexes(row + first, col, count, cols);
      range[property] = data.slice(first, first + count);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Plan → ops. Everything here is checked before Excel is touched, so a bad plan fails whole.

export interface Features {
  /** ExcelApi 1.8: data validation. */
  validation: boolean;
  /** ExcelApi 1.9: page layout (print area, titles, orientation, header, zoom) and page breaks. */
  pageLayout: boolean;
}

/** Consecutive rows with the same filled width (trailing empties dropped), as Excel input. */
export function valueBands(values: CellValue[][]): { row: number; values: (string | number | boolean)[][] }[] {
  const filled = (v: CellValue | undefined) => v !== null && v !== undefined && v !== "";
  const widthOf = (row: CellValue[]) => {
    let w = row.length;
    while (w > 0 && !filled(row[w - 1])) w--;
    return w;
  };
  const bands: { row: number; values: (string | number | boolean)[][] }[] = [];
  let current: { row: number; width: number; values: (string | number | boolean)[][] } | null = null;
  values.forEach((row, r) => {
    const width = widthOf(row);
    if (width === 0) {
      current = null;
      return;
    }
    if (!current || current.width !== width || current.row + current.values.length !== r) {
      current = { row: r, width, values: [] };
      bands.push(current);
    }
    const out = new Array<string | number | boolean>(width);
    for (let c = 0; c < width; c++) out[c] = toExcelInput(row[c] ?? null);
    current.values.push(out);
  });
  return bands.map(({ row, values: v }) => ({ row, values: v }));
}

function formulaOp(sheet: string, block: FormulaBlock, can: Features): Op {
  const rect = parseRangeAddress(block.range.replace(/\$/g, ""));
  const ok =
    block.formulas.length === rect.rows && block.formulas.every((r) => r.length === rect.cols);
  if (!ok) {
    throw new Error(
      `План формул для «${sheet}»!${block.range}: размер массива не совпадает с диапазоном ${rect.rows}×${rect.cols}`,
    );
  }
  for (const row of block.formulas) {
    for (const f of row) {
      if (typeof f !== "string" || !f.startsWith("=")) {
        throw new Error(`План формул для «${sheet}»!${block.range}: «${String(f)}» — не формула`);
      }
    }
  }
  if (block.fillDown && rect.rows > 1 && can.pageLayout) {
    // Filled-down formulas: write the first row and let Excel fill the rest (relative rows move,
    // $-rows stay), one request whatever the number of students. Range.autoFill is ExcelApi 1.9.
    const first = [block.formulas[0]];
    const all = rangeAddress(rect.row, rect.col, rect.rows, rect.cols);
    return fixed(3, first, (s) => {
      const top = s.sheet(sheet).getRangeByIndexes(rect.row, rect.col, 1, rect.cols);
      top.formulas = first;
      top.autoFill(all, "FillCopy");
    });
  }
  return rectWrite(sheet, rect.row, rect.col, block.formulas, "formulas");
}

function widthOps(sheet: string, widths: readonly number[]): Op[] {
  const ops: Op[] = [];
  let start = 0;
  while (start < widths.length) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    const col = start;
    const count = end - start;
    const points = columnWidthPoints(widths[start]);
    if (Number.isFinite(points) && points > 0) {
      ops.push(
        fixed(2, points, (s) => {
          s.sheet(sheet).getRangeByIndexes(0, col, 1, count).format.columnWidth = points;
        }),
      );
    }
    start = end;
  }
  return ops;
}

function freezeOp(sheet: string, rows: number, cols: number): Op | undefined {
  if (rows <= 0 && cols <= 0) return undefined;
  return fixed(2, [rows, cols], (s) => {
    const panes = s.sheet(sheet).freezePanes;
    if (rows > 0 && cols > 0) panes.freezeAt(`A1:${columnLetter(cols - 1)}${rows}`);
    else if (rows > 0) panes.freezeRows(rows);
    else panes.freezeColumns(cols);
  });
}

function validationRule(sheet: string, v: Validation): Excel.DataValidationRule {
  if (v.list) {
    const bad = v.list.find((item) => item.includes(","));
    if (bad !== undefined) throw new Error(`Проверка «${sheet}»!${v.range}: значение «${bad}» содержит запятую`);
    const source = v.list.join(",");
    if (source.length > 255) throw new Error(`Проверка «${sheet}»!${v.range}: список длиннее 255 знаков`);
    return { list: { inCellDropDown: true, source } };
  }
  if (v.listSource) {
    const source = v.listSource.startsWith("=") ? v.listSource : `=${v.listSource}`;
    return { list: { inCellDropDown: true, source } };
  }
  if (v.whole) {
    return { wholeNumber: { formula1: v.whole[0], formula2: v.whole[1], operator: "Between" } };
  }
  throw new Error(`Проверка «${sheet}»!${v.range}: не задано ни list, ни listSource, ни whole`);
}

function validationOp(sheet: string, v: Validation): Op {
  const rule = validationRule(sheet, v);
  const alert: Excel.DataValidationErrorAlert | undefined =
    v.errorMessage !== undefined || v.errorStyle !== undefined
      ? { showAlert: true, style: v.errorStyle === "warning" ? "Warning" : "Stop", message: v.errorMessage ?? "", title: "" }
      : undefined;
  const prompt: Excel.DataValidationPrompt | undefined =
    v.prompt !== undefined ? { showPrompt: true, message: v.prompt, title: "" } : undefined;
  return fixed(1 + (alert ? 1 : 0) + (prompt ? 1 : 0), [v.range, rule, alert, prompt], (s) => {
    const dv = s.sheet(sheet).getRange(v.range).dataValidation;
    dv.rule = rule;
    if (alert) dv.errorAlert = alert;
    if (prompt) dv.prompt = prompt;
  });
}

function highlightOp(sheet: string, h: Highlight): Op {
  return fixed(3, h, (s) => {
    const cf = s.sheet(sheet).getRange(h.range).conditionalFormats.add("Custom");
    cf.custom.rule.formula = h.formula;
    cf.custom.format.fill.color = h.fill;
  });
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";
const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function styleOps(sheet: string, st: CellStyle): Op[] {
  const rect = parseRangeAddress(st.range.replace(/\$/g, ""));
  const ops: Op[] = [];
  const { numberFormat, range, ...rest } = st;
  const settings = Object.keys(rest).length;
  if (settings > 0) {
    const edges: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (st.border) {
      if (rect.cols > 1) edges.push("InsideVertical");
      if (rect.rows > 1) edges.push("InsideHorizontal");
    }
    const actions = settings + (st.border ? edges.length * 2 : 0);
    ops.push(
      fixed(actions, rest, (s) => {
        const format = s.sheet(sheet).getRange(range).format;
        if (st.bold !== undefined) format.font.bold = st.bold;
        if (st.italic !== undefined) format.font.italic = st.italic;
        if (st.fontSize !== undefined) format.font.size = st.fontSize;
        if (st.wrap !== undefined) format.wrapText = st.wrap;
        if (st.fill !== undefined) format.fill.color = st.fill;
        if (st.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[st.horizontal];
        if (st.vertical !== undefined) format.verticalAlignment = VERTICAL[st.vertical];
        if (st.rowHeight !== undefined) format.rowHeight = st.rowHeight;
        if (st.border) {
          const style = st.border === "dashed" ? "Dash" : "Continuous";
          for (const edge of edges) {
            const b = format.borders.getItem(edge);
            b.style = style;
            b.weight = "Thin";
          }
        }
      }),
    );
  }
  if (numberFormat !== undefined) {
    // Range.numberFormat takes a 2-D array the size of the range (one format per cell).
    const row = new Array<string>(rect.cols).fill(numberFormat);
    const data = Array.from({ length: rect.rows }, () => row);
    ops.push(rectWrite(sheet, rect.row, rect.col, data, "numberFormat"));
  }
  return ops;
}

function printTitleRows(rows: string): string {
  const parts = rows.replace(/\$/g, "").split(":");
  const [a, b] = [parts[0], parts[1] ?? parts[0]];
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) throw new Error(`Строки для печати «${rows}»: ожидается вид «1:1»`);
  return `$${a}:$${b}`;
}

function printOps(sheet: string, p: PrintSetup): Op[] {
  const ops: Op[] = [];
  const titles = p.repeatRows !== undefined ? printTitleRows(p.repeatRows) : undefined;
  const header = p.header !== undefined ? p.header.replace(/&/g, "&&") : undefined;
  const settings = [p.area, titles, p.landscape, header, p.fitToWidth].filter((x) => x !== undefined).length;
  if (settings > 0) {
    ops.push(
      fixed(settings, [p.area, titles, p.landscape, header, p.fitToWidth], (s) => {
        const layout = s.sheet(sheet).pageLayout;
        if (p.area !== undefined) layout.setPrintArea(p.area);
        if (titles !== undefined) layout.setPrintTitleRows(titles);
        if (p.landscape !== undefined) layout.orientation = p.landscape ? "Landscape" : "Portrait";
        if (header !== undefined) layout.headersFooters.defaultForAllPages.centerHeader = header;
        if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
      }),
    );
  }
  const breaks = (p.pageBreaksAfterRows ?? []).map((r) => {
    if (!Number.isInteger(r) || r < 1) throw new Error(`Разрыв страницы после строки ${r}: нужна строка ≥ 1`);
    return `A${r + 1}`;
  });
  if (breaks.length > 0) {
    ops.push(
      fixed(breaks.length, breaks, (s) => {
        const pageBreaks = s.sheet(sheet).horizontalPageBreaks;
        for (const cell of breaks) pageBreaks.add(cell);
      }),
    );
  }
  return ops;
}

function clearOp(p: SheetPlan, can: Features): Op {
  return fixed(5, p.name, (s) => {
    const ws = s.sheet(p.name);
    const all = ws.getRange();
    all.clear();
    if (can.validation) all.dataValidation.clear();
    all.conditionalFormats.clearAll();
    ws.freezePanes.unfreeze();
    if (can.pageLayout) ws.horizontalPageBreaks.removePageBreaks();
  });
}

/**
 * Structure first, in the order that fails safest (Excel batches are not transactions): create
 * the new sheets (a name clash fails here, before anything is cleared), then look up every sheet
 * to replace (a missing one fails here), and only then clear them.
 */
function structureOps(plan: WritePlan, can: Features): Op[] {
  const creates = plan.sheets.filter((p) => p.mode === "create");
  const replaces = plan.sheets.filter((p) => p.mode === "replace");
  const ops: Op[] = creates.map((p) => fixed(1, p.name, (s) => s.add(p.name)));
  if (replaces.length > 0) {
    const names = replaces.map((p) => p.name);
    ops.push(fixed(names.length, names, (s) => names.forEach((n) => s.sheet(n))));
  }
  for (const p of replaces) ops.push(clearOp(p, can));
  return ops;
}

function contentOps(p: SheetPlan, can: Features): Op[] {
  const ops: Op[] = [];
  // The sheet is new or was just cleared, so empty cells need no write: rows are grouped into bands
  // of equal filled width and each band is written as one rectangle. A fresh score sheet of 10,000
  // students sends its codes, not 10,000 rows of empty score cells.
  for (const band of valueBands(p.values)) ops.push(rectWrite(p.name, band.row, 0, band.values, "values"));
  for (const block of p.formulas ?? []) ops.push(formulaOp(p.name, block, can));
  for (const st of p.styles ?? []) ops.push(...styleOps(p.name, st));
  if (p.columnWidths) ops.push(...widthOps(p.name, p.columnWidths));
  const freeze = freezeOp(p.name, p.freezeRows ?? 0, p.freezeColumns ?? 0);
  if (freeze) ops.push(freeze);
  if (can.validation) for (const v of p.validations ?? []) ops.push(validationOp(p.name, v));
  for (const h of p.highlights ?? []) ops.push(highlightOp(p.name, h));
  if (can.pageLayout && p.print) ops.push(...printOps(p.name, p.print));
  if (p.tabColor !== undefined) {
    const color = p.tabColor;
    ops.push(fixed(1, color, (s) => void (s.sheet(p.name).tabColor = color)));
  }
  return ops;
}

/** Cell writes, with runs of vertically adjacent cells of one sheet merged into one range write. */
function cellWriteOps(writes: readonly CellWrite[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  while (i < writes.length) {
    const first = writes[i];
    const at = parseCellAddress(first.address);
    const column: (string | number | boolean)[][] = [[toExcelInput(first.value)]];
    let j = i + 1;
    while (j < writes.length && writes[j].sheet === first.sheet) {
      const next = parseCellAddress(writes[j].address);
      if (next.col !== at.col || next.row !== at.row + column.length) break;
      column.push([toExcelInput(writes[j].value)]);
      j++;
    }
    ops.push(rectWrite(first.sheet, at.row, at.col, column, "values"));
    i = j;
  }
  return ops;
}

/** Every op of a plan, in the order Excel must run them. Throws on a plan that cannot be applied. */
export function planOps(plan: WritePlan, can: Features): Op[] {
  const seen = new Set<string>();
  for (const p of plan.sheets) {
    const key = p.name.toLowerCase();
    if (seen.has(key)) throw new Error(`План дважды называет лист «${p.name}»`);
    seen.add(key);
  }
  const ops: Op[] = structureOps(plan, can);
  // Loops, not push(...spread): a plan can hold hundreds of thousands of ops.
  for (const p of plan.sheets) for (const op of contentOps(p, can)) ops.push(op);
  for (const op of cellWriteOps(plan.cellWrites)) ops.push(op);
  if (plan.activate !== undefined) {
    const name = plan.activate;
    ops.push(fixed(1, name, (s) => s.sheet(name).activate()));
  }
  // Calculation was suspended for the writes; recalculating the dirty cells is then ours to ask.
  if (ops.length > 0) ops.push(fixed(1, "Recalculate", (s) => s.context.application.calculate("Recalculate")));
  return ops;
}

function describeError(error: unknown, plan: WritePlan): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const wrap = (message: string): Error => Object.assign(new Error(message), { code, cause: error });
  if (code === "ItemAlreadyExists") {
    const names = plan.sheets.filter((p) => p.mode === "create").map((p) => `«${p.name}»`);
    return wrap(`Не удалось создать лист: в книге уже есть лист с таким именем (создавались: ${names.join(", ")})`);
  }
  if (code === "ItemNotFound") {
    const names = [...plan.sheets.filter((p) => p.mode === "replace").map((p) => p.name), ...plan.cellWrites.map((w) => w.sheet)];
    const unique = [...new Set(names)].map((n) => `«${n}»`);
    return wrap(`Не удалось записать: лист не найден (ожидались: ${unique.join(", ")})`);
  }
  return error;
}

interface ReadPart {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  bytes: number;
}

/** A generous estimate of one cell in a sync's answer (JSON of a value such as "отсутствовал"). */
const READ_BYTES_PER_CELL = 16;

/** Excel's refusal of a request or answer over its size limit (5 MB in Excel on the web). */
export function isPayloadTooLarge(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return typeof e === "object" && e !== null && (/PayloadSizeLimitExceeded/.test(String(e.code)) || /PayloadSizeLimitExceeded/.test(String(e.message)));
}

function emptySheet(formulas: boolean): SheetSnapshot {
  return formulas ? { values: [], formulas: [] } : { values: [] };
}

/** Used-range arrays from Office.js → a snapshot anchored at A1. */
export function normaliseUsedRange(address: string, values: unknown[][], formulas?: unknown[][]): SheetSnapshot {
  const { row, col } = topLeftOf(address);
  const width = col + values.reduce((m, r) => Math.max(m, r.length), 0);
  const pad = <T>(cells: T[]): (T | null)[] => {
    const out = new Array<T | null>(width).fill(null);
    for (let c = 0; c < cells.length; c++) out[col + c] = cells[c];
    return out;
  };
  const blank = (): null[] => new Array<null>(width).fill(null);
  const top = Array.from({ length: row }, blank);
  const snapshot: SheetSnapshot = {
    values: [...top, ...values.map((r) => pad(r.map(fromExcelValue)))],
  };
  if (formulas) {
    snapshot.formulas = [
      ...Array.from({ length: row }, blank),
      ...formulas.map((r, i) => pad(r.map((f, c) => fromExcelFormula(f, values[i]?.[c])))),
    ];
  }
  return snapshot;
}

function defaultIsSetSupported(name: string, version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(name, version) === true;
}

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

export class OfficeBackend implements WorkbookBackend {
  readonly kind = "office" as const;
  readonly formulaStyle: FormulaStyle;
  private readonly run: ExcelRun;
  private readonly maxRequestBytes: number;
  private readonly isSetSupported: IsSetSupported;
  private readonly maxSheets: number;

  constructor(options: OfficeBackendOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.formulaStyle = options.formulaStyle ?? "custom-functions";
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
    this.maxSheets = options.maxSheets ?? 255;
  }

  /**
   * One Excel.run, one sync: the sheet list plus the used range of each named sheet that exists.
   * With `sheets` null, every sheet: their names are not known before the sync, so the sheets are
   * walked in tab order with getFirst / getNextOrNullObject (null objects past the last one), up to
   * `maxSheets`; a workbook with more sheets costs one more sync for the rest, by name.
   */
  async read(sheets: readonly string[] | null, options: { formulas?: boolean } = {}): Promise<Snapshot> {
    try {
      return await this.readAtOnce(sheets, options);
    } catch (error) {
      // Excel on the web answers at most 5 MB per sync. Only a very large workbook gets here; it is
      // then read in parts: one sync for the sheets' sizes, then one per ~4 MB of cells.
      if (!isPayloadTooLarge(error)) throw error;
      return this.readInParts(sheets, options);
    }
  }

  private async readAtOnce(sheets: readonly string[] | null, options: { formulas?: boolean }): Promise<Snapshot> {
    const withFormulas = options.formulas === true;
    const props = withFormulas ? "address,values,formulas" : "address,values";
    const snapshot = await this.run(async (context) => {
      const collection = context.workbook.worksheets;
      collection.load("items/name");
      const named = (sheets === null ? [] : [...new Set(sheets)]).map((name) => ({
        name: () => name,
        range: collection.getItemOrNullObject(name).getUsedRangeOrNullObject(true).load(props),
      }));
      const walked: { name: () => string; range: Excel.Range }[] = [];
      if (sheets === null) {
        let ws = collection.getFirst();
        for (let i = 0; i < this.maxSheets; i++) {
          const sheet = ws.load("name");
          walked.push({ name: () => (sheet.isNullObject ? "" : sheet.name), range: sheet.getUsedRangeOrNullObject(true).load(props) });
          ws = ws.getNextOrNullObject();
        }
      }
      await context.sync();

      const sheetNames = collection.items.map((w) => w.name);
      const present = new Set(sheetNames.map((n) => n.toLowerCase()));
      const out: Record<string, SheetSnapshot> = {};
      for (const { name, range } of [...named, ...walked]) {
        const n = name();
        if (!n || !present.has(n.toLowerCase())) continue;
        out[n] = range.isNullObject ? emptySheet(withFormulas) : normaliseUsedRange(range.address, range.values, withFormulas ? range.formulas : undefined);
      }
      return { sheetNames, sheets: out };
    });
    if (sheets === null) {
      const missing = snapshot.sheetNames.filter((n) => !(n in snapshot.sheets));
      if (missing.length > 0) {
        const rest = await this.read(missing, options);
        Object.assign(snapshot.sheets, rest.sheets);
      }
    }
    return snapshot;
  }

  /** The same snapshot as readAtOnce, in syncs whose answers stay under `maxRequestBytes`. */
  private async readInParts(sheets: readonly string[] | null, options: { formulas?: boolean }): Promise<Snapshot> {
    const withFormulas = options.formulas === true;
    const props = withFormulas ? "address,values,formulas" : "address,values";
    return this.run(async (context) => {
      const collection = context.workbook.worksheets;
      collection.load("items/name");
      await context.sync();
      const sheetNames = collection.items.map((w) => w.name);
      const present = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
      const wanted = (sheets === null ? sheetNames : [...new Set(sheets)]).filter((n) => present.has(n.toLowerCase()));
      const used = wanted.map((name) => ({ name, range: collection.getItem(present.get(name.toLowerCase())!).getUsedRangeOrNullObject(true).load("address") }));
      await context.sync();
      // Cut every used range into row blocks of at most ~maxRequestBytes of estimated answer.
      const perCell = withFormulas ? 2 * READ_BYTES_PER_CELL : READ_BYTES_PER_CELL;
      const parts: ReadPart[] = [];
      for (const { name, range } of used) {
        if (range.isNullObject) continue;
        const r = parseRangeAddress(range.address.split("!").pop()!.replace(/\$/g, ""));
        const rowsPerPart = Math.max(1, Math.floor(this.maxRequestBytes / (perCell * r.cols)));
        for (let first = 0; first < r.rows; first += rowsPerPart) {
          const rows = Math.min(rowsPerPart, r.rows - first);
          parts.push({ name, row: r.row + first, col: r.col, rows, cols: r.cols, bytes: rows * r.cols * perCell });
        }
      }
      const batches: ReadPart[][] = [];
      let current: ReadPart[] = [];
      let bytes = 0;
      for (const part of parts) {
        if (current.length > 0 && bytes + part.bytes > this.maxRequestBytes) {
          batches.push(current);
          current = [];
          bytes = 0;
        }
        current.push(part);
        bytes += part.bytes;
      }
      if (current.length > 0) batches.push(current);
      const grids = new Map<string, { values: unknown[][]; formulas?: unknown[][]; row: number; col: number }>();
      // One sync per batch, in sequence (reduce: no sync in a loop body).
      await batches.reduce<Promise<void>>(
        (previous, batch) =>
          previous.then(async () => {
            const loaded = batch.map((part) => ({ part, range: collection.getItem(part.name).getRangeByIndexes(part.row, part.col, part.rows, part.cols).load(props) }));
            await context.sync();
            for (const { part, range } of loaded) {
              const grid = grids.get(part.name) ?? { values: [], formulas: withFormulas ? [] : undefined, row: part.row, col: part.col };
              for (const row of range.values as unknown[][]) grid.values.push(row);
              if (grid.formulas) for (const row of range.formulas as unknown[][]) grid.formulas.push(row);
              grids.set(part.name, grid);
            }
          }),
        Promise.resolve(),
      );
      const out: Record<string, SheetSnapshot> = {};
      for (const { name } of used) {
        const grid = grids.get(name);
        out[name] = grid ? normaliseUsedRange(rangeAddress(grid.row, grid.col, 1, 1), grid.values, grid.formulas) : emptySheet(withFormulas);
      }
      return { sheetNames, sheets: out };
    });
  }

  /** One Excel.run; one sync unless the queued requests would pass `maxRequestBytes`. */
  async apply(plan: WritePlan): Promise<void> {
    const can: Features = {
      validation: this.isSetSupported("ExcelApi", "1.8"),
      pageLayout: this.isSetSupported("ExcelApi", "1.9"),
    };
    const batches = packOps(planOps(plan, can), this.maxRequestBytes);
    if (batches.length === 0) return;
    try {
      await this.run(async (context) => {
        const session = new Session(context);
        // Batches run one after another: queue one, sync it, then the next. A reduce keeps the
        // sync out of a loop body; the number of syncs is the number of batches (1 unless > 4 MB).
        await batches.reduce<Promise<void>>(
          (previous, batch) =>
            previous.then(async () => {
              context.application.suspendApiCalculationUntilNextSync();
              for (const step of batch) step.queue(session);
              await context.sync();
            }),
          Promise.resolve(),
        );
      });
    } catch (error) {
      throw describeError(error, plan);
    }
  }

  /** Select a cell (and show its sheet): one Excel.run, one sync. */
  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }
}
