import fc from "fast-check";
import { assignCodes, codeRangeForGrade, generatedPool, readCode, seededRandom, type CodeRequest } from "../../src/core";

const student = (key: string, grade = 4, code: number | null = null): CodeRequest => ({ key, grade, code });
const roster = (n: number, grade = 4): CodeRequest[] => Array.from({ length: n }, (_, i) => student(`r${i + 2}`, grade));

/** Every code in the roster after applying an assignment. */
const allCodes = (students: readonly CodeRequest[], assigned: Map<string, number>): number[] =>
  students.map((s) => s.code ?? assigned.get(s.key)).filter((c): c is number => c !== undefined);

describe("generatedPool and the code range", () => {
  it("grade 4 gives 40001..41500", () => {
    const pool = generatedPool(4);
    expect(pool).toHaveLength(1500);
    expect(pool[0]).toBe(40001);
    expect(pool[1499]).toBe(41500);
    expect(new Set(pool).size).toBe(1500);
    expect(pool.every((c, i) => c === 40001 + i)).toBe(true);
    expect(codeRangeForGrade(4)).toEqual([40001, 41500]);
    expect(generatedPool(5, 20)).toEqual(Array.from({ length: 20 }, (_, i) => 50001 + i));
    expect(codeRangeForGrade(11)).toEqual([110001, 111500]);
  });

  it("rejects a bad grade", () => {
    for (const g of [0, 12, 4.5, NaN]) expect(() => generatedPool(g)).toThrow(RangeError);
  });
});

describe("readCode", () => {
  it("reads whole positive numbers and digits as text", () => {
    expect(readCode(40001)).toBe(40001);
    expect(readCode(" 40001 ")).toBe(40001);
  });

  it("returns null for anything else", () => {
    for (const v of [null, undefined, "", 0, -5, 1.5, "abc", "4000 1", "0", true]) expect(readCode(v)).toBeNull();
  });
});

describe("assignCodes", () => {
  it("gives every student without a code a code from the grade's pool", () => {
    const students = [...roster(20, 4), ...roster(5, 5).map((s) => ({ ...s, key: `g5-${s.key}` }))];
    const { assigned, unassigned } = assignCodes(students, seededRandom(1));
    expect(unassigned).toEqual([]);
    expect(assigned.size).toBe(25);
    for (const s of students) {
      const c = assigned.get(s.key)!;
      const [lo, hi] = codeRangeForGrade(s.grade);
      expect(c).toBeGreaterThanOrEqual(lo);
      expect(c).toBeLessThanOrEqual(hi);
    }
    expect(new Set(assigned.values()).size).toBe(25);
  });

  it("keeps existing codes and gives new students unused codes", () => {
    const students = [student("a", 4, 40001), student("b", 4, 40002), student("c"), student("d")];
    const { assigned, unassigned } = assignCodes(students, seededRandom(7));
    expect(assigned.has("a")).toBe(false);
    expect(assigned.has("b")).toBe(false);
    expect([...assigned.keys()].sort()).toEqual(["c", "d"]);
    expect(unassigned).toEqual([]);
    for (const c of assigned.values()) expect([40001, 40002]).not.toContain(c);
    expect(new Set(allCodes(students, assigned)).size).toBe(4);
  });

  it("is stable on re-run: nothing new when everyone has a code", () => {
    const students = roster(30);
    const first = assignCodes(students, seededRandom(3));
    const coded = students.map((s) => ({ ...s, code: first.assigned.get(s.key)! }));
    const second = assignCodes(coded, seededRandom(99));
    expect(second.assigned.size).toBe(0);
    expect(second.unassigned).toEqual([]);
  });

  it("a late student gets a code nobody has", () => {
    const students = roster(30);
    const first = assignCodes(students, seededRandom(3));
    const coded = [...students.map((s) => ({ ...s, code: first.assigned.get(s.key)! })), student("late")];
    const second = assignCodes(coded, seededRandom(3));
    expect([...second.assigned.keys()]).toEqual(["late"]);
    expect([...first.assigned.values()]).not.toContain(second.assigned.get("late"));
  });

  it("uses the imported pool when given, skipping codes already in use", () => {
    const pool = [71001, 71002, 71003, 71004, 71005];
    const students = [student("a", 4, 71003), student("b"), student("c", 6), student("d", 8)];
    const { assigned, unassigned } = assignCodes(students, seededRandom(5), pool);
    expect(unassigned).toEqual([]);
    expect(assigned.size).toBe(3);
    for (const c of assigned.values()) {
      expect(pool).toContain(c);
      expect(c).not.toBe(71003);
    }
    expect(new Set(assigned.values()).size).toBe(3);
  });

  it("an empty imported pool falls back to the generated one", () => {
    const { assigned } = assignCodes([student("a", 6)], seededRandom(5), []);
    expect(assigned.get("a")).toBeGreaterThanOrEqual(60001);
    expect(assigned.get("a")).toBeLessThanOrEqual(61500);
  });

  it("a pool with duplicates never hands out the same code twice", () => {
    const { assigned, unassigned } = assignCodes(roster(3), seededRandom(2), [9001, 9001, 9001, 9002]);
    expect(new Set(assigned.values())).toEqual(new Set([9001, 9002]));
    expect(unassigned).toHaveLength(1);
  });

  it("reports students left without a code when the pool is too small", () => {
    const students = roster(5);
    const { assigned, unassigned } = assignCodes(students, seededRandom(11), [1, 2, 3]);
    expect(assigned.size).toBe(3);
    expect(unassigned).toHaveLength(2);
    expect(new Set([...assigned.keys(), ...unassigned])).toEqual(new Set(students.map((s) => s.key)));
  });

  it("reports unassigned when a grade's generated pool runs out", () => {
    const { assigned, unassigned } = assignCodes(roster(1502), seededRandom(1));
    expect(assigned.size).toBe(1500);
    expect(unassigned).toHaveLength(2);
  });

  it("is not sequential in roster order", () => {
    const students = roster(20);
    const { assigned } = assignCodes(students, seededRandom(2026));
    const codes = students.map((s) => assigned.get(s.key)!);
    const sorted = codes.slice().sort((a, b) => a - b);
    expect(codes).not.toEqual(sorted);
    expect(codes).not.toEqual(Array.from({ length: 20 }, (_, i) => 40001 + i));
    // Drawn from the whole pool, not just its start.
    expect(Math.max(...codes)).toBeGreaterThan(40100);
  });

  it("is reproducible with the same seed and differs with another", () => {
    const students = roster(10);
    const a = assignCodes(students, seededRandom(1)).assigned;
    const b = assignCodes(students, seededRandom(1)).assigned;
    const c = assignCodes(students, seededRandom(2)).assigned;
    expect([...b]).toEqual([...a]);
    expect([...c]).not.toEqual([...a]);
  });
});

describe("assignCodes properties", () => {
  // A random roster: unique keys, grades 4–8, some students already coded (unique codes from their pool).
  const rosterArb = fc
    .array(fc.record({ grade: fc.integer({ min: 4, max: 8 }), coded: fc.boolean(), offset: fc.integer({ min: 1, max: 1500 }) }), { maxLength: 60 })
    .map((rows) => {
      const taken = new Set<number>();
      return rows.map((r, i): CodeRequest => {
        const code = r.grade * 10000 + r.offset;
        const keep = r.coded && !taken.has(code);
        if (keep) taken.add(code);
        return { key: `k${i}`, grade: r.grade, code: keep ? code : null };
      });
    });
  const poolArb = fc.option(fc.uniqueArray(fc.integer({ min: 40001, max: 40080 }), { maxLength: 70 }), { nil: undefined });

  it("no two students share a code; coded students keep theirs; new codes come from the pool", () => {
    fc.assert(
      fc.property(rosterArb, poolArb, fc.integer(), (students, pool, seed) => {
        const { assigned, unassigned } = assignCodes(students, seededRandom(seed), pool);
        const codes = allCodes(students, assigned);
        expect(new Set(codes).size).toBe(codes.length);
        for (const s of students) {
          if (s.code !== null) {
            expect(assigned.has(s.key)).toBe(false);
            expect(unassigned).not.toContain(s.key);
          } else {
            expect(assigned.has(s.key) !== unassigned.includes(s.key)).toBe(true);
            const c = assigned.get(s.key);
            if (c !== undefined) {
              if (pool && pool.length > 0) expect(pool).toContain(c);
              else expect(generatedPool(s.grade)).toContain(c);
            }
          }
        }
        if (!pool || pool.length === 0) expect(unassigned).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("re-running with the result as input assigns nothing new", () => {
    fc.assert(
      fc.property(rosterArb, poolArb, fc.integer(), fc.integer(), (students, pool, seed1, seed2) => {
        const first = assignCodes(students, seededRandom(seed1), pool);
        const after = students.map((s) => ({ ...s, code: s.code ?? first.assigned.get(s.key) ?? null }));
        const second = assignCodes(after, seededRandom(seed2), pool);
        expect(second.assigned.size).toBe(0);
        expect(second.unassigned.sort()).toEqual(first.unassigned.slice().sort());
      }),
      { numRuns: 300 },
    );
  });
});
