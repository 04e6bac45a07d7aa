// The original scores of the works under re-check, from what the school sent: upload forms (sheet
// «Протокол», file `<Код ОО>_<параллель>_<предмет>.xlsx`) or the coordinator's workbook (its score
// sheets, read by the check). Each row is aligned to the items of the work the commission scored;
// a form whose items differ from it is refused with its cell, since a shifted column would pass
// for a discrepancy.
import { UPLOAD_SHEET, cellAddress, resultRow, type Finding, type RecheckWork, type ScoredWork, type WorkDefinition } from "../../core";
import type { Snapshot } from "../backend";
import { checkWorkbook } from "../check";
import { cellText, headerKey } from "../contract";
import { readScoreSheet, scoreLayout, type ScoreSheetRead } from "../scoreSheet";
import { rowProblem } from "./commissionRead";
import { parseFormFileName } from "./uploadForm";

export interface OriginalScores {
  rows: ScoredWork[];
  findings: Finding[];
}

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;
const placed = (file: string, sheet: string, cell: string, text: string): string => `файл «${file}», лист «${sheet}», ячейка ${cell}: ${text}`;

const definition = (w: RecheckWork): WorkDefinition => ({ id: w.workId, subject: w.subject, grade: w.grade, year: "", source: "", items: w.items.map((i) => ({ ...i })), scale: w.scale ?? undefined });
const workFor = (works: readonly RecheckWork[], grade: number, subject: string): RecheckWork | undefined => works.find((w) => w.grade === grade && headerKey(w.subject) === headerKey(subject));

/** True when the workbook is an upload form (our own or the official one filled in). */
export const isUploadForm = (snapshot: Snapshot): boolean => snapshot.sheets[UPLOAD_SHEET] !== undefined && snapshot.sheets["Настройки"] === undefined;

export function readOriginal(snapshot: Snapshot, file: string, works: readonly RecheckWork[]): OriginalScores {
  return isUploadForm(snapshot) ? readUploadForm(snapshot, file, works) : readCoordinatorWorkbook(snapshot, file, works);
}

function readUploadForm(snapshot: Snapshot, file: string, works: readonly RecheckWork[]): OriginalScores {
  const named = parseFormFileName(baseName(file));
  if (!named) return { rows: [], findings: [{ severity: "error", code: "recheck.form-name", message: `файл «${file}»: имя формы должно быть «<Код ОО>_<параллель>_<предмет>.xlsx» (например 780999_4_Русский язык.xlsx) — по нему видно школу и работу` }] };
  const { school, grade, subject } = named;
  const recheck = workFor(works, grade, subject);
  if (!recheck) return { rows: [], findings: [] }; // a subject nobody re-checked
  const values = snapshot.sheets[UPLOAD_SHEET].values;
  // The official blank form may carry a title above the header: the header is the row that starts with «Код».
  const top = values.slice(0, 10).findIndex((r) => r.some((v) => headerKey(v) === headerKey("Код")));
  if (top < 0) return { rows: [], findings: [{ severity: "error", code: "recheck.header", sheet: UPLOAD_SHEET, cell: "A1", message: placed(file, UPLOAD_SHEET, "A1", "нет строки заголовка со столбцом «Код»") }] };
  const header = values[top];
  const classCol = header.findIndex((h) => headerKey(h).startsWith("класс"));
  const work = definition(recheck);
  const read = readScoreSheet(UPLOAD_SHEET, { ...snapshot.sheets[UPLOAD_SHEET], values: values.slice(top) }, scoreLayout(work));
  return rowsOf(read, file, UPLOAD_SHEET, top, school, work, (r) => (classCol < 0 ? null : cellText(values[r]?.[classCol] ?? null) || null));
}

function readCoordinatorWorkbook(snapshot: Snapshot, file: string, works: readonly RecheckWork[]): OriginalScores {
  const checked = checkWorkbook(snapshot);
  const school = checked.inputs.settings.school?.padStart(6, "0") ?? null;
  if (!school) return { rows: [], findings: [{ severity: "error", code: "recheck.school", sheet: "Настройки", message: `файл «${file}»: на листе «Настройки» нет кода ОО — без него баллы не сопоставить с протоколом комиссии` }] };
  if (checked.sheets.length === 0) return { rows: [], findings: [{ severity: "error", code: "recheck.no-scores", message: `файл «${file}» не форма «${UPLOAD_SHEET}» и не книга координатора с листами для баллов` }] };
  const rows: ScoredWork[] = [];
  const findings: Finding[] = [];
  for (const sheet of checked.sheets) {
    const recheck = workFor(works, sheet.plan.grade, sheet.plan.subject);
    if (!recheck) continue;
    const work = definition(recheck);
    // Read again against the commission's items: the workbook's own work may have been edited since.
    const read = readScoreSheet(sheet.name, snapshot.sheets[sheet.name], scoreLayout(work));
    const part = rowsOf(read, file, sheet.name, 0, school, work, () => sheet.plan.className);
    rows.push(...part.rows);
    findings.push(...part.findings);
  }
  return { rows, findings };
}

function rowsOf(read: ScoreSheetRead, file: string, sheet: string, top: number, school: string, work: WorkDefinition, classOf: (row: number) => string | null): OriginalScores {
  const missing = read.findings.filter((f) => f.severity === "error");
  if (missing.length > 0) {
    return { rows: [], findings: missing.map((f) => ({ severity: "error", code: "recheck.header", sheet, cell: f.cell, message: placed(file, sheet, f.cell ?? "A1", `${f.message} (задания должны совпадать с протоколом комиссии, работа ${work.id})`) })) };
  }
  const rows: ScoredWork[] = [];
  for (const row of read.rows) {
    if (row.code === null) continue;
    const r = row.row + top;
    const result = resultRow(work, "", row.code, row, null);
    rows.push({ school, workId: work.id, class: classOf(r), code: row.code, scores: result.status === "wrote" ? result.scores.map((s) => s ?? 0) : null, problem: rowProblem(result.status, row.scores), where: { file, sheet, cell: cellAddress(r, read.columnOf[0] ?? 0) } });
  }
  return { rows, findings: [] };
}
