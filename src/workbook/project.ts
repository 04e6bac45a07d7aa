// What a workbook looks like after a plan, computed from the snapshot the plan was made from —
// so a face can show the new state without reading the workbook again (one sync less in Excel).
import { parseCellAddress, parseRangeAddress } from "../core";
import type { CellValue, FormulaBlock, SheetSnapshot, Snapshot, WritePlan } from "./backend";

/**
 * The snapshot after `plan` is applied to the workbook `snapshot` was read from (a read of every
 * sheet). Values are exact; formula cells hold their cached `results` where the plan gives them,
 * else null (Excel computes them) — callers must not rely on formula values.
 */
export function projectPlan(snapshot: Snapshot, plan: WritePlan): Snapshot {
  const sheetNames = [...snapshot.sheetNames];
  const sheets: Record<string, SheetSnapshot> = { ...snapshot.sheets };
  for (const p of plan.sheets) {
    if (p.mode === "create") sheetNames.push(p.name);
    const values = p.values.map((row) => row.map((v) => (v === "" ? null : v)));
    for (const block of p.formulas ?? []) putResults(values, block);
    sheets[p.name] = { values: rectangle(values) };
  }
  const touched = new Map<string, CellValue[][]>();
  const valuesOf = (sheet: string): CellValue[][] => {
    let values = touched.get(sheet);
    if (!values) {
      values = (sheets[sheet]?.values ?? []).map((row) => row.slice());
      touched.set(sheet, values);
    }
    return values;
  };
  for (const m of plan.merges ?? []) {
    const values = valuesOf(m.name);
    for (const c of m.cells) put(values, c.row, c.col, c.value === "" ? null : c.value);
    for (const block of m.formulas ?? []) putResults(values, block);
  }
  for (const w of plan.cellWrites) {
    const { row, col } = parseCellAddress(w.address);
    put(valuesOf(w.sheet), row, col, w.value === "" ? null : w.value);
  }
  for (const [name, values] of touched) sheets[name] = { values: rectangle(values) };
  return { sheetNames, sheets };
}

/** A formula block's cached results (null where Excel will compute them). */
function putResults(values: CellValue[][], block: FormulaBlock): void {
  const r = parseRangeAddress(block.range);
  for (let i = 0; i < r.rows; i++) {
    for (let j = 0; j < r.cols; j++) {
      const v = block.results?.[i]?.[j] ?? null;
      put(values, r.row + i, r.col + j, v === "" ? null : v);
    }
  }
}

function put(values: CellValue[][], row: number, col: number, value: CellValue): void {
  while (values.length <= row) values.push([]);
  const line = values[row];
  while (line.length < col) line.push(null);
  line[col] = value;
}

/** As a read gives it: trailing empty rows and columns dropped, rows padded to one width. */
export function rectangle(values: CellValue[][]): CellValue[][] {
  let rows = values.length;
  while (rows > 0 && values[rows - 1].every((v) => v === null || v === undefined)) rows--;
  let cols = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = values[r].length - 1; c >= cols; c--) {
      if (values[r][c] !== null && values[r][c] !== undefined) {
        cols = c + 1;
        break;
      }
    }
  }
  return values.slice(0, rows).map((row) => Array.from({ length: cols }, (_, c) => row[c] ?? null));
}
