import { formatItemHeader, parseItemHeader } from "../../src/core";

describe("parseItemHeader", () => {
  it.each([
    ["1 (1б)", "1", 1],
    ["5.1 (1б)", "5.1", 1],
    ["3(2) (2б)", "3(2)", 2],
    ["1К1 (1б)", "1К1", 1],
    ["11.3 k1 (2б)", "11.3 k1", 2],
    ["10 (6б)", "10", 6],
    ["  7  ( 3 б. ) ", "7", 3],
    ["12(3б)", "12", 3],
    ["2 (1b)", "2", 1],
  ])("%s → %s, max %i", (text, label, max) => {
    expect(parseItemHeader(text)).toEqual({ ok: true, label, max });
  });

  it.each(["Задание 5", "5.1", "(1б)", "Код", "Вариант", "", "5.1 (1 балл)", "5.1 (-1б)", "123 (1б)"])("rejects %p", (text) => {
    const r = parseItemHeader(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("не похож на заголовок задания");
  });

  it("rejects a zero maximum with its own message", () => {
    expect(parseItemHeader("5.1 (0б)")).toEqual({ ok: false, message: "в заголовке «5.1 (0б)» максимальный балл должен быть не меньше 1" });
  });

  it("rejects non-text values without throwing", () => {
    for (const v of [null, undefined, 5, true, {}]) expect(parseItemHeader(v).ok).toBe(false);
  });

  it("formatItemHeader is the inverse on labels and maxima", () => {
    for (const [label, max] of [["5.1", 1], ["3(2)", 2], ["1К1", 1], ["10", 6]] as const) {
      const text = formatItemHeader({ label, max });
      expect(text).toBe(`${label} (${max}б)`);
      expect(parseItemHeader(text)).toEqual({ ok: true, label, max });
    }
  });
});
