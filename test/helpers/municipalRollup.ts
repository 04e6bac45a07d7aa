// A small municipality's roll-up data, every figure chosen by hand: three schools in two
// municipalities, a work with a scale and one without, signs, observers with conflicts, files with
// problems (one with more than the sheet shows). Shared by the roll-up and its print test.
import type { GroupStatistics } from "../../src/core";
import { observerFlags } from "../../src/workbook/municipal/observers";
import { readObservers } from "../../src/workbook/municipal/observersSheet";
import type { RollupData, SchoolGroup } from "../../src/workbook/municipal/rollupData";

function group(school: string | null, wrote: number, absent: number, meanScore: number, marks: [number, number, number, number] | null): SchoolGroup {
  const pct = (n: number): number => Math.round((n / wrote) * 1000) / 10;
  const g: GroupStatistics = {
    class: null,
    students: wrote + absent,
    wrote,
    absent,
    partlyAbsent: 0,
    notEntered: 0,
    invalid: 0,
    size: wrote < 10 ? "small" : wrote < 20 ? "rough" : "ok",
    meanScore,
    medianScore: meanScore,
    marks: marks && { "2": marks[0], "3": marks[1], "4": marks[2], "5": marks[3] },
    marksPercent: marks && { "2": pct(marks[0]), "3": pct(marks[1]), "4": pct(marks[2]), "5": pct(marks[3]) },
    successRate: marks && pct(marks[1] + marks[2] + marks[3]),
    qualityRate: marks && pct(marks[2] + marks[3]),
    meanMark: marks && Math.round(((2 * marks[0] + 3 * marks[1] + 4 * marks[2] + 5 * marks[3]) / wrote) * 100) / 100,
    histogram: {},
    items: [],
    journal: marks && { lower: 1, same: wrote - 2, higher: 1, missing: 0, lowerPercent: null, samePercent: null, higherPercent: null, twoOrMore: 0 },
  };
  return { ...g, school };
}

export const OBSERVER_NAMES = ["Иванова Анна Петровна", "Петров Пётр Ильич", "Сидорова Ольга"];

export function rollupFixture(): RollupData {
  const observers = readObservers("наблюдатели.xlsx", {
    sheetNames: ["Наблюдатели"],
    sheets: {
      Наблюдатели: {
        values: [
          ["ФИО", "Место работы (код ОО)", "Дети: код ОО и класс", "Назначен в (код ОО)"],
          [OBSERVER_NAMES[0], "111111", null, "111111"],
          [OBSERVER_NAMES[1], null, "222222 4А", "222222"],
          [OBSERVER_NAMES[2], "333333", "111111 5Б", "222222"],
          ["Без кода", null, null, "22222"],
        ],
      },
    },
  });
  return {
    files: [
      { file: "111111_4_Математика.xlsx", kind: "form", subject: "Математика", grade: 4, rows: 25, problems: [] },
      { file: "Проведение работы по математике, 4 класс. ВПР 2026.xlsx", kind: "export", subject: "Математика", grade: 4, rows: 60, problems: Array.from({ length: 23 }, (_, i) => ({ message: "балл 3 больше максимума задания 2 (2)", severity: "error" as const, sheet: "Лист1", cell: `J${i + 2}` })) },
      { file: "333333_5_Русский язык.xlsx", kind: "official-form", subject: "Русский язык", grade: 5, rows: 12, problems: [{ message: "столбец «ФИО»: в форме не должно быть фамилий", severity: "error", sheet: "Лист1", cell: "B1" }] },
      { file: "сломанный.xlsx", kind: "unreadable", subject: null, grade: null, rows: 0, problems: [{ message: "файл повреждён: не ZIP-архив" }] },
    ],
    schools: [
      { school: "111111", name: "Школа № 1", municipality: "г. Алейск" },
      { school: "222222", name: "Школа № 2", municipality: "г. Алейск" },
      { school: "333333", name: "Школа № 3", municipality: "Алейский район" },
    ],
    monitoring: [
      { school: "111111", subject: "Математика", grade: 4, status: "received", participants: 25, absent: 2, files: ["111111_4_Математика.xlsx"] },
      { school: "222222", subject: "Математика", grade: 4, status: "received", participants: 30, absent: 1, files: ["Проведение работы по математике, 4 класс. ВПР 2026.xlsx"] },
      { school: "333333", subject: "Математика", grade: 4, status: "missing", participants: 0, absent: 0, files: [] },
      { school: "333333", subject: "Русский язык", grade: 5, status: "invalid", participants: 12, absent: 0, files: ["333333_5_Русский язык.xlsx"], note: "в форме столбец ФИО" },
    ],
    works: [
      {
        workId: "MA4",
        subject: "Математика",
        grade: 4,
        maxTotal: 20,
        scale: [6, 11, 16],
        groups: [group("111111", 23, 2, 12.5, [2, 8, 9, 4]), group("222222", 29, 1, 17.1, [0, 3, 6, 20]), group(null, 52, 3, 15.05, [2, 11, 15, 24])],
      },
      { workId: "RU5", subject: "Русский язык", grade: 5, maxTotal: 45, scale: null, groups: [group("333333", 12, 0, 30.5, null), group(null, 12, 0, 30.5, null)] },
    ],
    signs: [
      { school: "222222", workId: "MA4", subject: "Математика", grade: 4, code: "high-results", message: "«5» у 69 % писавших против 46,2 % по муниципалитету", numbers: { "«5», %": 69, "муниципалитет, %": 46.2 }, small: false },
      { school: "222222", workId: "MA4", subject: "Математика", grade: 4, code: "journal-mismatch", message: "отметки ВПР не совпали с журналом у 60 %", numbers: { "не совпали, %": 60 }, small: false },
      { school: "111111", workId: "MA4", subject: "Математика", grade: 4, code: "boundary-peak", message: "пик у границы «4»", numbers: { "у границы": 7 }, small: false },
    ],
    ranking: [
      { school: "222222", signs: 2, flaggedWorks: 1, works: 1 },
      { school: "111111", signs: 1, flaggedWorks: 1, works: 1 },
      { school: "333333", signs: 0, flaggedWorks: 0, works: 1 },
    ],
    observers: { list: observers, flags: observerFlags(observers) },
  };
}
