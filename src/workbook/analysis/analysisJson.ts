// `vpr analyze --json`: the statistics as documented in docs/ANALYSIS.md. Codes and figures only —
// never a name.
import type { ObjectivityFlag, ObjectivitySign, Reference, WorkStatistics } from "../../core";
import type { AnalysisData } from "./analysisData";

export interface AnalysisJson {
  school: string | null;
  year: string;
  thresholds: { basic: number; advanced: number };
  works: (WorkStatistics & { reference: Reference | null })[];
  /** Score cells changed since the last upload («Журнал баллов»); null before any upload. */
  changesSinceUpload: number | null;
  /** Signs of possibly non-objective results (docs/OBJECTIVITY.md). */
  flags: { code: ObjectivitySign; workId: string; class: string | null; message: string; numbers: ObjectivityFlag["numbers"]; small: boolean }[];
}

export const analysisJson = (data: AnalysisData): AnalysisJson => ({
  school: data.school,
  year: data.year,
  thresholds: data.thresholds,
  works: data.works.map((w) => ({ ...w.statistics, reference: data.references.get(w.work.id.toUpperCase()) ?? null })),
  changesSinceUpload: data.changesSinceUpload,
  flags: data.flags.map((f) => ({ code: f.code, workId: f.workId, class: f.class, message: f.message, numbers: f.numbers, small: f.small })),
});
