// Observers: who must be flagged (works at the school, a child there) and who must not (works or has
// a child elsewhere, no workplace, a child in another school), read tolerantly from the sheet.
import type { Snapshot } from "../../../src/workbook/backend";
import { observerFlags } from "../../../src/workbook/municipal/observers";
import { readObservers, schoolCodes } from "../../../src/workbook/municipal/observersSheet";

const snap = (sheet: string, values: (string | number | null)[][]): Snapshot => ({ sheetNames: [sheet], sheets: { [sheet]: { values } } });
const HEADER = ["ФИО", "Место работы (код ОО)", "Дети: код ОО и класс", "Назначен в (код ОО)"];

const list = readObservers(
  "наблюдатели.xlsx",
  snap("Наблюдатели", [
    ["Список общественных наблюдателей", null, null, null],
    HEADER,
    ["Иванова Анна Петровна", 123456, null, "123456"], // works there
    ["Петров Пётр", "пенсионер", "123456 4А; 123457 7Б", "sch123457"], // child there (7Б)
    ["Сидорова Ольга", "123458", "123456 4а", 123459], // works and child elsewhere: fine
    ["Кузнецов Иван", null, null, "123456"], // no workplace, no children: fine
    ["Смирнова Мария", "МБОУ СОШ № 1 (123460)", "123460 5 Б, 123461", "123461"], // second child there, no class
    [null, null, null, null],
    ["Орлов", "12345", "4А", "нет"], // bad codes, child without a school, not assigned
  ]),
);
const flags = observerFlags(list, { gradesAt: (s) => (s === "123457" ? [4, 7] : s === "123461" ? [4] : undefined), schoolName: (s) => (s === "123456" ? "Школа № 1" : undefined) });

describe("observers", () => {
  test("an observer working at the assigned school is flagged, by row and cell, without the name", () => {
    const f = flags.filter((x) => x.code === "municipal.observer-works-there");
    expect(f.map((x) => [x.row, x.school, x.cell, x.assignedCell])).toEqual([[3, "123456", "B3", "D3"]]);
    expect(f[0].message).toContain("строка 3");
    expect(f[0].message).toContain("«Школа № 1»");
  });

  test("an observer whose child studies at the assigned school is flagged, with the class when given", () => {
    const f = flags.filter((x) => x.code === "municipal.observer-child-there");
    expect(f.map((x) => [x.row, x.school, x.class, x.gradeWrites])).toEqual([
      [4, "123457", "7Б", true],
      [7, "123461", null, null],
    ]);
    expect(f[0].message).toContain("проверено по школе");
    expect(f[0].message).toContain("есть работы 7 класса");
  });

  test("must not flag: workplace and children elsewhere, no workplace, a child in another school", () => {
    expect(flags.map((x) => x.row).sort()).toEqual([3, 4, 7]);
  });

  test("no flag and no message carries a name", () => {
    const text = JSON.stringify(flags);
    for (const name of ["Иванова", "Петров", "Сидорова", "Кузнецов", "Смирнова", "Орлов"]) expect(text).not.toContain(name);
  });

  test("tolerant reading: login, number, «4а», a school name around the code; doubts are warnings with file, sheet and cell", () => {
    const byRow = new Map(list.observers.map((o) => [o.row, o]));
    expect(byRow.get(4)!.assigned).toEqual(["123457"]);
    expect(byRow.get(5)!.children).toEqual([{ school: "123456", className: "4А", grade: 4 }]);
    expect(byRow.get(7)!.workplaces).toEqual(["123460"]);
    expect(byRow.get(7)!.children.map((c) => c.className)).toEqual(["5Б", null]);
    const cells = list.findings.map((f) => f.cell);
    expect(cells).toEqual(expect.arrayContaining(["B9", "C9", "D9"]));
    for (const f of list.findings) {
      expect(f.severity).toBe("warning");
      expect(f.message).toContain("«наблюдатели.xlsx»");
      expect(f.message).toContain("«Наблюдатели»");
    }
  });

  test("a sheet of another name is found by its header; none at all is an error", () => {
    const other = readObservers("x.xlsx", snap("Лист1", [["Ф.И.О. наблюдателя", "Работает в", "Дети", "ОО наблюдения"], ["А", "111111", "", "111111"]]));
    expect(other.sheet).toBe("Лист1");
    expect(observerFlags(other).map((f) => f.code)).toEqual(["municipal.observer-works-there"]);
    const none = readObservers("y.xlsx", snap("Лист1", [["a", "b"]]));
    expect(none.findings[0]).toMatchObject({ severity: "error", code: "municipal.observers-no-sheet" });
    expect(none.findings[0].message).toContain("«y.xlsx»");
  });

  test("school codes in a cell", () => {
    expect(schoolCodes("sch123456; 654321")).toEqual({ codes: ["123456", "654321"], bad: [] });
    expect(schoolCodes("12345").bad).toEqual(["12345"]);
  });
});
