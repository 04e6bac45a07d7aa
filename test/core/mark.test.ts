import fc from "fast-check";
import { markFor, scaleFromMinima } from "../../src/core";

const scale = { min3: 10, min4: 16, min5: 21 };

describe("markFor", () => {
  it.each([
    [0, 2],
    [9, 2],
    [10, 3],
    [15, 3],
    [16, 4],
    [20, 4],
    [21, 5],
    [24, 5],
  ])("total %i → %i on 10/16/21", (total, mark) => {
    expect(markFor(total, scale)).toBe(mark);
  });

  it("property: the mark never falls as the total grows", () => {
    fc.assert(fc.property(fc.nat(40), fc.nat(40), (a, b) => (a <= b ? markFor(a, scale) <= markFor(b, scale) : true)));
  });
});

describe("scaleFromMinima", () => {
  it("reads three increasing whole numbers, also as text", () => {
    expect(scaleFromMinima([10, 16, 21])).toEqual(scale);
    expect(scaleFromMinima(["10", " 16 ", "21"])).toEqual(scale);
    expect(scaleFromMinima([0, 1, 2])).toEqual({ min3: 0, min4: 1, min5: 2 });
  });

  it.each([
    [[10, 16]],
    [[10, 16, 21, 24]],
    [[16, 10, 21]],
    [[10, 10, 21]],
    [[10, 16.5, 21]],
    [[-1, 16, 21]],
    [["", 16, 21]],
    [[null, 16, 21]],
    [["десять", 16, 21]],
    [[0, 0, 0]],
  ])("rejects %p", (values) => {
    expect(scaleFromMinima(values)).toBeNull();
  });
});
