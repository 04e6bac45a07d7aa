// Text as people type it: spaces, Ё/Е, Latin look-alikes, sheet names Excel accepts.

/** Trim, turn no-break spaces into spaces, collapse runs of spaces. */
export const collapseSpaces = (s: string): string => s.replace(/[\s\u00a0]+/g, " ").trim();

/** Key for comparing names: spaces collapsed, lower case, Ё as Е. */
export const nameKey = (s: string): string => collapseSpaces(s).toLowerCase().replace(/ё/g, "е");

// Latin letters that look like Cyrillic ones in class names (5A typed with a Latin A).
const LATIN_TO_CYRILLIC: Record<string, string> = { A: "А", B: "В", C: "С", E: "Е", H: "Н", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У" };

export type ClassNameParse = { ok: true; value: string; grade: number; changed: boolean } | { ok: false; message: string };

/** "5а", "5 А", "5A" (Latin), "5-а" → "5А". The cell is never rewritten; callers warn when `changed`. */
export function parseClassName(raw: unknown): ClassNameParse {
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw : "";
  const compact = text.replace(/[\s\u00a0«»"'-]+/g, "").toUpperCase();
  const m = /^(\d{1,2})([А-ЯЁA-Z]?)$/u.exec(compact);
  if (!m) return { ok: false, message: `класс «${text}» не распознан: ожидается номер и буква, например «5А»` };
  const grade = Number(m[1]);
  if (grade < 1 || grade > 11) return { ok: false, message: `класс «${text}»: номер класса должен быть от 1 до 11` };
  const letter = LATIN_TO_CYRILLIC[m[2]] ?? m[2];
  if (/[A-Z]/.test(letter)) return { ok: false, message: `класс «${text}»: буква класса должна быть русской` };
  const value = `${grade}${letter}`;
  return { ok: true, value, grade, changed: value !== text };
}

const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;

/** A sheet name Excel accepts: no []:*?/\, not starting or ending with an apostrophe, ≤ 31 characters. */
export function safeSheetName(name: string): string {
  let s = collapseSpaces(name.replace(SHEET_FORBIDDEN, " ")).replace(/^'+|'+$/g, "");
  if (s.length > 31) s = s.slice(0, 31).trimEnd();
  return s || "Лист";
}

/** Sheet names are compared without regard to case in Excel. */
export const sameSheetName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
