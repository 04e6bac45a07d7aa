// The discrepancy report from files already read: the commission's protocols say which works were
// re-checked and how they are built; the original scores are read against those works; core
// compares them (src/core/recheck/discrepancy.ts).
import { discrepancies, type DiscrepancyReport, type Finding, type ListedWorks, type RecheckWork, type ScoredWork } from "../../core";
import type { Snapshot } from "../backend";
import { readCommissionProtocol } from "./commissionRead";
import { readOriginal } from "./originalRead";

export interface ReadFile {
  /** As the user gave it: messages name it. */
  file: string;
  snapshot: Snapshot;
}

export interface ReportResult {
  /** null when nothing could be compared (the findings say why). */
  report: DiscrepancyReport | null;
  /** What stopped a file from being read (errors) — the report's own findings are in `report`. */
  findings: Finding[];
}

export function planDiscrepancyReport(originals: readonly ReadFile[], rechecks: readonly ReadFile[], list?: ListedWorks): ReportResult {
  const findings: Finding[] = [];
  const works: RecheckWork[] = [];
  const recheck: ScoredWork[] = [];
  for (const r of rechecks) {
    const read = readCommissionProtocol(r.snapshot, r.file);
    findings.push(...read.findings);
    recheck.push(...read.rows);
    // The same work in several commission files (one per municipality's expert, say) is described once.
    for (const w of read.works) if (!works.some((x) => x.workId.toUpperCase() === w.workId.toUpperCase())) works.push(w);
  }
  if (works.length === 0) {
    if (!findings.some((f) => f.severity === "error")) findings.push({ severity: "error", code: "recheck.no-works", message: "в протоколах комиссии нет ни одной работы" });
    return { report: null, findings };
  }
  const original: ScoredWork[] = [];
  for (const o of originals) {
    const read = readOriginal(o.snapshot, o.file, works);
    findings.push(...read.findings);
    original.push(...read.rows);
  }
  return { report: discrepancies(works, original, recheck, list), findings };
}
