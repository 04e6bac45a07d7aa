// The charts of a sheet we write whole: one drawing part for the sheet (a twoCellAnchor per chart,
// each a graphicFrame pointing at its chart part), the drawing's relationships, a chart part per
// chart and their content types. Part numbers are the first free ones, so charts and drawings of
// other sheets (the user's, other programs') are never overwritten. The old drawing of a replaced
// sheet is not touched here: it goes with the sheet's old relationships (orphan removal in
// ./applyPlan.ts). Browser-safe.

import type { SheetPlan } from "../../backend";
import { CT, setOverride } from "../package/contentTypes";
import { freePart } from "../package/partNames";
import { addRelationship, REL, RELATIONSHIPS_NS } from "../package/relationships";
import { escapeAttr } from "../package/xml";
import type { XlsxPackage } from "../package/XlsxPackage";
import { CHART_NS, DRAWING_MAIN_NS, chartXml } from "./chartXml";

const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

type Anchor = NonNullable<SheetPlan["charts"]>[number]["anchor"];

/** The plan's anchor covers its `to` cell, so the frame ends at the start of the next row and column. */
function anchorXml(anchor: Anchor): string {
  const at = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return at("from", anchor.from.row, anchor.from.col) + at("to", anchor.to.row + 1, anchor.to.col + 1);
}

function frameXml(anchor: Anchor, id: number, name: string, relId: string): string {
  return (
    `<xdr:twoCellAnchor>${anchorXml(anchor)}<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeAttr(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
  );
}

/**
 * Writes the drawing and chart parts of `plan.charts` for the sheet part `sheetPart` (whose old
 * relationships, if any, are already gone) and relates the drawing to it. Returns the id of that
 * relationship for the sheet's <drawing r:id>, or undefined when the plan has no charts.
 */
export async function writeSheetCharts(pkg: XlsxPackage, sheetPart: string, plan: Pick<SheetPlan, "name" | "values" | "formulas" | "charts">, taken: Set<string>): Promise<string | undefined> {
  const charts = plan.charts ?? [];
  if (charts.length === 0) return undefined;
  const drawing = freePart(pkg, "xl/drawings", "drawing", taken);
  const frames: string[] = [];
  for (const [i, chart] of charts.entries()) {
    const part = freePart(pkg, "xl/charts", "chart", taken);
    pkg.setText(part, chartXml(plan, chart));
    await setOverride(pkg, part, CT.chart);
    const relId = await addRelationship(pkg, drawing, REL.chart, part);
    // cNvPr ids are unique within the drawing; 1 is left to the drawing itself, as Excel does.
    frames.push(frameXml(chart.anchor, i + 2, `Диаграмма ${i + 1}`, relId));
  }
  pkg.setText(
    drawing,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWING_MAIN_NS}">${frames.join("")}</xdr:wsDr>`,
  );
  await setOverride(pkg, drawing, CT.drawing);
  return addRelationship(pkg, sheetPart, REL.drawing, drawing);
}
