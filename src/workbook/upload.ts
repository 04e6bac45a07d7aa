// Upload forms: one new workbook per work (subject × grade) with every class of that grade that
// wrote it. Built from scratch from codes, variants and scores, so nothing of the coordinator's
// workbook — and no name — can travel. A form is built when it is ready (./forms.ts): while the
// check finds an error on its own classes, rows or work, or one concerning every form, it is not.
import {
  ABSENT,
  CLASSES_SHEET,
  UPLOAD_SHEET,
  cellAddress,
  codeRangeForGrade,
  columnLetter,
  formColumns,
  parseItemHeader,
  uploadHeader,
  uploadRow,
  variantsOf,
  type Finding,
  type UploadCell,
  type WorkDefinition,
  type XLetter,
} from "../core";
import type { CellValue, NewWorkbookPlan, Snapshot, Validation } from "./backend";
import { checkWorkbook, type CheckedRow, type CheckedSheet } from "./check";
import { HEADER_FILL, headerKey } from "./contract";
import { formKey, formsOfWorks, type UploadForm } from "./forms";
import { compareClassNames, previousMark, type Inputs } from "./inputs";

export interface UploadFile {
  fileName: string;
  work: WorkDefinition;
  grade: number;
  subject: string;
  classes: string[];
  header: string[];
  rows: UploadCell[][];
  workbook: NewWorkbookPlan;
}

export interface UploadPlan {
  /** One per form that is ready (and asked for). */
  files: UploadFile[];
  /** Everything the check found: the blockers of the forms not ready are among them. */
  findings: Finding[];
  /** Every form of the workbook, ready or not with the reason (./forms.ts). */
  forms: UploadForm[];
  /** The score sheets the check read, with their rows: what «Журнал баллов» records (./fingerprint). */
  sheets: CheckedSheet[];
}

export interface UploadOptions {
  /** Only the forms these works (ids from «План», any case) go into; absent or empty: every ready form. */
  works?: readonly string[];
  /** Today as yyyy-mm-dd, the date «Журнал баллов» records; the clock when absent. */
  today?: string;
}

/**
 * The upload files of every form that is ready: a form waits only for its own work's problems
 * (./forms.ts), so a work written later never holds back one written earlier.
 */
export function planUploads(snapshot: Snapshot, options: UploadOptions = {}): UploadPlan {
  const checked = checkWorkbook(snapshot);
  const { findings, forms, inputs } = checked;
  const { settings } = inputs;
  const wanted = options.works && options.works.length > 0 ? formsOfWorks(forms, options.works) : forms;
  const files: UploadFile[] = [];
  for (const form of wanted) {
    if (!form.ready || !form.fileName) continue;
    const work = form.works[0];
    const sheets = checked.sheets.filter((s) => formKey(s.plan.grade, s.plan.subject) === form.key);
    const rows = sheets
      .flatMap((s) => s.rows)
      .sort((a, b) => compareClassNames(a.student.className, b.student.className) || a.student.code! - b.student.code!)
      .map((r) => formRow(inputs, work, r, settings.xLetter));
    const header = uploadHeader(work);
    files.push({
      fileName: form.fileName,
      work,
      grade: form.grade,
      subject: work.subject,
      classes: form.classes,
      header,
      rows,
      workbook: uploadWorkbook(work, header, rows, form.classes, settings.xLetter),
    });
  }
  return { files, findings, forms, sheets: checked.sheets };
}

function formRow(inputs: Inputs, work: WorkDefinition, r: CheckedRow, x: XLetter): UploadCell[] {
  const s = r.student;
  return uploadRow(work, { code: s.code!, className: s.className, gender: s.gender, previousMark: previousMark(inputs, s, work.subject), variants: r.row.variants, scores: r.row.scores }, x);
}

function uploadWorkbook(work: WorkDefinition, header: string[], rows: UploadCell[][], classes: string[], x: XLetter): NewWorkbookPlan {
  const last = Math.max(rows.length, 1);
  const col = (i: number) => `${cellAddress(1, i)}:${cellAddress(last, i)}`;
  const cols = formColumns(work);
  const codes = rows.map((r) => r[0]).filter((c): c is number => typeof c === "number");
  const [lo, hi] = codeRangeForGrade(work.grade);
  const range: [number, number] = codes.every((c) => c >= lo && c <= hi) ? [lo, hi] : [Math.min(...codes), Math.max(...codes)];
  const validations: Validation[] = [{ range: col(0), whole: range, errorMessage: `Код участника — целое число от ${range[0]} до ${range[1]}` }];
  cols.forEach((c, i) => {
    if (c.kind === "variant") validations.push({ range: col(i), list: [...variantsOf(work).map(String), ABSENT] });
    if (c.kind === "item") validations.push({ range: col(i), list: [...Array.from({ length: work.items[c.index].max + 1 }, (_, n) => String(n)), x] });
  });
  const n = cols.length;
  validations.push({ range: col(n), listSource: `${CLASSES_SHEET}!$A$1:$A$${classes.length}` }, { range: col(n + 1), list: ["м", "ж"] }, { range: col(n + 2), list: ["2", "3", "4", "5"] });
  return {
    sheets: [
      {
        name: UPLOAD_SHEET,
        values: [header, ...rows] as CellValue[][],
        columnWidths: header.map((_, i) => (i === n ? 22 : i === n + 2 ? 24 : i === 0 ? 9 : 8)),
        freezeRows: 1,
        validations,
        styles: [{ range: `A1:${columnLetter(header.length - 1)}1`, bold: true, wrap: true, fill: HEADER_FILL, vertical: "middle", rowHeight: 58 }],
      },
      { name: CLASSES_SHEET, values: classes.map((c) => [c]), columnWidths: [10] },
    ],
    properties: { title: `ВПР ${work.subject}, ${work.grade} класс`, creator: "ВПР: координатор" },
  };
}

export interface FormMatch {
  /** For each column of our form (uploadHeader order): the official form's column, or null. */
  columns: (number | null)[];
  width: number;
  findings: Finding[];
}

/** Compares the official blank form's header with the work definition; every difference is reported. */
export function matchOfficialForm(formHeader: readonly CellValue[], work: WorkDefinition, sheetName = UPLOAD_SHEET): FormMatch {
  const findings: Finding[] = [];
  const ours = uploadHeader(work);
  const keys = formHeader.map(headerKey);
  const columns = ours.map((h) => {
    const i = keys.indexOf(headerKey(h));
    return i >= 0 ? i : null;
  });
  ours.forEach((h, i) => {
    if (columns[i] !== null) return;
    const item = parseItemHeader(h);
    const sameLabel = item.ok ? formHeader.findIndex((f) => { const p = parseItemHeader(f); return p.ok && p.label === item.label; }) : -1;
    findings.push({
      sheet: sheetName,
      cell: sameLabel >= 0 ? cellAddress(0, sameLabel) : "A1",
      severity: "error",
      code: "form.header-differs",
      message: sameLabel >= 0 ? `в бланке «${String(formHeader[sameLabel])}», а в описании работы «${h}»: исправьте максимум на листе «Критерии» или возьмите другой бланк` : `в бланке нет столбца «${h}»`,
    });
  });
  formHeader.forEach((f, i) => {
    if (headerKey(f) && !columns.includes(i)) findings.push({ sheet: sheetName, cell: cellAddress(0, i), severity: "error", code: "form.header-extra", message: `в бланке есть столбец «${String(f)}», которого нет в описании работы` });
  });
  return { columns, width: formHeader.length, findings };
}

/** Our row rearranged into the official form's columns. */
export const toFormRow = (row: readonly UploadCell[], match: FormMatch): UploadCell[] => {
  const out: UploadCell[] = Array(match.width).fill(null);
  match.columns.forEach((c, i) => {
    if (c !== null) out[c] = row[i];
  });
  return out;
};
