// The operations every face runs, each the same way on any back end: one read, a pure plan,
// one checked apply (./planCheck.ts). Faces pass a back end and, where a sheet would be
// replaced, a confirmation.
import { cryptoRandom, hasErrors, type Finding, type Random } from "../core";
import type { NewWorkbookPlan, Snapshot, WorkbookBackend, WritePlan } from "./backend";
import { checkWorkbook, type SheetCount } from "./check";
import { planCodes } from "./codes";
import { planAddWorks, planNewWorkbook, type NewWorkbookOptions } from "./newWorkbook";
import { replacedSheets } from "./ownership";
import { applyWritePlan } from "./planCheck";
import { planRemoveNames } from "./removeNames";
import { planScoreSheets } from "./scoreSheets";
import { planUploads, type UploadFile } from "./upload";

export interface OperationOptions {
  /** Asked with the names of the add-in's sheets a plan would replace; false cancels. Absent: replace. */
  confirmReplace?: (sheets: string[]) => Promise<boolean> | boolean;
  random?: Random;
}

export interface OperationResult {
  /** "done": applied; "blocked": errors, nothing written; "cancelled": the user said no. */
  status: "done" | "blocked" | "cancelled";
  findings: Finding[];
  created: string[];
  replaced: string[];
  /** Cells written in user sheets (roster codes, cleared names). */
  cellsWritten: number;
}

/** Every sheet of the workbook: operations need inputs and the sheets they own, whose names come from the inputs. */
export const readAll = (backend: WorkbookBackend): Promise<Snapshot> => backend.read(null);

/** `snapshot` is the read the plan was made from: the plan is checked against its sheets. */
async function applyPlan(backend: WorkbookBackend, snapshot: Snapshot, plan: WritePlan, findings: Finding[], options: OperationOptions): Promise<OperationResult> {
  const replaced = replacedSheets(plan.sheets);
  const created = plan.sheets.filter((s) => s.mode === "create").map((s) => s.name);
  const base = { findings, created, replaced, cellsWritten: plan.cellWrites.length };
  if (hasErrors(findings)) return { ...base, status: "blocked", created: [], replaced: [], cellsWritten: 0 };
  if (replaced.length > 0 && options.confirmReplace && !(await options.confirmReplace(replaced))) return { ...base, status: "cancelled", created: [], replaced: [], cellsWritten: 0 };
  if (plan.sheets.length > 0 || plan.cellWrites.length > 0) await applyWritePlan(backend, plan, snapshot.sheetNames);
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
  const { plan, findings, sheets } = planScoreSheets(snapshot, backend.formulaStyle);
  return { ...(await applyPlan(backend, snapshot, plan, findings, options)), sheets };
}

export async function check(backend: WorkbookBackend): Promise<{ findings: Finding[]; counts: SheetCount[] }> {
  const { findings, counts } = checkWorkbook(await readAll(backend));
  return { findings, counts };
}

export async function removeNames(backend: WorkbookBackend, options: OperationOptions = {}): Promise<OperationResult> {
  const snapshot = await readAll(backend);
  const { plan, findings } = planRemoveNames(snapshot);
  return applyPlan(backend, snapshot, plan, findings, options);
}

export interface BuiltFile {
  fileName: string;
  bytes: Uint8Array;
  file: UploadFile;
}

/**
 * Upload files as bytes. The xlsx writer (ExcelJS) is loaded only here, so the task pane pays for
 * it only when it builds forms. Nothing is written into the coordinator's workbook.
 */
export async function buildUploads(backend: WorkbookBackend, officialForms: Uint8Array[] = []): Promise<{ files: BuiltFile[]; findings: Finding[] }> {
  const { files, findings } = planUploads(await readAll(backend));
  if (hasErrors(findings)) return { files: [], findings };
  const { writeUploadFiles } = await import("./uploadFiles");
  return writeUploadFiles(files, findings, officialForms);
}

export type { NewWorkbookPlan };
