// Writes one SheetPlan into a blank ExcelJS worksheet, and the checks that run before any write.
// Browser-safe: no Node imports. Shared by FileBackend.apply and buildNewWorkbook.

import type * as ExcelJS from "exceljs";
import type { CellStyle, CellValue, SheetPlan, Validation } from "../backend";
import { cellAddress, parseCellAddress, parseRangeAddress } from "../../core/address";

/** Excel refuses an inline list validation longer than this (the formula1 text). */
export const MAX_INLINE_LIST = 255;

/** "#RRGGBB" → ExcelJS ARGB "FFRRGGBB". */
export function argb(color: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  if (!m) throw new Error(`цвет должен быть в виде #RRGGBB, а не «${color}»`);
  return `FF${m[1].toUpperCase()}`;
}

/** The formula text ExcelJS stores: no leading "=". */
function bareFormula(formula: string, where: string): string {
  const f = formula.trim();
  if (!f.startsWith("=") || f.length < 2) throw new Error(`${where}: formula must start with "=": ${formula}`);
  return f.slice(1);
}

function quoteListItems(items: string[], where: string): string {
  for (const it of items) {
    if (it.includes(",")) throw new Error(`${where}: an inline list item cannot contain a comma: «${it}»`);
  }
  const text = `"${items.join(",").replace(/"/g, '""')}"`;
  if (text.length - 2 > MAX_INLINE_LIST) {
    throw new Error(`${where}: inline list is longer than ${MAX_INLINE_LIST} characters; use listSource`);
  }
  return text;
}

function checkValue(v: CellValue, where: string): void {
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`${where}: number ${v} cannot be written`);
}

/** Throws on anything in the plan that would make a broken or surprising file. Writes nothing. */
export function checkSheetPlan(plan: Omit<SheetPlan, "mode">): void {
  const at = `sheet «${plan.name}»`;
  if (!plan.name || plan.name.length > 31 || /[[\]:*?/\\]/.test(plan.name) || /^'|'$/.test(plan.name) || plan.name === "History") {
    throw new Error(`${at}: not a valid sheet name`);
  }
  plan.values.forEach((row, r) => row.forEach((v, c) => checkValue(v, `${at} row ${r + 1} col ${c + 1}`)));
  for (const block of plan.formulas ?? []) {
    const { rows, cols } = parseRangeAddress(block.range);
    if (block.formulas.length !== rows || block.formulas.some((r) => r.length !== cols)) {
      throw new Error(`${at}: formula block ${block.range} does not match its range`);
    }
    block.formulas.forEach((r) => r.forEach((f) => bareFormula(f, `${at} ${block.range}`)));
    block.results?.forEach((r) => r.forEach((v) => checkValue(v, `${at} ${block.range}`)));
  }
  for (const v of plan.validations ?? []) {
    parseRangeAddress(v.range);
    if (v.list) quoteListItems(v.list, `${at} validation ${v.range}`);
    if (!v.list && !v.listSource && !v.whole) throw new Error(`${at} validation ${v.range}: no rule`);
  }
  for (const h of plan.highlights ?? []) {
    parseRangeAddress(h.range);
    bareFormula(h.formula, `${at} highlight ${h.range}`);
    argb(h.fill);
  }
  for (const s of plan.styles ?? []) {
    parseRangeAddress(s.range);
    if (s.fill) argb(s.fill);
  }
  if (plan.tabColor) argb(plan.tabColor);
  if (plan.print?.area) parseRangeAddress(plan.print.area.replace(/\$/g, ""));
  if (plan.print?.repeatRows && !/^\$?\d+:\$?\d+$/.test(plan.print.repeatRows)) {
    throw new Error(`${at}: repeatRows must look like "1:1"`);
  }
}

function writeValue(cell: ExcelJS.Cell, v: CellValue): void {
  // A string is always a literal string: ExcelJS only makes formulas from {formula} objects, and
  // writes strings as shared strings, so "=1+1" stays text.
  cell.value = v === "" ? null : v;
}

function forEachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell, row: number) => void): void {
  const { row, col, rows, cols } = parseRangeAddress(range.replace(/\$/g, ""));
  for (let r = row; r < row + rows; r++) {
    for (let c = col; c < col + cols; c++) fn(ws.getCell(r + 1, c + 1), r + 1);
  }
}

function applyStyle(ws: ExcelJS.Worksheet, s: CellStyle): void {
  const rowsDone = new Set<number>();
  forEachCell(ws, s.range, (cell, rowNumber) => {
    if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined) {
      const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
      if (s.bold !== undefined) font.bold = s.bold;
      if (s.italic !== undefined) font.italic = s.italic;
      if (s.fontSize !== undefined) font.size = s.fontSize;
      cell.font = font;
    }
    if (s.wrap !== undefined || s.horizontal || s.vertical) {
      const al: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
      if (s.wrap !== undefined) al.wrapText = s.wrap;
      if (s.horizontal) al.horizontal = s.horizontal;
      if (s.vertical) al.vertical = s.vertical;
      cell.alignment = al;
    }
    if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
    if (s.border) {
      const edge: Partial<ExcelJS.Border> = { style: s.border };
      cell.border = { top: edge, left: edge, bottom: edge, right: edge };
    }
    if (s.numberFormat) cell.numFmt = s.numberFormat;
    if (s.rowHeight !== undefined && !rowsDone.has(rowNumber)) {
      rowsDone.add(rowNumber);
      ws.getRow(rowNumber).height = s.rowHeight;
    }
  });
}

function validationModel(v: Validation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: v.errorStyle ?? "stop",
    ...(v.errorMessage ? { error: v.errorMessage, errorTitle: "ВПР: координатор" } : {}),
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
  };
  if (v.list) return { type: "list", formulae: [quoteListItems(v.list, v.range)], ...common };
  if (v.listSource) return { type: "list", formulae: [v.listSource.replace(/^=/, "")], ...common };
  const [min, max] = v.whole!;
  return { type: "whole", operator: "between", formulae: [min, max], ...common };
}

/** Write a checked plan into a blank worksheet. */
export function writeSheet(ws: ExcelJS.Worksheet, plan: Omit<SheetPlan, "mode">): void {
  plan.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "") writeValue(ws.getCell(r + 1, c + 1), v);
    }),
  );

  for (const block of plan.formulas ?? []) {
    const { row, col, rows } = parseRangeAddress(block.range);
    const withResult = <T extends object>(value: T, i: number, j: number): T => {
      const result = block.results?.[i]?.[j];
      return result === undefined || result === null || result === "" ? value : { ...value, result };
    };
    // A filled-down block is written as shared formulas: the first row holds the formula, the
    // other rows point at it. Same meaning in Excel and LibreOffice, a fraction of the XML.
    const shared = block.fillDown === true && rows > 1;
    block.formulas.forEach((fr, i) =>
      fr.forEach((f, j) => {
        const cell = ws.getCell(row + i + 1, col + j + 1);
        if (shared && i > 0) {
          cell.value = withResult({ sharedFormula: cellAddress(row, col + j) }, i, j) as unknown as ExcelJS.CellSharedFormulaValue;
          return;
        }
        const formula = bareFormula(f, block.range);
        cell.value = withResult(
          shared ? { formula, shareType: "shared", ref: `${cellAddress(row, col + j)}:${cellAddress(row + rows - 1, col + j)}` } : { formula },
          i,
          j,
        ) as ExcelJS.CellFormulaValue;
      }),
    );
  }

  plan.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });

  const xSplit = plan.freezeColumns ?? 0;
  const ySplit = plan.freezeRows ?? 0;
  if (xSplit > 0 || ySplit > 0) ws.views = [{ state: "frozen", xSplit, ySplit }];

  // Typed as missing in exceljs's index.d.ts, present at run time.
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of plan.validations ?? []) dv.add(v.range.replace(/\$/g, ""), validationModel(v));

  let priority = 1;
  for (const h of plan.highlights ?? []) {
    ws.addConditionalFormatting({
      ref: h.range,
      rules: [
        {
          type: "expression",
          priority: priority++,
          formulae: [bareFormula(h.formula, h.range)],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(h.fill) } } },
        },
      ],
    });
  }

  for (const s of plan.styles ?? []) applyStyle(ws, s);

  const p = plan.print;
  if (p) {
    if (p.area) {
      // ExcelJS writes `$` + each end; "A$1" ends up as the absolute "$A$1" Excel itself writes.
      const a = parseRangeAddress(p.area.replace(/\$/g, ""));
      const end = (r: number, c: number) => cellAddress(r, c).replace(/(\d+)$/, "$$$1");
      ws.pageSetup.printArea = `${end(a.row, a.col)}:${end(a.row + a.rows - 1, a.col + a.cols - 1)}`;
    }
    if (p.repeatRows) ws.pageSetup.printTitlesRow = p.repeatRows.replace(/\$/g, "");
    if (p.landscape) ws.pageSetup.orientation = "landscape";
    if (p.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = 0;
    }
    if (p.header) ws.headerFooter.oddHeader = `&C${p.header.replace(/&/g, "&&")}`;
    for (const r of p.pageBreaksAfterRows ?? []) {
      // Row.addPageBreak() writes max=16838, past Excel's last column; write the break ourselves.
      (ws as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks.push({ id: r, max: 16383, man: 1 });
    }
  }

  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
}

/** A single value into an existing cell (user sheets): data, never a formula. */
export function writeCell(ws: ExcelJS.Worksheet, address: string, value: CellValue): void {
  const { row, col } = parseCellAddress(address);
  writeValue(ws.getCell(row + 1, col + 1), value);
}
