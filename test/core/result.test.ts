import { describeFinding, fail, hasErrors, ok, type Finding } from "../../src/core";

const err: Finding = { severity: "error", code: "score.over-max", message: "задание 3: балл 3 больше максимума 2" };
const warn: Finding = { severity: "warning", code: "roster.class-normalised", message: "класс «5а» прочитан как 5А" };

describe("result", () => {
  it("ok and fail build tagged values", () => {
    expect(ok(5)).toEqual({ ok: true, value: 5 });
    expect(fail([err])).toEqual({ ok: false, error: [err] });
  });

  it("hasErrors ignores warnings", () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([warn])).toBe(false);
    expect(hasErrors([warn, err])).toBe(true);
  });

  it("describeFinding prints sheet and cell in Excel's form", () => {
    expect(describeFinding({ ...err, sheet: "5А Математика", cell: "E7" })).toBe("'5А Математика'!E7: задание 3: балл 3 больше максимума 2");
    expect(describeFinding({ ...warn, sheet: "Ученики" })).toBe("«Ученики»: класс «5а» прочитан как 5А");
    expect(describeFinding(err)).toBe("задание 3: балл 3 больше максимума 2");
  });
});
