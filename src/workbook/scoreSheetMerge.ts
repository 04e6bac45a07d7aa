// A re-run over a score sheet that exists: the experts' sheet is theirs. When its columns are where
// the work puts them, the re-run is a merge — rows for new codes at the bottom, our header texts,
// formulas and rules refreshed — and every other cell, column, note, format and comment stays.
// When the work changed (an item removed or relabelled, a maximum changed, columns moved), typed
// values whose column is gone are listed; only with the coordinator's consent are they moved to
// «Архив баллов», and then the sheet is rebuilt with every other typed value and extra column
// carried over.
import { cellAddress, type Finding } from "../core";
import type { CellValue, FormulaStyle, SheetMerge, SheetSnapshot } from "./backend";
import { SCORE_TAIL, headerKey } from "./contract";
import { scoreFormulas, scoreHeaderStyle, scorePrintArea, scoreRules, type ScoreLayout, type ScoreSheetRead } from "./scoreSheet";

/** A typed value that the new layout has no column for. */
export interface DisplacedScore {
  sheet: string;
  /** A1 address on the sheet as it is now. */
  cell: string;
  code: CellValue;
  /** The header of its column, as typed on the sheet. */
  column: string;
  value: CellValue;
}

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** True when every column of the layout stands where the layout puts it (the formulas address them by position). */
export function layoutInPlace(sheet: SheetSnapshot, layout: ScoreLayout, read: ScoreSheetRead): boolean {
  const header = sheet.values[0] ?? [];
  if (read.columnOf.some((c, i) => c !== i)) return false;
  return SCORE_TAIL.every((t, i) => headerKey(header[layout.totalCol + i]) === headerKey(t));
}

/**
 * The merge for a sheet whose layout is in place: `codes` of the class that have no row yet get one
 * at the bottom (in code order), and formulas and rules are laid over every data row.
 */
export function scoreSheetMerge(name: string, sheet: SheetSnapshot, layout: ScoreLayout, read: ScoreSheetRead, codes: readonly number[], style: FormulaStyle): { merge: SheetMerge; added: number } {
  const present = new Set(read.rows.map((r) => r.code).filter((c): c is number => c !== null));
  const missing = codes.filter((c) => !present.has(c)).sort((a, b) => a - b);
  // New rows go below the last row that holds anything in our columns.
  let last = 0;
  sheet.values.forEach((row, r) => {
    if (r > 0 && row.slice(0, layout.checkCol + 1).some((v) => !blank(v))) last = r;
  });
  const cells: SheetMerge["cells"] = layout.headers.map((h, col) => ({ row: 0, col, value: h }));
  missing.forEach((code, i) => cells.push({ row: last + 1 + i, col: 0, value: code }));
  const end = last + missing.length;
  // Formula results of each data row, from what is typed there now (new rows are empty).
  const variantCols = layout.columns.map((c, i) => (c.kind === "variant" ? i : -1)).filter((i) => i >= 0);
  const itemCols = layout.columns.map((c, i) => (c.kind === "item" ? i : -1)).filter((i) => i >= 0);
  const rows = Array.from({ length: end }, (_, k) => {
    const row = sheet.values[k + 1] ?? [];
    return { variants: variantCols.map((c) => row[c] ?? null), scores: itemCols.map((c) => row[c] ?? null) };
  });
  const { validations, highlights } = scoreRules(layout, end);
  const header = scoreHeaderStyle(layout);
  return {
    merge: {
      name,
      cells,
      formulas: scoreFormulas(layout, rows, style),
      validations,
      highlights,
      styles: [{ ...header, rowHeight: undefined }],
      print: { area: scorePrintArea(layout, end), repeatRows: "1:1" },
    },
    added: missing.length,
  };
}

/** Typed values in columns the new layout does not have (matched by header text). */
export function displacedScores(name: string, sheet: SheetSnapshot, layout: ScoreLayout): DisplacedScore[] {
  const header = sheet.values[0] ?? [];
  const kept = new Set([...layout.headers.map(headerKey)]);
  const tailStart = header.findIndex((h, i) => SCORE_TAIL.every((t, k) => headerKey(header[i + k]) === headerKey(t)));
  const out: DisplacedScore[] = [];
  // Our old columns are those before the formula tail; anything after it is the user's own.
  const ours = tailStart >= 0 ? tailStart : header.length;
  for (let c = 1; c < ours; c++) {
    if (kept.has(headerKey(header[c]))) continue;
    for (let r = 1; r < sheet.values.length; r++) {
      const value = sheet.values[r]?.[c] ?? null;
      if (blank(value)) continue;
      out.push({ sheet: name, cell: cellAddress(r, c), code: sheet.values[r]?.[0] ?? null, column: String(header[c] ?? ""), value });
    }
  }
  return out;
}

export function displacedFinding(d: DisplacedScore): Finding {
  return {
    sheet: d.sheet,
    cell: d.cell,
    severity: "error",
    code: "scores.displaced",
    message: `балл «${String(d.value)}» (код ${String(d.code ?? "—")}, столбец «${d.column}») некуда перенести: в описании работы на «Критерии» такого задания больше нет. Верните задание или подтвердите перенос баллов на лист «Архив баллов»`,
  };
}
