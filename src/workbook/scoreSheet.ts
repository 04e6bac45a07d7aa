// The score sheet «<класс> <предмет>»: its layout, its formulas, and reading it back by header.
import {
  cellAddress,
  columnHeader,
  columnLetter,
  formColumns,
  markFor,
  parseItemHeader,
  readCode,
  safeSheetName,
  variantsOf,
  X_SPELLINGS,
  ABSENT,
  type Finding,
  type FormColumn,
  type WorkDefinition,
} from "../core";
import type { CellStyle, CellValue, FormulaBlock, FormulaStyle, Highlight, SheetPlan, SheetSnapshot, Validation } from "./backend";
import { ERROR_FILL, HEADER_FILL, OWNED_TAB, SCORE_TAIL, headerKey } from "./contract";
import type { OwnedSheetKind } from "./ownedSheet";

export const scoreSheetName = (className: string, subject: string): string => safeSheetName(`${className} ${subject}`);

export interface ScoreLayout {
  work: WorkDefinition;
  /** Code, variant(s) and items, in sheet order from column A. */
  columns: FormColumn[];
  headers: string[];
  totalCol: number;
  markCol: number;
  checkCol: number;
}

export function scoreLayout(work: WorkDefinition): ScoreLayout {
  const columns = formColumns(work);
  const headers = [...columns.map((c) => columnHeader(work, c)), ...SCORE_TAIL];
  return { work, columns, headers, totalCol: columns.length, markCol: columns.length + 1, checkCol: columns.length + 2 };
}

/**
 * A sheet is a score sheet the add-in made when its header starts with «Код» and has Итого |
 * Отметка | Проверка side by side — columns the coordinator added after them («Комментарий») do
 * not make it someone else's sheet.
 */
export function isScoreSheet(sheet: SheetSnapshot | undefined): boolean {
  const header = (sheet?.values[0] ?? []).map(headerKey);
  if (header[0] !== headerKey("Код")) return false;
  return header.some((_, i) => SCORE_TAIL.every((t, k) => header[i + k] === headerKey(t)));
}

/** Score sheets «<класс> <предмет>»: ours by header (renamed ones too), merged into on every re-run. */
export const SCORE_SHEET_KIND: OwnedSheetKind = {
  kind: "scores",
  title: "лист для баллов",
  named: () => true,
  signed: (sheet) => isScoreSheet(sheet),
  holdsTypedData: true,
  step: "scoreSheets",
};

/** One data row of a score sheet as typed, mapped to the work by header. */
export interface ScoreRow {
  /** 0-based sheet row. */
  row: number;
  code: number | null;
  codeRaw: CellValue;
  /** One per part. */
  variants: CellValue[];
  /** One per item of the work. */
  scores: CellValue[];
  /** True when a variant or a score is typed. */
  hasData: boolean;
}

export interface ScoreSheetRead {
  rows: ScoreRow[];
  /** Sheet column for each layout column (same order as layout.columns), null when missing. */
  columnOf: (number | null)[];
  findings: Finding[];
}

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Reads a score sheet by its header texts, so a moved column is still read right. */
export function readScoreSheet(sheetName: string, sheet: SheetSnapshot, layout: ScoreLayout): ScoreSheetRead {
  const findings: Finding[] = [];
  const header = sheet.values[0] ?? [];
  const keys = header.map(headerKey);
  const expected = layout.headers.map(headerKey);
  const columnOf = layout.columns.map((_, i) => {
    const idx = keys.indexOf(expected[i]);
    return idx >= 0 ? idx : null;
  });
  layout.columns.forEach((col, i) => {
    if (columnOf[i] !== null) return;
    const want = layout.headers[i];
    let message = `нет столбца «${want}»; верните его или создайте листы для баллов заново`;
    if (col.kind === "item") {
      const label = layout.work.items[col.index].label;
      const other = header.findIndex((h) => {
        const p = parseItemHeader(h);
        return p.ok && p.label === label;
      });
      if (other >= 0) message = `заголовок «${String(header[other])}» в ${cellAddress(0, other)} не совпадает с описанием работы: ожидается «${want}»`;
    }
    findings.push({ sheet: sheetName, cell: "A1", severity: "error", code: "sheet.column-missing", message });
  });
  const known = new Set([...expected, ...SCORE_TAIL.map(headerKey)]);
  keys.forEach((k, c) => {
    if (k && !known.has(k)) findings.push({ sheet: sheetName, cell: cellAddress(0, c), severity: "warning", code: "sheet.column-extra", message: `лишний столбец «${String(header[c])}»: он не попадёт в форму` });
  });
  const present = columnOf.filter((c): c is number => c !== null);
  if (present.some((c, i) => i > 0 && c < present[i - 1])) {
    findings.push({ sheet: sheetName, cell: "A1", severity: "warning", code: "sheet.columns-moved", message: "столбцы переставлены; баллы прочитаны по заголовкам" });
  }
  const at = (row: CellValue[], i: number): CellValue => (columnOf[i] === null ? null : row[columnOf[i]!] ?? null);
  const variantIdx = layout.columns.map((c, i) => (c.kind === "variant" ? i : -1)).filter((i) => i >= 0);
  const itemIdx = layout.columns.map((c, i) => (c.kind === "item" ? i : -1)).filter((i) => i >= 0);
  const rows: ScoreRow[] = [];
  for (let r = 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    const codeRaw = at(row, 0);
    const variants = variantIdx.map((i) => at(row, i));
    const scores = itemIdx.map((i) => at(row, i));
    const hasData = variants.some((v) => !blank(v)) || scores.some((v) => !blank(v));
    if (blank(codeRaw) && !hasData) continue;
    rows.push({ row: r, code: readCode(codeRaw), codeRaw, variants, scores, hasData });
  }
  return { rows, columnOf, findings };
}

const isX = (v: CellValue): boolean => typeof v === "string" && X_SPELLINGS.includes(v.trim());

/** What the standard «Проверка» formula shows, computed the same way for the cached value. */
function standardCheck(layout: ScoreLayout, variants: CellValue[], scores: CellValue[]): string {
  if (variants.every(blank) && scores.every(blank)) return "";
  const bad = scores.some((v, i) => {
    if (blank(v) || isX(v)) return false;
    const max = layout.work.items[i].max;
    return !(typeof v === "number" && v >= 0 && v <= max && Number.isInteger(v));
  });
  if (bad) return "ошибка";
  if (variants.some(blank)) return "нет варианта";
  return "OK";
}

function rowFormulas(layout: ScoreLayout, r: number, style: FormulaStyle): string[] {
  const n = r + 1;
  const { work, columns } = layout;
  const runs: [number, number][] = [];
  columns.forEach((c, i) => {
    if (c.kind !== "item") return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  const span = (a: number, b: number, row: string | number = n) => `${columnLetter(a)}${row}:${columnLetter(b)}${row}`;
  const filled = `COUNTA(${span(1, columns.length - 1)})=0`;
  const total = cellAddress(r, layout.totalCol);
  const check = cellAddress(r, layout.checkCol);
  const s = work.scale;
  if (style === "custom-functions") {
    const totals = runs.map(([a, b]) => `VPR.TOTAL(${span(a, b)})`).join("+");
    const validations = runs.map(([a, b]) => `VPR.VALIDATE(${span(a, b)},${span(a, b, "$1")})`);
    const validate = validations.length === 1 ? validations[0] : `IF(${validations[0]}="OK",${validations[1]},${validations[0]})`;
    const mark = s ? `=IF(OR(${total}="",${check}<>"OK"),"",VPR.MARK(${total},{${s.min3},${s.min4},${s.min5}}))` : `=""`;
    return [`=IF(${filled},"",${totals})`, mark, `=IF(${filled},"",${validate})`];
  }
  const items = runs.map(([a, b]) => span(a, b)).join(",");
  const badCells = columns
    .map((c, i) => (c.kind === "item" ? badCellFormula(cellAddress(r, i), work.items[c.index].max) : null))
    .filter((f): f is string => f !== null);
  const variantBlank = columns.map((c, i) => (c.kind === "variant" ? `${cellAddress(r, i)}=""` : null)).filter(Boolean);
  const mark = s ? `=IF(OR(${total}="",${check}<>"OK"),"",IF(${total}>=${s.min5},5,IF(${total}>=${s.min4},4,IF(${total}>=${s.min3},3,2))))` : `=""`;
  return [
    `=IF(COUNTA(${items})=0,"",SUM(${items}))`,
    mark,
    `=IF(${filled},"",IF(OR(${badCells.join(",")}),"ошибка",IF(OR(${variantBlank.join(",")}),"нет варианта","OK")))`,
  ];
}

/**
 * True for a cell that is filled but is neither X nor a whole number 0..max. Nested IFs, because
 * AND/OR evaluate every argument and INT("X") is an error in Excel and LibreOffice alike.
 */
export function badCellFormula(cell: string, max: number): string {
  return `IF(${cell}="",FALSE,IF(OR(${cell}="X",${cell}="Х"),FALSE,IF(ISNUMBER(${cell}),OR(${cell}<0,${cell}>${max},${cell}<>INT(${cell})),TRUE)))`;
}

function cachedResults(layout: ScoreLayout, variants: CellValue[], scores: CellValue[]): CellValue[] {
  const check = standardCheck(layout, variants, scores);
  if (check === "") return ["", "", ""];
  const numeric = scores.filter((v): v is number => typeof v === "number");
  const total = scores.every(blank) ? "" : numeric.reduce((a, b) => a + b, 0);
  const s = layout.work.scale;
  // The cached mark is core's: one rule for the sheet, the check and the forms.
  const mark = !s || total === "" || check !== "OK" ? "" : markFor(total, s);
  return [total, mark, check];
}

export interface ScoreSheetRowInput {
  code: number | CellValue;
  variants: CellValue[];
  scores: CellValue[];
}

/** Our rules over data rows 1..last (0-based): variant and score lists, and the wrong-score highlight. */
export function scoreRules(layout: ScoreLayout, last: number): { validations: Validation[]; highlights: Highlight[] } {
  const { columns, work } = layout;
  const validations: Validation[] = [];
  const highlights: Highlight[] = [];
  if (last < 1) return { validations, highlights };
  columns.forEach((c, i) => {
    const range = `${cellAddress(1, i)}:${cellAddress(last, i)}`;
    if (c.kind === "variant") {
      validations.push({ range, list: [...variantsOf(work).map(String), ABSENT], errorMessage: `Вариант: ${variantsOf(work).join(" или ")} либо «${ABSENT}»`, prompt: `Номер варианта или «${ABSENT}»` });
    } else if (c.kind === "item") {
      const item = work.items[c.index];
      const list = [...Array.from({ length: item.max + 1 }, (_, n) => String(n)), "X", "Х"];
      validations.push({ range, list, errorMessage: `Задание ${item.label}: целое число от 0 до ${item.max} или X`, prompt: `0–${item.max} или X` });
      highlights.push({ range, formula: `=${badCellFormula(cellAddress(1, i), item.max)}`, fill: ERROR_FILL });
    }
  });
  return { validations, highlights };
}

/**
 * The formula columns (Итого, Отметка, Проверка) over data rows 1..last, filled down from row 2, with
 * the cached results of each row worked out from its typed values (files only; Excel computes).
 */
export function scoreFormulas(layout: ScoreLayout, rows: readonly { variants: CellValue[]; scores: CellValue[] }[], style: FormulaStyle): FormulaBlock[] {
  if (rows.length === 0) return [];
  const results = rows.map((r) => cachedResults(layout, r.variants, r.scores));
  return [{ range: `${cellAddress(1, layout.totalCol)}:${cellAddress(rows.length, layout.checkCol)}`, formulas: [rowFormulas(layout, 1, style)], results: style === "standard" ? results : undefined, fillDown: true }];
}

/** The header row's look. */
export const scoreHeaderStyle = (layout: ScoreLayout): CellStyle => ({
  range: `${cellAddress(0, 0)}:${cellAddress(0, layout.headers.length - 1)}`,
  bold: true,
  wrap: true,
  fill: HEADER_FILL,
  horizontal: "center",
  vertical: "middle",
  rowHeight: 45,
});

/** Print area over our columns and rows 0..last. */
export const scorePrintArea = (layout: ScoreLayout, last: number): string => `A1:${cellAddress(Math.max(last, 0), layout.headers.length - 1)}`;

/** The whole sheet: header, one row per code (sorted by the caller), validations, highlights, formulas. */
export function buildScoreSheet(name: string, layout: ScoreLayout, rows: ScoreSheetRowInput[], style: FormulaStyle): Omit<SheetPlan, "mode"> {
  const { columns } = layout;
  const values: CellValue[][] = [layout.headers.slice()];
  for (const input of rows) {
    let v = 0;
    let it = 0;
    const line: CellValue[] = columns.map((c) => (c.kind === "code" ? input.code : c.kind === "variant" ? input.variants[v++] ?? null : input.scores[it++] ?? null));
    values.push([...line, null, null, null]);
  }
  const last = rows.length; // 0-based index of the last data row
  const { validations, highlights } = scoreRules(layout, last);
  return {
    name,
    values,
    // One row of formulas, filled down over every row (see FormulaBlock.fillDown).
    formulas: scoreFormulas(layout, rows, style),
    columnWidths: layout.headers.map((_, i) => (i === 0 ? 9 : i === layout.checkCol ? 36 : columns[i]?.kind === "variant" ? 11 : 8)),
    freezeRows: 1,
    freezeColumns: 1,
    validations,
    highlights,
    styles: [scoreHeaderStyle(layout)],
    // No per-cell borders: on a sheet of thousands of rows they cost more in the file than the rest
    // of the formatting together; the header fill and the grid are enough on screen.
    print: { area: scorePrintArea(layout, last), repeatRows: "1:1", landscape: true, fitToWidth: true, header: name },
    tabColor: OWNED_TAB,
  };
}

