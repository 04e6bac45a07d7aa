// Where the workbook stands, from one snapshot of every sheet (backend.read(null)): the step list
// of the task pane is drawn from this. Pure: unit-tested on plain arrays.
import type { Finding } from "../core";
import type { Snapshot } from "../workbook/backend";
import { checkWorkbook } from "../workbook/check";
import { INPUT_SHEETS, SETTINGS_SHEET } from "../workbook/contract";
import { detectUploadForm, type UploadFormSign } from "../workbook/formDetector";
import type { UploadForm } from "../workbook/forms";
import { existingName } from "../workbook/ownership";
import { retentionStatus, type RetentionStatus } from "../workbook/retention";
import { readSettingsValues } from "../workbook/settings";

/** done: finished; todo: the next thing to do (or redo); waiting: an earlier step must be done first; problem: something to fix. */
export type StepState = "done" | "todo" | "waiting" | "problem";

export interface WorkbookStatus {
  /** Every sheet of the workbook, in tab order (steps whose own sheets tell their state read it). */
  sheetNames: string[];
  sheets: { present: number; total: number; missing: string[] };
  settings: { exists: boolean; ok: boolean; values: { school: string; schoolName: string; year: string; xLetter: string }; findings: Finding[] };
  roster: { students: number; classes: number; planRows: number; findings: Finding[] };
  /** `cleared`: roster codes someone erased while score sheets carry them — to be typed back, never replaced by new codes. */
  codes: { assigned: number; total: number; pool: number; cleared: Finding[] };
  scoreSheets: { made: number; expected: number };
  /** Rows of the score sheets: with a code, and typed (a variant, scores or «отсутствовал»). */
  scores: { rows: number; filled: number };
  /** Every problem the check finds, except rows not filled yet (counted in `scores`). */
  problems: { errors: number; warnings: number; findings: Finding[] };
  /** `forms`: every form with its readiness (the check's, ../workbook/forms.ts); `ready`: at least one can be built. */
  upload: { ready: boolean; files: number; readyFiles: number; forms: UploadForm[] };
  /** Names left, the keeping period of the protocols and whether to remind (the step «Удалить ФИО»). */
  retention: RetentionStatus;
  /** Not null when the open file is an upload form for FIS OKO, not the coordinator's workbook: the pane then offers no step. */
  uploadForm: UploadFormSign | null;
}

export function workbookStatus(snapshot: Snapshot, today: Date = new Date()): WorkbookStatus {
  const missing = INPUT_SHEETS.filter((s) => !existingName(snapshot, s));
  const result = checkWorkbook(snapshot);
  const { inputs } = result;
  const students = inputs.roster.students;
  const settingsFindings = inputs.findings.filter((f) => f.sheet === SETTINGS_SHEET);
  const settingsExists = existingName(snapshot, SETTINGS_SHEET) !== undefined;
  const rosterFindings = inputs.findings.filter((f) => f.sheet !== SETTINGS_SHEET && f.code !== "sheet.missing");
  const made = result.counts.length;
  const expected = made + result.findings.filter((f) => f.code === "sheet.scores-missing").length;
  const rows = result.counts.reduce((n, c) => n + c.rows, 0);
  const blank = result.findings.filter((f) => f.code === "row.blank").length;
  const problems = result.findings.filter((f) => f.code !== "row.blank" && f.code !== "sheet.scores-missing" && !(f.code === "sheet.missing" && missing.length > 0));
  const errors = problems.filter((f) => f.severity === "error").length;
  const readyFiles = result.forms.filter((f) => f.ready).length;
  const settingsOk = settingsExists && inputs.settings.school !== null && !settingsFindings.some((f) => f.severity === "error");
  return {
    sheetNames: snapshot.sheetNames,
    sheets: { present: INPUT_SHEETS.length - missing.length, total: INPUT_SHEETS.length, missing },
    settings: { exists: settingsExists, ok: settingsOk, values: readSettingsValues(snapshot), findings: settingsFindings },
    roster: { students: students.length, classes: inputs.roster.classes.length, planRows: inputs.schedule.length, findings: rosterFindings },
    codes: { assigned: students.filter((s) => s.code !== null).length, total: students.length, pool: inputs.pool.length, cleared: result.findings.filter((f) => f.code === "roster.code-cleared") },
    scoreSheets: { made, expected },
    scores: { rows, filled: rows - blank },
    problems: { errors, warnings: problems.length - errors, findings: problems },
    upload: { ready: settingsOk && readyFiles > 0, files: result.forms.length, readyFiles, forms: result.forms },
    retention: retentionStatus(snapshot, today),
    uploadForm: detectUploadForm(snapshot),
  };
}
