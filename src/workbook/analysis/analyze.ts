// The analysis operation: one read, a pure plan, one checked apply — or, with `write: false`, the
// statistics only (vpr analyze --json, the pane's summary before the sheets are made).
import { hasErrors, type Finding } from "../../core";
import type { WorkbookBackend } from "../backend";
import type { OperationResult } from "../operations";
import { applyWritePlan } from "../planCheck";
import type { AnalysisData } from "./analysisData";
import { planAnalysis, type AnalysisOptions } from "./planAnalysis";
import { registerAllCheckRules } from "../checkRuleList";

// The analysis's signs and the check's warnings come from the capabilities' rules (../checkRules.ts).
registerAllCheckRules();

export interface AnalyzeResult extends OperationResult {
  data: AnalysisData;
  /** The sheets written (none with write: false or when blocked). */
  sheets: string[];
}

export async function analyze(backend: WorkbookBackend, options: AnalysisOptions & { write?: boolean } = {}): Promise<AnalyzeResult> {
  const snapshot = await backend.read(null);
  const { plan, data, findings } = planAnalysis(snapshot, options);
  const all: Finding[] = [...findings, ...data.findings.filter((f) => f.severity === "warning" || f.code !== "row.blank")];
  const base = { data, findings: all, cellsWritten: 0 };
  if (hasErrors(findings)) return { ...base, status: "blocked", created: [], replaced: [], sheets: [] };
  if (options.write === false) return { ...base, status: "done", created: [], replaced: [], sheets: [] };
  await applyWritePlan(backend, plan, snapshot.sheetNames);
  return {
    ...base,
    status: "done",
    created: plan.sheets.filter((s) => s.mode === "create").map((s) => s.name),
    replaced: plan.sheets.filter((s) => s.mode === "replace").map((s) => s.name),
    sheets: plan.sheets.map((s) => s.name),
  };
}
