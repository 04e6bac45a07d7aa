// The re-check sample's draw (src/core/recheck/draw.ts): sizes at the boundaries, stratification,
// whole classes, weighting over many seeds, reproducibility.
import { FLAG_WEIGHT, allocate, drawSample, sampleQuota, seededRandom, type PopulationWork, type SampleRule } from "../../src/core";

const rule = (r: Partial<SampleRule>): SampleRule => ({ percent: null, min: null, by: "works", weighted: false, ...r });

/** `sizes`: school → class → number of works, for one subject × grade. */
function population(sizes: Record<string, Record<string, number>>, subject = "Математика", grade = 4, flagged: string[] = []): PopulationWork[] {
  let code = 40001;
  return Object.entries(sizes).flatMap(([school, classes]) =>
    Object.entries(classes).flatMap(([cls, n]) => Array.from({ length: n }, () => ({ school, workId: `${subject} ${grade}`, subject, grade, class: cls, code: code++, variant: 1 + (code % 2), flagged: flagged.includes(`${school} ${cls}`) }))),
  );
}

const count = <T>(items: readonly T[], key: (t: T) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
};

describe("sizes", () => {
  test("P % is rounded up, N larger than the group gives all, P and N together the larger, per subject × grade", () => {
    expect(sampleQuota(300, rule({ percent: 1 }))).toBe(3);
    expect(sampleQuota(301, rule({ percent: 1 }))).toBe(4);
    expect(sampleQuota(1, rule({ percent: 1 }))).toBe(1);
    expect(sampleQuota(30, rule({ percent: 10 }))).toBe(3);
    expect(sampleQuota(100, rule({ min: 150 }))).toBe(100);
    expect(sampleQuota(1000, rule({ percent: 10, min: 150 }))).toBe(150);
    expect(sampleQuota(3000, rule({ percent: 10, min: 150 }))).toBe(300);
    expect(sampleQuota(0, rule({ percent: 10, min: 150 }))).toBe(0);
  });

  test("each subject × grade gets its own quota; the total is at least P % of all works", () => {
    const pop = [...population({ "780001": { "4А": 101 } }), ...population({ "780001": { "5А": 49 } }, "Русский язык", 5)];
    const r = drawSample(pop, rule({ percent: 5, min: 4 }), 1);
    expect(r.groups.map((g) => [g.grade, g.subject, g.works, g.quota, g.drawn])).toEqual([
      [4, "Математика", 101, 6, 6],
      [5, "Русский язык", 49, 4, 4],
    ]);
    expect(r.sample.length).toBeGreaterThanOrEqual(Math.ceil(0.05 * pop.length));
  });

  test("an empty population gives an empty sample with the seed recorded; a rule without thresholds is refused", () => {
    expect(drawSample([], rule({ percent: 1 }), 42)).toEqual({ seed: 42, rule: rule({ percent: 1 }), sample: [], groups: [] });
    expect(() => drawSample([], rule({}), 1)).toThrow(/хотя бы один порог/);
    expect(() => drawSample([], rule({ percent: 0 }), 1)).toThrow(/больше 0/);
    expect(() => drawSample([], rule({ min: 1 }), -1)).toThrow(/зерно/);
  });
});

describe("by works: stratified across schools and classes", () => {
  const sizes = { "780001": { "4А": 30, "4Б": 10 }, "780002": { "4А": 20 }, "780003": { "4А": 25, "4Б": 15 } };
  const pop = population(sizes);

  test("every school and class gets its proportional share rounded down or up", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = drawSample(pop, rule({ min: 20 }), seed);
      expect(r.sample).toHaveLength(20);
      const bySchool = count(r.sample, (e) => e.school);
      // 780001: 40 of 100 → 8, 780002: 20 → 4, 780003: 40 → 8
      expect(Object.fromEntries(bySchool)).toEqual({ "780001": 8, "780002": 4, "780003": 8 });
      const byClass = count(r.sample, (e) => `${e.school} ${e.class}`);
      for (const [school, classes] of Object.entries(sizes)) {
        const schoolSize = Object.values(classes).reduce((a, b) => a + b, 0);
        for (const [cls, n] of Object.entries(classes)) {
          const share = (bySchool.get(school)! * n) / schoolSize;
          const got = byClass.get(`${school} ${cls}`) ?? 0;
          expect(got).toBeGreaterThanOrEqual(Math.floor(share));
          expect(got).toBeLessThanOrEqual(Math.ceil(share));
        }
      }
      expect(r.groups[0]).toMatchObject({ schools: 3, classes: 5, drawnSchools: 3, drawnClasses: 5 });
    }
  });

  test("largest remainders: shares of a third go to different units on different seeds, never two to one", () => {
    const even = population({ A: { "4А": 10 }, B: { "4А": 10 }, C: { "4А": 10 } });
    const picked = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const r = drawSample(even, rule({ min: 2 }), seed);
      const bySchool = count(r.sample, (e) => e.school);
      expect([...bySchool.values()]).toEqual([1, 1]);
      picked.add([...bySchool.keys()].sort().join());
    }
    expect(picked.size).toBe(3);
  });

  test("allocate: capped units get their cap and the rest is shared again", () => {
    expect(allocate(10, [2, 50, 50], [30, 50, 50], seededRandom(1))).toEqual([2, 4, 4]);
    expect(allocate(100, [2, 3], [1, 1], seededRandom(1))).toEqual([2, 3]);
    expect(allocate(0, [5, 5], [1, 1], seededRandom(1))).toEqual([0, 0]);
  });
});

describe("by classes", () => {
  test("whole classes are drawn until the quota is met", () => {
    const pop = population({ "780001": { "4А": 25, "4Б": 24 }, "780002": { "4А": 22, "4Б": 20, "4В": 18 } });
    for (const seed of [1, 2, 3]) {
      const r = drawSample(pop, rule({ min: 30, by: "classes" }), seed);
      const byClass = count(r.sample, (e) => `${e.school} ${e.class}`);
      expect(r.sample.length).toBeGreaterThanOrEqual(30);
      for (const [k, n] of byClass) expect(n).toBe(pop.filter((w) => `${w.school} ${w.class}` === k).length);
      // The last class tipped it over the quota: without it the quota was not met.
      expect(byClass.size).toBe(2);
    }
  });

  test("a quota above the population takes every class", () => {
    const pop = population({ "780001": { "4А": 5, "4Б": 4 } });
    expect(drawSample(pop, rule({ min: 150, by: "classes" }), 3).sample).toHaveLength(9);
  });
});

describe("weighting", () => {
  // Two equal classes in each of four schools; two classes flagged. Over 200 fixed seeds a flagged
  // work is drawn about FLAG_WEIGHT times as often as another (by works), a flagged class clearly more often (by classes).
  const pop = population({ A: { "4А": 20, "4Б": 20 }, B: { "4А": 20, "4Б": 20 }, C: { "4А": 20 }, D: { "4А": 20 } }, "Математика", 4, ["A 4А", "C 4А"]);
  const seeds = Array.from({ length: 200 }, (_, i) => 1000 + i * 7919);
  const rates = (r: SampleRule) => {
    let flagged = 0;
    let other = 0;
    for (const seed of seeds) {
      for (const e of drawSample(pop, r, seed).sample) {
        if ((e.school === "A" || e.school === "C") && e.class === "4А") flagged++;
        else other++;
      }
    }
    // per work: 40 flagged works, 80 others
    return { flagged: flagged / 40, other: other / 80 };
  };

  test("by works: a flagged work about three times as likely", () => {
    const { flagged, other } = rates(rule({ min: 10, weighted: true }));
    expect(flagged / other).toBeGreaterThan(FLAG_WEIGHT * 0.8);
    expect(flagged / other).toBeLessThan(FLAG_WEIGHT * 1.2);
    // A quota whose shares are fractions: the remainders fall at random, the flagged still far ahead.
    const small = rates(rule({ min: 5, weighted: true }));
    expect(small.flagged / small.other).toBeGreaterThan(2);
    const plain = rates(rule({ min: 12 }));
    expect(plain.flagged / plain.other).toBeCloseTo(1, 1);
  });

  test("by classes: flagged classes drawn far more often, and not only they", () => {
    const { flagged, other } = rates(rule({ min: 20, by: "classes", weighted: true }));
    expect(flagged / other).toBeGreaterThan(2);
    expect(other).toBeGreaterThan(0);
  });

  test("without --weight the flags change nothing", () => {
    const plain = pop.map((w) => ({ ...w, flagged: false }));
    expect(drawSample(pop, rule({ min: 12 }), 5)).toEqual(drawSample(plain, rule({ min: 12 }), 5));
  });
});

describe("reproducibility", () => {
  const pop = [...population({ "780001": { "4А": 25, "4Б": 24 }, "780002": { "4А": 30 } }), ...population({ "780001": { "8А": 20 } }, "Физика", 8)];

  test("the same population and seed give the same sample in a stable order, whatever the input order", () => {
    const a = drawSample(pop, rule({ percent: 10, min: 5 }), 2026);
    const b = drawSample(pop.slice().reverse(), rule({ percent: 10, min: 5 }), 2026);
    expect(b).toEqual(a);
    const keys = a.sample.map((e) => `${e.grade}|${e.subject}|${e.school}|${e.class}|${String(e.code).padStart(6, "0")}`);
    expect(keys).toEqual(keys.slice().sort());
    expect(a.seed).toBe(2026);
  });

  test("a different seed gives a different sample", () => {
    const a = drawSample(pop, rule({ min: 10 }), 1).sample.map((e) => e.code);
    const b = drawSample(pop, rule({ min: 10 }), 2).sample.map((e) => e.code);
    expect(b).not.toEqual(a);
  });

  test("adding another subject × grade leaves the other's sample as it was", () => {
    const four = pop.filter((w) => w.grade === 4);
    const a = drawSample(four, rule({ min: 10 }), 9).sample;
    const b = drawSample(pop, rule({ min: 10 }), 9).sample.filter((e) => e.grade === 4);
    expect(b).toEqual(a);
  });

  test("the output carries no flag and only the documented fields", () => {
    const r = drawSample(population({ X: { "4А": 3 } }, "Математика", 4, ["X 4А"]), rule({ min: 1, weighted: true }), 1);
    expect(Object.keys(r.sample[0]).sort()).toEqual(["class", "code", "grade", "school", "subject", "variant", "workId"]);
  });
});
