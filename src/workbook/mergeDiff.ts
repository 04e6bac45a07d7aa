// A sheet we made that people type into, brought to what a planner wants without regenerating it:
// only the cells whose value differs are written, formats are laid only on rows that are new,
// rules and the print area follow the plan. Whatever the sheet holds beyond the planned columns,
// and every format the user gave the existing rows, stays.
import type { CellStyle, CellValue, MergeCell, SheetMerge, SheetPlan, SheetSnapshot } from "./backend";
import { cellAddress, parseRangeAddress } from "../core";

const same = (a: CellValue | undefined, b: CellValue | undefined): boolean => (a ?? null) === (b ?? null) || ((a ?? "") === "" && (b ?? "") === "");

/** Formats of the plan cut to the rows at or after `firstNew` (0-based); a style wholly above is dropped. */
function newRowsOnly(styles: readonly CellStyle[], firstNew: number): CellStyle[] {
  const out: CellStyle[] = [];
  for (const st of styles) {
    const a = parseRangeAddress(st.range.replace(/\$/g, ""));
    const last = a.row + a.rows - 1;
    if (last < firstNew) continue;
    const from = Math.max(a.row, firstNew);
    out.push({ ...st, range: `${cellAddress(from, a.col)}:${cellAddress(last, a.col + a.cols - 1)}` });
  }
  return out;
}

export function mergeDiff(name: string, existing: SheetSnapshot, desired: Omit<SheetPlan, "mode">): SheetMerge {
  const cells: MergeCell[] = [];
  desired.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!same(v, existing.values[r]?.[c])) cells.push({ row: r, col: c, value: v === "" ? null : v });
    }),
  );
  return {
    name,
    cells,
    formulas: desired.formulas,
    validations: desired.validations,
    highlights: desired.highlights,
    styles: newRowsOnly(desired.styles ?? [], existing.values.length),
    print: desired.print && { area: desired.print.area, repeatRows: desired.print.repeatRows },
  };
}
