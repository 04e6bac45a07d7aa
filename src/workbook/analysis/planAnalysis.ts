// The analysis as a write plan: «Анализ», one sheet per work, «Результаты учеников» and
// «Результаты для родителей» — all add-in owned and rebuilt whole (nothing typed lives there);
// a sheet of the user's with one of these names is never touched (an error says what to do).
import type { Finding } from "../../core";
import type { SheetPlan, Snapshot, WritePlan } from "../backend";
import { placeSheet, type OwnedKind } from "../ownership";
import { readAnalysisData, type AnalysisData } from "./analysisData";
import { parentSlipsSheet } from "./parentSlipsSheet";
import { resultsSheet } from "./resultsSheet";
import { summarySheet } from "./summarySheet";
import { workSheet } from "./workSheet";
import { objectivitySheet } from "../objectivity/objectivitySheet";
import { OWNED_TAB } from "../contract";
import { SUMMARY_SHEET } from "./analysisSheets";

export interface AnalysisPlan {
  plan: WritePlan;
  data: AnalysisData;
  /** Sheet conflicts (a user's sheet with our name); the check's findings stay in `data.findings`. */
  findings: Finding[];
}

export interface AnalysisOptions {
  /** Date written on the sheets, e.g. "26.11.2026"; default: today. */
  today?: string;
  /** Also «Результаты учеников» (results by name, for teachers); default true. */
  byName?: boolean;
  /**
   * Also «Результаты для родителей», a slip per student and work; default false: asked for on its
   * own (the pane's button, `vpr analyze --slips`), as a large school's slips are thousands of
   * printed pages and the largest write of the analysis.
   */
  slips?: boolean;
}

export const todayText = (d: Date = new Date()): string => `${String(d.getDate()).padStart(2, "0")}.${String(d.getMonth() + 1).padStart(2, "0")}.${d.getFullYear()}`;

export function planAnalysis(snapshot: Snapshot, options: AnalysisOptions = {}): AnalysisPlan {
  const data = readAnalysisData(snapshot);
  const today = options.today ?? todayText();
  const findings: Finding[] = [];
  const wanted: [Omit<SheetPlan, "mode">, OwnedKind][] = [
    [summarySheet(data, today), "analysis"],
    ...data.works.map((w): [Omit<SheetPlan, "mode">, OwnedKind] => [workSheet(w.statistics, `работа ${w.work.id}`, data.references.get(w.work.id.toUpperCase()) ?? null), "analysis"]),
    [objectivitySheet(data, today), "objectivity"],
  ];
  if (options.byName !== false) wanted.push([resultsSheet(data), "results"]);
  if (options.slips) wanted.push([parentSlipsSheet(data, today), "parentSlips"]);
  const sheets: SheetPlan[] = [];
  for (const [sheet, kind] of wanted) {
    const placed = placeSheet(snapshot, { ...sheet, tabColor: OWNED_TAB }, kind, findings);
    if (placed) sheets.push(placed);
  }
  return { plan: { sheets, cellWrites: [], activate: sheets.some((s) => s.name === SUMMARY_SHEET) ? SUMMARY_SHEET : undefined }, data, findings };
}
