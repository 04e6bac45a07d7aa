// `vpr analyze --json`: the statistics as documented in docs/ANALYSIS.md. Codes and figures only —
// never a name.
import type { WorkStatistics } from "../../core";
import type { AnalysisData } from "./analysisData";

export interface AnalysisJson {
  school: string | null;
  year: string;
  thresholds: { basic: number; advanced: number };
  works: WorkStatistics[];
}

export const analysisJson = (data: AnalysisData): AnalysisJson => ({
  school: data.school,
  year: data.year,
  thresholds: data.thresholds,
  works: data.works.map((w) => w.statistics),
});
