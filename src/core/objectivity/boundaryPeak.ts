// boundary-peak: a peak of the primary-score distribution at or just above a mark boundary — many
// works with the boundary score and the next one, few just below, more than the neighbouring scores
// suggest. It is what "pulling" works up to a mark looks like.
//
// The test, for each boundary b of the scale («3», «4», «5»):
//   at       = works with b or b + 1 points, below = works with b − 2 or b − 1 points;
//   split    : of the at + below works, how many fall at or above. Without pulling, the split
//              follows the local slope: p0 = (upper + 1) / (upper + lower + 2), from the works with
//              b + 2, b + 3 (upper) and b − 4, b − 3 (lower) points, kept within 0.3…0.7;
//              p = P(X ≥ at) for X ~ Binomial(at + below, p0), exact;
//   expected = 2 × the mean count of the neighbouring scores b − 4, b − 3, b + 2, b + 3 (those
//              within 0…maximum): what a smooth distribution would put at b, b + 1;
//   flagged when at ≥ 5, p < 0.001 and at − expected ≥ 2 × √max(expected, 1). A school has dozens
//   of class × boundary pairs, so the level is set for all of them together (about 0.05 / 50, as
//   Bonferroni would): the sample school's random scores passed cruder tests — a ratio test, then
//   p < 0.01 (10 against 2 in a flat distribution). Groups of fewer than 10 who wrote are not tested.
import type { GroupStatistics } from "../analysis/statistics";
import type { WorkStatistics } from "../analysis/workStatistics";
import { CLASS_SCOPE, MIN_GROUP, ROUGH_GROUP, ru, type ObjectivityFlag, type SignScope } from "./flag";

export const BOUNDARY_TEST = { minAt: 5, pValue: 0.001, sigmas: 2, slope: [0.3, 0.7] } as const;

/** P(X ≥ k) for X ~ Binomial(n, p), summed in logs (n is a group's size: at most a few thousand). */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let logC = 0; // log C(n, j), built up from j = 0
  let sum = 0;
  for (let j = 0; j <= n; j++) {
    if (j > 0) logC += Math.log((n - j + 1) / j);
    if (j >= k) sum += Math.exp(logC + j * Math.log(p) + (n - j) * Math.log(1 - p));
  }
  return Math.min(1, sum);
}

export function boundaryPeaks(work: WorkStatistics, group: GroupStatistics, scope: SignScope = CLASS_SCOPE): ObjectivityFlag[] {
  if (!work.scale || group.wrote < MIN_GROUP) return [];
  const h = (s: number): number | null => (s < 0 || s > work.maxTotal ? null : (group.histogram[String(s)] ?? 0));
  const sum = (...xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);
  const flags: ObjectivityFlag[] = [];
  work.scale.forEach((b, i) => {
    const mark = i + 3;
    if (b <= 0) return;
    const at = sum(h(b), h(b + 1));
    const below = sum(h(b - 1), h(b - 2));
    const neighbours = [h(b - 4), h(b - 3), h(b + 2), h(b + 3)].filter((x): x is number => x !== null);
    if (neighbours.length === 0) return;
    const expected = (2 * neighbours.reduce((a, x) => a + x, 0)) / neighbours.length;
    const z = (at - expected) / Math.sqrt(Math.max(expected, 1));
    const upper = sum(h(b + 2), h(b + 3));
    const lower = sum(h(b - 4), h(b - 3));
    const p0 = Math.min(BOUNDARY_TEST.slope[1], Math.max(BOUNDARY_TEST.slope[0], (upper + 1) / (upper + lower + 2)));
    const p = binomialTail(at, at + below, p0);
    if (at < BOUNDARY_TEST.minAt || p >= BOUNDARY_TEST.pValue || z < BOUNDARY_TEST.sigmas) return;
    const small = group.wrote < ROUGH_GROUP;
    flags.push({
      code: "boundary-peak",
      workId: work.workId,
      subject: work.subject,
      grade: work.grade,
      class: group.class,
      small,
      numbers: { boundary: b, mark, atOrAbove: at, justBelow: below, expected: Math.round(expected * 10) / 10, z: Math.round(z * 10) / 10, p0: Math.round(p0 * 100) / 100, p: Number(p.toPrecision(2)), wrote: group.wrote },
      message:
        `${work.subject}, ${work.grade} класс, ${scope.group(group.class)}: у границы отметки «${mark}» (${b} баллов) ${at} работ набрали ${b}–${b + 1} балла, ` +
        `а ${b - 2}–${b - 1} — только ${below}; по соседним баллам ожидалось около ${ru(expected)}. Так выглядит «дотягивание» работ до отметки: ` +
        `инспектор посмотрит работы с пограничными баллами и при перепроверке сравнит их баллы` +
        `${small ? " (писавших меньше 20: признак ориентировочный)" : ""}.`,
    });
  });
  return flags;
}
