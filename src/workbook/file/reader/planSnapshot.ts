// What the reader will give back for a sheet we have just written from a plan, worked out from the
// plan instead of parsing the part we wrote: the next operation reads every sheet, and our own
// sheets are most of a large workbook. A test holds it equal to a fresh parse. Browser-safe.

import type { CellValue, SheetPlan, SheetSnapshot } from "../../backend";
import { parseRangeAddress } from "../../../core/address";
import { isDateFormatCode, serialToIso } from "./numberFormats";

/** The values-only snapshot of a sheet written from `plan`, or null when it cannot be told without parsing. */
export function planSnapshot(plan: Omit<SheetPlan, "mode">, date1904: boolean): SheetSnapshot | null {
  // A date format turns numbers into dates when read: work those cells out from their ranges.
  const dateRanges = (plan.styles ?? []).filter((s) => s.numberFormat && isDateFormatCode(s.numberFormat)).map((s) => parseRangeAddress(s.range.replace(/\$/g, "")));
  const isDate = (r: number, c: number) => dateRanges.some((a) => r >= a.row && r < a.row + a.rows && c >= a.col && c < a.col + a.cols);
  const read = (v: CellValue | undefined, r: number, c: number): CellValue => {
    if (v === undefined || v === null || v === "") return null;
    if (typeof v === "number") return dateRanges.length && isDate(r, c) ? serialToIso(v, date1904) : Object.is(v, -0) ? 0 : v;
    if (typeof v === "string" && v.includes("\r")) throw new Unpredictable();
    return v;
  };
  try {
    const values: CellValue[][] = plan.values.map((row, r) => row.map((v, c) => read(v, r, c)));
    // Formula texts are not foretold (a filled-down block would have to be moved row by row): a read
    // that asks for formulas parses the part.
    for (const block of plan.formulas ?? []) {
      const { row, col, rows, cols } = parseRangeAddress(block.range);
      for (let i = 0; i < rows; i++) {
        const r = row + i;
        while (values.length <= r) values.push([]);
        for (let j = 0; j < cols; j++) values[r][col + j] = read(block.results?.[i]?.[j], r, col + j);
      }
    }
    // Read without formulas, a formula cell with no result is an empty cell, as here.
    return trimSnapshot(values, undefined);
  } catch (e) {
    if (e instanceof Unpredictable) return null;
    throw e;
  }
}

class Unpredictable extends Error {}

/** Rows padded to one width, trailing empty rows and columns dropped, as the reader gives them. */
export function trimSnapshot(values: CellValue[][], formulas: (string | null)[][] | undefined): SheetSnapshot {
  let rows = 0;
  let cols = 0;
  const height = Math.max(values.length, formulas?.length ?? 0);
  for (let r = 0; r < height; r++) {
    const width = Math.max(values[r]?.length ?? 0, formulas?.[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      if ((values[r]?.[c] ?? null) !== null || (formulas?.[r]?.[c] ?? null) !== null) {
        if (r + 1 > rows) rows = r + 1;
        if (c + 1 > cols) cols = c + 1;
      }
    }
  }
  const pad = <T>(grid: T[][]): (T | null)[][] => {
    const out: (T | null)[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const src = grid[r];
      const row: (T | null)[] = new Array(cols);
      for (let c = 0; c < cols; c++) {
        const v = src?.[c];
        row[c] = v === undefined ? null : v;
      }
      out[r] = row;
    }
    return out;
  };
  return formulas ? { values: pad(values), formulas: pad(formulas) } : { values: pad(values) };
}
