// One participant's row as a municipal coordinator receives it — from a school's upload form (ours
// or an official form filled by hand) or from a FIS OKO results export (one file, many schools).
// Every source is read into this shape; the monitoring, the statistics and the signs work on it.
// No names: a school by its 6-digit code, a participant by code.

import type { ParticipantRowList } from "./participantRows";

export type SourceKind = "form" | "official-form" | "export";

export interface ParticipantRow {
  /** The school's 6-digit code (from the export's login `sch123456`, the form's file name or a setting). */
  school: string;
  subject: string;
  grade: number;
  /** Class as written («4А»; exports give the letter only: «4а», «нет» → null). */
  className: string | null;
  code: number;
  /** null when absent («отсутствовал»). */
  variant: number | null;
  absent: boolean;
  /** Per item: the score (X → 0), or null where the cell is empty or unreadable. */
  scores: (number | null)[];
  /** The previous-period (journal) mark, when given. */
  journal: 2 | 3 | 4 | 5 | null;
  gender: "м" | "ж" | null;
}

/** Where a problem was found: a file and, when known, its sheet and cell or row. */
export interface SourcePlace {
  file: string;
  sheet?: string;
  cell?: string;
  /** 1-based row of the sheet. */
  row?: number;
}

/** One read file: its kind, the work it holds and its rows. */
export interface SourceFile {
  file: string;
  kind: SourceKind;
  subject: string;
  grade: number;
  /** Item labels and maxima (from the header «1 (2б)», «Критерии», or the data, reported). */
  items: { label: string; max: number }[];
  rows: ParticipantRowList;
}
