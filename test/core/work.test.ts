import { DEFAULT_VARIANTS, definitionProblems, isTwoPart, maxTotal, partsOf, variantsOf, type WorkDefinition } from "../../src/core";

const base: WorkDefinition = {
  id: "MA5-2026",
  subject: "Математика",
  grade: 5,
  year: "2026",
  source: "критерии",
  items: [
    { label: "1", max: 1, part: 1 },
    { label: "2", max: 2, part: 1 },
    { label: "3", max: 3, part: 1 },
  ],
  scale: { min3: 2, min4: 4, min5: 6 },
};

describe("work helpers", () => {
  it("maxTotal, parts, variants", () => {
    expect(maxTotal(base)).toBe(6);
    expect(isTwoPart(base)).toBe(false);
    expect(partsOf(base)).toEqual([1]);
    expect(variantsOf(base)).toEqual([1, 2]);
    expect(DEFAULT_VARIANTS).toEqual([1, 2]);
    expect(variantsOf({ ...base, variants: [1, 2, 3] })).toEqual([1, 2, 3]);
    const two = { ...base, items: [...base.items.slice(0, 2), { label: "3", max: 3, part: 2 as const }] };
    expect(isTwoPart(two)).toBe(true);
    expect(partsOf(two)).toEqual([1, 2]);
  });
});

describe("definitionProblems", () => {
  it("accepts a sound definition", () => {
    expect(definitionProblems(base)).toEqual([]);
  });

  it.each<[string, Partial<WorkDefinition>, string]>([
    ["a bad id", { id: "MA 5" }, "идентификатор работы «MA 5»"],
    ["an empty subject", { subject: "  " }, "не указан предмет"],
    ["grade 12", { grade: 12 }, "класс (параллель) должен быть числом от 1 до 11, а указано «12»"],
    ["no items", { items: [], scale: undefined }, "нет ни одного задания"],
    ["a zero maximum", { items: [{ label: "1", max: 0, part: 1 }], scale: undefined }, "максимум задания 1 должен быть целым числом от 1 до 99, а указано «0»"],
    ["a fractional maximum", { items: [{ label: "1", max: 1.5, part: 1 }], scale: undefined }, "максимум задания 1 должен быть целым числом"],
    ["a duplicate label", { items: [{ label: "1", max: 1, part: 1 }, { label: "1", max: 1, part: 1 }], scale: undefined }, "задание 1 указано дважды"],
    [
      "part 1 after part 2",
      { items: [{ label: "1", max: 1, part: 2 }, { label: "2", max: 1, part: 1 }], scale: undefined },
      "задания части 1 должны идти перед заданиями части 2",
    ],
    ["a scale above the total", { scale: { min3: 2, min4: 4, min5: 7 } }, "границы шкалы должны возрастать и не превышать максимум 6: указано 2 / 4 / 7"],
    ["a decreasing scale", { scale: { min3: 4, min4: 2, min5: 6 } }, "границы шкалы должны возрастать"],
    ["a fractional scale", { scale: { min3: 1.5, min4: 2, min5: 6 } }, "границы шкалы должны быть целыми неотрицательными числами"],
  ])("reports %s", (_what, change, message) => {
    const problems = definitionProblems({ ...base, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });
});
