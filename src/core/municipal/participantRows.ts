// The rows of one read file, kept in columns of typed arrays rather than as a million objects: a
// region's year is ~1 M rows, and as objects with a score array each (~250 bytes) they alone would
// take more than the whole read may use. Here a row of 16 items is ~32 bytes. A row is made into a
// ParticipantRow only when asked for (`get`, iteration) and let go by the caller.
import type { ParticipantRow } from "./participantRow";

/** What a list of rows must offer the monitoring and the statistics: arrays of rows do too. */
export type ParticipantRowList = Iterable<ParticipantRow> & { readonly length: number };

/** Scores are whole numbers up to this; a larger «score» is stray text to the readers. */
export const MAX_STORED_SCORE = 0xfffe;
/** Variants likewise (0 and 0xffff mean none and absent). */
export const MAX_STORED_VARIANT = 0xfffe;
/** An empty score: the largest value of the array's width (scores are bytes until one is larger). */
const NO_SCORE_8 = 0xff;
const NO_SCORE_16 = 0xffff;
const NO_VARIANT = 0;
const ABSENT = 0xffff;

const JOURNAL: ParticipantRow["journal"][] = [null, null, 2, 3, 4, 5];
const GENDER: ParticipantRow["gender"][] = [null, "м", "ж"];

export class ParticipantRows implements Iterable<ParticipantRow> {
  length = 0;
  private capacity: number;
  private schoolIndex: Uint16Array;
  private codes: Float64Array;
  /** 0 = no variant, 0xffff = absent (variant unknown), else the variant (absent rows have none). */
  private variants: Uint16Array;
  private scoreCells: Uint8Array | Uint16Array;
  private noScore = NO_SCORE_8;
  /** Journal mark 2–5 or 0; gender 1 (м), 2 (ж) or 0. */
  private journals: Uint8Array;
  private genders: Uint8Array;
  private classIndex: Uint16Array;
  /** Schools and classes of the file: few, each kept once (index 0 of classes = no class). */
  private readonly schools: string[] = [];
  private readonly schoolIds = new Map<string, number>();
  private readonly classes: (string | null)[] = [null];
  private readonly classIds = new Map<string, number>();

  constructor(
    readonly subject: string,
    readonly grade: number,
    /** Items per row: every row has this many score cells. */
    readonly items: number,
    capacity = 64,
  ) {
    this.capacity = Math.max(1, capacity);
    this.schoolIndex = new Uint16Array(this.capacity);
    this.codes = new Float64Array(this.capacity);
    this.variants = new Uint16Array(this.capacity);
    this.scoreCells = new Uint8Array(this.capacity * items);
    this.journals = new Uint8Array(this.capacity);
    this.genders = new Uint8Array(this.capacity);
    this.classIndex = new Uint16Array(this.capacity);
  }

  /** Rows of one work as a list (tests, and sources made of objects). */
  static of(subject: string, grade: number, items: number, rows: Iterable<ParticipantRow>): ParticipantRows {
    const out = new ParticipantRows(subject, grade, items);
    for (const r of rows) out.push(r);
    return out;
  }

  /**
   * Adds a row. Scores beyond `items` are dropped, missing ones are empty; scores and variants must be
   * ≤ MAX_STORED_SCORE (the readers report larger ones as stray text). An absent row keeps no variant.
   */
  push(row: Omit<ParticipantRow, "subject" | "grade">): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.schoolIndex[i] = this.id(row.school, this.schools, this.schoolIds);
    this.codes[i] = row.code;
    this.variants[i] = row.absent ? ABSENT : (row.variant ?? NO_VARIANT);
    const base = i * this.items;
    for (let k = 0; k < this.items; k++) {
      const s = row.scores[k];
      if (s !== null && s !== undefined && s >= NO_SCORE_8 && this.noScore === NO_SCORE_8) this.widenScores();
      this.scoreCells[base + k] = s === null || s === undefined ? this.noScore : s;
    }
    this.journals[i] = row.journal ?? 0;
    this.genders[i] = row.gender === "м" ? 1 : row.gender === "ж" ? 2 : 0;
    this.classIndex[i] = row.className === null ? 0 : this.id(row.className, this.classes, this.classIds);
  }

  /** The school of row `i` without making the row. */
  schoolAt(i: number): string {
    return this.schools[this.schoolIndex[i]];
  }

  codeAt(i: number): number {
    return this.codes[i];
  }

  absentAt(i: number): boolean {
    return this.variants[i] === ABSENT;
  }

  get(i: number): ParticipantRow {
    const v = this.variants[i];
    const scores: (number | null)[] = new Array<number | null>(this.items);
    const base = i * this.items;
    for (let k = 0; k < this.items; k++) {
      const s = this.scoreCells[base + k];
      scores[k] = s === this.noScore ? null : s;
    }
    return {
      school: this.schools[this.schoolIndex[i]],
      subject: this.subject,
      grade: this.grade,
      className: this.classes[this.classIndex[i]],
      code: this.codes[i],
      variant: v === NO_VARIANT || v === ABSENT ? null : v,
      absent: v === ABSENT,
      scores,
      journal: JOURNAL[this.journals[i]],
      gender: GENDER[this.genders[i]],
    };
  }

  *[Symbol.iterator](): Iterator<ParticipantRow> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }

  /** The rows `keep` says yes to, as a new list. */
  filter(keep: (row: ParticipantRow, i: number) => boolean): ParticipantRows {
    const out = new ParticipantRows(this.subject, this.grade, this.items);
    for (let i = 0; i < this.length; i++) {
      const row = this.get(i);
      if (keep(row, i)) out.push(row);
    }
    out.trim();
    return out;
  }

  /** JSON and test output: the rows as objects. */
  toJSON(): ParticipantRow[] {
    return [...this];
  }

  private id(value: string, list: (string | null)[], ids: Map<string, number>): number {
    let id = ids.get(value);
    if (id === undefined) {
      id = list.length;
      // 65 535 schools or classes in one file: more than any region has; a guard, not a limit met.
      if (id > 0xffff) throw new RangeError("more than 65535 distinct schools or classes in one file");
      list.push(value);
      ids.set(value, id);
    }
    return id;
  }

  /** A score of 255 or more: scores take two bytes from now on. */
  private widenScores(): void {
    const wide = new Uint16Array(this.scoreCells.length);
    for (let k = 0; k < this.length * this.items; k++) wide[k] = this.scoreCells[k] === NO_SCORE_8 ? NO_SCORE_16 : this.scoreCells[k];
    this.scoreCells = wide;
    this.noScore = NO_SCORE_16;
  }

  /** Gives back the room kept for rows to come (a file is read: no more rows will come). */
  trim(): void {
    if (this.capacity > this.length) this.resize(Math.max(1, this.length));
  }

  private grow(): void {
    this.resize(this.capacity * 2);
  }

  private resize(n: number): void {
    const grow16 = (a: Uint16Array): Uint16Array => {
      const b = new Uint16Array(n);
      b.set(a.subarray(0, Math.min(a.length, n)));
      return b;
    };
    const grow8 = (a: Uint8Array): Uint8Array => {
      const b = new Uint8Array(n);
      b.set(a.subarray(0, Math.min(a.length, n)));
      return b;
    };
    this.schoolIndex = grow16(this.schoolIndex);
    const codes = new Float64Array(n);
    codes.set(this.codes.subarray(0, Math.min(this.codes.length, n)));
    this.codes = codes;
    this.variants = grow16(this.variants);
    const scores = this.scoreCells instanceof Uint8Array ? new Uint8Array(n * this.items) : new Uint16Array(n * this.items);
    scores.set(this.scoreCells.subarray(0, Math.min(this.scoreCells.length, n * this.items)));
    this.scoreCells = scores;
    this.journals = grow8(this.journals);
    this.genders = grow8(this.genders);
    this.classIndex = grow16(this.classIndex);
    this.capacity = n;
  }
}
