import { allowedScoresText, checkRow, type RowIssue, type WorkDefinition } from "../../src/core";

// One-part work: a:2 b:1 c:3, max 6, marks 3/4/5 from 2/4/5.
const ONE: WorkDefinition = {
  id: "T1",
  subject: "Тест",
  grade: 5,
  year: "2026",
  source: "тест",
  items: [
    { label: "1", max: 2, part: 1 },
    { label: "2.1", max: 1, part: 1 },
    { label: "3", max: 3, part: 1 },
  ],
  scale: { min3: 2, min4: 4, min5: 5 },
};

// Two-part work: part 1 items 1, 2 (max 1 each), part 2 items 3, 4 (max 2 each).
const TWO: WorkDefinition = {
  id: "T2",
  subject: "Тест",
  grade: 5,
  year: "2026",
  source: "тест",
  items: [
    { label: "1", max: 1, part: 1 },
    { label: "2", max: 1, part: 1 },
    { label: "3", max: 2, part: 2 },
    { label: "4", max: 2, part: 2 },
  ],
  scale: { min3: 2, min4: 4, min5: 6 },
};

const codes = (issues: RowIssue[]) => issues.map((i) => i.code);
const errors = (issues: RowIssue[]) => issues.filter((i) => i.severity === "error");

describe("allowedScoresText", () => {
  it("says what a score cell accepts", () => {
    expect(allowedScoresText(3)).toBe("целое число от 0 до 3 или X");
  });
});

describe("checkRow, one-part work", () => {
  it("a complete row has a total and a mark", () => {
    expect(checkRow(ONE, { variants: [1], scores: [2, 1, 3] })).toEqual({ status: "present", total: 6, mark: 5, issues: [] });
    expect(checkRow(ONE, { variants: [2], scores: [1, 0, 0] })).toMatchObject({ total: 1, mark: 2, issues: [] });
    expect(checkRow(ONE, { variants: ["1"], scores: [2, 0, 1] })).toMatchObject({ total: 3, mark: 3, issues: [] });
  });

  it("X counts 0 in every spelling", () => {
    expect(checkRow(ONE, { variants: [1], scores: ["X", "х", 3] })).toEqual({ status: "present", total: 3, mark: 3, issues: [] });
    expect(checkRow(ONE, { variants: [1], scores: ["x", "Х", "X"] })).toMatchObject({ total: 0, mark: 2, issues: [] });
  });

  it("a score over the maximum is an error on that item; no mark", () => {
    const r = checkRow(ONE, { variants: [1], scores: [3, 1, 3] });
    expect(r.issues).toEqual([
      {
        severity: "error",
        code: "score.over-max",
        field: { kind: "item", index: 0 },
        message: "задание 1: балл 3 больше максимума 2; допустимо целое число от 0 до 2 или X",
      },
    ]);
    expect(r.total).toBe(4);
    expect(r.mark).toBeNull();
  });

  it("invalid cells are errors naming the item and what is allowed", () => {
    const r = checkRow(ONE, { variants: [1], scores: [1.5, "Ч", "отсутствовал"] });
    expect(codes(r.issues)).toEqual(["score.fraction", "score.lookalike-x", "score.absent-in-item"]);
    expect(r.issues[0].message).toBe("задание 1: дробный балл 1,5: баллы ставятся только целыми числами; допустимо целое число от 0 до 2 или X");
    expect(r.issues[1].field).toEqual({ kind: "item", index: 1 });
    expect(r.issues[2].message).toContain("задание 3: «отсутствовал» пишется в ячейку варианта");
    expect(r.mark).toBeNull();
  });

  it("a missing variant is an error; the total is still counted", () => {
    for (const v of [null, undefined, "", "  "]) {
      const r = checkRow(ONE, { variants: [v], scores: [1, 1, 1] });
      expect(r.issues).toEqual([
        { severity: "error", code: "variant.missing", field: { kind: "variant", part: 1 }, message: "не указан вариант: укажите 1 или 2 либо «отсутствовал»" },
      ]);
      expect(r).toMatchObject({ status: "present", total: 3, mark: null });
    }
  });

  it("a variant outside the allowed list is an error", () => {
    for (const v of [3, 0, "3", "один", 1.5]) {
      const r = checkRow(ONE, { variants: [v], scores: [1, 1, 1] });
      expect(codes(r.issues)).toEqual(["variant.invalid"]);
      expect(r.mark).toBeNull();
    }
    const custom = { ...ONE, variants: [1, 2, 3, 4] };
    expect(checkRow(custom, { variants: [3], scores: [1, 1, 1] }).issues).toEqual([]);
    expect(checkRow(custom, { variants: [5], scores: [1, 1, 1] }).issues[0].message).toContain("укажите 1 или 2 или 3 или 4");
  });

  it("an empty item of a present student is an error; no mark", () => {
    const r = checkRow(ONE, { variants: [1], scores: [1, null, ""] });
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([
      ["score.empty", { kind: "item", index: 1 }],
      ["score.empty", { kind: "item", index: 2 }],
    ]);
    expect(r.issues[0].message).toBe("задание 2.1: балл не проставлен; поставьте целое число от 0 до 1 или X");
    expect(r).toMatchObject({ status: "present", total: 1, mark: null });
  });

  it("an absent student: no total, no mark, no issues", () => {
    expect(checkRow(ONE, { variants: ["отсутствовал"], scores: [null, "", undefined] })).toEqual({ status: "absent", total: null, mark: null, issues: [] });
    expect(checkRow(ONE, { variants: [" Отсутствовал "], scores: [] }).status).toBe("absent");
  });

  it("an absent student with scores: an error per scored item", () => {
    const r = checkRow(ONE, { variants: ["отсутствовал"], scores: [1, null, "X"] });
    expect(r.status).toBe("absent");
    expect(r.issues.map((i) => [i.code, i.field.kind === "item" ? i.field.index : -1])).toEqual([
      ["absent.has-score", 0],
      ["absent.has-score", 2],
    ]);
    expect(r.issues[0].message).toBe("задание 1: у отсутствовавшего участника не должно быть баллов, а стоит «1»");
  });

  it("a blank row is one error, not one per cell", () => {
    const r = checkRow(ONE, { variants: [""], scores: [null, "", " "] });
    expect(r).toEqual({
      status: "blank",
      total: null,
      mark: null,
      issues: [{ severity: "error", code: "row.blank", field: { kind: "variant", part: 1 }, message: "строка не заполнена: укажите вариант и баллы или «отсутствовал»" }],
    });
  });

  it("lenient readings are warnings and do not block the mark", () => {
    const r = checkRow(ONE, { variants: [1], scores: ["2", "1,0", 3] });
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([
      ["warning", "score.lenient"],
      ["warning", "score.lenient"],
    ]);
    expect(r.issues[0].message).toBe("задание 1: число «2» записано как текст");
    expect(r).toMatchObject({ status: "present", total: 6, mark: 5 });
  });

  it("no mark when the work has no scale", () => {
    const noScale = { ...ONE, scale: undefined };
    expect(checkRow(noScale, { variants: [1], scores: [2, 1, 3] })).toEqual({ status: "present", total: 6, mark: null, issues: [] });
  });
});

describe("checkRow, two-part work", () => {
  it("a complete row has a total and a mark", () => {
    expect(checkRow(TWO, { variants: [1, 2], scores: [1, 1, 2, 2] })).toEqual({ status: "present", total: 6, mark: 5, issues: [] });
  });

  it("one part's variant missing is an error naming the part", () => {
    const r = checkRow(TWO, { variants: [1, null], scores: [1, 1, 1, 1] });
    expect(r.issues).toEqual([
      { severity: "error", code: "variant.missing", field: { kind: "variant", part: 2 }, message: "не указан вариант части 2: укажите 1 или 2 либо «отсутствовал»" },
    ]);
    expect(r.mark).toBeNull();
  });

  it("absent from one part: partly absent, the other part's total, no mark", () => {
    const r = checkRow(TWO, { variants: [1, "отсутствовал"], scores: [1, 1, null, null] });
    expect(r).toEqual({ status: "partly-absent", total: 2, mark: null, issues: [] });
    const r2 = checkRow(TWO, { variants: ["отсутствовал", 2], scores: [null, null, 2, "X"] });
    expect(r2).toEqual({ status: "partly-absent", total: 2, mark: null, issues: [] });
  });

  it("absent from one part with a score in it is an error", () => {
    const r = checkRow(TWO, { variants: [1, "отсутствовал"], scores: [1, 1, 2, null] });
    expect(codes(r.issues)).toEqual(["absent.has-score"]);
    expect(r.issues[0].field).toEqual({ kind: "item", index: 2 });
  });

  it("absent from both parts: absent", () => {
    expect(checkRow(TWO, { variants: ["отсутствовал", "отсутствовал"], scores: [] })).toEqual({ status: "absent", total: null, mark: null, issues: [] });
  });

  it("both variants missing and no scores: blank", () => {
    expect(checkRow(TWO, { variants: [null, ""], scores: [null, null, null, null] }).status).toBe("blank");
  });

  it("both variants missing but scores typed: an error per part", () => {
    const r = checkRow(TWO, { variants: [null, null], scores: [1, 1, 1, 1] });
    expect(errors(r.issues).map((i) => i.field)).toEqual([
      { kind: "variant", part: 1 },
      { kind: "variant", part: 2 },
    ]);
  });
});
