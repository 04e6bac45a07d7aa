import fc from "fast-check";
import { cryptoRandom, seededRandom, shuffled } from "../../src/core";

describe("cryptoRandom", () => {
  it("stays in [0, max) and hits every value of a small range", () => {
    const r = cryptoRandom();
    for (const max of [1, 2, 7, 1500, 2 ** 31 + 5]) {
      for (let i = 0; i < 200; i++) {
        const n = r.nextInt(max);
        expect(Number.isInteger(n) && n >= 0 && n < max).toBe(true);
      }
    }
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(r.nextInt(5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("rejects a bad bound", () => {
    const r = cryptoRandom();
    expect(() => r.nextInt(0)).toThrow(RangeError);
    expect(() => r.nextInt(2.5)).toThrow(RangeError);
  });

  it("property: any bound, value in range", () => {
    const r = cryptoRandom();
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 32 }), (max) => {
      const n = r.nextInt(max);
      return Number.isInteger(n) && n >= 0 && n < max;
    }));
  });
});

describe("seededRandom", () => {
  it("is deterministic per seed and in range", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 50 }, () => a.nextInt(1000));
    expect(Array.from({ length: 50 }, () => b.nextInt(1000))).toEqual(xs);
    expect(xs.every((n) => n >= 0 && n < 1000)).toBe(true);
    const c = seededRandom(43);
    expect(Array.from({ length: 50 }, () => c.nextInt(1000))).not.toEqual(xs);
  });
});

describe("shuffled", () => {
  it("returns a permutation in a new array", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const copy = items.slice();
        const s = shuffled(items, seededRandom(seed));
        expect(items).toEqual(copy);
        expect(s.slice().sort((x, y) => x - y)).toEqual(copy.sort((x, y) => x - y));
      }),
    );
  });

  it("actually reorders", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffled(items, seededRandom(1))).not.toEqual(items);
  });
});
