// The roll-up workbook «Свод» from hand-made data: every sheet's content, its charts (ranges of the
// same sheet) and print setup; the plan passes the one plan check and builds into a package.
import type { CellValue, SheetPlan } from "../../../src/workbook/backend";
import { buildNewWorkbook } from "../../../src/workbook/file/newWorkbook";
import { FILES_SHEET, PROBLEMS_SHOWN } from "../../../src/workbook/municipal/rollupFiles";
import { MONITORING_CHART_TITLE, MONITORING_SHEET } from "../../../src/workbook/municipal/rollupMonitoring";
import { OBSERVERS_ROLLUP_SHEET } from "../../../src/workbook/municipal/rollupObservers";
import { RANKING_CHART_TITLE, SIGNS_SHEET } from "../../../src/workbook/municipal/rollupSigns";
import { MUNICIPALITY_LABEL, STATISTICS_SHEET, marksChartTitle, meanChartTitle } from "../../../src/workbook/municipal/rollupStatistics";
import { rollupWorkbook } from "../../../src/workbook/municipal/rollupWorkbook";
import { checkNewWorkbookPlan } from "../../../src/workbook/planCheck";
import { OBSERVER_NAMES, rollupFixture } from "../../helpers/municipalRollup";

type Sheet = Omit<SheetPlan, "mode">;
const plan = rollupWorkbook(rollupFixture());
const sheet = (name: string): Sheet => plan.sheets.find((s) => s.name === name)!;
/** The row that starts with `first` (0-based), and the rows under it until a blank one. */
function tableAt(s: Sheet, first: CellValue): CellValue[][] {
  const i = s.values.findIndex((r) => r[0] === first);
  expect(i).toBeGreaterThanOrEqual(0);
  const out: CellValue[][] = [];
  for (let r = i; r < s.values.length && s.values[r].some((v) => v !== null && v !== ""); r++) out.push(s.values[r]);
  return out;
}
const trim = (row: CellValue[]): CellValue[] => {
  const r = [...row];
  while (r.length > 0 && r[r.length - 1] === null) r.pop();
  return r;
};

describe("the roll-up workbook «Свод»", () => {
  test("five sheets in order, each print-ready (A4 landscape, fitted to the width); the plan check passes", async () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([MONITORING_SHEET, STATISTICS_SHEET, SIGNS_SHEET, OBSERVERS_ROLLUP_SHEET, FILES_SHEET]);
    for (const s of plan.sheets) expect(s.print).toMatchObject({ landscape: true, fitToWidth: true });
    expect(() => checkNewWorkbookPlan(plan)).not.toThrow();
    expect((await buildNewWorkbook(plan)).length).toBeGreaterThan(1000);
  });

  test("«Мониторинг»: per municipality received / missing / invalid with a chart, then every school × work", () => {
    const s = sheet(MONITORING_SHEET);
    const totals = tableAt(s, "Муниципалитет").map(trim);
    expect(totals.slice(0, 4)).toEqual([
      ["Муниципалитет", "Школ", "Работ", "Получено", "Нет", "С ошибками", "Участников", "Отсутствовали"],
      ["Алейский район", 1, 2, 0, 1, 1, 12, 0],
      ["г. Алейск", 2, 2, 2, 0, 0, 55, 3],
      ["Всего", 3, 4, 2, 1, 1, 67, 3],
    ]);
    const detail = s.values.slice(s.values.findIndex((r, i) => r[0] === "Муниципалитет" && i > 5)).map(trim);
    expect(detail.slice(1, 5).map((r) => [r[1], r[3], r[5]])).toEqual([
      ["333333", "Математика", "нет"],
      ["333333", "Русский язык", "с ошибками"],
      ["111111", "Математика", "получена"],
      ["222222", "Математика", "получена"],
    ]);
    expect(s.charts).toHaveLength(1);
    expect(s.charts![0]).toMatchObject({ type: "bar", stacked: true, title: MONITORING_CHART_TITLE });
    expect(s.charts![0].series.map((x) => x.name)).toEqual(["получена", "нет", "с ошибками"]);
    // The chart takes the municipalities, not the «Всего» row.
    const first = s.values.findIndex((r) => r[0] === "Алейский район") + 1;
    expect(s.charts![0].categories).toBe(`A${first}:A${first + 1}`);
  });

  test("«Статистика»: a row per school and the municipality, marks in per cent with a chart; a work without a scale, mean scores", () => {
    const s = sheet(STATISTICS_SHEET);
    const ma = tableAt(s, "Школа");
    expect(ma.slice(1).map((r) => [r[0], r[1], r[2], r[6], r[9]])).toEqual([
      ["111111 Школа № 1", 25, 23, 2, 4],
      ["222222 Школа № 2", 30, 29, 0, 20],
      [MUNICIPALITY_LABEL, 55, 52, 2, 24],
    ]);
    const titles = s.charts!.map((c) => c.title);
    expect(titles).toEqual([marksChartTitle({ subject: "Математика", grade: 4 }), meanChartTitle({ subject: "Русский язык", grade: 5 })]);
    expect(s.charts![0]).toMatchObject({ stacked: true, valueMax: 100 });
    const pct = s.values.findIndex((r) => r[0] === "Школа" && r[1] === "«2», %");
    expect(trim(s.values[pct + 2])).toEqual(["222222 Школа № 2", 0, 10.3, 20.7, 69]);
    expect(s.values.some((r) => r[0] === "333333 Школа № 3" && r[1] === 30.5)).toBe(true);
  });

  test("«Признаки»: the ranking (only schools with signs) with a chart, every sign with its numbers", () => {
    const s = sheet(SIGNS_SHEET);
    const rank = tableAt(s, "Место").map(trim);
    expect(rank.slice(1)).toEqual([
      [1, "222222 Школа № 2", "г. Алейск", 2, 1, 1],
      [2, "111111 Школа № 1", "г. Алейск", 1, 1, 1],
    ]);
    expect(s.charts![0]).toMatchObject({ type: "bar", title: RANKING_CHART_TITLE });
    const signs = tableAt(s, "Школа").slice(1);
    expect(signs.map((r) => [r[0], r[2]])).toEqual([
      ["222222 Школа № 2", "Высокие результаты"],
      ["222222 Школа № 2", "Несовпадение с журналом"],
      ["111111 Школа № 1", "Пик у границы отметки"],
    ]);
    expect(signs[0][4]).toBe("«5», %: 69; муниципалитет, %: 46.2");
  });

  test("«Наблюдатели»: the list with names, conflicts beside their rows, unreadable cells noted", () => {
    const s = sheet(OBSERVERS_ROLLUP_SHEET);
    const t = tableAt(s, "Строка").map(trim);
    expect(t.slice(1).map((r) => [r[0], r[1], r[5] ?? null])).toEqual([
      [2, OBSERVER_NAMES[0], "работает в ОО 111111"],
      [3, OBSERVER_NAMES[1], "ребёнок (4А) учится в ОО 222222"],
      [4, OBSERVER_NAMES[2], null],
      [5, "Без кода", null],
    ]);
    expect(String(t[4][6])).toContain("D5: «22222» — не код ОО");
    expect(s.values.some((r) => String(r[0]).includes("назначений с конфликтом: 2"))).toBe(true);
  });

  test("«Файлы»: kind, work, rows and problems with sheet and cell — the first ones and how many more", () => {
    const s = sheet(FILES_SHEET);
    expect(s.values[0]).toEqual(["Файл", "Вид", "Предмет", "Параллель", "Строк", "Ошибок", "Предупреждений", "Замечания"]);
    const byFile = new Map(s.values.slice(1).map((r) => [r[0], r]));
    expect(byFile.get("111111_4_Математика.xlsx")!.slice(1, 7)).toEqual(["форма (наша)", "Математика", 4, 25, 0, 0]);
    const exp = byFile.get("Проведение работы по математике, 4 класс. ВПР 2026.xlsx")!;
    expect(exp.slice(1, 6)).toEqual(["выгрузка ФИС ОКО", "Математика", 4, 60, 23]);
    const lines = String(exp[7]).split("\n");
    expect(lines).toHaveLength(PROBLEMS_SHOWN + 1);
    expect(lines[0]).toBe("«Лист1»!J2: балл 3 больше максимума задания 2 (2)");
    expect(lines[PROBLEMS_SHOWN]).toBe(`… и ещё ${23 - PROBLEMS_SHOWN}`);
    expect(byFile.get("сломанный.xlsx")!.slice(1, 8)).toEqual(["не прочитан", null, null, 0, 0, 1, "файл повреждён: не ZIP-архив"]);
  });

  test("no data: each sheet says why it is empty", () => {
    const empty = rollupWorkbook({ files: [], schools: [], monitoring: null, works: [], signs: [], ranking: [], observers: null });
    const text = JSON.stringify(empty.sheets.map((s) => s.values));
    expect(text).toContain("Список школ не задан (--schools)");
    expect(text).toContain("Нет прочитанных работ.");
    expect(text).toContain("Список наблюдателей не задан");
    expect(() => checkNewWorkbookPlan(empty)).not.toThrow();
  });
});
