// The objectivity signs on constructed classes that must and must not trigger them.
import {
  DEFAULT_OBJECTIVITY,
  DEFAULT_THRESHOLDS,
  binomialTail,
  boundaryPeaks,
  highResults,
  itemAnomalies,
  journalMismatch,
  objectivityFlags,
  proportionZ,
  resultRow,
  workStatistics,
  type Mark,
  type ResultRow,
  type WorkDefinition,
} from "../../src/core";

// 20 one-point items; «3» from 6, «4» from 10, «5» from 15 (the grade-4 maths scale).
const work: WorkDefinition = {
  id: "T20",
  subject: "Математика",
  grade: 4,
  year: "2026",
  source: "тест",
  items: Array.from({ length: 20 }, (_, i) => ({ label: String(i + 1), max: 1, part: 1 as const, level: i < 14 ? ("Б" as const) : ("П" as const) })),
  scale: { min3: 6, min4: 10, min5: 15 },
};

let code = 40000;
/** A student with `total` points: the first `total` items solved, or the items in `solved`. */
function student(className: string, total: number, journal: Mark | null = null, solved?: number[]): ResultRow {
  const scores = work.items.map((_, i) => (solved ? (solved.includes(i) ? 1 : 0) : i < total ? 1 : 0));
  return resultRow(work, className, ++code, { variants: [1], scores }, journal);
}
/** A class from counts per total: { 8: 3, 12: 5 } = three with 8 points, five with 12. */
function klass(className: string, counts: Record<number, number>, journal: (total: number, i: number) => Mark | null = () => null): ResultRow[] {
  return Object.entries(counts).flatMap(([t, n]) => Array.from({ length: n }, (_, i) => student(className, Number(t), journal(Number(t), i))));
}
const stats = (rows: ResultRow[], classes: string[]) => workStatistics(work, classes, rows, DEFAULT_THRESHOLDS);
const group = (w: ReturnType<typeof stats>, c: string | null) => w.groups.find((g) => g.class === c)!;

const markOf = (t: number): Mark => (t >= 15 ? 5 : t >= 10 ? 4 : t >= 6 ? 3 : 2);
/** A smooth, plausible class: totals spread from 4 to 18. */
const smooth = { 4: 1, 5: 1, 6: 2, 7: 2, 8: 3, 9: 3, 10: 3, 11: 3, 12: 2, 13: 2, 14: 1, 15: 1, 16: 1, 17: 1, 18: 1 };

describe("journal-mismatch", () => {
  test("a class where 60 % did not confirm their journal mark is flagged, with the numbers", () => {
    // 25 wrote: 15 with a journal mark one higher than the ВПР mark, 10 the same.
    const rows = klass("4А", { 8: 10, 12: 15 }, (t, i) => (t === 12 && i < 15 ? 5 : markOf(t)));
    const f = journalMismatch(stats(rows, ["4А"]), group(stats(rows, ["4А"]), "4А"), DEFAULT_OBJECTIVITY)!;
    expect(f).toMatchObject({ code: "journal-mismatch", class: "4А", small: false });
    expect(f.numbers).toMatchObject({ compared: 25, differ: 15, lower: 15, higher: 0, percent: 60, threshold: 50 });
    expect(f.message).toMatch(/60 % писавших \(15 из 25\) не подтвердили отметку по журналу/);
  });

  test("40 % is not flagged; 50 % exactly is not flagged (above the threshold only); a group of 9 never", () => {
    const at40 = klass("4А", { 8: 15, 12: 10 }, (t) => (t === 12 ? 5 : 3));
    expect(journalMismatch(stats(at40, ["4А"]), group(stats(at40, ["4А"]), "4А"), DEFAULT_OBJECTIVITY)).toBeNull();
    const at50 = klass("4А", { 8: 10, 12: 10 }, (t) => (t === 12 ? 5 : 3));
    expect(journalMismatch(stats(at50, ["4А"]), group(stats(at50, ["4А"]), "4А"), DEFAULT_OBJECTIVITY)).toBeNull();
    const nine = klass("4А", { 12: 9 }, () => 2);
    expect(journalMismatch(stats(nine, ["4А"]), group(stats(nine, ["4А"]), "4А"), DEFAULT_OBJECTIVITY)).toBeNull();
  });

  test("a group of 10–19 is flagged as small; the threshold is a setting", () => {
    const rows = klass("4А", { 12: 12 }, () => 3);
    const w = stats(rows, ["4А"]);
    expect(journalMismatch(w, group(w, "4А"), DEFAULT_OBJECTIVITY)?.small).toBe(true);
    expect(journalMismatch(w, group(w, "4А"), { journalMismatchPercent: 100 })).toBeNull();
  });
});

describe("boundary-peak", () => {
  test("a planted peak at the «3» boundary: many with 6–7 points, few with 4–5", () => {
    const rows = klass("4А", { 2: 2, 3: 2, 4: 1, 5: 0, 6: 9, 7: 5, 8: 2, 9: 2, 10: 2, 11: 1, 12: 1 });
    const w = stats(rows, ["4А"]);
    const flags = boundaryPeaks(w, group(w, "4А"));
    expect(flags.map((f) => f.numbers.boundary)).toEqual([6]);
    expect(flags[0].numbers).toMatchObject({ mark: 3, atOrAbove: 14, justBelow: 1 });
    expect(flags[0].message).toMatch(/у границы отметки «3» \(6 баллов\) 14 работ набрали 6–7 балла, а 4–5 — только 1/);
  });

  test("a chance bump (6 at the «4» boundary against 2 just below, binomial p ≈ 0.14) is not flagged", () => {
    const rows = klass("4А", { 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 1, 9: 1, 10: 3, 11: 3, 12: 1, 13: 2, 14: 1, 15: 2, 16: 1, 17: 1 });
    const w = stats(rows, ["4А"]);
    expect(boundaryPeaks(w, group(w, "4А")).filter((f) => f.numbers.boundary === 10)).toEqual([]);
  });

  test("a smooth distribution is not flagged at any boundary", () => {
    const rows = klass("4А", smooth);
    const w = stats(rows, ["4А"]);
    expect(boundaryPeaks(w, group(w, "4А"))).toEqual([]);
  });

  test("a peak in the middle of a mark (not at a boundary) is not flagged; a work without scale is not tested", () => {
    const rows = klass("4А", { 6: 1, 7: 1, 8: 2, 11: 1, 12: 12, 13: 2, 14: 1, 16: 1, 18: 1 });
    const w = stats(rows, ["4А"]);
    expect(boundaryPeaks(w, group(w, "4А"))).toEqual([]);
    const peak = klass("4А", { 4: 1, 6: 9, 7: 5, 9: 2, 10: 2 });
    const noScale = workStatistics({ ...work, scale: undefined }, ["4А"], peak.map((r) => ({ ...r, mark: null })), DEFAULT_THRESHOLDS);
    expect(boundaryPeaks(noScale, group(noScale, "4А"))).toEqual([]);
  });
});

describe("high-results", () => {
  // 4А: nearly all «5»; 4Б and 4В: ordinary.
  const rows = [...klass("4А", { 15: 6, 16: 6, 17: 6, 12: 4 }), ...klass("4Б", smooth), ...klass("4В", smooth)];
  const w = stats(rows, ["4А", "4Б", "4В"]);

  test("a class far above the school's other classes is flagged; the others are not", () => {
    const a = highResults(w, group(w, "4А"), null);
    expect(a).toHaveLength(1);
    expect(a[0].numbers).toMatchObject({ against: "school", share5: 81.8 });
    expect(a[0].message).toMatch(/«5» у 81,8 % писавших против/);
    expect(highResults(w, group(w, "4Б"), null)).toEqual([]);
  });

  test("against the region typed on «Сравнение»: far above the region is flagged; near it (21.8 points more «5», 0.36 of a mark), not", () => {
    const region = { workId: "T20", region: { marks: { "2": 10, "3": 40, "4": 35, "5": 15 }, items: null }, russia: null };
    expect(highResults(w, group(w, "4А"), region).map((f) => f.numbers.against)).toEqual(["school", "region"]);
    expect(highResults(w, group(w, null), region)).toEqual([]); // the grade: 34 % «5», 19 points above
    const close = { ...region, region: { marks: { "2": 2, "3": 10, "4": 28, "5": 60 }, items: null } };
    expect(highResults(w, group(w, "4А"), close).map((f) => f.numbers.against)).toEqual(["school"]);
  });
});

describe("item-anomaly", () => {
  test("advanced items done better than basic ones", () => {
    // Everyone solves items 15–20 (advanced) and few basic ones.
    const rows = Array.from({ length: 12 }, (_, i) => student("4А", 0, null, [14, 15, 16, 17, 18, 19, i % 14]));
    const w = stats(rows, ["4А"]);
    const f = itemAnomalies(w, group(w, "4А"));
    expect(f.map((x) => x.numbers.advancedCompletion)).toEqual([100]);
  });

  test("one class far above the others on one item while its overall result is not", () => {
    // 4А solves item 20 always (others never), and otherwise the same as 4Б/4В.
    const solved = (n: number) => Array.from({ length: n }, (_, i) => i);
    const a = Array.from({ length: 12 }, (_, i) => student("4А", 0, null, [...solved(6 + (i % 4)), 19]));
    const b = Array.from({ length: 24 }, (_, i) => student(i < 12 ? "4Б" : "4В", 0, null, solved(7 + (i % 4))));
    const w = stats([...a, ...b], ["4А", "4Б", "4В"]);
    const f = itemAnomalies(w, group(w, "4А")).filter((x) => x.numbers.items !== undefined);
    expect(f).toHaveLength(1);
    expect(f[0].numbers.items).toBe("20");
    expect(f[0].message).toMatch(/задание 20 \(100 % против 0 % в остальных классах\)/);
    expect(itemAnomalies(w, group(w, "4Б")).filter((x) => x.numbers.items !== undefined)).toEqual([]);
  });

  test("80 % against 50 % in classes of 24 is within chance (z ≈ 2.2): not flagged", () => {
    const solved = (n: number) => Array.from({ length: n }, (_, i) => i);
    // Item 20: 4А 19 of 24 (79 %), 4Б 12 of 24 (50 %); otherwise alike.
    const a = Array.from({ length: 24 }, (_, i) => student("4А", 0, null, [...solved(7 + (i % 4)), ...(i < 19 ? [19] : [])]));
    const b = Array.from({ length: 24 }, (_, i) => student("4Б", 0, null, [...solved(8 + (i % 4)), ...(i < 12 ? [19] : [])]));
    const w = stats([...a, ...b], ["4А", "4Б"]);
    expect(itemAnomalies(w, group(w, "4А")).filter((x) => x.numbers.items !== undefined)).toEqual([]);
    expect(proportionZ(79.2, 24, 50, 24)).toBeCloseTo(2.16, 1);
  });
});

test("objectivityFlags: a plausible school has no sign; groups under 10 are never flagged", () => {
  const rows = [...klass("4А", smooth, (t) => markOf(t)), ...klass("4Б", smooth, (t) => markOf(t)), ...klass("4В", { 16: 5, 17: 4 }, () => 2)];
  const w = stats(rows, ["4А", "4Б", "4В"]);
  const flags = objectivityFlags(w, DEFAULT_OBJECTIVITY);
  expect(flags.filter((f) => f.class === "4А" || f.class === "4Б")).toEqual([]);
  expect(flags.filter((f) => f.class === "4В")).toEqual([]); // 9 wrote: never flagged
});

test("binomialTail: exact small cases", () => {
  expect(binomialTail(6, 8, 0.5)).toBeCloseTo(37 / 256, 10);
  expect(binomialTail(14, 15, 0.5)).toBeCloseTo(16 / 32768, 10);
  expect(binomialTail(0, 5, 0.3)).toBe(1);
  expect(binomialTail(6, 5, 0.3)).toBe(0);
});
