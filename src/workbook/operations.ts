// The operations every face runs, each the same way on any back end: one read, a pure plan,
// one checked apply (./planCheck.ts). Faces pass a back end and, where a sheet would be
// replaced, a confirmation.
import { cryptoRandom, hasErrors, type Finding, type Random } from "../core";
import type { NewWorkbookPlan, Snapshot, WorkbookBackend, WritePlan } from "./backend";
import { checkWorkbook, type SheetCount } from "./check";
import { registerAllCheckRules } from "./checkRuleList";
import { planCodes } from "./codes";
import { planAddWorks, planNewWorkbook, type NewWorkbookOptions } from "./newWorkbook";
import { replacedSheets } from "./ownership";
import { applyWritePlan } from "./planCheck";
import { planScoreSheets } from "./scoreSheets";
import type { UploadForm } from "./forms";
import { planUploads, type UploadFile, type UploadOptions } from "./upload";
import type { FingerprintChange } from "./fingerprint/changes";
import { LOG_SHEET, isLogSheetName } from "./fingerprint/logSheet";
import { planFingerprint, type FingerprintRecord } from "./fingerprint/record";

// Every face that runs an operation runs the check with the capabilities' rules (./checkRules.ts).
registerAllCheckRules();

export interface OperationOptions {
  /** Asked with the names of the add-in's sheets a plan would replace; false cancels. Absent: replace. */
  confirmReplace?: (sheets: string[]) => Promise<boolean> | boolean;
  random?: Random;
  /** Score sheets: the coordinator agreed to move scores whose column is gone to «Архив баллов». */
  archiveScores?: boolean;
  /** Today as yyyy-mm-dd (dates written into sheets); the clock when absent. */
  today?: string;
}

export interface OperationResult {
  /** "done": applied; "blocked": errors, nothing written; "cancelled": the user said no. */
  status: "done" | "blocked" | "cancelled";
  findings: Finding[];
  created: string[];
  replaced: string[];
  /** Sheets the add-in made that were merged into (rows added, formulas refreshed; nothing typed moved). */
  merged?: string[];
  /** Cells written in user sheets (roster codes, cleared names). */
  cellsWritten: number;
}

/** Every sheet of the workbook: operations need inputs and the sheets they own, whose names come from the inputs. */
export const readAll = (backend: WorkbookBackend): Promise<Snapshot> => backend.read(null);

/** `snapshot` is the read the plan was made from: the plan is checked against its sheets. */
async function applyPlan(backend: WorkbookBackend, snapshot: Snapshot, plan: WritePlan, findings: Finding[], options: OperationOptions): Promise<OperationResult> {
  const replaced = replacedSheets(plan.sheets);
  const created = plan.sheets.filter((s) => s.mode === "create").map((s) => s.name);
  const merged = (plan.merges ?? []).map((m) => m.name);
  const base = { findings, created, replaced, merged, cellsWritten: plan.cellWrites.length };
  if (hasErrors(findings)) return { ...base, status: "blocked", created: [], replaced: [], merged: [], cellsWritten: 0 };
  if (replaced.length > 0 && options.confirmReplace && !(await options.confirmReplace(replaced))) return { ...base, status: "cancelled", created: [], replaced: [], merged: [], cellsWritten: 0 };
  if (plan.sheets.length > 0 || plan.cellWrites.length > 0 || merged.length > 0) await applyWritePlan(backend, plan, snapshot.sheetNames);
  return { ...base, status: "done" };
}

export async function createInputSheets(backend: WorkbookBackend, init: NewWorkbookOptions = {}, options: OperationOptions = {}): Promise<OperationResult & { skipped: string[] }> {
  const snapshot = await readAll(backend);
  const { plan, findings, skipped } = planNewWorkbook(snapshot, init);
  return { ...(await applyPlan(backend, snapshot, plan, findings, options)), skipped };
}

/** Built-in works added to «Критерии» below what the coordinator has there. */
export async function addWorks(backend: WorkbookBackend, ids: readonly string[]): Promise<OperationResult & { added: string[]; present: string[] }> {
  const snapshot = await readAll(backend);
  const { plan, findings, added, present } = planAddWorks(snapshot, ids);
  return { ...(await applyPlan(backend, snapshot, plan, findings, {})), added, present };
}

export async function makeCodes(backend: WorkbookBackend, options: OperationOptions = {}): Promise<OperationResult & { assigned: number }> {
  const snapshot = await readAll(backend);
  const { plan, findings, assigned } = planCodes(snapshot, options.random ?? cryptoRandom());
  const result = await applyPlan(backend, snapshot, plan, findings, options);
  return { ...result, assigned: result.status === "done" ? assigned : 0 };
}

export async function makeScoreSheets(backend: WorkbookBackend, options: OperationOptions = {}): Promise<OperationResult & { sheets: { name: string; rows: number; kept: number }[] }> {
  const snapshot = await readAll(backend);
  const { plan, findings, sheets } = planScoreSheets(snapshot, backend.formulaStyle, { archive: options.archiveScores, today: options.today });
  return { ...(await applyPlan(backend, snapshot, plan, findings, options)), sheets };
}

export async function check(backend: WorkbookBackend): Promise<{ findings: Finding[]; counts: SheetCount[]; forms: UploadForm[] }> {
  const { findings, counts, forms } = checkWorkbook(await readAll(backend));
  return { findings, counts, forms };
}

/** Remove names: its own module, with its own question (what will be cleared). */
export { removeNames, type RemoveNamesOptions, type RemoveNamesSummary } from "./removeNames";

export interface BuiltFile {
  fileName: string;
  bytes: Uint8Array;
  file: UploadFile;
}

/** What an upload gives: the files, and what «Журнал баллов» recorded and found changed. */
export interface UploadResult {
  files: BuiltFile[];
  findings: Finding[];
  forms: UploadForm[];
  /** What changed since the previous upload of each form just built (./fingerprint). */
  changes: FingerprintChange[];
  /** The forms recorded in «Журнал баллов» by this upload (none when each was uploaded as it was before). */
  recorded: FingerprintRecord["recorded"];
}

/** Today as yyyy-mm-dd by the local clock (the date the log records). */
const localToday = (d = new Date()): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

/**
 * Upload files as bytes, one per ready form (`forms` tells which are not ready, and why). The
 * xlsx writer is loaded only here, so the task pane pays for it only when it builds forms. One
 * read, then one apply: the score rows of the forms built are appended to «Журнал баллов»
 * (./fingerprint), which no form ever carries.
 */
export async function buildUploads(backend: WorkbookBackend, officialForms: Uint8Array[] = [], options: UploadOptions = {}): Promise<UploadResult> {
  const snapshot = await readAll(backend);
  const planned = planUploads(snapshot, options);
  const { findings, forms } = planned;
  if (planned.files.length === 0) return { files: [], findings, forms, changes: [], recorded: [] };
  const { writeUploadFiles } = await import("./uploadFiles");
  const written = await writeUploadFiles(planned.files, findings, officialForms);
  // Forms are built from nothing, so the log cannot travel; said here so that it never will.
  for (const f of written.files) {
    if (f.file.workbook.sheets.some((s) => isLogSheetName(s.name))) throw new Error(`форма «${f.fileName}» содержит лист «${LOG_SHEET}»: такая форма не должна покидать книгу`);
  }
  const record = planFingerprint(snapshot, planned, written.files.map((f) => f.file), options.today ?? localToday());
  if (record.plan) await applyWritePlan(backend, record.plan, snapshot.sheetNames);
  return { files: written.files, findings: [...written.findings, ...record.findings], forms, changes: record.changes, recorded: record.recorded };
}

export type { NewWorkbookPlan };
