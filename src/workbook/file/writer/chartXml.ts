// One ChartPlan as a DrawingML chart part (xl/charts/chartN.xml): a bar or line chart whose series
// point at ranges of its own sheet, with the values of those cells cached in the part, so Excel,
// LibreOffice and Р7 draw it on open without recalculating. Elements follow the schema's order
// (CT_ChartSpace, CT_BarChart, CT_BarSer, CT_LineSer, CT_CatAx, CT_ValAx). The plan was checked
// before. Browser-safe.

import type { CellValue, ChartPlan, SheetPlan } from "../../backend";
import { cellAddress, parseRangeAddress, sheetRef } from "../../../core/address";
import { escapeText } from "../package/xml";
import { numberText } from "./sheetXml";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWING_MAIN_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";

// Axis ids only need to be unique inside one chart part.
const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** What a read of the sheet gives at (row, col): the plan's value, or a formula block's cached result. */
export function planCells(plan: Pick<SheetPlan, "values" | "formulas">): (row: number, col: number) => CellValue {
  const results = new Map<number, CellValue>();
  for (const block of plan.formulas ?? []) {
    const { row, col, rows, cols } = parseRangeAddress(block.range.replace(/\$/g, ""));
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) results.set((row + i) * 16384 + col + j, block.results?.[i]?.[j] ?? null);
  }
  return (r, c) => {
    const k = r * 16384 + c;
    return results.has(k) ? results.get(k)! : (plan.values[r]?.[c] ?? null);
  };
}

/** The cells of a one-row or one-column range, in order. */
function rangeCells(range: string): { row: number; col: number }[] {
  const a = parseRangeAddress(range.replace(/\$/g, ""));
  const out: { row: number; col: number }[] = [];
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.push({ row: a.row + i, col: a.col + j });
  return out;
}

/** 'Sheet'!$A$4:$A$9 — absolute, so moving the chart never moves its data. */
function absoluteRef(sheet: string, range: string): string {
  const a = parseRangeAddress(range.replace(/\$/g, ""));
  const abs = (r: number, c: number) => cellAddress(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const end = a.rows === 1 && a.cols === 1 ? "" : `:${abs(a.row + a.rows - 1, a.col + a.cols - 1)}`;
  return sheetRef(sheet, `${abs(a.row, a.col)}${end}`);
}

const hex = (color: string) => color.replace(/^#/, "").toUpperCase();

/**
 * Office's default series colours (accents 1–6 of its theme), written out for series the plan
 * leaves uncoloured: without a theme part (a workbook built from nothing) LibreOffice draws such
 * bars empty and such lines as bare markers. Excel would pick the same colours itself.
 */
const PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

/** Rich text as chart and axis titles carry it; `rotated` turns a vertical axis title upright. */
function titleXml(text: string, size: number, bold: boolean, rotated = false): string {
  const rPr = `sz="${size}" b="${bold ? 1 : 0}"`;
  const bodyPr = rotated ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  return (
    `<c:title><c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr ${rPr}/></a:pPr>` +
    `<a:r><a:rPr lang="ru-RU" ${rPr}/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function strCacheXml(ref: string, values: CellValue[]): string {
  const pts = values.map((v, i) => (v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeText(typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v))}</c:v></c:pt>`)).join("");
  return `<c:strRef><c:f>${escapeText(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numCacheXml(ref: string, values: CellValue[]): string {
  // Only numbers are points: an empty or text cell is a gap, as Excel draws it.
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${numberText(v)}</c:v></c:pt>` : "")).join("");
  return `<c:numRef><c:f>${escapeText(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

function seriesXml(chart: ChartPlan, index: number, sheet: string, cell: (r: number, c: number) => CellValue): string {
  const s = chart.series[index];
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>`;
  const cat = `<c:cat>${strCacheXml(absoluteRef(sheet, chart.categories), rangeCells(chart.categories).map((p) => cell(p.row, p.col)))}</c:cat>`;
  const val = `<c:val>${numCacheXml(absoluteRef(sheet, s.values), rangeCells(s.values).map((p) => cell(p.row, p.col)))}</c:val>`;
  const fill = `<a:solidFill><a:srgbClr val="${hex(s.color ?? PALETTE[index % PALETTE.length])}"/></a:solidFill>`;
  if (chart.type === "line") {
    const spPr = `<c:spPr><a:ln w="28575" cap="rnd">${fill}<a:round/></a:ln></c:spPr>`;
    const marker = `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${fill}<a:ln>${fill}</a:ln></c:spPr></c:marker>`;
    return `<c:ser>${head}${spPr}${marker}${cat}${val}<c:smooth val="0"/></c:ser>`;
  }
  return `<c:ser>${head}<c:spPr>${fill}</c:spPr><c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
}

function axesXml(chart: ChartPlan): string {
  const horizontal = chart.type === "bar";
  // Horizontal bars list their categories top-down, as the table beside them does; the value axis
  // then crosses at the last category, so it stays at the bottom.
  const catScaling = horizontal ? '<c:scaling><c:orientation val="maxMin"/></c:scaling>' : '<c:scaling><c:orientation val="minMax"/></c:scaling>';
  const valScaling = `<c:scaling><c:orientation val="minMax"/>${chart.valueMax !== undefined ? `<c:max val="${numberText(chart.valueMax)}"/>` : ""}</c:scaling>`;
  const catTitle = chart.categoryTitle ? titleXml(chart.categoryTitle, 1000, false, horizontal) : "";
  const valTitle = chart.valueTitle ? titleXml(chart.valueTitle, 1000, false, !horizontal) : "";
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/>${catScaling}<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>${catTitle}` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/>${valScaling}<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>${valTitle}` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

function plotXml(chart: ChartPlan, sheet: string, cell: (r: number, c: number) => CellValue): string {
  const series = chart.series.map((_, i) => seriesXml(chart, i, sheet, cell)).join("");
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  if (chart.type === "line") {
    // Stacking and overlap are properties of bars; a line chart draws each series as it is.
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`;
  }
  // Stacked bars and overlapping bars both sit on one another (overlap 100): only then does a
  // category with a value in one series show one whole bar.
  const together = chart.stacked || chart.overlap;
  const gaps = `<c:gapWidth val="${together ? 50 : 150}"/>${together ? '<c:overlap val="100"/>' : ""}`;
  return (
    `<c:barChart><c:barDir val="${chart.type === "bar" ? "bar" : "col"}"/><c:grouping val="${chart.stacked ? "stacked" : "clustered"}"/>` +
    `<c:varyColors val="0"/>${series}${gaps}${axIds}</c:barChart>`
  );
}

/** The chart part of `chart`, drawn from the sheet written from `plan`. */
export function chartXml(plan: Pick<SheetPlan, "name" | "values" | "formulas">, chart: ChartPlan): string {
  const cell = planCells(plan);
  const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    '<c:date1904 val="0"/><c:lang val="ru-RU"/><c:roundedCorners val="0"/>' +
    `<c:chart>${titleXml(chart.title, 1400, true)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotXml(chart, plan.name, cell)}${axesXml(chart)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    "</c:chartSpace>"
  );
}

