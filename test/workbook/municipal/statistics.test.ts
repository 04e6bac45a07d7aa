// Municipal statistics (src/workbook/municipal/statistics.ts) on the generated municipality: a
// school's and the municipality's figures against hand computation, with and without a scale.
import { DEFAULT_THRESHOLDS } from "../../../src/core";
import { municipalStatistics, participantResult } from "../../../src/workbook/municipal/statistics";
import { buildMunicipality, HIGH, MATH, PEAK, PLAIN, PLAIN_SCHOOLS, SCHOOLS } from "./municipalityFixture";

const { sources } = buildMunicipality();
const withCriteria = municipalStatistics(sources, [MATH], DEFAULT_THRESHOLDS);
const math = withCriteria.works[0];
const group = (school: string | null) => math.statistics.groups.find((g) => g.school === school)!;

test("one work per subject × grade, in grade then subject order; a group per school by code, the municipality last", () => {
  expect(withCriteria.works.map((w) => [w.definition.id, w.fromCriteria])).toEqual([
    ["MA4-T", true],
    ["Русский язык, 4 класс", false],
  ]);
  expect(withCriteria.findings).toEqual([{ severity: "warning", code: "municipal.criteria-missing", message: expect.stringContaining("«Русский язык, 4 класс»: в «Критериях» нет этой работы") }]);
  const schools = math.statistics.groups.map((g) => g.school);
  expect(schools).toHaveLength(36);
  expect(schools[35]).toBeNull();
  expect(schools.slice(0, 35)).toEqual([...schools.slice(0, 35)].sort());
  expect(math.statistics).toMatchObject({ workId: "MA4-T", subject: "Математика", grade: 4, maxTotal: 20, scale: [6, 11, 16] });
  expect(math.statistics.groups.every((g) => g.class === null)).toBe(true);
});

test("a plain school by hand: 25 wrote, 2 absent, mean 283 / 25, median 11, marks 3 / 8 / 9 / 5, journal 5 lower", () => {
  const g = group(PLAIN_SCHOOLS[0]);
  expect(g).toMatchObject({ school: PLAIN_SCHOOLS[0], students: 27, wrote: 25, absent: 2, invalid: 0, notEntered: 0, size: "ok", meanScore: 11.32, medianScore: 11 });
  expect(g.marks).toEqual({ "2": 3, "3": 8, "4": 9, "5": 5 });
  expect(g.marksPercent).toEqual({ "2": 12, "3": 32, "4": 36, "5": 20 });
  expect(g.successRate).toBe(88);
  expect(g.qualityRate).toBe(56);
  expect(g.meanMark).toBe((3 * 2 + 8 * 3 + 9 * 4 + 5 * 5) / 25); // 3.64
  expect(g.journal).toEqual({ lower: 5, same: 20, higher: 0, missing: 0, lowerPercent: 20, samePercent: 80, higherPercent: 0, twoOrMore: 0 });
  expect(g.histogram["7"]).toBe(2);
  expect(g.histogram["20"]).toBe(1);
  // Item 1 gets ⌊(t + 9) / 10⌋ points: 2 for t ≥ 11, 1 for 1…10 — 14 × 2 + 11 × 1 = 39 of 50.
  expect(g.items[0]).toMatchObject({ label: "1", max: 2, completion: 78 });
  // Item 10 gets ⌊t / 10⌋: 15 works of 10…19 get 1, the one 20 gets 2 — 17 of 50.
  expect(g.items[9].completion).toBe(34);
});

test("the dirty rows are counted apart: an unreadable score and one above its maximum are invalid", () => {
  expect(group(PLAIN_SCHOOLS[2])).toMatchObject({ students: 28, wrote: 25, invalid: 1 });
  expect(group(PLAIN_SCHOOLS[3])).toMatchObject({ students: 28, wrote: 25, invalid: 1 });
});

test("the municipality by hand", () => {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // 31 plain-score schools (30 listed + U), A and E with the same scores, B's peak, D's «5»s.
  const totals = [...Array(33).fill(PLAIN).flat(), ...PEAK, ...HIGH] as number[];
  const all = group(null);
  expect(all.wrote).toBe(882);
  expect(all.absent).toBe(70);
  expect(all.invalid).toBe(2);
  expect(all.students).toBe(882 + 70 + 2);
  expect(sum(totals)).toBe(33 * 283 + 368 + 450);
  expect(all.meanScore).toBe(Math.round((sum(totals) / 882) * 100) / 100); // 11.52
  const sorted = [...totals].sort((a, b) => a - b);
  expect(all.medianScore).toBe((sorted[440] + sorted[441]) / 2);
  expect(all.marks).toEqual({ "2": 33 * 3 + 3, "3": 33 * 8 + 5, "4": 33 * 9 + 19, "5": 33 * 5 + 5 + 25 });
  expect(all.qualityRate).toBe(Math.round(((33 * 14 + 24 + 25) / 882) * 1000) / 10);
  // Journal: 5 lower in each of 32 plain-journal schools (31 + E), 15 different in A (5s are lower, others higher).
  expect(all.journal!.lower + all.journal!.higher).toBe(32 * 5 + 15);
});

test("without «Критерии»: primary scores only, every mark figure null", () => {
  const bare = municipalStatistics(sources).works[0];
  expect(bare.fromCriteria).toBe(false);
  expect(bare.definition.id).toBe("Математика, 4 класс");
  const g = bare.statistics.groups.find((x) => x.school === PLAIN_SCHOOLS[0])!;
  expect(bare.statistics.scale).toBeNull();
  expect(g).toMatchObject({ wrote: 25, meanScore: 11.32, marks: null, marksPercent: null, successRate: null, qualityRate: null, meanMark: null, journal: null });
  expect(municipalStatistics(sources).findings).toEqual([]);
});

test("a block whose items do not match the files: told, and no marks", () => {
  const short = { ...MATH, items: MATH.items.slice(0, 9) };
  const r = municipalStatistics(sources, [short]);
  expect(r.works[0].fromCriteria).toBe(false);
  expect(r.findings[0]).toMatchObject({ code: "municipal.criteria-items", message: expect.stringContaining("9 заданий, а в файлах 10") });
});

test("a file with another number of items is left out and named", () => {
  const odd = { ...sources[1], file: "odd.xlsx", items: sources[1].items.slice(0, 9), rows: [...sources[1].rows].map((r) => ({ ...r, school: "228888" })) };
  const r = municipalStatistics([...sources, odd], [MATH]);
  expect(r.findings.map((f) => f.code)).toContain("municipal.items-differ");
  expect(r.works[0].statistics.groups.some((g) => g.school === "228888")).toBe(false);
});

test("a participant row as the analysis sees it", () => {
  const row = { school: SCHOOLS.A, subject: "Математика", grade: 4, className: null, code: 1, variant: 1, absent: false, scores: [2, 2, 2, 2, 2, 2, 2, 2, 1, 0], journal: null, gender: null };
  expect(participantResult(MATH, row)).toMatchObject({ status: "wrote", total: 17, mark: 5, className: "" });
  expect(participantResult(MATH, { ...row, variant: null, scores: Array(10).fill(null) }).status).toBe("notEntered");
  expect(participantResult(MATH, { ...row, scores: row.scores.slice(0, 9) }).status).toBe("invalid");
  expect(participantResult(MATH, { ...row, absent: true }).status).toBe("absent");
});
