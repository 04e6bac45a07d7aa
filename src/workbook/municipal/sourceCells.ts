// One cell of a source read into a participant's field. Exports hold every value as text («1»,
// «X», «нет отметки», «не пройд.»); forms hold numbers. The common cases (digits, X, empty) are
// tested first and allocate nothing: a region's year is a million rows.
import { X_SPELLINGS, isAbsentText } from "../../core";
import type { CellValue } from "../backend";

export type ScoreRead = number | null | { text: string };

/** A score: a whole number ≥ 0, X (any spelling) as 0, empty as null; anything else is stray text. */
export function readScore(v: CellValue): ScoreRead {
  if (v === null) return null;
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? v : { text: String(v).replace(".", ",") };
  if (typeof v !== "string") return { text: String(v) };
  const s = v.trim();
  if (s === "") return null;
  if (s.length <= 2 && /^\d+$/.test(s)) return Number(s);
  if (s.length === 1 && X_SPELLINGS.includes(s)) return 0;
  if (/^\d+$/.test(s)) return Number(s);
  return { text: s };
}

/** The journal mark 2–5; null for empty and «нет отметки»; `{text}` for anything else. */
export function readJournal(v: CellValue): 2 | 3 | 4 | 5 | null | { text: string } {
  if (v === null) return null;
  const s = String(v).trim();
  if (s === "2" || s === "3" || s === "4" || s === "5") return Number(s) as 2 | 3 | 4 | 5;
  const low = s.toLowerCase().replace(/\s+/g, " ");
  if (low === "" || low === "нет отметки" || low === "нет" || low === "-" || low === "—") return null;
  return { text: s };
}

export function readGender(v: CellValue): "м" | "ж" | null {
  const s = v === null ? "" : String(v).trim().toLowerCase();
  if (s === "м" || s === "муж" || s === "мужской" || s === "m" || s === "male") return "м";
  if (s === "ж" || s === "жен" || s === "женский" || s === "f" || s === "female") return "ж";
  return null;
}

/** A variant: a whole number ≥ 1, «отсутствовал», empty, or stray text. */
export function readVariant(v: CellValue): number | "absent" | null | { text: string } {
  if (v === null) return null;
  if (typeof v === "number") return Number.isInteger(v) && v >= 1 ? v : { text: String(v) };
  const s = String(v).trim();
  if (s === "") return null;
  if (/^\d+$/.test(s) && Number(s) >= 1) return Number(s);
  if (isAbsentText(s)) return "absent";
  return { text: s };
}

/**
 * The class as one writes it: a form gives «4А»; an export the letter only («а», «Б») — the grade
 * is put before it and the letter upper-cased, so a form's «4А» and an export's «а» meet; «нет» is no class.
 */
export function readClassName(v: CellValue, grade: number): string | null {
  const s = v === null ? "" : String(v).trim().replace(/\s+/g, "");
  if (s === "" || s.toLowerCase() === "нет" || s === "-") return null;
  const name = /^\d/.test(s) ? s.toUpperCase() : `${grade}${s.toUpperCase()}`;
  // One string per class, not per row: a region's year is a million rows and a few hundred classes.
  let kept = CLASS_NAMES.get(name);
  if (kept === undefined) CLASS_NAMES.set(name, (kept = name));
  return kept;
}

const CLASS_NAMES = new Map<string, string>();

/** The school's 6-digit code from a login «sch123456» (or the bare code), else null. */
export function readSchoolLogin(v: CellValue): string | null {
  const s = v === null ? "" : String(v).trim().toLowerCase();
  const m = /^(?:sch)?(\d{6})$/.exec(s);
  return m ? m[1] : null;
}
