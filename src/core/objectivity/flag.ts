// A sign of possibly non-objective results (признак необъективности): which sign, where, the
// numbers behind it and one plain Russian sentence saying what it means and what an inspector
// would look at. Signs are warnings for the school's own use, never errors (docs/OBJECTIVITY.md).

export type ObjectivitySign = "journal-mismatch" | "boundary-peak" | "high-results" | "item-anomaly";

export interface ObjectivityFlag {
  code: ObjectivitySign;
  workId: string;
  subject: string;
  grade: number;
  /** The class, or null for the whole grade. */
  class: string | null;
  message: string;
  /** The figures behind the sign (counts, per cents, parameters of the test). */
  numbers: Record<string, number | string | null>;
  /** Fewer than 20 wrote: the sign is shown, but the group is small. */
  small: boolean;
}

/** The parameters of the signs; the journal threshold is a setting on «Настройки». */
export interface ObjectivitySettings {
  /** journal-mismatch: flagged above this share (%) of those compared (seed 001 §6.3: 50). */
  journalMismatchPercent: number;
}

export const DEFAULT_OBJECTIVITY: ObjectivitySettings = { journalMismatchPercent: 50 };

/** Groups under this many who wrote are never flagged (../shared/DOMAIN.md). */
export const MIN_GROUP = 10;
/** Under this many, a flag says the group is small. */
export const ROUGH_GROUP = 20;

/** «4А» or «параллель» in a sentence. */
export const groupWords = (className: string | null): string => (className === null ? "параллель" : `класс ${className}`);

/** 12.5 → «12,5» as Russian text writes it. */
export const ru = (n: number | null | undefined, digits = 1): string => (n === null || n === undefined ? "—" : n.toFixed(digits).replace(/\.0+$/, "").replace(".", ","));
