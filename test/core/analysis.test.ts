// The analysis figures against cases computed by hand.
import { DEFAULT_THRESHOLDS, groupStatistics, parseLevel, resultRow, thresholdProblem, thresholdValue, workStatistics, type ResultRow, type WorkDefinition } from "../../src/core";

// 4 items, maximum 6; scale: «3» from 2, «4» from 4, «5» from 6.
const work: WorkDefinition = {
  id: "T4",
  subject: "Тест",
  grade: 4,
  year: "2026",
  source: "тест",
  items: [
    { label: "1", max: 1, part: 1, level: "Б" },
    { label: "2", max: 1, part: 1, level: "Б" },
    { label: "3", max: 2, part: 1, level: "П" },
    { label: "4", max: 2, part: 1 },
  ],
  scale: { min3: 2, min4: 4, min5: 6 },
};
const row = (className: string, code: number, variant: unknown, scores: unknown[], journal: 2 | 3 | 4 | 5 | null = null): ResultRow =>
  resultRow(work, className, code, { variants: [variant], scores }, journal);

describe("resultRow", () => {
  test("X counts 0; absent, blank, invalid and partly absent rows carry no score", () => {
    expect(row("4А", 1, 1, [1, "X", 2, "х"])).toMatchObject({ status: "wrote", scores: [1, 0, 2, 0], total: 3, mark: 3 });
    expect(row("4А", 2, "отсутствовал", [null, null, null, null])).toMatchObject({ status: "absent", total: null, mark: null });
    expect(row("4А", 3, null, [null, null, null, null])).toMatchObject({ status: "notEntered" });
    expect(row("4А", 4, 1, [1, 1, 5, 0])).toMatchObject({ status: "invalid", total: null });
    const two: WorkDefinition = { ...work, items: [{ label: "1", max: 2, part: 1 }, { label: "2", max: 2, part: 2 }] };
    expect(resultRow(two, "4А", 5, { variants: [1, "отсутствовал"], scores: [2, null] }, null)).toMatchObject({ status: "partlyAbsent", total: null });
    expect(resultRow(two, "4А", 6, { variants: [1, 2], scores: [2, 1] }, null)).toMatchObject({ status: "wrote", total: 3 });
  });
});

describe("groupStatistics", () => {
  // Totals 6, 4, 3, 1, 0 → marks 5, 4, 3, 2, 2; one absent, one blank.
  const rows = [
    row("4А", 1, 1, [1, 1, 2, 2], 5), // 6 → «5», journal 5: same
    row("4А", 2, 2, [1, 1, 2, 0], 5), // 4 → «4», journal 5: lower
    row("4А", 3, 1, [1, 0, 0, 2], 2), // 3 → «3», journal 2: higher
    row("4А", 4, 2, [1, "X", 0, 0], 4), // 1 → «2», journal 4: lower by 2
    row("4А", 5, 1, ["X", "X", "X", "X"]), // 0 → «2», no journal mark
    row("4А", 6, "отсутствовал", [null, null, null, null], 3),
    row("4А", 7, null, [null, null, null, null]),
  ];
  const g = groupStatistics(work, "4А", rows, DEFAULT_THRESHOLDS);

  test("counts of who wrote, who was absent, who is not entered", () => {
    expect(g).toMatchObject({ class: "4А", students: 7, wrote: 5, absent: 1, notEntered: 1, partlyAbsent: 0, invalid: 0, size: "small" });
  });

  test("mean 2.8, median 3, marks, успеваемость 60 %, качество 40 %, mean mark 3.2", () => {
    expect(g.meanScore).toBe(2.8);
    expect(g.medianScore).toBe(3);
    expect(g.marks).toEqual({ "2": 2, "3": 1, "4": 1, "5": 1 });
    expect(g.marksPercent).toEqual({ "2": 40, "3": 20, "4": 20, "5": 20 });
    expect(g.successRate).toBe(60);
    expect(g.qualityRate).toBe(40);
    expect(g.meanMark).toBe(3.2);
  });

  test("the distribution has every score from 0 to the maximum", () => {
    expect(g.histogram).toEqual({ "0": 1, "1": 1, "2": 0, "3": 1, "4": 1, "5": 0, "6": 1 });
  });

  test("item completion = sum / (wrote × max): item 1 80 %, item 2 40 % (below basic 60), item 3 40 % (advanced 30: fine), item 4 40 % (no level)", () => {
    expect(g.items.map((i) => [i.label, i.completion, i.level, i.threshold, i.belowThreshold])).toEqual([
      ["1", 80, "Б", 60, false],
      ["2", 40, "Б", 60, true],
      ["3", 40, "П", 30, false],
      ["4", 40, null, null, false],
    ]);
  });

  test("journal comparison among those with both marks: 2 lower, 1 same, 1 higher, 1 missing", () => {
    expect(g.journal).toEqual({ lower: 2, same: 1, higher: 1, missing: 1, lowerPercent: 50, samePercent: 25, higherPercent: 25, twoOrMore: 1 });
  });

  test("the median of an even count is the mean of the two middle scores", () => {
    const even = groupStatistics(work, null, rows.slice(0, 4), DEFAULT_THRESHOLDS);
    expect(even.medianScore).toBe(3.5);
  });

  test("a work without a scale gives scores and items, no marks and no journal comparison", () => {
    const noScale = { ...work, scale: undefined };
    const r = groupStatistics(noScale, "4А", [resultRow(noScale, "4А", 1, { variants: [1], scores: [1, 1, 2, 2] }, 5)], DEFAULT_THRESHOLDS);
    expect(r).toMatchObject({ wrote: 1, meanScore: 6, marks: null, marksPercent: null, successRate: null, qualityRate: null, meanMark: null, journal: null });
    expect(r.items[0].completion).toBe(100);
  });

  test("a one-student class; a class where nobody wrote", () => {
    const one = groupStatistics(work, "4В", [row("4В", 9, 1, [1, 0, 1, 0], 3)], DEFAULT_THRESHOLDS);
    expect(one).toMatchObject({ wrote: 1, meanScore: 2, medianScore: 2, successRate: 100, qualityRate: 0, meanMark: 3, size: "small" });
    const none = groupStatistics(work, "4Г", [row("4Г", 10, "отсутствовал", [null, null, null, null])], DEFAULT_THRESHOLDS);
    expect(none).toMatchObject({ wrote: 0, absent: 1, meanScore: null, medianScore: null, successRate: null, meanMark: null });
    expect(none.items[0].completion).toBeNull();
    expect(none.journal).toMatchObject({ lowerPercent: null });
  });

  test("group sizes: under 10 small, under 20 rough", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => row("4А", i + 1, 1, [1, 1, 1, 1]));
    expect(groupStatistics(work, null, many(9), DEFAULT_THRESHOLDS).size).toBe("small");
    expect(groupStatistics(work, null, many(10), DEFAULT_THRESHOLDS).size).toBe("rough");
    expect(groupStatistics(work, null, many(19), DEFAULT_THRESHOLDS).size).toBe("rough");
    expect(groupStatistics(work, null, many(20), DEFAULT_THRESHOLDS).size).toBe("ok");
  });

  test("percentages have one decimal, means two", () => {
    const rows3 = [row("4А", 1, 1, [1, 0, 0, 0]), row("4А", 2, 1, [1, 0, 0, 0]), row("4А", 3, 1, [0, 0, 0, 0])];
    const r = groupStatistics(work, null, rows3, DEFAULT_THRESHOLDS);
    expect(r.items[0].completion).toBe(66.7);
    expect(r.meanScore).toBe(0.67);
    expect(r.successRate).toBe(0);
  });
});

describe("workStatistics", () => {
  test("a group per class in the order given (a class with nobody too), then the grade", () => {
    const rows = [row("4Б", 1, 1, [1, 1, 2, 2]), row("4А", 2, 1, [0, 0, 0, 0])];
    const w = workStatistics(work, ["4А", "4Б", "4В"], rows, DEFAULT_THRESHOLDS);
    expect(w).toMatchObject({ workId: "T4", subject: "Тест", grade: 4, maxTotal: 6, scale: [2, 4, 6] });
    expect(w.groups.map((g) => [g.class, g.students, g.meanScore])).toEqual([
      ["4А", 1, 0],
      ["4Б", 1, 6],
      ["4В", 0, null],
      [null, 2, 3],
    ]);
  });
});

describe("thresholds and levels", () => {
  test("levels as typed", () => {
    expect(["Б", "б", "базовый", "П", "повышенный", "В", "высокий", "", "?"].map(parseLevel)).toEqual(["Б", "Б", "Б", "П", "П", "В", "В", null, null]);
  });
  test("thresholds: empty is the default, per cents 1–100 (with %, comma), others refused in Russian", () => {
    expect(thresholdProblem("")).toBeNull();
    expect(thresholdValue("", 60)).toBe(60);
    expect(thresholdValue("55,5 %", 60)).toBe(55.5);
    expect(thresholdValue(70, 60)).toBe(70);
    expect(thresholdProblem("сто")).toMatch(/порог выполнения «сто» не подходит/);
    expect(thresholdValue(150, 60)).toBe(60);
  });
});
