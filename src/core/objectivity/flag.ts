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

/**
 * What a group is, for the words of a sign: a class among the school's classes (the school's own
 * check and analysis), or a school among the municipality's schools (the municipal roll-up, where a
 * group's `class` holds the school's code). The tests are the same; only the sentence changes.
 */
export interface SignScope {
  /** «класс 4А» / «параллель», «школа 123456» / «муниципалитет». */
  group(name: string | null): string;
  /** «в остальных классах параллели»; briefly, «в остальных классах». */
  others: string;
  othersBrief: string;
  /** «в параллели». */
  whole: string;
  /** «одного класса», «этого класса», «класса», «класс написал». */
  oneUnit: string;
  thisUnit: string;
  ofUnit: string;
  unitWrote: string;
  /** `numbers.against` of high-results against the others. */
  against: "school" | "municipality";
}

export const CLASS_SCOPE: SignScope = {
  group: groupWords,
  others: "в остальных классах параллели",
  othersBrief: "в остальных классах",
  whole: "в параллели",
  oneUnit: "одного класса",
  thisUnit: "этого класса",
  ofUnit: "класса",
  unitWrote: "класс написал",
  against: "school",
};

export const MUNICIPAL_SCOPE: SignScope = {
  group: (school) => (school === null ? "муниципалитет" : `школа ${school}`),
  others: "в остальных школах муниципалитета",
  othersBrief: "в остальных школах",
  whole: "в муниципалитете",
  oneUnit: "одной школы",
  thisUnit: "этой школы",
  ofUnit: "школы",
  unitWrote: "школа написала",
  against: "municipality",
};

/** 12.5 → «12,5» as Russian text writes it. */
export const ru = (n: number | null | undefined, digits = 1): string => (n === null || n === undefined ? "—" : n.toFixed(digits).replace(/\.0+$/, "").replace(".", ","));
