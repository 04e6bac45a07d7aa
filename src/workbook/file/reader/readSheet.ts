// One worksheet part → the snapshot of its used range: values, and formulas when asked. Streamed
// cell by cell; nothing outside <sheetData> but <mergeCells> is looked at (a validation over a
// whole column costs nothing here). Browser-safe.

import { Parser } from "htmlparser2";
import type { CellValue, SheetSnapshot } from "../../backend";
import { parseRangeAddress } from "../../../core/address";
import { localName, parserOptions } from "../package/xml";
import { decodeCellValue } from "./cellValue";
import { formulaTemplate } from "../../../core/formulaShift";

export interface ReadContext {
  sharedStrings: readonly string[];
  /** By cellXfs index: does the style show numbers as dates. */
  dateStyles: boolean[];
  date1904: boolean;
}

interface SharedMaster {
  row: number;
  col: number;
  at: (rows: number, cols: number) => string;
}

/** "AB12" → [11, 27]; null when the reference is not a plain cell. */
function parseRef(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    i++;
  }
  if (i === 0 || i > 3) return null;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row >= 1 ? [row - 1, col - 1] : null;
}

export function readSheetXml(xml: string, ctx: ReadContext, withFormulas: boolean): SheetSnapshot {
  const cells: { r: number; c: number; v: CellValue; f: string | null }[] = [];
  const merges: string[] = [];
  const masters = new Map<string, SharedMaster>();
  let rowIndex = -1;
  let colIndex = -1;
  // The cell being read.
  let type = "n";
  let style = 0;
  let value: string | null = null;
  let inlineText: string | null = null;
  let formula: string | null = null;
  let sharedSi: string | null = null;
  let sharedRef = false;
  // What the current text belongs to.
  let into: "v" | "f" | "t" | null = null;
  let phonetic = 0;
  let inCell = false;

  const parser = new Parser(
    {
      onopentag(name, a) {
        switch (localName(name)) {
          case "row": {
            const r = a.r !== undefined ? Number(a.r) - 1 : rowIndex + 1;
            rowIndex = Number.isInteger(r) && r >= 0 ? r : rowIndex + 1;
            colIndex = -1;
            break;
          }
          case "c": {
            const pos = a.r ? parseRef(a.r.replace(/\$/g, "")) : null;
            if (pos) {
              rowIndex = pos[0];
              colIndex = pos[1];
            } else colIndex++;
            type = a.t ?? "n";
            style = a.s ? Number(a.s) : 0;
            value = null;
            inlineText = null;
            formula = null;
            sharedSi = null;
            sharedRef = false;
            inCell = true;
            break;
          }
          case "v":
            if (inCell) {
              into = "v";
              value = "";
            }
            break;
          case "f":
            if (inCell) {
              into = "f";
              formula = "";
              if (a.t === "shared") {
                sharedSi = a.si ?? null;
                sharedRef = a.ref !== undefined;
              }
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
          case "mergeCell":
            if (a.ref) merges.push(a.ref);
            break;
        }
      },
      ontext(data) {
        if (into === "v") value += data;
        else if (into === "f") formula += data;
        else if (into === "t") inlineText += data;
      },
      onclosetag(name) {
        const l = localName(name);
        if (l === "v" || l === "f" || l === "t") into = null;
        else if (l === "rPh") phonetic--;
        else if (l === "c" && inCell) {
          inCell = false;
          finishCell();
        }
      },
    },
    parserOptions,
  );

  function finishCell(): void {
    let f: string | null = null;
    // Formulas are only worked out when asked for: a shared one costs a translation per cell.
    if (formula !== null && withFormulas) {
      if (sharedSi !== null) {
        if (sharedRef || !masters.has(sharedSi)) masters.set(sharedSi, { row: rowIndex, col: colIndex, at: formulaTemplate(formula) });
        else if (formula === "") {
          const m = masters.get(sharedSi)!;
          formula = m.at(rowIndex - m.row, colIndex - m.col);
        }
      }
      if (formula !== "") f = `=${formula}`;
    }
    const v = cellValue();
    if (v === null && f === null) return;
    cells.push({ r: rowIndex, c: colIndex, v, f });
  }

  // One decoding of a cell's value for both readers (./cellValue.ts).
  const cellValue = (): CellValue => decodeCellValue(ctx, type, value, inlineText, style);

  parser.end(xml);

  // Merged areas show only their first cell; whatever hides under the rest is not on screen.
  const hidden = new Set<string>();
  for (const ref of merges) {
    try {
      const a = parseRangeAddress(ref.replace(/\$/g, ""));
      if (a.rows * a.cols > 100_000) continue;
      for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.col; c < a.col + a.cols; c++) if (r !== a.row || c !== a.col) hidden.add(`${r},${c}`);
    } catch {
      /* a broken merge reference hides nothing */
    }
  }

  let rows = 0;
  let cols = 0;
  const kept = hidden.size ? cells.filter((x) => !hidden.has(`${x.r},${x.c}`)) : cells;
  for (const x of kept) {
    if (x.r + 1 > rows) rows = x.r + 1;
    if (x.c + 1 > cols) cols = x.c + 1;
  }
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas = withFormulas ? Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null)) : undefined;
  for (const x of kept) {
    values[x.r][x.c] = x.v;
    if (formulas) formulas[x.r][x.c] = x.f;
  }
  return formulas ? { values, formulas } : { values };
}
