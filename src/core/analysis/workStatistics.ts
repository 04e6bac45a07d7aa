// One work (subject × grade) analysed: a group per class in the order given, then the whole grade.
import { maxTotal, type WorkDefinition } from "../work";
import type { ResultRow } from "./resultRow";
import { groupStatistics, type GroupStatistics } from "./statistics";
import type { CompletionThresholds } from "./thresholds";

export interface WorkStatistics {
  workId: string;
  subject: string;
  grade: number;
  maxTotal: number;
  /** Minimum primary scores for «3», «4», «5»; null when the work has no scale. */
  scale: [number, number, number] | null;
  /** One per class (in the order asked), then the grade as a whole (`class: null`). */
  groups: GroupStatistics[];
}

export function workStatistics(work: WorkDefinition, classes: readonly string[], rows: readonly ResultRow[], thresholds: CompletionThresholds): WorkStatistics {
  const byClass = new Map<string, ResultRow[]>(classes.map((c) => [c, []]));
  for (const r of rows) {
    let list = byClass.get(r.className);
    if (!list) byClass.set(r.className, (list = []));
    list.push(r);
  }
  const groups = [...byClass].map(([c, list]) => groupStatistics(work, c, list, thresholds));
  groups.push(groupStatistics(work, null, rows, thresholds));
  return {
    workId: work.id,
    subject: work.subject,
    grade: work.grade,
    maxTotal: maxTotal(work),
    scale: work.scale ? [work.scale.min3, work.scale.min4, work.scale.min5] : null,
    groups,
  };
}
