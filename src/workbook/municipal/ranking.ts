// Schools ranked by their signs (docs/MUNICIPAL.md, «Признаки»): where a municipality sends its
// commission and observers first. A school's score is the sum of its signs' weights over all works;
// a sign where fewer than 20 wrote counts half. Ties: more signs first, then by school code.
import type { ObjectivitySign } from "../../core";
import type { MunicipalFlag } from "./signs";

/**
 * Weights by how directly a sign points at the scoring: journal-mismatch is the regulation's own
 * criterion for a re-check (seed 001 §6.3) and boundary-peak is the trace of works pulled up to a mark
 * at p < 0.001 — 3 each; high-results may be an honestly strong school — 2; item-anomaly has the
 * most innocent causes (a topic drilled that term) — 1.
 */
export const SIGN_WEIGHTS: Readonly<Record<ObjectivitySign, number>> = { "journal-mismatch": 3, "boundary-peak": 3, "high-results": 2, "item-anomaly": 1 };
/** A small group's sign (fewer than 20 wrote) is rough: half its weight. */
export const SMALL_FACTOR = 0.5;

export interface SchoolRank {
  /** 1-based; schools with equal score and count share no rank: the order is total. */
  rank: number;
  school: string;
  score: number;
  signs: number;
  bySign: Record<ObjectivitySign, number>;
  /** Works with a sign, «Математика, 4 класс». */
  works: string[];
}

export const flagWeight = (f: Pick<MunicipalFlag, "code" | "small">): number => SIGN_WEIGHTS[f.code] * (f.small ? SMALL_FACTOR : 1);

/** Only schools with at least one sign are ranked. */
export function rankSchools(flags: readonly MunicipalFlag[]): SchoolRank[] {
  const by = new Map<string, Omit<SchoolRank, "rank">>();
  for (const f of flags) {
    let r = by.get(f.school);
    if (!r) by.set(f.school, (r = { school: f.school, score: 0, signs: 0, bySign: { "journal-mismatch": 0, "boundary-peak": 0, "high-results": 0, "item-anomaly": 0 }, works: [] }));
    r.score += flagWeight(f);
    r.signs++;
    r.bySign[f.code]++;
    const work = `${f.subject}, ${f.grade} класс`;
    if (!r.works.includes(work)) r.works.push(work);
  }
  return [...by.values()]
    .sort((a, b) => b.score - a.score || b.signs - a.signs || (a.school < b.school ? -1 : a.school > b.school ? 1 : 0))
    .map((r, i) => ({ rank: i + 1, ...r }));
}
