// «Настройки» from a form: the task pane's settings step. A pure planner that turns typed values
// into cell writes in column B of the rows labelled «Код ОО», «Наименование ОО», «Год»,
// «Символ «не приступал»» and «Хранить работы и протоколы, дней» (B2..B6 in a workbook the add-in
// made), and the operation that runs it: one read of «Настройки», one apply. Only the values that
// differ from the sheet are written. The retention period is validated here and only here
// (`retentionProblem`): the form, the planner and every reader of the sheet call it.
import { DEFAULT_OBJECTIVITY, DEFAULT_THRESHOLDS, cellAddress, collapseSpaces, hasErrors, thresholdProblem, thresholdValue, type CompletionThresholds, type Finding, type ObjectivitySettings, type XLetter } from "../core";
import type { CellValue, CellWrite, Snapshot, WorkbookBackend, WritePlan } from "./backend";
import { SETTINGS, SETTINGS_SHEET, cellText as text, headerKey } from "./contract";
import type { OperationResult } from "./operations";
import { applyWritePlan } from "./planCheck";

/** What the settings form edits. An absent field is left as it is on the sheet. */
export interface SettingsValues {
  school?: string;
  schoolName?: string;
  year?: string;
  xLetter?: XLetter;
  /** Days to keep the works and protocols after the last work of «План»; empty: the default (90). */
  retentionDays?: string;
}

type Field = keyof SettingsValues;

const LABELS: Record<Field, string> = {
  school: SETTINGS.school,
  schoolName: SETTINGS.schoolName,
  year: SETTINGS.year,
  xLetter: SETTINGS.xLetter,
  retentionDays: SETTINGS.retentionDays,
};
const FIELDS = Object.keys(LABELS) as Field[];


/**
 * Works and the electronic protocol are kept 90 days (the regulations of the ВПР, shared/DOMAIN.md
 * «Storage»); the school may set another period on «Настройки».
 */
export const RETENTION_DEFAULT_DAYS = 90;
/** Ten years: anything longer is a typo. */
export const RETENTION_MAX_DAYS = 3650;

/** The one check of a retention period as typed (a cell value or form text): null when it is usable. Empty is usable: the default. */
export function retentionProblem(raw: unknown): string | null {
  const v = text(raw);
  if (v === "") return null;
  const n = typeof raw === "number" ? raw : /^\d+$/.test(v.replace(/\s/g, "")) ? Number(v.replace(/\s/g, "")) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= RETENTION_MAX_DAYS) return null;
  return `срок хранения «${v}» не подходит: укажите целое число дней от 1 до ${RETENTION_MAX_DAYS} (по порядку проведения ВПР — ${RETENTION_DEFAULT_DAYS})`;
}

export interface Retention {
  /** The period in force: the typed one, or the default when the cell is empty, missing or wrong. */
  days: number;
  /** As typed ("" when empty or missing), to fill the form. */
  typed: string;
  /** Where it is typed («Настройки»!B6 in a workbook the add-in made), or null when the row is missing. */
  cell: string | null;
  /** A warning when the typed value is not a period (the default is used then). */
  finding: Finding | null;
}

/** The retention period from «Настройки» (the row labelled «Хранить работы и протоколы, дней»). */
export function readRetention(snapshot: Snapshot): Retention {
  const rows = snapshot.sheets[SETTINGS_SHEET]?.values ?? [];
  const row = rows.findIndex((r) => headerKey(r[0]) === headerKey(SETTINGS.retentionDays));
  if (row < 0) return { days: RETENTION_DEFAULT_DAYS, typed: "", cell: null, finding: null };
  const raw = rows[row][1] ?? null;
  const typed = text(raw);
  const cell = cellAddress(row, 1);
  const problem = retentionProblem(raw);
  if (problem) return { days: RETENTION_DEFAULT_DAYS, typed, cell, finding: { sheet: SETTINGS_SHEET, cell, severity: "warning", code: "settings.retention", message: `${problem}; пока считается ${RETENTION_DEFAULT_DAYS}` } };
  return { days: typed === "" ? RETENTION_DEFAULT_DAYS : Number(typed.replace(/\s/g, "")), typed, cell, finding: null };
}

/** The analysis and objectivity thresholds from «Настройки» (defaults when a row is missing or empty); a wrong value is a warning and the default is used. */
export function readThresholds(snapshot: Snapshot): { thresholds: CompletionThresholds; objectivity: ObjectivitySettings; findings: Finding[] } {
  const rows = snapshot.sheets[SETTINGS_SHEET]?.values ?? [];
  const findings: Finding[] = [];
  const one = (label: string, fallback: number): number => {
    const row = rows.findIndex((r) => headerKey(r[0]) === headerKey(label));
    if (row < 0) return fallback;
    const raw = rows[row][1] ?? null;
    const problem = thresholdProblem(raw);
    if (problem) findings.push({ sheet: SETTINGS_SHEET, cell: cellAddress(row, 1), severity: "warning", code: "settings.threshold", message: `${problem}; пока считается ${fallback}` });
    return thresholdValue(raw, fallback);
  };
  return {
    thresholds: { basic: one(SETTINGS.basicThreshold, DEFAULT_THRESHOLDS.basic), advanced: one(SETTINGS.advancedThreshold, DEFAULT_THRESHOLDS.advanced) },
    objectivity: { journalMismatchPercent: one(SETTINGS.journalMismatch, DEFAULT_OBJECTIVITY.journalMismatchPercent) },
    findings,
  };
}

/** The settings as typed on the sheet (raw text, not validated), to fill the form. Empty strings when absent. */
export function readSettingsValues(snapshot: Snapshot): Required<Omit<SettingsValues, "xLetter" | "retentionDays">> & { xLetter: string } {
  const rows = snapshot.sheets[SETTINGS_SHEET]?.values ?? [];
  const value = (label: string) => text(rows.find((r) => headerKey(r[0]) === headerKey(label))?.[1]);
  return { school: value(SETTINGS.school), schoolName: value(SETTINGS.schoolName), year: value(SETTINGS.year), xLetter: value(SETTINGS.xLetter) };
}

/** Problems with typed values, as findings on the cell each value goes to (Russian). */
export function settingsProblems(values: SettingsValues): { field: Field; message: string }[] {
  const out: { field: Field; message: string }[] = [];
  const school = values.school?.trim();
  if (school !== undefined && !/^\d{6}$/.test(school)) out.push({ field: "school", message: school ? `код ОО «${school}» должен состоять ровно из 6 цифр` : "укажите код ОО: 6 цифр, как в ФИС ОКО" });
  const year = values.year?.trim();
  if (year !== undefined && year !== "" && !/^20\d\d$/.test(year)) out.push({ field: "year", message: `год «${year}» должен быть четырёхзначным, например 2026` });
  if (values.xLetter !== undefined && values.xLetter !== "X" && values.xLetter !== "Х") out.push({ field: "xLetter", message: "символ «не приступал» — латинская X или русская Х" });
  const retention = values.retentionDays === undefined ? null : retentionProblem(values.retentionDays);
  if (retention) out.push({ field: "retentionDays", message: retention });
  return out;
}

/** The cell value a field is written as: codes and years as numbers (as typed into Excel), unless a leading zero would be lost. */
function cellValue(field: Field, raw: string): CellValue {
  const v = field === "schoolName" ? collapseSpaces(raw) : raw.trim();
  if (v === "") return null;
  if ((field === "school" || field === "year") && /^[1-9]\d*$/.test(v)) return Number(v);
  if (field === "retentionDays") return Number(v.replace(/\s/g, ""));
  return v;
}

export function planSettings(snapshot: Snapshot, values: SettingsValues): { plan: WritePlan; findings: Finding[] } {
  const findings: Finding[] = [];
  const plan: WritePlan = { sheets: [], cellWrites: [] };
  const sheet = snapshot.sheets[SETTINGS_SHEET];
  if (!sheet) {
    findings.push({ sheet: SETTINGS_SHEET, severity: "error", code: "sheet.missing", message: `нет листа «${SETTINGS_SHEET}»: сначала создайте листы книги` });
    return { plan, findings };
  }
  const rows = sheet.values;
  let nextFree = Math.max(rows.length, 1);
  const writes: CellWrite[] = [];
  const problems = settingsProblems(values);
  for (const field of FIELDS) {
    const raw = values[field];
    if (raw === undefined) continue;
    let row = rows.findIndex((r) => headerKey(r[0]) === headerKey(LABELS[field]));
    const problem = problems.find((p) => p.field === field);
    if (problem) {
      findings.push({ sheet: SETTINGS_SHEET, cell: cellAddress(row >= 0 ? row : nextFree, 1), severity: "error", code: `settings.${field}`, message: problem.message });
      continue;
    }
    const value = cellValue(field, raw);
    if (row < 0) {
      // The row was deleted by hand: add it at the end of the sheet, label and value.
      row = nextFree++;
      writes.push({ sheet: SETTINGS_SHEET, address: cellAddress(row, 0), value: LABELS[field] });
    } else if (text(rows[row][1]) === text(value)) continue;
    writes.push({ sheet: SETTINGS_SHEET, address: cellAddress(row, 1), value });
  }
  if (!hasErrors(findings)) plan.cellWrites = writes;
  return { plan, findings };
}

/** Writes the settings form: one read of «Настройки», one apply (none when nothing changed). */
export async function saveSettings(backend: WorkbookBackend, values: SettingsValues): Promise<OperationResult> {
  // Every sheet, though only «Настройки» is needed: see importCodes.
  const snapshot = await backend.read(null);
  const { plan, findings } = planSettings(snapshot, values);
  if (hasErrors(findings)) return { status: "blocked", findings, created: [], replaced: [], cellsWritten: 0 };
  if (plan.cellWrites.length > 0) await applyWritePlan(backend, plan, snapshot.sheetNames);
  return { status: "done", findings, created: [], replaced: [], cellsWritten: plan.cellWrites.length };
}
