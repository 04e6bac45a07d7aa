// Recording an upload: for every form just built whose rows differ from its last record (or that
// has none), its score rows are appended to «Журнал баллов» with the date and a chained hash, and
// the seal is renewed. A merge (rows only added) when the log exists; a new sheet otherwise.
import { cellAddress, type Finding } from "../../core";
import type { CellValue, SheetMerge, SheetPlan, Snapshot, WritePlan } from "../backend";
import type { CheckedSheet } from "../check";
import { HEADER_FILL, OWNED_TAB } from "../contract";
import { formKey } from "../forms";
import { compareClassNames } from "../inputs";
import type { UploadFile } from "../upload";
import { compareWithLog, type FingerprintChange } from "./changes";
import { LOG_HEADER, LOG_SHEET, LOG_WIDTHS, SEAL_COL, SEAL_LABEL, SEAL_LABEL_COL } from "./logSheet";
import { scoresText, variantsText } from "./normalise";
import { lastUploaded, readFingerprint } from "./readFingerprint";
import { rowHash, sealOf } from "./seal";

export interface FingerprintRecord {
  /** What to apply: rows appended to the log (or the new log); null when nothing is to be recorded. */
  plan: WritePlan | null;
  /** The forms recorded by this upload, with their rows. */
  recorded: { form: string; fileName: string; rows: number }[];
  /** What changed since the previous upload of each form built (the upload's "what changed"). */
  changes: FingerprintChange[];
  findings: Finding[];
  /** This upload's number in the log. */
  upload: number;
}

/** The rows of one built form, in the form's order (class, then code). */
function formRows(file: UploadFile, sheets: readonly CheckedSheet[]): { sheet: CheckedSheet; row: CheckedSheet["rows"][number] }[] {
  const key = formKey(file.grade, file.subject);
  return sheets
    .filter((s) => formKey(s.plan.grade, s.plan.subject) === key)
    .flatMap((sheet) => sheet.rows.map((row) => ({ sheet, row })))
    .sort((a, b) => compareClassNames(a.row.student.className, b.row.student.className) || a.row.student.code! - b.row.student.code!);
}

/**
 * The record of the forms in `built` (the files actually made), planned from the read the upload
 * was made from. `checked` is that read's check (its located sheets and rows); `date` yyyy-mm-dd.
 */
export function planFingerprint(snapshot: Snapshot, checked: { sheets: readonly CheckedSheet[] }, built: readonly UploadFile[], date: string): FingerprintRecord {
  const log = readFingerprint(snapshot);
  const keys = new Set(built.map((f) => formKey(f.grade, f.subject)));
  const changes = compareWithLog(snapshot, log, checked.sheets).filter((c) => keys.has(formKey(c.grade, c.subject)));
  const none = { plan: null, recorded: [], changes, upload: log.append.upload };
  if (log.sheet && !log.owned) {
    const message = `лист «${log.sheet}» уже есть, но это не журнал баллов надстройки: загрузка не записана, и изменения после неё проверка не покажет. Переименуйте лист — следующая загрузка заведёт журнал`;
    return { ...none, findings: [{ sheet: log.sheet, cell: "A1", severity: "warning", code: "fingerprint.log-not-owned", message }] };
  }
  const before = lastUploaded(log);
  const changed = new Set(changes.map((c) => formKey(c.grade, c.subject)));
  const rows: CellValue[][] = [];
  const recorded: FingerprintRecord["recorded"] = [];
  let previous = log.append.previous;
  const n = log.append.upload;
  for (const file of built) {
    const key = formKey(file.grade, file.subject);
    // Uploaded again as it was: the record already says so.
    if (before.has(key) && !changed.has(key)) continue;
    const list = formRows(file, checked.sheets);
    for (const { sheet, row } of list) {
      const fields: CellValue[] = [n, date, sheet.name, row.student.className, file.subject, sheet.plan.work.id, row.student.code, variantsText(row.row.variants), scoresText(sheet.plan.work, row.row.scores)];
      previous = rowHash(previous, fields);
      rows.push([...fields, previous]);
    }
    recorded.push({ form: key, fileName: file.fileName, rows: list.length });
  }
  if (rows.length === 0) return { ...none, findings: [] };
  const seal = sealOf(previous, log.append.rows + rows.length);
  const plan: WritePlan = { sheets: [], cellWrites: [] };
  if (!log.sheet) plan.sheets.push(newLog(rows, seal));
  else plan.merges = [appendToLog(log.sheet, log.append.row, rows, seal)];
  return { plan, recorded, changes, findings: [], upload: n };
}

function newLog(rows: CellValue[][], seal: string): SheetPlan {
  const header: CellValue[] = [...LOG_HEADER, null, SEAL_LABEL, seal];
  return {
    name: LOG_SHEET,
    mode: "create",
    values: [header, ...rows],
    columnWidths: LOG_WIDTHS,
    freezeRows: 1,
    styles: [
      { range: `A1:${cellAddress(0, LOG_HEADER.length - 1)}`, bold: true, fill: HEADER_FILL },
      { range: `${cellAddress(0, SEAL_LABEL_COL)}:${cellAddress(0, SEAL_COL)}`, italic: true },
    ],
    tabColor: OWNED_TAB,
  };
}

function appendToLog(name: string, start: number, rows: CellValue[][], seal: string): SheetMerge {
  const cells = rows.flatMap((r, i) => r.map((value, col) => ({ row: start + i, col, value })));
  cells.push({ row: 0, col: SEAL_LABEL_COL, value: SEAL_LABEL }, { row: 0, col: SEAL_COL, value: seal });
  return { name, cells };
}

