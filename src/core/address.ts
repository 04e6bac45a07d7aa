// A1-style addresses. Zero-based row/column indices inside the code, A1 text at the edges.

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`bad column index ${index}`);
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) throw new RangeError(`bad column letters ${letters}`);
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** (row 0, col 0) → "A1". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "B3" → { row: 2, col: 1 }. */
export function parseCellAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`bad cell address ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Rectangle from top-left (row, col) with the given size → "B2:D9" (or "B2" for one cell). */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const a = cellAddress(row, col);
  if (rows === 1 && cols === 1) return a;
  return `${a}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

/** "B2:D9" → { row, col, rows, cols }. */
export function parseRangeAddress(address: string): { row: number; col: number; rows: number; cols: number } {
  const [a, b] = address.split(":");
  const s = parseCellAddress(a);
  const e = b ? parseCellAddress(b) : s;
  return { row: s.row, col: s.col, rows: e.row - s.row + 1, cols: e.col - s.col + 1 };
}

/** A sheet reference as Excel writes it: 'Лист 1'!A1 (quoted, inner quotes doubled). */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
