// One upload form for FIS OKO read back (ours or one filled by hand in the same layout): the school,
// grade and subject from the file name `<Код ОО>_<параллель>_<предмет>.xlsx`, and from the sheet
// «Протокол» the work's items (from the header) and every row with a code — code, variants, scores,
// class, journal mark. What a region or municipality has of a school's results: no names in it.
import { CATALOGUE, UPLOAD_SHEET, cellAddress, isAbsentText, parseItemHeader, readCode, sameSheetName, type Finding, type Item, type Mark, type WorkDefinition } from "../../core";
import type { CellValue, Snapshot } from "../backend";
import { cellText, headerKey } from "../contract";
import { isUploadHeader } from "../formDetector";

export interface FormRow {
  /** 0-based row on «Протокол». */
  row: number;
  code: number;
  className: string;
  /** One per part, as typed. */
  variants: CellValue[];
  /** One per item, as typed. */
  scores: CellValue[];
  journal: Mark | null;
}

export interface UploadFormData {
  school: string;
  grade: number;
  subject: string;
  /** The work as the header describes it: id «<предмет> <параллель>», the catalogue's scale when its items match. */
  work: WorkDefinition;
  sheet: string;
  /** Sheet column of each part's variant (one or two). */
  variantCols: number[];
  rows: FormRow[];
}

const NAME = /^(\d{6})_(\d{1,2})_(.+)\.xlsx$/i;

/** School, grade and subject from `<Код ОО>_<параллель>_<предмет>.xlsx`, or null. */
export function parseFormFileName(fileName: string): { school: string; grade: number; subject: string } | null {
  const m = NAME.exec(fileName.normalize("NFC"));
  if (!m) return null;
  const grade = Number(m[2]);
  if (grade < 1 || grade > 11) return null;
  return { school: m[1], grade, subject: m[3].trim() };
}

/**
 * The form in `snapshot` (every sheet read) named `fileName`, or an error naming the file and sheet
 * for what is no form (a warning: the other files are read all the same). Rows without a code are left out; the rest as typed (the caller decides
 * which are works).
 */
export function readUploadForm(snapshot: Snapshot, fileName: string): { form: UploadFormData | null; findings: Finding[] } {
  const fail = (message: string, sheet?: string, cell?: string): { form: null; findings: Finding[] } => ({ form: null, findings: [{ severity: "warning", code: "recheck.form", message, ...(sheet ? { sheet } : {}), ...(cell ? { cell } : {}) }] });
  const named = parseFormFileName(fileName);
  if (!named) return fail(`файл «${fileName}»: имя не похоже на имя формы «<код ОО>_<параллель>_<предмет>.xlsx» (например «780999_4_Математика.xlsx»), файл пропущен`);
  const sheet = snapshot.sheetNames.find((n) => sameSheetName(n, UPLOAD_SHEET));
  if (!sheet) return fail(`файл «${fileName}»: нет листа «${UPLOAD_SHEET}» — это не форма для загрузки результатов, файл пропущен`);
  const values = snapshot.sheets[sheet]?.values ?? [];
  const headerRow = values.findIndex((r, i) => i < 5 && isUploadHeader(r));
  if (headerRow < 0) return fail(`файл «${fileName}»: нет заголовка «Код | Вариант | 1 (1б) | …» в первых пяти строках, файл пропущен`, sheet, "A1");
  const header = values[headerRow];
  const variantCols: number[] = [];
  const itemCols: number[] = [];
  const items: Item[] = [];
  let classCol = -1;
  let markCol = -1;
  header.forEach((h, c) => {
    const key = headerKey(h);
    if (c === 0) return;
    if (key.startsWith("вариант")) variantCols.push(c);
    else if (key.startsWith("класс")) classCol = c;
    else if (key.startsWith("отметка")) markCol = c;
    else {
      const parsed = parseItemHeader(h);
      if (parsed.ok && classCol < 0) {
        itemCols.push(c);
        items.push({ label: parsed.label, max: parsed.max, part: variantCols.length > 1 ? 2 : 1 });
      }
    }
  });
  if (classCol < 0) return fail(`файл «${fileName}»: в заголовке нет столбца «Класс», файл пропущен`, sheet, cellAddress(headerRow, 0));
  const work: WorkDefinition = { id: `${named.subject} ${named.grade}`, subject: named.subject, grade: named.grade, year: "", source: `форма «${fileName}»`, items };
  const scale = catalogueScale(work);
  if (scale) work.scale = scale;
  const rows: FormRow[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    const code = readCode(row[0]);
    if (code === null) continue;
    const mark = Number(cellText(row[markCol] ?? null));
    rows.push({
      row: r,
      code,
      className: cellText(row[classCol] ?? null),
      variants: variantCols.map((c) => row[c] ?? null),
      scores: itemCols.map((c) => row[c] ?? null),
      journal: markCol >= 0 && [2, 3, 4, 5].includes(mark) ? (mark as Mark) : null,
    });
  }
  return { form: { ...named, work, sheet, variantCols, rows }, findings: [] };
}

/** The catalogue's scale when a catalogue work has this subject, grade and exactly these items. */
function catalogueScale(work: WorkDefinition): WorkDefinition["scale"] {
  const same = CATALOGUE.find((w) => w.grade === work.grade && headerKey(w.subject) === headerKey(work.subject) && w.items.length === work.items.length && w.items.every((it, i) => it.label === work.items[i].label && it.max === work.items[i].max));
  return same?.scale;
}

/** The variant written: a whole number ≥ 1 in every part's cell, else null (absent, blank or mistyped). */
export function writtenVariant(variants: readonly CellValue[]): number | null {
  const nums = variants.map((v) => (isAbsentText(v) ? NaN : Number(cellText(v))));
  return nums.length > 0 && nums.every((n) => Number.isInteger(n) && n >= 1) ? nums[0] : null;
}
