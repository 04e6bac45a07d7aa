import { planSettings, readSettingsValues, saveSettings, settingsProblems } from "../../src/workbook/settings";
import { planNewWorkbook } from "../../src/workbook/newWorkbook";
import type { Snapshot } from "../../src/workbook/backend";
import { MemoryBackend } from "../taskpane/memoryBackend";

const fresh = (): MemoryBackend => new MemoryBackend(planNewWorkbook({ sheetNames: [], sheets: {} }, { year: "2026" }).plan);

describe("settings", () => {
  test("writes B2..B5 of a workbook the add-in made, only what changed", async () => {
    const book = fresh();
    const snap = await book.read(["Настройки"]);
    const { plan, findings } = planSettings(snap, { school: "470167", schoolName: "МОУ «Ям-Тёсовская СОШ»", year: "2026", xLetter: "Х" });
    expect(findings).toEqual([]);
    expect(plan.sheets).toEqual([]);
    expect(plan.cellWrites).toEqual([
      { sheet: "Настройки", address: "B2", value: 470167 },
      { sheet: "Настройки", address: "B3", value: "МОУ «Ям-Тёсовская СОШ»" },
      { sheet: "Настройки", address: "B5", value: "Х" },
    ]);
  });

  test("saveSettings: one read, one apply; nothing to write costs no apply", async () => {
    const book = fresh();
    const r = await saveSettings(book, { school: "470167", year: "2027", xLetter: "X" });
    expect(r).toMatchObject({ status: "done", cellsWritten: 2 });
    expect([book.reads, book.applies]).toEqual([1, 1]);
    expect(readSettingsValues(await book.read(["Настройки"]))).toEqual({ school: "470167", schoolName: "", year: "2027", xLetter: "X" });
    const again = await saveSettings(book, { school: "470167", year: "2027" });
    expect(again).toMatchObject({ status: "done", cellsWritten: 0 });
    expect(book.applies).toBe(1);
  });

  test("a school code with a leading zero stays text", () => {
    const snap: Snapshot = { sheetNames: ["Настройки"], sheets: { Настройки: { values: [["Параметр", "Значение"], ["Код ОО", null]] } } };
    expect(planSettings(snap, { school: "012345" }).plan.cellWrites).toEqual([{ sheet: "Настройки", address: "B2", value: "012345" }]);
  });

  test("wrong values are refused with the cell they were meant for, and nothing is written", async () => {
    const book = fresh();
    const r = await saveSettings(book, { school: "47016", year: "26" });
    expect(r.status).toBe("blocked");
    expect(r.findings.map((f) => [f.cell, f.message])).toEqual([
      ["B2", "код ОО «47016» должен состоять ровно из 6 цифр"],
      ["B4", "год «26» должен быть четырёхзначным, например 2026"],
    ]);
    expect(book.applies).toBe(0);
    expect(settingsProblems({ school: "" })).toEqual([{ field: "school", message: "укажите код ОО: 6 цифр, как в ФИС ОКО" }]);
  });

  test("a row deleted by hand is added at the end; no «Настройки» sheet is refused", () => {
    const snap: Snapshot = { sheetNames: ["Настройки"], sheets: { Настройки: { values: [["Параметр", "Значение"], ["Код ОО", 470167]] } } };
    expect(planSettings(snap, { school: "470167", year: "2026" }).plan.cellWrites).toEqual([
      { sheet: "Настройки", address: "A3", value: "Год" },
      { sheet: "Настройки", address: "B3", value: 2026 },
    ]);
    const none = planSettings({ sheetNames: [], sheets: {} }, { school: "470167" });
    expect(none.findings[0]).toMatchObject({ severity: "error", code: "sheet.missing" });
    expect(none.plan.cellWrites).toEqual([]);
  });
});
