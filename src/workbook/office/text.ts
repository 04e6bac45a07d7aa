// How plan values become Office.js input, and how Office.js output becomes snapshot values.
// Pure functions: no Office.js here, so the rule is unit-tested on its own.

import type { CellValue } from "../backend";

/** Words Excel turns into booleans when typed (English and Russian UI). */
const BOOLEAN_WORDS = new Set(["true", "false", "истина", "ложь"]);

/**
 * True when Excel could read the string as something other than the same text: a formula
 * (= + - @), a number ("00123", "1,5", "5%"), a date or time ("12.03.2026", "9:00"), a boolean
 * ("TRUE", "ЛОЖЬ"), an error literal ("#N/A"), or a string that itself starts with the text
 * prefix "'". The rule is deliberately broad: only a string that starts with a letter and holds
 * no digit at all (names, headers, "отсутствовал", "X") is written bare; everything else gets
 * the apostrophe, which Excel stores as "this is text" and never shows in the cell.
 */
export function needsTextPrefix(s: string): boolean {
  if (s === "") return false;
  if (/^\p{L}[^\d]*$/u.test(s)) return BOOLEAN_WORDS.has(s.trim().toLowerCase());
  return true;
}

/** A plan value as Office.js input for `range.values`: strings always stay text. */
export function toExcelInput(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`cannot write the number ${v} to a cell`);
    return v;
  }
  if (typeof v === "boolean") return v;
  return needsTextPrefix(v) ? `'${v}` : v;
}

/** A value read from `range.values`: "" (empty cell) becomes null. */
export function fromExcelValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * A cell's formula from `range.formulas` (which returns the value for cells without a formula).
 * A text cell holding "=x" (written with the text prefix) reads back as formulas "=x" and values
 * "=x"; a real formula's value is its result, never its own text, so equal text means "no formula".
 */
export function fromExcelFormula(formula: unknown, value: unknown): string | null {
  if (typeof formula !== "string" || !formula.startsWith("=")) return null;
  if (typeof value === "string" && value === formula) return null;
  return formula;
}
