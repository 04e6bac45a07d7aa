import fc from "fast-check";
import { collapseSpaces, nameKey, parseClassName, safeSheetName, sameSheetName } from "../../src/core";

describe("collapseSpaces and nameKey", () => {
  it("collapses spaces and no-break spaces", () => {
    expect(collapseSpaces("  Иванов \u00a0 Иван\t\tИванович ")).toBe("Иванов Иван Иванович");
  });

  it("nameKey compares names without case, extra spaces and Ё/Е", () => {
    expect(nameKey("Ёлкин  Пётр")).toBe("елкин петр");
    expect(nameKey("ЁЛКИН ПЁТР")).toBe(nameKey("Елкин Петр"));
    expect(nameKey("Иванов")).not.toBe(nameKey("Иванова"));
  });
});

describe("parseClassName", () => {
  it("reads a well-typed class unchanged", () => {
    expect(parseClassName("5А")).toEqual({ ok: true, value: "5А", grade: 5, changed: false });
    expect(parseClassName("10Б")).toEqual({ ok: true, value: "10Б", grade: 10, changed: false });
  });

  it.each(["5а", "5 А", "5A", "5-а", " 5а ", "5 - А", "5\u00a0А", "«5А»"])("reads %p as 5А with changed", (raw) => {
    expect(parseClassName(raw)).toEqual({ ok: true, value: "5А", grade: 5, changed: true });
  });

  it("turns Latin look-alike letters into Cyrillic", () => {
    expect(parseClassName("4B")).toMatchObject({ ok: true, value: "4В" });
    expect(parseClassName("7c")).toMatchObject({ ok: true, value: "7С" });
  });

  it("accepts a number without a letter", () => {
    expect(parseClassName(4)).toEqual({ ok: true, value: "4", grade: 4, changed: false });
  });

  it.each([
    ["12А", "номер класса должен быть от 1 до 11"],
    ["0А", "номер класса должен быть от 1 до 11"],
    ["А5", "не распознан"],
    ["5АБ", "не распознан"],
    ["", "не распознан"],
    ["5Q", "буква класса должна быть русской"],
  ])("rejects %p", (raw, message) => {
    const r = parseClassName(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it("rejects non-text values", () => {
    expect(parseClassName(null).ok).toBe(false);
    expect(parseClassName(undefined).ok).toBe(false);
  });
});

describe("safeSheetName", () => {
  it("keeps a good name", () => {
    expect(safeSheetName("5А Математика")).toBe("5А Математика");
  });

  it("replaces forbidden characters", () => {
    expect(safeSheetName("5А: физ/хим [1]*?\\")).toBe("5А физ хим 1");
  });

  it("cuts at 31 characters and strips edge apostrophes", () => {
    const long = "5А Основы религиозных культур и светской этики";
    const s = safeSheetName(long);
    expect(s.length).toBeLessThanOrEqual(31);
    expect(long.startsWith(s)).toBe(true);
    expect(safeSheetName("'Лист'")).toBe("Лист");
    expect(safeSheetName("///")).toBe("Лист");
  });

  it("property: always a name Excel accepts", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (name) => {
        const s = safeSheetName(name);
        expect(s.length).toBeGreaterThan(0);
        expect(s.length).toBeLessThanOrEqual(31);
        expect(s).not.toMatch(/[[\]:*?/\\]/);
        expect(s.startsWith("'")).toBe(false);
        expect(s.endsWith("'")).toBe(false);
      }),
    );
  });

  it("sameSheetName ignores case", () => {
    expect(sameSheetName("5а математика", "5А Математика")).toBe(true);
    expect(sameSheetName("5А", "5Б")).toBe(false);
  });
});
