// The plan check of SheetPlan.charts: every refusal is a PlanError whose Russian message names the
// sheet and the chart (by its title, or its place when it has none), before any back end sees it.
import type { ChartPlan, NewWorkbookPlan, SheetPlan, WritePlan } from "../../src/workbook/backend";
import { PlanError, checkNewWorkbookPlan, checkWritePlan } from "../../src/workbook/planCheck";

const SHEET = "Анализ 4А";

const CHART: ChartPlan = {
  type: "column",
  title: "Распределение баллов",
  categories: "A4:A14",
  series: [
    { name: "«2»", values: "B4:B14", color: "#C00000" },
    { name: "«3»", values: "$C$4:$C$14" },
  ],
  anchor: { from: { row: 16, col: 0 }, to: { row: 31, col: 6 } },
  overlap: true,
  valueMax: 100,
  categoryTitle: "Балл",
  valueTitle: "Учеников",
};

const sheetWith = (charts: ChartPlan[]): SheetPlan => ({ name: SHEET, mode: "create", values: [["Балл"]], charts });
const plan = (charts: ChartPlan[]): WritePlan => ({ sheets: [sheetWith(charts)], cellWrites: [] });
const chart = (change: Partial<ChartPlan>): ChartPlan => ({ ...CHART, ...change });

function refusal(fn: () => void): PlanError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    return error as PlanError;
  }
  throw new Error("the plan was not refused");
}

const AT = "диаграмма «Распределение баллов»";

// [case, charts, where the message points, what it says]
const cases: [string, ChartPlan[], string, RegExp][] = [
  ["an empty title", [chart({ title: "  " })], "диаграмма 1", /нет заголовка/],
  ["an untitled second chart, named by its place", [CHART, chart({ title: "" })], "диаграмма 2", /нет заголовка/],
  ["an unknown type", [chart({ type: "pie" as ChartPlan["type"] })], AT, /тип «pie» неизвестен/],
  ["categories that do not parse", [chart({ categories: "A4:A" })], `${AT}, категории A4:A`, /не разобран/],
  ["categories on another sheet", [chart({ categories: "Коды!A4:A14" })], `${AT}, категории Коды!A4:A14`, /с именем листа/],
  ["categories over a block", [chart({ categories: "A4:B14" })], `${AT}, категории A4:B14`, /одну строку или один столбец/],
  ["no series", [chart({ series: [] })], AT, /нет ни одного ряда/],
  ["a series whose range does not parse", [chart({ series: [{ name: "«2»", values: "B4:" }] })], `${AT}, ряд «2», диапазон B4:`, /не разобран/],
  ["a series shorter than the categories", [chart({ series: [{ name: "«2»", values: "B4:B13" }] })], `${AT}, ряд «2»`, /значений 10, а категорий 11/],
  ["a series in a row, longer than the categories", [chart({ series: [{ name: "«2»", values: "B4:M4" }] })], `${AT}, ряд «2»`, /значений 12, а категорий 11/],
  ["a series without a name", [chart({ series: [{ name: "", values: "B4:B14" }] })], `${AT}, ряд 1`, /нет имени/],
  ["a series colour not #RRGGBB", [chart({ series: [{ name: "«2»", values: "B4:B14", color: "red" }] })], `${AT}, ряд «2»`, /#RRGGBB/],
  ["an anchor whose start is below its end", [chart({ anchor: { from: { row: 32, col: 0 }, to: { row: 31, col: 6 } } })], AT, /A33 ниже или правее правого нижнего G32/],
  ["an anchor whose start is right of its end", [chart({ anchor: { from: { row: 16, col: 7 }, to: { row: 31, col: 6 } } })], AT, /H17 ниже или правее/],
  ["an anchor off the sheet", [chart({ anchor: { from: { row: -1, col: 0 }, to: { row: 31, col: 6 } } })], AT, /целые row и col ≥ 0/],
  ["a fractional anchor", [chart({ anchor: { from: { row: 1.5, col: 0 }, to: { row: 31, col: 6 } } })], AT, /целые row и col ≥ 0/],
  ["a non-finite axis maximum", [chart({ valueMax: NaN })], AT, /максимум оси значений NaN/],
];

describe("checkWritePlan: charts", () => {
  test("valid charts of every kind pass, one-row ranges and $-addresses included", () => {
    const charts = [
      CHART,
      chart({ type: "bar", title: "Задания", categories: "A1:K1", series: [{ name: "%", values: "$A$2:$K$2" }], overlap: undefined }),
      chart({ type: "line", title: "По годам", stacked: true, valueMax: undefined }),
      chart({ title: "Одна ячейка", categories: "A4", series: [{ name: "x", values: "B4" }], anchor: { from: { row: 0, col: 0 }, to: { row: 0, col: 0 } } }),
    ];
    expect(() => checkWritePlan(plan(charts), [])).not.toThrow();
    expect(() => checkWritePlan(plan([]), [])).not.toThrow();
  });

  test.each(cases)("refuses %s, naming the sheet and the chart", (_, charts, where, problem) => {
    const error = refusal(() => checkWritePlan(plan(charts), []));
    expect(error.sheet).toBe(SHEET);
    expect(error.message.startsWith(`План записи: лист «${SHEET}», ${where} — `)).toBe(true);
    expect(error.message).toMatch(problem);
    expect(error.message.endsWith(".")).toBe(true);
    expect(error.message).toMatch(/[а-яё]{4}/i);
  });

  test("the message reads in full", () => {
    const error = refusal(() => checkWritePlan(plan([chart({ series: [{ name: "«2»", values: "B4:B13" }] })]), []));
    expect(error.message).toBe("План записи: лист «Анализ 4А», диаграмма «Распределение баллов», ряд «2» — значений 10, а категорий 11 (A4:A14): их должно быть поровну.");
  });
});

describe("checkNewWorkbookPlan: charts", () => {
  test("the same chart checks apply to a workbook built from nothing", () => {
    const { mode: _mode, ...sheet } = sheetWith([chart({ series: [] })]);
    const nw: NewWorkbookPlan = { sheets: [sheet], properties: {} };
    const error = refusal(() => checkNewWorkbookPlan(nw));
    expect(error.message).toBe(`План новой книги: лист «${SHEET}», ${AT} — у диаграммы нет ни одного ряда данных.`);
  });
});
