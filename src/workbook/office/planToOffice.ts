// Plan → Office calls: a checked WritePlan (../planCheck.ts) becomes the list of ops that queue
// its Office.js calls, in the order Excel must run them. Nothing is checked here and nothing is
// decided: the plan says what to write, ./batching.ts decides how many syncs it takes. Units and
// mappings (widths in points, borders, print codes) are listed in ./README.md.

import type { CellStyle, CellValue, CellWrite, FormulaBlock, Highlight, PrintSetup, SheetMerge, SheetPlan, Validation, WritePlan } from "../backend";
import { columnLetter, parseCellAddress, parseRangeAddress, rangeAddress } from "../../core/address";
import { blockFormulas } from "../formulaBlock";
import { fixed, rectWrite, type Op } from "./batching";
import { chartDeleteOp, chartOps } from "./charts";
import { toExcelInput } from "./text";

/**
 * Column width in characters of the default font (Calibri 11: 7 px a character plus 5 px of
 * padding) → points (0.75 pt a pixel), the unit of `format.columnWidth`. 8.43 → 48 pt, Excel's
 * default column.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export interface Features {
  /** ExcelApi 1.8: data validation. */
  validation: boolean;
  /** ExcelApi 1.9: page layout (print area, titles, orientation, header, zoom) and page breaks. */
  pageLayout: boolean;
  /** ExcelApi 1.8: `ChartSeries.overlap` (without it an overlap chart is drawn stacked: ./charts.ts). */
  seriesOverlap: boolean;
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
  // Without autoFill (before ExcelApi 1.9): every row written, filled-down rows worked out here.
  return rectWrite(sheet, rect.row, rect.col, blockFormulas(block), "formulas");
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

function validationRule(v: Validation): Excel.DataValidationRule {
  if (v.list) return { list: { inCellDropDown: true, source: v.list.join(",") } };
  if (v.listSource) {
    const source = v.listSource.startsWith("=") ? v.listSource : `=${v.listSource}`;
    return { list: { inCellDropDown: true, source } };
  }
  // The plan check guarantees exactly one rule: what is left is `whole`.
  const [min, max] = v.whole!;
  return { wholeNumber: { formula1: min, formula2: max, operator: "Between" } };
}

function validationOp(sheet: string, v: Validation): Op {
  const rule = validationRule(v);
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

/** "1:1" → "$1:$1", the form setPrintTitleRows takes. */
function printTitleRows(rows: string): string {
  const parts = rows.replace(/\$/g, "").split(":");
  return `$${parts[0]}:$${parts[1] ?? parts[0]}`;
}

function printOps(sheet: string, p: PrintSetup): Op[] {
  const ops: Op[] = [];
  const titles = p.repeatRows !== undefined ? printTitleRows(p.repeatRows) : undefined;
  const header = p.header !== undefined ? p.header.replace(/&/g, "&&") : undefined;
  const settings = [p.area, titles, p.landscape, header, p.fitToWidth].filter((x) => x !== undefined).length;
  if (settings > 0) {
    // Russian schools print on A4, whatever the printer's default (the file back end writes it too).
    ops.push(
      fixed(settings + 1, [p.area, titles, p.landscape, header, p.fitToWidth], (s) => {
        const layout = s.sheet(sheet).pageLayout;
        layout.paperSize = "A4";
        if (p.area !== undefined) layout.setPrintArea(p.area);
        if (titles !== undefined) layout.setPrintTitleRows(titles);
        if (p.landscape !== undefined) layout.orientation = p.landscape ? "Landscape" : "Portrait";
        if (header !== undefined) layout.headersFooters.defaultForAllPages.centerHeader = header;
        if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
      }),
    );
  }
  // A break after row r is a break above row r + 1.
  const breaks = (p.pageBreaksAfterRows ?? []).map((r) => `A${r + 1}`);
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
 * to replace (a missing one fails here), and only then clear them (and delete our charts on them).
 */
function structureOps(plan: WritePlan, can: Features): Op[] {
  const creates = plan.sheets.filter((p) => p.mode === "create");
  const replaces = plan.sheets.filter((p) => p.mode === "replace");
  const ops: Op[] = creates.map((p) => fixed(1, p.name, (s) => s.add(p.name)));
  if (replaces.length > 0) {
    const names = replaces.map((p) => p.name);
    ops.push(fixed(names.length, names, (s) => names.forEach((n) => s.sheet(n))));
  }
  for (const p of replaces) {
    ops.push(clearOp(p, can));
    // Our charts from an earlier run go with the sheet's contents (a user's chart stays).
    const charts = chartDeleteOp(p);
    if (charts) ops.push(charts);
  }
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
  // Charts last: they are drawn from the cells written above, in the same batch.
  for (const op of chartOps(p, can)) ops.push(op);
  return ops;
}

/**
 * A merge into a sheet we made: only the named cells, formulas and formats are written, nothing is
 * cleared; our rules in the named ranges are cleared and set again (all clears first, so two rules
 * over one range both survive).
 */
function mergeOps(m: SheetMerge, can: Features): Op[] {
  const ops: Op[] = [];
  // Cells of one row next to each other become one range write.
  const cells = [...m.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (let i = 0; i < cells.length; ) {
    const first = cells[i];
    const run: (string | number | boolean)[] = [toExcelInput(first.value)];
    let j = i + 1;
    while (j < cells.length && cells[j].row === first.row && cells[j].col === first.col + run.length) run.push(toExcelInput(cells[j++].value));
    ops.push(rectWrite(m.name, first.row, first.col, [run], "values"));
    i = j;
  }
  for (const block of m.formulas ?? []) ops.push(formulaOp(m.name, block, can));
  for (const st of m.styles ?? []) ops.push(...styleOps(m.name, st));
  if (can.validation && m.validations) {
    const ranges = m.validations.map((v) => v.range);
    ops.push(fixed(ranges.length, ranges, (s) => ranges.forEach((r) => s.sheet(m.name).getRange(r).dataValidation.clear())));
    for (const v of m.validations) ops.push(validationOp(m.name, v));
  }
  if (m.highlights) {
    const ranges = [...new Set(m.highlights.map((h) => h.range))];
    ops.push(fixed(ranges.length, ranges, (s) => ranges.forEach((r) => s.sheet(m.name).getRange(r).conditionalFormats.clearAll())));
    for (const h of m.highlights) ops.push(highlightOp(m.name, h));
  }
  if (can.pageLayout && m.print) ops.push(...printOps(m.name, m.print));
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

/** Every op of a plan (checked by ../planCheck.ts), in the order Excel must run them. */
export function planOps(plan: WritePlan, can: Features): Op[] {
  const ops: Op[] = structureOps(plan, can);
  // Loops, not push(...spread): a plan can hold hundreds of thousands of ops.
  for (const p of plan.sheets) for (const op of contentOps(p, can)) ops.push(op);
  for (const m of plan.merges ?? []) for (const op of mergeOps(m, can)) ops.push(op);
  for (const op of cellWriteOps(plan.cellWrites)) ops.push(op);
  if (plan.activate !== undefined) {
    const name = plan.activate;
    ops.push(fixed(1, name, (s) => s.sheet(name).activate()));
  }
  // Calculation was suspended for the writes; recalculating the dirty cells is then ours to ask.
  if (ops.length > 0) ops.push(fixed(1, "Recalculate", (s) => s.context.application.calculate("Recalculate")));
  return ops;
}
