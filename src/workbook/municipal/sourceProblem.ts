// A problem met while reading a municipality's files: a finding with the file it is in and, when
// known, the sheet and the cell or row. Every one is reported; none stops the other files or rows.
import type { Finding } from "../../core";
import type { SourcePlace } from "../../core/municipal";

export type SourceProblem = Finding & SourcePlace;

/** Rows of a file left out, by reason (the statistics say how many and why). */
export interface LeftOut {
  reason: string;
  rows: number;
}

/** Counts left-out rows by reason, in the order the reasons first came up. */
export class LeftOutCounter {
  private readonly counts = new Map<string, number>();
  add(reason: string, rows = 1): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + rows);
  }
  list(): LeftOut[] {
    return [...this.counts].map(([reason, rows]) => ({ reason, rows }));
  }
}
