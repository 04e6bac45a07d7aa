// Reading: the sheet list and used ranges as a Snapshot anchored at A1. One Excel.run and one sync
// as a rule; a workbook of more than `maxSheets` sheets costs one more sync, and an answer Excel
// refuses as too large (5 MB on the web) is read again in parts. See ./README.md.

import type { SheetSnapshot, Snapshot } from "../backend";
import { parseCellAddress, parseRangeAddress, rangeAddress } from "../../core/address";
import type { ExcelRun } from "./OfficeBackend";
import { fromExcelFormula, fromExcelValue } from "./text";

export interface ReadLimits {
  /** How many sheets a read of every sheet walks in its single sync. */
  maxSheets: number;
  /** Estimated answer size per sync when reading in parts. */
  maxRequestBytes: number;
}

/** Address from Office.js ("Лист1!C3:F9", "'Лист 1'!C3") → the top-left cell, zero-based. */
export function topLeftOf(address: string): { row: number; col: number } {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  return parseCellAddress(local.split(":")[0]);
}

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

/**
 * One Excel.run, one sync: the sheet list plus the used range of each named sheet that exists.
 * With `sheets` null, every sheet: their names are not known before the sync, so the sheets are
 * walked in tab order with getFirst / getNextOrNullObject (null objects past the last one), up to
 * `maxSheets`; a workbook with more sheets costs one more sync for the rest, by name.
 */
export async function readSheets(run: ExcelRun, sheets: readonly string[] | null, options: { formulas?: boolean }, limits: ReadLimits): Promise<Snapshot> {
  try {
    return await readAtOnce(run, sheets, options, limits);
  } catch (error) {
    // Excel on the web answers at most 5 MB per sync. Only a very large workbook gets here; it is
    // then read in parts: one sync for the sheets' sizes, then one per ~4 MB of cells.
    if (!isPayloadTooLarge(error)) throw error;
    return readInParts(run, sheets, options, limits.maxRequestBytes);
  }
}

async function readAtOnce(run: ExcelRun, sheets: readonly string[] | null, options: { formulas?: boolean }, limits: ReadLimits): Promise<Snapshot> {
  const withFormulas = options.formulas === true;
  const props = withFormulas ? "address,values,formulas" : "address,values";
  const snapshot = await run(async (context) => {
    const collection = context.workbook.worksheets;
    collection.load("items/name");
    const named = (sheets === null ? [] : [...new Set(sheets)]).map((name) => ({
      name: () => name,
      range: collection.getItemOrNullObject(name).getUsedRangeOrNullObject(true).load(props),
    }));
    const walked: { name: () => string; range: Excel.Range }[] = [];
    if (sheets === null) {
      let ws = collection.getFirst();
      for (let i = 0; i < limits.maxSheets; i++) {
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
      const rest = await readSheets(run, missing, options, limits);
      Object.assign(snapshot.sheets, rest.sheets);
    }
  }
  return snapshot;
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

/** The same snapshot as readAtOnce, in syncs whose answers stay under `maxRequestBytes`. */
async function readInParts(run: ExcelRun, sheets: readonly string[] | null, options: { formulas?: boolean }, maxRequestBytes: number): Promise<Snapshot> {
  const withFormulas = options.formulas === true;
  const props = withFormulas ? "address,values,formulas" : "address,values";
  return run(async (context) => {
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
      const rowsPerPart = Math.max(1, Math.floor(maxRequestBytes / (perCell * r.cols)));
      for (let first = 0; first < r.rows; first += rowsPerPart) {
        const rows = Math.min(rowsPerPart, r.rows - first);
        parts.push({ name, row: r.row + first, col: r.col, rows, cols: r.cols, bytes: rows * r.cols * perCell });
      }
    }
    const batches: ReadPart[][] = [];
    let current: ReadPart[] = [];
    let bytes = 0;
    for (const part of parts) {
      if (current.length > 0 && bytes + part.bytes > maxRequestBytes) {
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
