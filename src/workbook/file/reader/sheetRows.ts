// One worksheet part handed over row by row: each row's values, as the snapshot reader would give
// them (readSheet.ts), to a callback — never a whole sheet's grid. For sources of many thousand rows
// read once (the municipal roll-up), where only the rows the caller keeps stay in memory.
// Merged areas are not looked at (a data table has none). Browser-safe.

import { Parser } from "htmlparser2";
import type { CellValue } from "../../backend";
import { localName, parserOptions } from "../package/xml";
import { CellContent, refColumn, refRow } from "./cellContent";
import type { ReadContext } from "./readSheet";

/** Returned by a row callback to stop reading the part (a header that is no form's, say). */
export const STOP_ROWS = "stop";

class Stop extends Error {}

/**
 * Calls `onRow(row, values)` for every row that holds a value (0-based row, values from column A,
 * trailing empties dropped), in sheet order. The callback may return STOP_ROWS to end the read.
 */
export function readSheetRows(xml: string, ctx: ReadContext, onRow: (row: number, values: CellValue[]) => void | typeof STOP_ROWS): void {
  let rowIndex = -1;
  let colIndex = -1;
  let cells: CellValue[] = [];
  const cell = new CellContent(ctx);
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
        const l = localName(name);
        switch (l) {
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
              const c = refColumn(ref);
              colIndex = c >= 0 ? c : colIndex + 1;
              // A cell outside any <row> (some writers): its own reference says where it is.
              if (!inRow) {
                const r = refRow(ref);
                if (r >= 0) {
                  rowIndex = r;
                  inRow = true;
                }
              }
            } else colIndex++;
            cell.start(a.t, a.s);
            break;
          }
          default:
            cell.openTag(l);
        }
      },
      ontext(data) {
        cell.text(data);
      },
      onclosetag(name) {
        const l = localName(name);
        if (l === "c" && cell.open) {
          const v = cell.end();
          if (v !== null && colIndex >= 0) {
            while (cells.length < colIndex) cells.push(null);
            cells[colIndex] = v;
          }
        } else if (l === "row") flush();
        else cell.closeTag(l);
      },
    },
    parserOptions,
  );

  try {
    parser.end(xml);
    flush();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
}
