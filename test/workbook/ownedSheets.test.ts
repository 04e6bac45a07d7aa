// The add-in's kinds of sheet, declared by their modules and listed once: ownership asks the list.
import { kindOfSheet, ownedSheetKinds } from "../../src/workbook/ownedSheets";
import { looksOwned } from "../../src/workbook/ownership";
import type { Snapshot } from "../../src/workbook/backend";

const snapshot: Snapshot = {
  sheetNames: ["Коды для выдачи", "Протокол 4А", "4А Матем (проверено)", "Архив баллов", "Протокол 4Б", "Мои заметки", "Анализ", "Анализ 4 Математика", "Анализ мой"],
  sheets: {
    "Коды для выдачи": { values: [["4А, № 1 по протоколу\nКод участника: 41001"]] },
    "Протокол 4А": { values: [["№", "ФИО", "Код", "Присутствовал", "Подпись"]] },
    "4А Матем (проверено)": { values: [["Код", "Вариант", "1 (1б)", "Итого", "Отметка", "Проверка", "Комментарий"]] },
    "Архив баллов": { values: [["Дата", "Лист", "Ячейка", "Код", "Столбец", "Значение"]] },
    "Протокол 4Б": { values: [["Мой собственный протокол"]] },
    "Мои заметки": { values: [["Код", "что-то"]] },
    Анализ: { values: [["Анализ результатов ВПР — школа"]] },
    "Анализ 4 Математика": { values: [["Анализ ВПР: Математика, 4 класс (работа MA4-2023)"]] },
    "Анализ мой": { values: [["мои выводы"]] },
  },
};

test("every kind is declared once, with a step; typed data is merged into, not replaced", () => {
  const kinds = ownedSheetKinds();
  expect(kinds.map((k) => k.kind)).toEqual(["slips", "protocol", "scores", "archive", "analysis", "results", "parentSlips", "objectivity", "fingerprint", "recheck"]);
  expect(new Set(kinds.map((k) => k.kind)).size).toBe(kinds.length);
  expect(kinds.filter((k) => k.holdsTypedData).map((k) => k.kind)).toEqual(["protocol", "scores", "archive", "fingerprint", "recheck"]);
});

test("a sheet is the add-in's by its declaration's name and signature; a user's sheet with our name is not", () => {
  expect(snapshot.sheetNames.map((n) => kindOfSheet(n, snapshot.sheets[n])?.kind ?? null)).toEqual(["slips", "protocol", "scores", "archive", null, null, "analysis", "analysis", null]);
  expect(looksOwned(snapshot, "Протокол 4Б", "protocol")).toBe(false);
  expect(looksOwned(snapshot, "протокол 4а", "protocol")).toBe(true);
});
