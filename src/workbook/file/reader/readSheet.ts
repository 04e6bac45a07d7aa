// One worksheet part → the snapshot of its used range: values, and formulas when asked. Streamed
// cell by cell; nothing outside <sheetData> but <mergeCells> is looked at (a validation over a
// whole column costs nothing here). Browser-safe.

import { Parser } from "htmlparser2";
import type { CellValue, SheetSnapshot } from "../../backend";
import { parseRangeAddress } from "../../../core/address";
import { localName, parserOptions } from "../package/xml";
import { CellContent, refColumn, refRow } from "./cellContent";
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

export function readSheetXml(xml: string, ctx: ReadContext, withFormulas: boolean): SheetSnapshot {
  const cells: { r: number; c: number; v: CellValue; f: string | null }[] = [];
  const merges: string[] = [];
  const masters = new Map<string, SharedMaster>();
  let rowIndex = -1;
  let colIndex = -1;
  // The cell being read: its value and text (./cellContent.ts), and its formula.
  const cell = new CellContent(ctx);
  let formula: string | null = null;
  let sharedSi: string | null = null;
  let sharedRef = false;
  let inFormula = false;

  const parser = new Parser(
    {
      onopentag(name, a) {
        const l = localName(name);
        switch (l) {
          case "row": {
            const r = a.r !== undefined ? Number(a.r) - 1 : rowIndex + 1;
            rowIndex = Number.isInteger(r) && r >= 0 ? r : rowIndex + 1;
            colIndex = -1;
            break;
          }
          case "c": {
            const ref = a.r ? a.r.replace(/\$/g, "") : "";
            const row = ref ? refRow(ref) : -1;
            const col = ref ? refColumn(ref) : -1;
            if (row >= 0 && col >= 0) {
              rowIndex = row;
              colIndex = col;
            } else colIndex++;
            cell.start(a.t, a.s);
            formula = null;
            sharedSi = null;
            sharedRef = false;
            break;
          }
          case "f":
            if (cell.open) {
              inFormula = true;
              formula = "";
              if (a.t === "shared") {
                sharedSi = a.si ?? null;
                sharedRef = a.ref !== undefined;
              }
            }
            break;
          case "mergeCell":
            if (a.ref) merges.push(a.ref);
            break;
          default:
            cell.openTag(l);
        }
      },
      ontext(data) {
        if (!cell.text(data) && inFormula) formula += data;
      },
      onclosetag(name) {
        const l = localName(name);
        if (l === "f") inFormula = false;
        else if (l === "c" && cell.open) finishCell();
        else cell.closeTag(l);
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
    const v = cell.end();
    if (v === null && f === null) return;
    cells.push({ r: rowIndex, c: colIndex, v, f });
  }


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
