// The school's side of a re-check, as operations every face runs: the package (the checklist
// «Перепроверка» merged into the workbook and the electronic protocol as its own .xlsx) and the
// scan check of a folder. One read each; the package applies once, after its file is built, so a
// protocol that cannot be built leaves the workbook as it was.
import { hasErrors, type Finding } from "../../core";
import type { WorkbookBackend } from "../backend";
import { checkWorkbook } from "../check";
import { registerAllCheckRules } from "../checkRuleList";
import type { OperationResult } from "../operations";
import { checkNewWorkbookPlan, applyWritePlan } from "../planCheck";
import { planChecklist } from "./checklistSheet";
import type { RecheckList } from "./listFile";
import { recheckProtocol } from "./protocolFile";
import { checkScans, type ScanCheck, type ScanEntry } from "./scans";
import { schoolWorks, type ListedWork } from "./schoolWorks";

// The check these operations run is the whole check, with the capabilities' rules.
registerAllCheckRules();

export interface RecheckPackageResult extends OperationResult {
  school: string;
  /** The school's works on the list (absent and not-found ones too, with their status). */
  works: ListedWork[];
  /** The protocol .xlsx; null when blocked or when no listed work has scores. */
  protocol: { fileName: string; bytes: Uint8Array; rows: number } | null;
}

export async function buildRecheckPackage(backend: WorkbookBackend, list: RecheckList): Promise<RecheckPackageResult> {
  const snapshot = await backend.read(null);
  const checked = checkWorkbook(snapshot);
  const { school, works, findings } = schoolWorks(list, checked);
  const none = { school, works, protocol: null, created: [], replaced: [], merged: [], cellsWritten: 0 };
  if (hasErrors(findings)) return { ...none, status: "blocked", findings };
  const checklist = planChecklist(snapshot, works);
  const all: Finding[] = [...findings, ...checklist.findings];
  if (hasErrors(all)) return { ...none, status: "blocked", findings: all };
  let protocol: RecheckPackageResult["protocol"] = null;
  const planned = recheckProtocol(school, works, checked.inputs, checked.inputs.settings.xLetter);
  if (planned) {
    checkNewWorkbookPlan(planned.workbook);
    // The writer is loaded only here, as for the upload forms.
    const { buildNewWorkbook } = await import(/* webpackChunkName: "recheck-protocol" */ "../file/newWorkbook");
    protocol = { fileName: planned.fileName, bytes: await buildNewWorkbook(planned.workbook), rows: planned.sheets.reduce((n, s) => n + s.rows.length, 0) };
  }
  await applyWritePlan(backend, checklist.plan, snapshot.sheetNames);
  return {
    ...none,
    status: "done",
    findings: all,
    protocol,
    created: checklist.plan.sheets.map((s) => s.name),
    merged: (checklist.plan.merges ?? []).filter((m) => m.cells.length > 0).map((m) => m.name),
  };
}

export interface RecheckScansResult extends ScanCheck {
  school: string;
  works: ListedWork[];
  /** The list's and the workbook's problems (not the scans'); errors mean no check was made. */
  findings: Finding[];
}

/** The scans in a folder against the school's listed works; reads the workbook, writes nothing. */
export async function checkRecheckScans(backend: WorkbookBackend, list: RecheckList, entries: readonly ScanEntry[]): Promise<RecheckScansResult> {
  const { school, works, findings } = schoolWorks(list, checkWorkbook(await backend.read(null)));
  // A row with wrong scores does not change which scans are due.
  const blocking = findings.filter((f) => f.severity === "error" && f.code !== "recheck.scores");
  if (blocking.length > 0) return { school, works, findings, problems: [], expected: 0, ready: 0 };
  return { school, works, findings, ...checkScans(school, works, entries) };
}
