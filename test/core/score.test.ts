import fc from "fast-check";
import { ABSENT, isAbsentText, parseScore, X_SPELLINGS } from "../../src/core";

const KINDS = ["empty", "x", "absent", "score", "invalid"];

describe("parseScore", () => {
  it("reads whole numbers as scores without a note", () => {
    expect(parseScore(0)).toEqual({ kind: "score", value: 0 });
    expect(parseScore(3)).toEqual({ kind: "score", value: 3 });
    expect(parseScore(2.0)).toEqual({ kind: "score", value: 2 });
  });

  it("reads X in all four spellings (Latin and Cyrillic, both cases), with spaces around", () => {
    expect(X_SPELLINGS).toEqual(["X", "x", "Х", "х"]);
    for (const s of ["X", "x", "Х", "х", " X ", "\u00a0Х\u00a0"]) expect(parseScore(s)).toEqual({ kind: "x" });
  });

  it("treats null, undefined, empty and whitespace text as empty", () => {
    for (const v of [null, undefined, "", "   ", "\u00a0", "\t"]) expect(parseScore(v)).toEqual({ kind: "empty" });
  });

  it("reads «отсутствовал» in any case and spacing", () => {
    for (const s of [ABSENT, "Отсутствовал", " ОТСУТСТВОВАЛ "]) expect(parseScore(s)).toEqual({ kind: "absent" });
    expect(isAbsentText("отсутствовал")).toBe(true);
    expect(isAbsentText("отсутствовала")).toBe(false);
    expect(isAbsentText(0)).toBe(false);
  });

  it("accepts a number typed as text, with a note", () => {
    expect(parseScore("3")).toEqual({ kind: "score", value: 3, note: "число «3» записано как текст" });
    expect(parseScore(" 2 ")).toMatchObject({ kind: "score", value: 2 });
  });

  it("accepts 2,0 and 2.0 as 2, with a note", () => {
    expect(parseScore("2,0")).toEqual({ kind: "score", value: 2, note: "«2,0» принято как 2" });
    expect(parseScore("2.0")).toEqual({ kind: "score", value: 2, note: "«2.0» принято как 2" });
    expect(parseScore("0,00")).toMatchObject({ kind: "score", value: 0 });
  });

  it("rejects fractions, as numbers and as text", () => {
    expect(parseScore(1.5)).toEqual({ kind: "invalid", code: "score.fraction", message: "дробный балл 1,5: баллы ставятся только целыми числами" });
    expect(parseScore("1,5")).toMatchObject({ kind: "invalid", code: "score.fraction", message: expect.stringContaining("дробный балл 1,5") });
    expect(parseScore("1.5")).toMatchObject({ kind: "invalid", code: "score.fraction" });
    expect(parseScore("2,05")).toMatchObject({ kind: "invalid", code: "score.fraction" });
  });

  it("rejects negatives, as numbers and as text", () => {
    expect(parseScore(-1)).toEqual({ kind: "invalid", code: "score.negative", message: "отрицательный балл -1" });
    expect(parseScore("-2")).toMatchObject({ kind: "invalid", code: "score.negative" });
    expect(parseScore("-1,0")).toMatchObject({ kind: "invalid", code: "score.negative" });
    expect(parseScore(-0.5)).toMatchObject({ kind: "invalid" });
  });

  it("rejects characters that only look like X", () => {
    for (const s of ["Ч", "ч", "×", "✕", "X\u0304", "Х\u0304", "х\u0301"]) {
      expect(parseScore(s)).toMatchObject({ kind: "invalid", code: "score.lookalike-x", message: expect.stringContaining("похоже на X") });
    }
  });

  it("rejects booleans", () => {
    expect(parseScore(true)).toEqual({ kind: "invalid", code: "score.bool", message: "значение ИСТИНА не является баллом" });
    expect(parseScore(false)).toMatchObject({ kind: "invalid", code: "score.bool", message: expect.stringContaining("ЛОЖЬ") });
  });

  it("rejects other text and non-finite numbers", () => {
    for (const v of ["abc", "XX", "1 2", "два", "1e3", "+1", "5б"]) expect(parseScore(v)).toMatchObject({ kind: "invalid", code: "score.text" });
    for (const v of [NaN, Infinity, -Infinity]) expect(parseScore(v).kind).toBe("invalid");
    expect(parseScore({})).toMatchObject({ kind: "invalid", code: "score.text" });
  });

  it("property: every whole n ≥ 0 reads as score n, as a number and as text", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(parseScore(n)).toEqual({ kind: "score", value: n });
        expect(parseScore(String(n))).toMatchObject({ kind: "score", value: n });
      }),
    );
  });

  it("property: any string or value never throws and gives one of the kinds", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.anything({ withNullPrototype: true, withBoxedValues: true }), fc.constant({ toString: false })), (v) => {
        const r = parseScore(v);
        expect(KINDS).toContain(r.kind);
        if (r.kind === "score") expect(Number.isInteger(r.value) && r.value >= 0).toBe(true);
        if (r.kind === "invalid") expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
