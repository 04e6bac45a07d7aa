// Native charts through the real OfficeBackend on the strict fake: what each chart is made of,
// that charts cost no sync of their own, and that a replace leaves exactly the new charts.

import type { ChartPlan, SheetPlan, WritePlan } from "../../../src/workbook/backend";
import { OfficeBackend, packOps } from "../../../src/workbook/office/OfficeBackend";
import { planOps } from "../../../src/workbook/office/planToOffice";
import { CHART_NAME_SLOTS, TOGETHER_GAP_WIDTH, chartName } from "../../../src/workbook/office/charts";
import { createFakeExcel, type FakeExcel } from "../../fakes/fakeExcel";

function setup(supported: (name: string, version: string) => boolean = () => true): { fake: FakeExcel; backend: OfficeBackend } {
  const fake = createFakeExcel();
  return { fake, backend: new OfficeBackend({ run: fake.run, isSetSupported: supported }) };
}

function plan(sheets: SheetPlan[]): WritePlan {
  return { sheets, cellWrites: [] };
}

const SHEET = "Итоги 5А";
const Q = `'${SHEET}'`;

/** A score distribution by mark (one value per row in one of the mark columns), then per cents. */
const VALUES = [
  ["Итоги 5А Математика"],
  [],
  ["Балл", "«2»", "«3»", "«4»", "«5»", "% выполнения"],
  [0, 1, null, null, null, 40],
  [1, 2, null, null, null, 55],
  [2, null, 3, null, null, 61],
  [3, null, 5, null, null, 72],
  [4, null, null, 4, null, 80],
  [5, null, null, null, 2, 95],
];

const DISTRIBUTION: ChartPlan = {
  type: "column",
  title: "Распределение первичных баллов",
  categories: "A4:A9",
  series: [
    { name: "«2»", values: "B4:B9", color: "#C00000" },
    { name: "«3»", values: "C4:C9", color: "#ED7D31" },
    { name: "«4»", values: "D4:D9", color: "#70AD47" },
    { name: "«5»", values: "E4:E9", color: "#2E75B6" },
  ],
  anchor: { from: { row: 1, col: 7 }, to: { row: 17, col: 15 } },
  overlap: true,
  categoryTitle: "Первичный балл",
  valueTitle: "Число участников",
};

const PERCENT: ChartPlan = {
  type: "bar",
  title: "Выполнение заданий, %",
  categories: "A4:A9",
  series: [{ name: "% выполнения", values: "F4:F9", color: "#5B9BD5" }],
  anchor: { from: { row: 19, col: 7 }, to: { row: 35, col: 15 } },
  valueMax: 100,
};

const MARKS: ChartPlan = {
  type: "column",
  title: "Отметки",
  categories: "A4:A9",
  series: [
    { name: "«2»", values: "B4:B9" },
    { name: "«3»", values: "C4:C9" },
  ],
  anchor: { from: { row: 37, col: 7 }, to: { row: 50, col: 12 } },
  stacked: true,
};

const TREND: ChartPlan = {
  type: "line",
  title: "Динамика",
  categories: "A4:A9",
  series: [{ name: "% выполнения", values: "F4:F9", color: "#7030A0" }],
  anchor: { from: { row: 52, col: 7 }, to: { row: 60, col: 12 } },
};

function sheet(charts: ChartPlan[] | undefined, mode: SheetPlan["mode"] = "create"): SheetPlan {
  return { name: SHEET, mode, values: VALUES, tabColor: "#2E75B6", charts };
}

describe("charts through OfficeBackend", () => {
  test("each chart has its type, title, series (names, ranges, colours), axes, legend and position", async () => {
    const { fake, backend } = setup();
    await backend.apply(plan([sheet([DISTRIBUTION, PERCENT, MARKS, TREND])]));
    const ws = fake.workbook.sheet(SHEET);
    expect(ws.charts.map((c) => c.name)).toEqual([chartName(0), chartName(1), chartName(2), chartName(3)]);

    const [distribution, percent, marks, trend] = ws.charts;
    expect(distribution).toMatchObject({
      type: "ColumnClustered",
      title: "Распределение первичных баллов",
      categoryAxisTitle: "Первичный балл",
      valueAxisTitle: "Число участников",
      valueAxisMaximum: null,
      legendVisible: true,
      position: { from: "H2", to: "P18" },
    });
    expect(distribution.series).toEqual(
      DISTRIBUTION.series.map((s, i) => ({
        name: s.name,
        values: `${Q}!${"BCDE"[i]}4:${"BCDE"[i]}9`,
        xValues: `${Q}!A4:A9`,
        fill: s.color,
        lineColor: null,
        overlap: 100,
        gapWidth: TOGETHER_GAP_WIDTH,
      })),
    );

    expect(percent).toMatchObject({ type: "BarClustered", title: "Выполнение заданий, %", valueAxisMaximum: 100, legendVisible: false, position: { from: "H20", to: "P36" } });
    expect(percent.series).toEqual([
      { name: "% выполнения", values: `${Q}!F4:F9`, xValues: `${Q}!A4:A9`, fill: "#5B9BD5", lineColor: null, overlap: null, gapWidth: null },
    ]);
    expect(percent).toMatchObject({ categoryAxisTitle: null, valueAxisTitle: null });

    expect(marks).toMatchObject({ type: "ColumnStacked", legendVisible: true });
    // stacked: the type stacks (overlap is Excel's business), the gap is the narrow one
    expect(marks.series.map((s) => [s.name, s.values, s.fill, s.overlap, s.gapWidth])).toEqual([
      ["«2»", `${Q}!B4:B9`, null, null, TOGETHER_GAP_WIDTH],
      ["«3»", `${Q}!C4:C9`, null, null, TOGETHER_GAP_WIDTH],
    ]);

    // a line is coloured by its line, not a fill; stacking and overlap are for bars
    expect(trend).toMatchObject({ type: "Line", legendVisible: false });
    expect(trend.series[0]).toMatchObject({ fill: null, lineColor: "#7030A0", values: `${Q}!F4:F9` });
    // the sheet's cells are there too
    expect(ws.value("B3")).toBe("«2»");
  });

  test("a line is never stacked nor overlapped (as in the file back end)", async () => {
    const { fake, backend } = setup();
    await backend.apply(plan([sheet([{ ...TREND, stacked: true, overlap: true }])]));
    const [trend] = fake.workbook.sheet(SHEET).charts;
    expect(trend.type).toBe("Line");
    expect(trend.series[0]).toMatchObject({ overlap: null, gapWidth: null, lineColor: "#7030A0" });
  });

  test("charts cost no sync: one run, one sync, as without them", async () => {
    const without = setup();
    await without.backend.apply(plan([sheet(undefined)]));
    const withCharts = setup();
    await withCharts.backend.apply(plan([sheet([DISTRIBUTION, PERCENT, MARKS, TREND])]));
    expect(without.fake.stats).toMatchObject({ runs: 1, syncs: 1 });
    expect(withCharts.fake.stats).toMatchObject({ runs: 1, syncs: 1, suspendedSyncs: 1, recalculations: 1 });

    // a replace with charts (old ones deleted, new ones drawn) is one sync too
    withCharts.fake.resetStats();
    await withCharts.backend.apply(plan([sheet([PERCENT], "replace")]));
    expect(withCharts.fake.stats).toMatchObject({ runs: 1, syncs: 1 });
  });

  test("a replace leaves exactly the new charts; a chart the user made stays", async () => {
    const { fake, backend } = setup();
    await backend.apply(plan([sheet([DISTRIBUTION, PERCENT, MARKS])]));
    const ws = fake.workbook.sheet(SHEET);
    const users = ws.addChart("Моя диаграмма");

    await backend.apply(plan([sheet([PERCENT], "replace")]));
    expect(ws.charts.map((c) => [c.name, c.type, c.title])).toEqual([
      ["Моя диаграмма", "ColumnClustered", null],
      [chartName(0), "BarClustered", "Выполнение заданий, %"],
    ]);
    expect(ws.charts[0]).toBe(users);

    // the same plan again: still one chart of ours
    await backend.apply(plan([sheet([PERCENT], "replace")]));
    expect(ws.charts.filter((c) => c.name !== "Моя диаграмма")).toHaveLength(1);

    // `charts: []` removes ours; a plan without `charts` leaves the sheet's charts alone
    await backend.apply(plan([sheet([], "replace")]));
    expect(ws.charts.map((c) => c.name)).toEqual(["Моя диаграмма"]);
    await backend.apply(plan([sheet([DISTRIBUTION], "replace")]));
    await backend.apply(plan([sheet(undefined, "replace")]));
    expect(ws.charts.map((c) => c.name)).toEqual(["Моя диаграмма", chartName(0)]);
  });

  test("more charts than the name slots: a re-run still replaces every one of them", async () => {
    const { fake, backend } = setup();
    const many = Array.from({ length: CHART_NAME_SLOTS + 3 }, (_, i) => ({ ...PERCENT, title: `№${i + 1}` }));
    await backend.apply(plan([sheet(many)]));
    await backend.apply(plan([sheet(many, "replace")]));
    const ws = fake.workbook.sheet(SHEET);
    expect(ws.charts.map((c) => c.title)).toEqual(many.map((c) => c.title));
  });

  test("without ExcelApi 1.8 an overlap chart is drawn stacked (the same bars), everything else as planned", async () => {
    const { fake, backend } = setup((_name, version) => version !== "1.8" && version !== "1.9");
    await backend.apply(plan([sheet([DISTRIBUTION, PERCENT])]));
    const [distribution, percent] = fake.workbook.sheet(SHEET).charts;
    expect(distribution.type).toBe("ColumnStacked");
    expect(distribution.series.map((s) => [s.name, s.fill, s.overlap, s.gapWidth])).toEqual(
      DISTRIBUTION.series.map((s) => [s.name, s.color, null, TOGETHER_GAP_WIDTH]),
    );
    expect(percent).toMatchObject({ type: "BarClustered", valueAxisMaximum: 100 });
    expect(fake.stats.syncs).toBe(1);
  });

  test("charts go into the byte estimate: it stays an upper bound of what the fake measures", async () => {
    const p = plan([sheet([DISTRIBUTION, PERCENT, MARKS, TREND], "create")]);
    const estimate = packOps(planOps(p, { validation: true, pageLayout: true, seriesOverlap: true }), Infinity)[0].reduce((n, s) => n + s.bytes, 0);
    const { fake, backend } = setup();
    await backend.apply(p);
    expect(fake.stats.bytesPerSync[0]).toBeLessThanOrEqual(estimate);

    const replace = plan([sheet([DISTRIBUTION, PERCENT, MARKS, TREND], "replace")]);
    const replaceEstimate = packOps(planOps(replace, { validation: true, pageLayout: true, seriesOverlap: true }), Infinity)[0].reduce((n, s) => n + s.bytes, 0);
    fake.resetStats();
    await backend.apply(replace);
    expect(fake.stats.bytesPerSync[0]).toBeLessThanOrEqual(replaceEstimate);
  });

  test("only a replace of a sheet whose plan has charts looks for old charts", () => {
    const count = (p: SheetPlan): number => planOps(plan([p]), { validation: true, pageLayout: true, seriesOverlap: true }).length;
    // create: one op for the chart, no delete
    expect(count(sheet([PERCENT])) - count(sheet(undefined))).toBe(1);
    // replace: the deletes and the chart
    expect(count(sheet([PERCENT], "replace")) - count(sheet(undefined, "replace"))).toBe(2);
    expect(count(sheet([], "replace")) - count(sheet(undefined, "replace"))).toBe(1);
  });
});
