// Signs per school against the municipality (signs.ts), the ranking (ranking.ts) and the re-check
// sample across schools (recheckSample.ts) on the generated municipality: each planted sign found
// with its numbers, none on the plain schools, the ranking's order, the sample reproducible.
import { DEFAULT_OBJECTIVITY, DEFAULT_THRESHOLDS, type SampleRule } from "../../../src/core";
import { rankSchools, SIGN_WEIGHTS, flagWeight } from "../../../src/workbook/municipal/ranking";
import { municipalPopulation, municipalSample } from "../../../src/workbook/municipal/recheckSample";
import { municipalFlags } from "../../../src/workbook/municipal/signs";
import { municipalStatistics } from "../../../src/workbook/municipal/statistics";
import { buildMunicipality, MATH, SCHOOLS } from "./municipalityFixture";

const { sources } = buildMunicipality();
const { works } = municipalStatistics(sources, [MATH], DEFAULT_THRESHOLDS);
const flags = municipalFlags(works, DEFAULT_OBJECTIVITY);

test("exactly the planted signs, one per planted school, none on the 31 plain ones", () => {
  expect(flags.map((f) => [f.school, f.code]).sort()).toEqual([
    [SCHOOLS.A, "journal-mismatch"],
    [SCHOOLS.B, "boundary-peak"],
    [SCHOOLS.D, "high-results"],
    [SCHOOLS.E, "item-anomaly"],
  ]);
  for (const f of flags) expect(f).toMatchObject({ workId: "MA4-T", subject: "Математика", grade: 4, class: null, small: false });
});

test("journal-mismatch: 15 of 25 differ, 60 % above 50 %", () => {
  const f = flags.find((x) => x.code === "journal-mismatch")!;
  expect(f.numbers).toMatchObject({ compared: 25, differ: 15, percent: 60, threshold: 50 });
  expect(f.message).toContain(`школа ${SCHOOLS.A}: 60 % писавших (15 из 25) не подтвердили отметку по журналу`);
});

test("boundary-peak at «4»: 14 works on 11–12, none on 9–10, about 4 expected", () => {
  const f = flags.find((x) => x.code === "boundary-peak")!;
  expect(f.numbers).toMatchObject({ boundary: 11, mark: 4, atOrAbove: 14, justBelow: 0, expected: 4, p0: 0.5, wrote: 32 });
  expect(f.numbers.p).toBe(Number((0.5 ** 14).toPrecision(2)));
});

test("high-results against the other schools of the municipality", () => {
  const f = flags.find((x) => x.code === "high-results")!;
  // The others: 33 schools of 25 with 5 «5» and B with 5 of 32.
  const others5 = Math.round(((33 * 5 + 5) / (33 * 25 + 32)) * 1000) / 10;
  expect(f.numbers).toMatchObject({ share5: 100, othersShare5: others5, meanMark: 5, othersWrote: 33 * 25 + 32, against: "municipality" });
  expect(f.message).toContain(`школа ${SCHOOLS.D}: «5» у 100 % писавших против ${String(others5).replace(".", ",")} % в остальных школах муниципалитета`);
  expect(f.message).toContain("Резкое отличие одной школы");
});

test("item-anomaly: item 10 done by all of E while the others did about a third, E's total no better", () => {
  const f = flags.find((x) => x.code === "item-anomaly")!;
  expect(f.numbers.items).toBe("10");
  expect(f.numbers.overallPoints).toBeLessThanOrEqual(0);
  expect(String(f.numbers["item 10"])).toMatch(/^100 vs 3\d(\.\d)?$/);
  expect(f.message).toContain("в остальных школах)");
  expect(f.message).toContain("хотя в целом школа написала не лучше");
});

test("a school where fewer than 10 wrote is never tested; under 20 a sign is small and counts half", () => {
  const few = sources.map((s) => (s.subject === "Математика" ? { ...s, rows: [...s.rows].filter((r) => r.school !== SCHOOLS.A || r.code % 1000 <= 9 || r.code % 1000 > 900) } : s));
  const f = municipalFlags(municipalStatistics(few, [MATH]).works, DEFAULT_OBJECTIVITY);
  expect(f.some((x) => x.school === SCHOOLS.A)).toBe(false);
  const twelve = sources.map((s) => (s.subject === "Математика" ? { ...s, rows: [...s.rows].filter((r) => r.school !== SCHOOLS.A || r.code % 1000 <= 12) } : s));
  const small = municipalFlags(municipalStatistics(twelve, [MATH]).works, DEFAULT_OBJECTIVITY).find((x) => x.school === SCHOOLS.A)!;
  expect(small).toMatchObject({ code: "journal-mismatch", small: true });
  expect(flagWeight(small)).toBe(SIGN_WEIGHTS["journal-mismatch"] / 2);
});

test("the ranking: weight first (journal-mismatch and boundary-peak 3, high-results 2, item-anomaly 1), then count, then code", () => {
  const ranking = rankSchools(flags);
  expect(ranking.map((r) => [r.rank, r.school, r.score])).toEqual([
    [1, SCHOOLS.A, 3],
    [2, SCHOOLS.B, 3],
    [3, SCHOOLS.D, 2],
    [4, SCHOOLS.E, 1],
  ]);
  expect(ranking[0]).toMatchObject({ signs: 1, bySign: { "journal-mismatch": 1, "boundary-peak": 0, "high-results": 0, "item-anomaly": 0 }, works: ["Математика, 4 класс"] });
  // Two light signs outrank one heavy one only when they weigh more: E with two item-anomalies (2) stays below B (3), D's 2 and E's 2 tie → more signs first.
  const extra = [...flags, { ...flags.find((x) => x.school === SCHOOLS.E)!, subject: "Русский язык", workId: "RU" }];
  expect(rankSchools(extra).map((r) => r.school)).toEqual([SCHOOLS.A, SCHOOLS.B, SCHOOLS.E, SCHOOLS.D]);
});

test("the re-check sample across schools: the written works of every school, the flagged weighted, reproducible by seed", () => {
  const population = municipalPopulation(works, flags);
  // Mathematics: 882 wrote; Russian: 33 schools × 20 (30 plain and 4 planted, not X).
  expect(population.filter((w) => w.subject === "Математика")).toHaveLength(882);
  expect(population.filter((w) => w.subject === "Русский язык")).toHaveLength(33 * 20);
  expect(new Set(population.filter((w) => w.flagged).map((w) => w.school))).toEqual(new Set([SCHOOLS.A, SCHOOLS.B, SCHOOLS.D, SCHOOLS.E]));
  expect(population.filter((w) => w.flagged).every((w) => w.subject === "Математика")).toBe(true);

  const rule: SampleRule = { percent: 10, min: null, by: "works", weighted: true };
  const a = municipalSample(works, flags, rule, 2026);
  const b = municipalSample(works, flags, rule, 2026);
  expect(b).toEqual(a);
  // The same population in another order gives the same sample.
  expect(municipalSample([...works].reverse(), [...flags].reverse(), rule, 2026)).toEqual(a);
  expect(municipalSample(works, flags, rule, 2027).sample).not.toEqual(a.sample);
  const mathGroup = a.groups.find((g) => g.subject === "Математика")!;
  expect(mathGroup).toMatchObject({ works: 882, quota: 89, drawn: 89, schools: 35 });
  expect(mathGroup.drawnSchools).toBeGreaterThanOrEqual(30);
  // Flagged schools ×3: a school of 25 works gets about 89 · 75 / (882 + 2 · 107) ≈ 6 instead of about 2.5.
  const drawnAt = (school: string) => a.sample.filter((e) => e.school === school && e.subject === "Математика").length;
  expect(drawnAt(SCHOOLS.A)).toBeGreaterThanOrEqual(5);
  expect(drawnAt(SCHOOLS.A)).toBeGreaterThan(drawnAt("220201"));
  const unweighted = municipalSample(works, flags, { ...rule, weighted: false }, 2026);
  expect(unweighted.sample.filter((e) => e.school === SCHOOLS.A && e.subject === "Математика").length).toBeLessThanOrEqual(3);
});
