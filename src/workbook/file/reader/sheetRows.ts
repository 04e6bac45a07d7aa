// One worksheet part handed over row by row: each row's values, as the snapshot reader would give
// them (readSheet.ts), to a callback — never a whole sheet's grid. For sources of many thousand rows
// read once (the municipal roll-up), where only the rows the caller keeps stay in memory.
// Merged areas are not looked at (a data table has none). Browser-safe.

import { Parser } from "htmlparser2";
import type { CellValue } from "../../backend";
import { localName, parserOptions } from "../package/xml";
import { decodeCellValue } from "./cellValue";
import type { ReadContext } from "./readSheet";

/** Returned by a row callback to stop reading the part (a header that is no form's, say). */
export const STOP_ROWS = "stop";

/** "AB12" → column index 27 (row ignored); -1 when the reference is not a plain cell. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 || i > 3 ? -1 : col - 1;
}

function rowOf(ref: string): number {
  let i = 0;
  while (i < ref.length && ((ref.charCodeAt(i) | 0x20) >= 97 && (ref.charCodeAt(i) | 0x20) <= 122)) i++;
  const n = Number(ref.slice(i));
  return Number.isInteger(n) && n >= 1 ? n - 1 : -1;
}

class Stop extends Error {}

/**
 * Calls `onRow(row, values)` for every row that holds a value (0-based row, values from column A,
 * trailing empties dropped), in sheet order. The callback may return STOP_ROWS to end the read.
 */
export function readSheetRows(xml: string, ctx: ReadContext, onRow: (row: number, values: CellValue[]) => void | typeof STOP_ROWS): void {
  let rowIndex = -1;
  let colIndex = -1;
  let cells: CellValue[] = [];
  let type = "n";
  let style = 0;
  let value: string | null = null;
  let inlineText: string | null = null;
  let into: "v" | "t" | null = null;
  let phonetic = 0;
  let inCell = false;
  let inRow = false;

  const flush = (): void => {
    if (!inRow) return;
    inRow = false;
    let n = cells.length;
    while (n > 0 && cells[n - 1] === null) n--;
    if (n === 0) return;
    if (n < cells.length) cells.length = n;
    const row = cells;
    cells = [];
    if (onRow(rowIndex, row) === STOP_ROWS) throw new Stop();
  };

  const parser = new Parser(
    {
      onopentag(name, a) {
        switch (localName(name)) {
          case "row": {
            flush();
            const r = a.r !== undefined ? Number(a.r) - 1 : rowIndex + 1;
            rowIndex = Number.isInteger(r) && r >= 0 ? r : rowIndex + 1;
            colIndex = -1;
            cells = [];
            inRow = true;
            break;
          }
          case "c": {
            if (a.r) {
              const ref = a.r.replace(/\$/g, "");
              const c = columnOf(ref);
              colIndex = c >= 0 ? c : colIndex + 1;
              // A cell outside any <row> (some writers): its own reference says where it is.
              if (!inRow) {
                const r = rowOf(ref);
                if (r >= 0) {
                  rowIndex = r;
                  inRow = true;
                }
              }
            } else colIndex++;
            type = a.t ?? "n";
            style = a.s ? Number(a.s) : 0;
            value = null;
            inlineText = null;
            inCell = true;
            break;
          }
          case "v":
            if (inCell) {
              into = "v";
              value = "";
            }
            break;
          case "is":
            if (inCell) inlineText = "";
            break;
          case "rPh":
            phonetic++;
            break;
          case "t":
            if (inCell && inlineText !== null && phonetic === 0) into = "t";
            break;
        }
      },
      ontext(data) {
        if (into === "v") value += data;
        else if (into === "t") inlineText += data;
      },
      onclosetag(name) {
        const l = localName(name);
        if (l === "v" || l === "t") into = null;
        else if (l === "rPh") phonetic--;
        else if (l === "c" && inCell) {
          inCell = false;
          const v = cellValue();
          if (v !== null && colIndex >= 0) {
            while (cells.length < colIndex) cells.push(null);
            cells[colIndex] = v;
          }
        } else if (l === "row") flush();
      },
    },
    parserOptions,
  );

  // One decoding of a cell's value for both readers (./cellValue.ts).
  const cellValue = (): CellValue => decodeCellValue(ctx, type, value, inlineText, style);

  try {
    parser.end(xml);
    flush();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
}
