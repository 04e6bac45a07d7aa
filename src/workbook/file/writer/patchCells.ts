// Single cells written into an existing worksheet part — a user's roster, an official form — as
// splices inside <sheetData>: the written <c> elements are replaced or inserted in order, rows are
// added where none exists, and every other byte of the part stays as it was. A written cell keeps
// its style; strings are written inline (never as formulas, never into the shared strings).
// Browser-safe.

import { Parser } from "htmlparser2";
import type { CellValue } from "../../backend";
import { columnLetter, parseCellAddress } from "../../../core/address";
import { applySplices, escapeAttr, localName, parserOptions, prefixOf, withAttr, type Splice } from "../package/xml";
import { refColumn } from "../reader/cellContent";
import { formulaCellXml, numberText, textRun } from "./sheetXml";

export interface CellPatch {
  row: number;
  col: number;
  /** The value; for a formula cell, its cached result. */
  value: CellValue;
  /** A formula ("=…") for this cell (only our own sheets get these: merges). */
  formula?: string;
  /**
   * Part of a shared formula: the first cell carries `ref`, the others only the group. `si` is a
   * group number of this patch; it becomes an index no shared formula of the sheet uses yet.
   */
  shared?: { si: number; ref?: string };
  /** A cell format (cellXfs index) that replaces the cell's own. */
  style?: number;
  /** Only the format changes: the cell keeps its value or formula (`value` is ignored). */
  keepValue?: boolean;
}

export interface PatchResult {
  xml: string;
  /** Shared-string indices that written cells referred to before (candidates for clean-up). */
  droppedSharedStrings: number[];
  /** A formula cell was overwritten: the calculation chain may name it. */
  formulaOverwritten: boolean;
  /** Written cells that kept a style (s) of the old cell: a number there may read back as a date. */
  keptStyles: { row: number; col: number; style: number }[];
}

interface RowPos {
  row: number;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  cells: CellPos[];
}
interface CellPos {
  col: number;
  start: number;
  /** Just after the start tag's ">". */
  openEnd: number;
  end: number;
  attrs: Record<string, string>;
  /** Text of <v> (for a shared-string index). */
  v: string | null;
  formula: boolean;
  sharedMaster: boolean;
  /** The range of the shared formula this cell is the first of. */
  sharedRef: string | null;
}

export class PatchError extends Error {}

const LETTERS: string[] = [];
/** "C12" for (11, 2), with column letters worked out once. */
const cellAddress = (row: number, col: number) => `${(LETTERS[col] ??= columnLetter(col))}${row + 1}`;

/** Positions of <sheetData>, its rows and (for the rows asked for) their cells. */
function locate(xml: string, wantedRows: Set<number>) {
  let sheetData: { name: string; start: number; openEnd: number; closeStart: number; end: number } | null = null;
  const rows: RowPos[] = [];
  let row: RowPos | null = null;
  let cell: CellPos | null = null;
  let depthInCell = 0;
  let lastRow = -1;
  let lastCol = -1;
  let inData = false;
  const masters: { si: number; ref: string }[] = [];
  const parser = new Parser(
    {
      ontext(data) {
        if (cell && cell.v !== null && depthInCell === 1) cell.v += data;
      },
      onopentag(name, a) {
        const l = localName(name);
        if (cell) {
          depthInCell++;
          if (l === "f") {
            cell.formula = true;
            if (a.t === "shared" && a.ref !== undefined && a.si !== undefined) masters.push({ si: Number(a.si), ref: a.ref });
            if (a.t === "shared" && a.ref !== undefined) {
              cell.sharedMaster = true;
              cell.sharedRef = a.ref;
            }
          } else if (l === "v" && depthInCell === 1) cell.v = "";
          return;
        }
        if (l === "sheetData" && !sheetData) {
          sheetData = { name, start: parser.startIndex, openEnd: parser.endIndex + 1, closeStart: -1, end: -1 };
          inData = true;
        } else if (inData && l === "row" && !row) {
          const r = a.r !== undefined ? Number(a.r) - 1 : lastRow + 1;
          lastRow = r;
          lastCol = -1;
          row = { row: r, start: parser.startIndex, openEnd: parser.endIndex + 1, closeStart: -1, end: -1, cells: [] };
        } else if (row && l === "c") {
          const c = a.r ? refColumn(a.r.replace(/\$/g, "")) : -1;
          const col = c >= 0 ? c : null;
          lastCol = col ?? lastCol + 1;
          cell = { col: lastCol, start: parser.startIndex, openEnd: parser.endIndex + 1, end: -1, attrs: a, v: null, formula: false, sharedMaster: false, sharedRef: null };
          depthInCell = 0;
        }
      },
      onclosetag(name) {
        const l = localName(name);
        if (cell) {
          if (depthInCell > 0) {
            depthInCell--;
            return;
          }
          cell.end = parser.endIndex + 1;
          if (row && wantedRows.has(row.row)) row.cells.push(cell);
          cell = null;
        } else if (row && l === "row") {
          // Cells out of column order (no producer should, but a file may): walk them sorted.
          if (row.cells.some((x, i) => i > 0 && row!.cells[i - 1].col > x.col)) row.cells.sort((a, b) => a.col - b.col);
          row.closeStart = parser.startIndex;
          row.end = parser.endIndex + 1;
          rows.push(row);
          row = null;
        } else if (inData && l === "sheetData" && sheetData) {
          sheetData.closeStart = parser.startIndex;
          sheetData.end = parser.endIndex + 1;
          inData = false;
        }
      },
    },
    parserOptions,
  );
  parser.end(xml);
  return { sheetData: sheetData as { name: string; start: number; openEnd: number; closeStart: number; end: number } | null, rows, masters };
}

const DROPPED = new Set(["r", "t", "cm", "vm", "ph"]);

/** The new <c> for a patch, keeping the old element's style and other attributes but not its type or content. */
function renderPatch(p: string, ref: string, old: Record<string, string> | null, patch: CellPatch): string {
  const value = patch.value;
  let attrs = "";
  if (old) {
    for (const [k, v] of Object.entries(old)) if (!DROPPED.has(k) && !(k === "s" && patch.style !== undefined)) attrs += ` ${k}="${escapeAttr(v)}"`;
  }
  if (patch.style !== undefined && patch.style !== 0) attrs += ` s="${patch.style}"`;
  if (patch.formula !== undefined) {
    const xml = formulaCellXml(ref, patch.formula, value, 0, patch.shared).replace(/^<c r="[^"]*"/, `<c r="${ref}"${attrs}`);
    return p ? xml.replace(/<(\/?)(?=[a-z])/g, `<$1${p}`) : xml;
  }
  const open = `<${p}c r="${ref}"${attrs}`;
  if (value === null || value === "") return `${open}/>`;
  if (typeof value === "number") return `${open}><${p}v>${numberText(value)}</${p}v></${p}c>`;
  if (typeof value === "boolean") return `${open} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  const run = textRun(value).replace(/^<t/, `<${p}t`).replace(/<\/t>$/, `</${p}t>`);
  return `${open} t="inlineStr"><${p}is>${run}</${p}is></${p}c>`;
}


/**
 * Write `patches` into the sheet part `xml`. Throws PatchError (Russian) when a patch would
 * overwrite the first cell of a shared formula (the other cells of the formula depend on it).
 */
export function patchCells(xml: string, patches: readonly CellPatch[], sheetName: string): PatchResult {
  // Writes in row, then column order; of two writes to one cell the later wins (a stable sort
  // keeps their order, and the walk below takes the last of a run).
  const sorted = patches.slice().sort((a, b) => a.row - b.row || a.col - b.col);
  // The first cell of a shared formula may be overwritten only with every cell of its range.
  let written: Set<number> | null = null;
  const covers = (ref: string): boolean => {
    written ??= new Set(patches.map((x) => x.row * 16384 + x.col));
    const [a, b] = ref.split(":");
    const from = parseCellAddress(a);
    const to = b ? parseCellAddress(b) : from;
    for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) if (!written.has(r * 16384 + c)) return false;
    return true;
  };
  const { sheetData, rows, masters } = locate(xml, new Set(sorted.map((x) => x.row)));
  // Shared-formula groups of the patch get the lowest indices no formula left on the sheet uses
  // (a group whose every cell is rewritten frees its index): the same merge twice, the same bytes.
  const used = new Set(masters.filter((m) => !covers(m.ref)).map((m) => m.si));
  const indexOf = new Map<number, number>();
  let next = 0;
  const sharedIndex = (group: number): number => {
    let si = indexOf.get(group);
    if (si === undefined) {
      while (used.has(next)) next++;
      indexOf.set(group, (si = next++));
    }
    return si;
  };
  for (const x of sorted) if (x.shared) sharedIndex(x.shared.si);
  const renderCell = (p: string, ref: string, old: Record<string, string> | null, patch: CellPatch) =>
    renderPatch(p, ref, old, patch.shared ? { ...patch, shared: { ...patch.shared, si: sharedIndex(patch.shared.si) } } : patch);
  if (!sheetData) throw new PatchError(`Лист «${sheetName}» повреждён: в нём нет области ячеек (sheetData).`);
  const sd = sheetData as { name: string; start: number; openEnd: number; closeStart: number; end: number };
  const p = prefixOf(sd.name);
  const splices: Splice[] = [];
  const dropped: number[] = [];
  let formulaOverwritten = false;
  const keptStyles: { row: number; col: number; style: number }[] = [];
  const newRows: string[] = [];
  const isEmpty = (v: CellValue) => v === null || v === "";

  let at = 0; // position in `rows` (document order, ascending)
  for (let k = 0; k < sorted.length; ) {
    const r = sorted[k].row;
    // This row's writes, one per column (the last of each run of equal columns).
    const writes: CellPatch[] = [];
    for (; k < sorted.length && sorted[k].row === r; k++) {
      if (k + 1 < sorted.length && sorted[k + 1].row === r && sorted[k + 1].col === sorted[k].col) continue;
      writes.push(sorted[k]);
    }
    while (at < rows.length && rows[at].row < r) at++;
    const existing = at < rows.length && rows[at].row === r ? rows[at] : null;

    if (!existing) {
      const cells = writes.filter((w) => !isEmpty(w.value) || w.formula !== undefined || w.style !== undefined).map((w) => renderCell(p, cellAddress(r, w.col), null, w));
      if (cells.length === 0) continue; // nothing there, nothing to clear
      const text = `<${p}row r="${r + 1}">${cells.join("")}</${p}row>`;
      if (at < rows.length) splices.push({ start: rows[at].start, end: rows[at].start, text });
      else newRows.push(text);
      continue;
    }

    const cells = existing.cells;
    let j = 0; // position in the row's cells (column order)
    let pending: string[] = [];
    let pendingAt = -1;
    const tail: string[] = [];
    let inserted = false;
    const flush = () => {
      if (pending.length) splices.push({ start: pendingAt, end: pendingAt, text: pending.join("") });
      pending = [];
    };
    for (const w of writes) {
      const c = w.col;
      while (j < cells.length && cells[j].col < c) j++;
      const ref = cellAddress(r, c);
      const old = j < cells.length && cells[j].col === c ? cells[j] : null;
      if (old) {
        if (w.keepValue) {
          // A new format only: the start tag's s changes, the content stays.
          const tag = xml.slice(old.start, old.openEnd);
          const el = { start: 0, openEnd: tag.length } as Parameters<typeof withAttr>[1];
          const text = w.style ? applySplices(tag, [withAttr(tag, el, "s", String(w.style))]) : tag.replace(/\ss\s*=\s*("[^"]*"|'[^']*')/, "");
          splices.push({ start: old.start, end: old.openEnd, text });
          continue;
        }
        if (old.sharedMaster && !(old.sharedRef !== null && covers(old.sharedRef))) {
          throw new PatchError(`Ячейка «${sheetName}»!${ref} — начало общей формулы, от неё зависят соседние ячейки: записать в неё значение нельзя. Замените формулы в этом столбце значениями или освободите ячейку и повторите.`);
        }
        if (old.attrs.t === "s" && old.v !== null && /^\s*\d+\s*$/.test(old.v)) dropped.push(Number(old.v));
        if (old.formula) formulaOverwritten = true;
        if (old.attrs.s !== undefined) keptStyles.push({ row: r, col: c, style: Number(old.attrs.s) });
        splices.push({ start: old.start, end: old.end, text: renderCell(p, ref, old.attrs, w) });
        continue;
      }
      if (isEmpty(w.value) && w.formula === undefined && w.style === undefined) continue; // nothing there, nothing to clear
      const text = renderCell(p, ref, null, w);
      inserted = true;
      if (j >= cells.length) tail.push(text);
      else {
        if (pendingAt !== cells[j].start) {
          flush();
          pendingAt = cells[j].start;
        }
        pending.push(text);
      }
    }
    flush();
    if (tail.length) {
      if (existing.closeStart === existing.start) {
        // <row r="5"/> becomes <row r="5">…</row>
        const open = xml.slice(existing.start, existing.openEnd).replace(/\s*\/>$/, ">");
        splices.push({ start: existing.start, end: existing.end, text: `${open}${tail.join("")}</${p}row>` });
      } else splices.push({ start: existing.closeStart, end: existing.closeStart, text: tail.join("") });
    }
    if (inserted && existing.closeStart !== existing.start) {
      // The row's optional "spans" hint may no longer cover its cells: drop it.
      const open = xml.slice(existing.start, existing.openEnd);
      const trimmed = open.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, "");
      if (trimmed !== open) splices.push({ start: existing.start, end: existing.openEnd, text: trimmed });
    }
  }
  if (newRows.length) {
    if (sd.closeStart === sd.start) {
      const open = xml.slice(sd.start, sd.openEnd).replace(/\s*\/>$/, ">");
      splices.push({ start: sd.start, end: sd.end, text: `${open}${newRows.join("")}</${sd.name}>` });
    } else splices.push({ start: sd.closeStart, end: sd.closeStart, text: newRows.join("") });
  }
  return { xml: applySplices(xml, splices), droppedSharedStrings: dropped, formulaOverwritten, keptStyles };
}
