// Statistics of one group (a class, or the whole grade) on one work: who wrote, primary scores,
// marks, успеваемость and качество, per-item completion against the thresholds, the distribution
// of primary scores and the comparison with journal marks. Pure; every figure is defined once
// here and described in docs/ANALYSIS.md.
import { markFor } from "../mark";
import { maxTotal, type WorkDefinition } from "../work";
import type { Mark, ResultRow } from "./resultRow";
import { thresholdFor, type CompletionThresholds, type ItemLevel } from "./thresholds";

/** Under 10 who wrote: shown, not to be interpreted; under 20: rough. */
export type GroupSize = "small" | "rough" | "ok";
export const groupSize = (wrote: number): GroupSize => (wrote < 10 ? "small" : wrote < 20 ? "rough" : "ok");

export interface ItemStatistics {
  label: string;
  max: number;
  level: ItemLevel | null;
  /** Sum of scores / (wrote × max) × 100, one decimal; null when nobody wrote. */
  completion: number | null;
  /** The threshold of the item's level (null without a level). */
  threshold: number | null;
  /** Below the threshold of its level: a topic for remedial work. */
  belowThreshold: boolean;
}

export interface JournalComparison {
  /** ВПР mark lower than the journal mark (понизили). */
  lower: number;
  /** Equal (подтвердили). */
  same: number;
  /** Higher (повысили). */
  higher: number;
  /** Wrote, but the roster has no journal mark for the subject. */
  missing: number;
  /** Per cents of those compared (lower + same + higher), one decimal; null when none. */
  lowerPercent: number | null;
  samePercent: number | null;
  higherPercent: number | null;
  /** Marks two or more apart (either way): the ones to look at hard. */
  twoOrMore: number;
}

export interface GroupStatistics {
  /** The class, or null for the whole grade. */
  class: string | null;
  /** Rows with a code on the score sheets. */
  students: number;
  wrote: number;
  absent: number;
  /** One part of a two-part work missed: left out of the figures below. */
  partlyAbsent: number;
  /** Nothing typed yet. */
  notEntered: number;
  /** A cell the check refuses: left out until it is fixed. */
  invalid: number;
  size: GroupSize;
  /** Mean primary score of those who wrote (X counts 0), two decimals; null when none wrote. */
  meanScore: number | null;
  medianScore: number | null;
  /** Counts of marks «2»–«5»; null when the work has no scale. */
  marks: Record<"2" | "3" | "4" | "5", number> | null;
  /** The same in per cent of those who wrote, one decimal. */
  marksPercent: Record<"2" | "3" | "4" | "5", number> | null;
  /** Успеваемость: % with «3»–«5». */
  successRate: number | null;
  /** Качество: % with «4»–«5». */
  qualityRate: number | null;
  meanMark: number | null;
  /** Primary score → how many got it, every score from 0 to the maximum. */
  histogram: Record<string, number>;
  items: ItemStatistics[];
  /** null when the work has no scale (no ВПР marks to compare). */
  journal: JournalComparison | null;
}

export const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON) * f) / f;
};
const percent = (part: number, whole: number): number | null => (whole === 0 ? null : round((part / whole) * 100, 1));

function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Statistics of `rows` (already one class, or the whole grade) on `work`. */
export function groupStatistics(work: WorkDefinition, className: string | null, rows: readonly ResultRow[], thresholds: CompletionThresholds): GroupStatistics {
  const counts = { wrote: 0, absent: 0, partlyAbsent: 0, notEntered: 0, invalid: 0 };
  const totals: number[] = [];
  const itemSums = work.items.map(() => 0);
  const top = maxTotal(work);
  const histogram: Record<string, number> = {};
  for (let s = 0; s <= top; s++) histogram[String(s)] = 0;
  const marks = { "2": 0, "3": 0, "4": 0, "5": 0 };
  const journal = { lower: 0, same: 0, higher: 0, missing: 0, twoOrMore: 0 };
  for (const r of rows) {
    counts[r.status]++;
    if (r.status !== "wrote" || r.total === null) continue;
    totals.push(r.total);
    histogram[String(r.total)] = (histogram[String(r.total)] ?? 0) + 1;
    for (let i = 0; i < itemSums.length; i++) itemSums[i] += r.scores[i] ?? 0;
    if (!work.scale) continue;
    const mark: Mark = r.mark ?? markFor(r.total, work.scale);
    marks[mark]++;
    if (r.journal === null) journal.missing++;
    else {
      if (mark < r.journal) journal.lower++;
      else if (mark > r.journal) journal.higher++;
      else journal.same++;
      if (Math.abs(mark - r.journal) >= 2) journal.twoOrMore++;
    }
  }
  const wrote = counts.wrote;
  totals.sort((a, b) => a - b);
  const sum = totals.reduce((a, b) => a + b, 0);
  const med = median(totals);
  const scale = work.scale;
  const markSum = marks["2"] * 2 + marks["3"] * 3 + marks["4"] * 4 + marks["5"] * 5;
  const compared = journal.lower + journal.same + journal.higher;
  return {
    class: className,
    students: rows.length,
    ...counts,
    size: groupSize(wrote),
    meanScore: wrote === 0 ? null : round(sum / wrote, 2),
    medianScore: med === null ? null : round(med, 2),
    marks: scale ? marks : null,
    marksPercent: scale && wrote > 0 ? { "2": percent(marks["2"], wrote)!, "3": percent(marks["3"], wrote)!, "4": percent(marks["4"], wrote)!, "5": percent(marks["5"], wrote)! } : null,
    successRate: scale ? percent(marks["3"] + marks["4"] + marks["5"], wrote) : null,
    qualityRate: scale ? percent(marks["4"] + marks["5"], wrote) : null,
    meanMark: scale && wrote > 0 ? round(markSum / wrote, 2) : null,
    histogram,
    items: work.items.map((item, i) => {
      const level = item.level ?? null;
      const completion = percent(itemSums[i], wrote * item.max);
      const threshold = level ? thresholdFor(level, thresholds) : null;
      return { label: item.label, max: item.max, level, completion, threshold, belowThreshold: threshold !== null && completion !== null && completion < threshold };
    }),
    journal: scale
      ? { ...journal, lowerPercent: percent(journal.lower, compared), samePercent: percent(journal.same, compared), higherPercent: percent(journal.higher, compared) }
      : null,
  };
}
