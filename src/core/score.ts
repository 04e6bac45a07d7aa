// One score cell as an expert typed it. Every outcome is a value; nothing throws.

export type ScoreCell =
  | { kind: "empty" }
  /** Task not attempted: X in any of its four spellings. */
  | { kind: "x" }
  /** The student did not write the work. */
  | { kind: "absent" }
  /** A whole number ≥ 0. `note` says when it was read leniently (text, "2,0"). */
  | { kind: "score"; value: number; note?: string }
  | { kind: "invalid"; code: ScoreProblem; message: string };

export type ScoreProblem = "score.fraction" | "score.negative" | "score.text" | "score.lookalike-x" | "score.bool";

/** Latin X, Cyrillic Х, both cases. */
export const X_SPELLINGS: readonly string[] = ["X", "x", "Х", "х"];
export const ABSENT = "отсутствовал";

// Characters people type when they mean X but that the form will not accept.
const X_LOOKALIKES = /^(?:[Чч×✕✖╳]|[XxХх][\u0300-\u036f]+)$/u;

/** String(v), except that it never throws (objects whose toString is broken or missing). */
function shownValue(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

export function isAbsentText(v: unknown): boolean {
  return typeof v === "string" && v.trim().toLowerCase().replace(/\s+/g, " ") === ABSENT;
}

// Shared results: parseScore runs for every score cell, so the common outcomes allocate nothing.
const EMPTY: ScoreCell = Object.freeze({ kind: "empty" });
const X: ScoreCell = Object.freeze({ kind: "x" });
const ABSENT_CELL: ScoreCell = Object.freeze({ kind: "absent" });

export function parseScore(v: unknown): ScoreCell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "number") return fromNumber(v);
  if (typeof v === "boolean") return { kind: "invalid", code: "score.bool", message: `значение ${v ? "ИСТИНА" : "ЛОЖЬ"} не является баллом` };
  if (typeof v !== "string") return { kind: "invalid", code: "score.text", message: `значение «${shownValue(v)}» не является баллом` };
  // Cheapest tests first: digits and X are nearly every string an expert types.
  const s = v.indexOf("\u00a0") >= 0 ? v.replace(/\u00a0/g, " ").trim() : v.trim();
  if (s === "") return EMPTY;
  if (s.length === 1 && X_SPELLINGS.includes(s)) return X;
  if (/^\d+$/.test(s)) {
    const r = fromNumber(Number(s), s);
    return r.kind === "score" ? { kind: "score", value: r.value, note: `число «${s}» записано как текст` } : r;
  }
  const m = /^(-?\d+)[.,](\d+)$/.exec(s);
  if (m) {
    if (/^0+$/.test(m[2]) && !m[1].startsWith("-")) return { kind: "score", value: Number(m[1]), note: `«${s}» принято как ${Number(m[1])}` };
    return fromNumber(Number(`${m[1]}.${m[2]}`), s);
  }
  if (/^-\d+$/.test(s)) return fromNumber(Number(s), s);
  if (isAbsentText(s)) return ABSENT_CELL;
  if (X_LOOKALIKES.test(s.normalize("NFD"))) {
    return { kind: "invalid", code: "score.lookalike-x", message: `«${s}» похоже на X, но это другой символ: поставьте латинскую X или кириллическую Х` };
  }
  return { kind: "invalid", code: "score.text", message: `текст «${s}» не является баллом` };
}

/** `typed` is the text as typed; for a number cell it is made (with a decimal comma) only for a message. */
function fromNumber(n: number, typed?: string): ScoreCell {
  if (Number.isInteger(n) && n >= 0) return { kind: "score", value: n };
  const shown = typed ?? String(n).replace(".", ",");
  if (!Number.isFinite(n)) return { kind: "invalid", code: "score.text", message: `значение «${shown}» не является баллом` };
  if (n < 0) return { kind: "invalid", code: "score.negative", message: `отрицательный балл ${shown}` };
  return { kind: "invalid", code: "score.fraction", message: `дробный балл ${shown}: баллы ставятся только целыми числами` };
}
