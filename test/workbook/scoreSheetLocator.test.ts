// Finding score sheets by header, and mark columns that look like their subject — on plain arrays.
import type { CellValue, Snapshot } from "../../src/workbook/backend";
import { checkWorkbook } from "../../src/workbook/check";
import { looksLikeSubject, readInputs } from "../../src/workbook/inputs";
import { findScoreSheets, fitsWork } from "../../src/workbook/scoreSheetLocator";
import { scoreLayout } from "../../src/workbook/scoreSheet";
import { findWork } from "../../src/core";

function workbook(sheets: Record<string, CellValue[][]>): Snapshot {
  return { sheetNames: Object.keys(sheets), sheets: Object.fromEntries(Object.entries(sheets).map(([n, v]) => [n, { values: v }])) };
}

const settings = [["Параметр", "Значение"], ["Код ОО", "780999"]];
const MA4 = findWork("MA4-2023")!;
const header = scoreLayout(MA4).headers;
const scored = (code: number) => [code, 1, ...MA4.items.map(() => 1), null, null, null];

describe("looksLikeSubject", () => {
  test.each([
    ["математика", "Математика"],
    ["МАТЕМАТИКА", "Математика"],
    ["Математика (3 четверть)", "Математика"],
    ["Математика [II полугодие]", "Математика"],
    ["Математика, 3 четверть", "Математика"],
    ["Матем.", "Математика"],
    ["Русский", "Русский язык"],
    ["Русск. яз.", "Русский язык"],
    ["Окр. мир", "Окружающий мир"],
    ["Естествознание", "Ёстествознание"],
  ])("«%s» looks like «%s»", (h, subject) => expect(looksLikeSubject(h, subject)).toBe(true));
  test.each([
    ["Физика", "Математика"],
    ["Ма", "Математика"],
    ["Литература", "Литературное чтение"],
    ["Примечание", "Математика"],
    ["(3 четверть)", "Математика"],
  ])("«%s» does not look like «%s»", (h, subject) => expect(looksLikeSubject(h, subject)).toBe(false));
});

describe("mark columns", () => {
  const plan = [["Класс", "Предмет", "Работа", "Дата"], ["4А", "Математика", "MA4-2023", null]];
  const inputsOf = (rosterHeader: string[]) => readInputs(workbook({ Настройки: settings, Ученики: [["Класс", "ФИО", "Пол", "Код", ...rosterHeader], ["4А", "Иванов Иван", "м", 40001, 5, 4]], План: plan }));

  test("the exact column is used silently", () => {
    const inputs = inputsOf(["Матем.", "Математика"]);
    expect(inputs.marks.get("математика")?.column).toEqual({ header: "Математика", col: 5 });
    expect(inputs.findings.filter((f) => f.code.startsWith("roster.marks"))).toEqual([]);
  });
  test("two look-alikes: none is used, the warning names both cells", () => {
    const inputs = inputsOf(["Математика (алгебра)", "Математика (геометрия)"]);
    expect(inputs.marks.get("математика")?.column).toBeNull();
    const f = inputs.findings.find((x) => x.code === "roster.marks-ambiguous")!;
    expect(f).toMatchObject({ sheet: "Ученики", cell: "E1", severity: "warning" });
    expect(f.message).toContain("«Математика (алгебра)» (E1), «Математика (геометрия)» (F1)");
    expect(f.message).toContain("столбец отметок будет пустым");
  });
});

describe("findScoreSheets", () => {
  const roster = [["Класс", "ФИО", "Пол", "Код", "Математика"], ["4А", "А А", "м", 40001, 5], ["4А", "Б Б", "ж", 40002, 4], ["4Б", "В В", "м", 40101, 3]];
  const plan = [["Класс", "Предмет", "Работа", "Дата"], ["4А", "Математика", "MA4-2023", null], ["4Б", "Математика", "MA4-2023", null]];

  test("two renamed sheets of one work go to their classes by their codes, whatever their names say", () => {
    const s = workbook({ Настройки: settings, Ученики: roster, План: plan, "Матем (первый)": [header, scored(40101)], "Матем (второй)": [header, scored(40001), scored(40002)] });
    const map = findScoreSheets(s);
    expect(map.located.map((l) => [l.expected, l.sheet, l.found])).toEqual([
      ["4А Математика", "Матем (второй)", "header"],
      ["4Б Математика", "Матем (первый)", "header"],
    ]);
    expect(map.unplanned).toEqual([]);
    const checked = checkWorkbook(s);
    expect(checked.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(checked.forms.map((f) => [f.key, f.ready, f.sheets])).toEqual([["4|математика", true, ["Матем (второй)", "Матем (первый)"]]]);
  });

  test("a sheet without codes goes by the class in its name; a header of another work does not fit", () => {
    const s = workbook({ Настройки: settings, Ученики: roster, План: plan, "4Б Матем": [header], "4А Математика": [header, scored(40001), scored(40002)] });
    const map = findScoreSheets(s);
    expect(map.located.map((l) => l.sheet)).toEqual(["4А Математика", "4Б Матем"]);
    const ru = scoreLayout(findWork("RU4-2026")!).headers;
    expect(fitsWork({ values: [ru] }, MA4)).toBe(false);
    expect(fitsWork({ values: [[...header.slice(0, -3), "Комментарий", ...header.slice(-3)]] }, MA4)).toBe(true);
  });

  test("an unplanned sheet without scores is only a warning and holds no form back", () => {
    const s = workbook({ Настройки: settings, Ученики: roster, План: plan.slice(0, 2), "4А Математика": [header, scored(40001), scored(40002)], "4Б Математика": [header, [40101, ...Array(header.length - 1).fill(null)]] });
    const checked = checkWorkbook(s);
    const f = checked.findings.find((x) => x.code === "scores.unplanned")!;
    expect(f).toMatchObject({ sheet: "4Б Математика", severity: "warning" });
    expect(f.message).toContain("не относится ни к одной строке листа «План»");
    expect(checked.forms.every((x) => x.ready)).toBe(true);
  });
});
