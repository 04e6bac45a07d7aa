// Row heights for wrapped cells of the sheets the add-in writes whole (the roll-up, the objectivity self-check). LibreOffice keeps a written row's default height, so
// a cell of several wrapped lines would print its lines over one another: the height is set from
// the longest cell's line count, estimated from the column width in characters.
import type { CellValue } from "../backend";
import type { SheetBuilder } from "./sheetBuilder";

const LINE_POINTS = 13;
/** Excel's maximum row height. */
const MAX_POINTS = 409;

/** Lines a text takes in a column `width` characters wide (each "\n" starts a line). */
export const wrappedLines = (text: string, width: number): number => text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / Math.max(1, width - 1))), 0);

/** The height of a row whose wrapped cells are these texts in columns of these widths; null when one line fits. */
export function rowHeightFor(cells: readonly { text: string | null | undefined; width: number }[]): number | null {
  const lines = Math.max(1, ...cells.map((c) => (c.text ? wrappedLines(c.text, c.width) : 1)));
  return lines <= 1 ? null : Math.min(MAX_POINTS, lines * LINE_POINTS + 4);
}

/** Sets the height of each of `rows` (written from `first` on `b`) whose wrapped columns need more than a line. */
export function fitRows(b: SheetBuilder, first: number, rows: readonly CellValue[][], widths: readonly number[], wrapped: readonly number[]): void {
  rows.forEach((r, i) => {
    const h = rowHeightFor(wrapped.map((c) => ({ text: r[c] === null || r[c] === undefined ? null : String(r[c]), width: widths[c] })));
    if (h !== null) b.style(first + i, 0, 1, r.length, { rowHeight: h });
  });
}
