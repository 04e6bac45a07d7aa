// Charts: a sheet's `ChartPlan`s (../backend.ts) → ops that queue Office.js chart calls in the
// same batch as the sheet's values — nothing is loaded and nothing is synced here. Every series is
// set explicitly (values, categories, name as text), whatever Excel guessed from the range the
// chart was added with. Our charts carry numbered names (`chartName`); a replaced sheet that has
// `charts` in its plan first deletes every such name (`getItemOrNullObject(name).delete()`), so
// charts never pile up and a chart the user made on the sheet stays. See ./README.md «Charts».

import type { ChartPlan, SheetPlan } from "../backend";
import { cellAddress, parseRangeAddress } from "../../core/address";
import { fixed, type Op } from "./batching";

/** The name of the `index`-th (0-based) chart the add-in puts on a sheet: stable from run to run. */
export function chartName(index: number): string {
  return `ВПР диаграмма ${index + 1}`;
}

/**
 * How many of our chart names a replace deletes at least: more than any planner puts on one sheet,
 * so a re-run that draws fewer charts than the last one leaves none of the old ones behind.
 */
export const CHART_NAME_SLOTS = 12;

/**
 * Gap between categories, in % of a bar, where the bars of all series sit on one another (overlap
 * or stacked): narrow, so a distribution reads as one shape. The file back end writes the same
 * `c:gapWidth`; other bar charts keep Excel's default.
 */
export const TOGETHER_GAP_WIDTH = 50;

export interface ChartFeatures {
  /** ExcelApi 1.8: `ChartSeries.overlap`. Without it an `overlap` chart is drawn stacked. */
  seriesOverlap: boolean;
}

type ChartKind = "ColumnClustered" | "ColumnStacked" | "BarClustered" | "BarStacked" | "Line";

/**
 * Office.js chart type of a plan. Stacking and overlap are properties of bars: a line chart draws
 * each series as it is (as the file back end does). A stacked plan is stacked; an `overlap` plan
 * without ExcelApi 1.8 is drawn stacked too: with a value in one series per category (what
 * `overlap` is for) a stack draws the same single bar per category.
 */
export function chartType(c: ChartPlan, can: ChartFeatures): ChartKind {
  if (c.type === "line") return "Line";
  const stacked = c.stacked === true || (c.overlap === true && !can.seriesOverlap);
  if (c.type === "bar") return stacked ? "BarStacked" : "BarClustered";
  return stacked ? "ColumnStacked" : "ColumnClustered";
}

/** "A4:A9" → how Excel should read the range a chart is added with: a column is one series. */
function seriesBy(range: string): "Columns" | "Rows" {
  return parseRangeAddress(range.replace(/\$/g, "")).cols === 1 ? "Columns" : "Rows";
}

/**
 * Delete our charts (every `chartName` up to the plan's count or CHART_NAME_SLOTS) of a replaced
 * sheet whose plan has `charts`. A name with no chart is a null object, and deleting it does
 * nothing (README: «Charts» — an assumption to verify on each host). A plan without `charts` leaves
 * the sheet's charts alone.
 */
export function chartDeleteOp(p: SheetPlan): Op | undefined {
  if (p.mode !== "replace" || p.charts === undefined) return undefined;
  const names = Array.from({ length: Math.max(CHART_NAME_SLOTS, p.charts.length) }, (_, i) => chartName(i));
  return fixed(names.length, names, (s) => {
    const charts = s.sheet(p.name).charts;
    for (const name of names) charts.getItemOrNullObject(name).delete();
  });
}

/** One op per chart: add, name, series (values, categories, name, colour, overlap), titles, axis, legend, position. */
export function chartOps(p: SheetPlan, can: ChartFeatures): Op[] {
  return (p.charts ?? []).filter((c) => c.series.length > 0).map((c, i) => chartOp(p.name, c, i, can));
}

function chartOp(sheet: string, c: ChartPlan, index: number, can: ChartFeatures): Op {
  const name = chartName(index);
  const type = chartType(c, can);
  const bars = c.type !== "line";
  const overlap = bars && c.overlap === true && can.seriesOverlap;
  const together = bars && (c.overlap === true || c.stacked === true);
  const from = cellAddress(c.anchor.from.row, c.anchor.from.col);
  const to = cellAddress(c.anchor.to.row, c.anchor.to.col);
  const perSeries = 5 + (overlap ? 1 : 0) + (together ? 1 : 0);
  const settings = [c.title, c.categoryTitle, c.valueTitle, c.valueMax].filter((x) => x !== undefined).length;
  // add, name, getItemAt, legend, setPosition, then each series (add or look-up, values, categories,
  // name, colour, overlap, gap), then the titles and the axis maximum.
  const actions = 5 + c.series.length * perSeries + settings;
  return fixed(actions, [sheet, name, type, from, to, c], (s) => {
    const ws = s.sheet(sheet);
    const categories = ws.getRange(c.categories);
    const chart = ws.charts.add(type, ws.getRange(c.series[0].values), seriesBy(c.series[0].values));
    chart.name = name;
    c.series.forEach((plan, i) => {
      const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(plan.name);
      series.setValues(ws.getRange(plan.values));
      series.setXAxisValues(categories);
      // The series Excel made from the range gets its name here; an added one got it from add().
      if (i === 0) series.name = plan.name;
      if (plan.color !== undefined) {
        if (bars) series.format.fill.setSolidColor(plan.color);
        else series.format.line.color = plan.color;
      }
      if (overlap) series.overlap = 100;
      if (together) series.gapWidth = TOGETHER_GAP_WIDTH;
    });
    if (c.title !== undefined) chart.title.text = c.title;
    if (c.categoryTitle !== undefined) chart.axes.categoryAxis.title.text = c.categoryTitle;
    if (c.valueTitle !== undefined) chart.axes.valueAxis.title.text = c.valueTitle;
    if (c.valueMax !== undefined) chart.axes.valueAxis.maximum = c.valueMax;
    chart.legend.visible = c.series.length > 1;
    chart.setPosition(from, to);
  });
}
