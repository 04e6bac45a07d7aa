// One student's result on one work, as the analysis sees it: what the score sheet says, checked
// once by core's checkRow (the same rule the check and the upload use), with the journal mark.
import { parseScore } from "../score";
import { checkRow, type RowCheck, type RowInput } from "../validate";
import type { WorkDefinition } from "../work";

export type Mark = 2 | 3 | 4 | 5;

export interface ResultRow {
  className: string;
  code: number;
  /**
   * wrote: every part written and every cell valid; absent: every part «отсутствовал»;
   * partlyAbsent: one part of a two-part work missed; notEntered: nothing typed yet;
   * invalid: a cell the check refuses (the analysis leaves the row out and counts it).
   */
  status: "wrote" | "absent" | "partlyAbsent" | "notEntered" | "invalid";
  /** Per item: the score (X counts 0); null unless `wrote`. */
  scores: (number | null)[];
  /** Primary score (первичный балл); null unless `wrote`. */
  total: number | null;
  /** The mark on the work's scale; null unless `wrote` or when the work has no scale. */
  mark: Mark | null;
  /** The previous-period mark (отметка по журналу) from the roster, or null. */
  journal: Mark | null;
}

/** `check`: the row's checkRow result when the caller has it already (the workbook's check does). */
export function resultRow(work: WorkDefinition, className: string, code: number, row: RowInput, journal: Mark | null, check: RowCheck = checkRow(work, row)): ResultRow {
  const none = (status: ResultRow["status"]): ResultRow => ({ className, code, status, scores: work.items.map(() => null), total: null, mark: null, journal });
  if (check.status === "blank") return none("notEntered");
  if (check.status === "absent") return none("absent");
  if (check.issues.some((i) => i.severity === "error")) return none("invalid");
  if (check.status === "partly-absent") return none("partlyAbsent");
  const scores: number[] = new Array(work.items.length);
  for (let i = 0; i < scores.length; i++) {
    const v = row.scores[i];
    if (typeof v === "number") scores[i] = v; // the common case: checked already
    else {
      const cell = parseScore(v);
      scores[i] = cell.kind === "score" ? cell.value : 0;
    }
  }
  return { className, code, status: "wrote", scores, total: check.total, mark: check.mark, journal };
}
