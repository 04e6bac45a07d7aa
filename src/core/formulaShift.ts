// A formula moved to another cell: every relative reference moves by the same offset ($-anchored
// parts stay), as Excel does when it fills a formula down or across. Used for shared formulas in
// files (stored once, in the first cell of their range) and for filled-down formula blocks.

import { columnIndex, columnLetter } from "./address";

const MAX_ROW = 1048576;
const MAX_COL = 16384;

// A cell (A1, $B$2), a whole column (A:C) or a whole row (3:5) reference, outside strings and quoted
// sheet names. The look-behind keeps names like LOG10, Лист1 or _xlfn.X1 from matching.
const TOKEN = /("(?:[^"]|"")*")|('(?:[^']|'')*')|(?<![\p{L}\p{N}_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\p{L}\p{N}_(])|(?<![\p{L}\p{N}_.$])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\p{L}\p{N}_(!])|(?<![\p{L}\p{N}_.$:])(\$?)(\d+):(\$?)(\d+)(?![\p{L}\p{N}_(])/gu;

function moveRow(abs: string, row: number, by: number): string {
  if (abs) return `$${row}`;
  const r = row + by;
  return r >= 1 && r <= MAX_ROW ? String(r) : "#REF!";
}

function moveCol(abs: string, letters: string, by: number): string {
  if (abs) return `$${letters.toUpperCase()}`;
  const c = columnIndex(letters) + by;
  return c >= 0 && c < MAX_COL ? columnLetter(c) : "#REF!";
}

type Piece = string | ((rows: number, cols: number) => string);

/**
 * A formula cut once into literal text and references, so that moving it to any cell of a shared
 * range is a join, not a new scan (a score sheet shares one formula over thousands of rows).
 */
export function formulaTemplate(formula: string): (rows: number, cols: number) => string {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of formula.matchAll(TOKEN)) {
    const [text, str, sheet, ca, cl, ra, rn, c1a, c1, c2a, c2, r1a, r1, r2a, r2] = m;
    if (str !== undefined || sheet !== undefined) continue;
    if (cl !== undefined && columnIndex(cl) >= MAX_COL) continue;
    pieces.push(formula.slice(at, m.index));
    at = m.index! + text.length;
    if (cl !== undefined) {
      const row = Number(rn);
      pieces.push((rows, cols) => {
        const c = moveCol(ca, cl, cols);
        const r = moveRow(ra, row, rows);
        return c === "#REF!" || r === "#REF!" ? "#REF!" : `${c}${r}`;
      });
    } else if (c1 !== undefined) pieces.push((_, cols) => `${moveCol(c1a, c1, cols)}:${moveCol(c2a, c2, cols)}`);
    else pieces.push((rows) => `${moveRow(r1a, Number(r1), rows)}:${moveRow(r2a, Number(r2), rows)}`);
  }
  pieces.push(formula.slice(at));
  return (rows, cols) => (rows === 0 && cols === 0 ? formula : pieces.map((p) => (typeof p === "string" ? p : p(rows, cols))).join(""));
}

/** `formula` (with or without "=") of the master cell, as it reads `rows` down and `cols` across. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formulaTemplate(formula)(rows, cols);
}
