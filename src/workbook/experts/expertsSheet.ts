// Reading the optional sheet «Эксперты» (`ФИО | Предмет | Классы | Стаж, лет`, one row per teacher
// × subject): who teaches which subject in which classes and for how long. Read tolerantly — header
// case, spaces, Ё and a few other wordings, classes typed «4а, 4 Б; 5A», experience «2», «2 года»,
// «2,5» — and every cell it cannot read is a warning naming sheet and cell: the sheet only feeds
// warnings, so it never holds back an upload.
import { cellAddress, collapseSpaces, parseClassName, type Finding } from "../../core";
import type { CellValue, Snapshot } from "../backend";
import { EXPERTS, EXPERTS_SHEET, cellText, headerKey } from "../contract";
import { looksLikeSubject } from "../inputs";
import { existingName } from "../ownership";

export interface ExpertRow {
  /** 0-based sheet row. */
  row: number;
  /** As typed, spaces collapsed. */
  name: string;
  subject: string;
  /** Classes the teacher teaches the subject in, read as class names («4А»). */
  classes: string[];
  /** Years of teaching the subject; null when the cell is empty or unreadable. */
  years: number | null;
  /** A1 addresses of the row's cells (the experience cell is where its warning points). */
  cells: { name: string; classes: string | null; years: string | null };
}

export interface ExpertsSheet {
  /** The sheet as named in the workbook. */
  sheet: string;
  rows: ExpertRow[];
  /** False when «ФИО» or «Предмет» is missing from the header: no row could be read. */
  readable: boolean;
  /** Whether «Классы» and «Стаж, лет» were found (without them those checks cannot be made). */
  hasClasses: boolean;
  hasYears: boolean;
  /** Unreadable header or cells: warnings, each with the subject it concerns when the row tells it. */
  findings: { finding: Finding; subject: string | null }[];
}

/** Header words with punctuation dropped: «Ф.И.О.» → «фио», «Стаж (лет)» → «стаж лет». */
const columnKey = (v: unknown): string =>
  headerKey(v)
    .replace(/\./g, "")
    .replace(/[,;:()«»"'/-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

// Wordings people use for each column, besides the contract's own.
const COLUMN_TESTS: Record<keyof typeof EXPERTS, (key: string) => boolean> = {
  name: (k) => k === "фио" || k.startsWith("фио ") || ["учитель", "эксперт", "педагог", "фамилия имя отчество"].includes(k),
  subject: (k) => k === "предмет" || k === "учебный предмет" || k === "предметы",
  classes: (k) => k.startsWith("класс"),
  years: (k) => k.includes("стаж") || k.startsWith("опыт"),
};

/** «2», 2, «2 года», «2,5», «10 лет» → years; anything else null. */
export function readYears(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 && v <= 70 ? v : null;
  if (typeof v !== "string") return null;
  const m = /^(\d{1,2}(?:[.,]\d+)?)\s*(?:г\.?|год|года|лет)?$/iu.exec(collapseSpaces(v));
  return m ? Number(m[1].replace(",", ".")) : null;
}

/** «4А, 4Б», «4а; 4 б», «4А 4Б» → class names, with the parts that are not classes. */
export function readClasses(v: CellValue): { classes: string[]; unreadable: string[] } {
  const text = cellText(v);
  const classes: string[] = [];
  const unreadable: string[] = [];
  for (const part of text.split(/[,;/\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const whole = parseClassName(part);
    // «4А 4Б» without a comma: each word a class of its own.
    const words = whole.ok ? [] : part.split(" ").map(parseClassName);
    if (whole.ok) classes.push(whole.value);
    else if (words.length > 1 && words.every((w) => w.ok)) words.forEach((w) => w.ok && classes.push(w.value));
    else unreadable.push(part);
  }
  return { classes: [...new Set(classes)], unreadable };
}

/** The plan subject a typed subject names: the same words (case, Ё aside), else a shortening («Матем.», «Русский»). */
export const sameSubject = (typed: string, subject: string): boolean => headerKey(typed) === headerKey(subject) || looksLikeSubject(typed, subject);

/** «Эксперты» read, or null when the workbook has no such sheet (or the read did not include it). */
export function readExperts(snapshot: Snapshot): ExpertsSheet | null {
  const sheet = existingName(snapshot, EXPERTS_SHEET);
  const values = sheet ? snapshot.sheets[sheet]?.values : undefined;
  if (!sheet || !values) return null;
  const out: ExpertsSheet = { sheet, rows: [], readable: false, hasClasses: false, hasYears: false, findings: [] };
  const warn = (cell: string, message: string, subject: string | null, code: "experts.header" | "experts.cell" = "experts.cell") =>
    out.findings.push({ finding: { sheet, cell, severity: "warning", code, message }, subject });
  const header = (values[0] ?? []).map(columnKey);
  const col = (k: keyof typeof EXPERTS): number => header.findIndex(COLUMN_TESTS[k]);
  const [name, subject, classes, years] = [col("name"), col("subject"), col("classes"), col("years")];
  out.hasClasses = classes >= 0;
  out.hasYears = years >= 0;
  const layout = `${EXPERTS.name} | ${EXPERTS.subject} | ${EXPERTS.classes} | ${EXPERTS.years}`;
  if (name < 0 || subject < 0) {
    const missing = [name < 0 ? EXPERTS.name : null, subject < 0 ? EXPERTS.subject : null].filter(Boolean).map((h) => `«${h}»`);
    warn("A1", `в первой строке листа «${sheet}» нет ${missing.length > 1 ? "столбцов" : "столбца"} ${missing.join(" и ")}: лист не прочитан, и проверяющие не сверяются с ним. Первая строка: ${layout}`, null, "experts.header");
    return out;
  }
  out.readable = true;
  const lacking = [classes < 0 ? `«${EXPERTS.classes}» — не проверить, не проверяет ли учитель свой класс` : null, years < 0 ? `«${EXPERTS.years}» — не проверить стаж экспертов` : null].filter(Boolean);
  if (lacking.length > 0) warn("A1", `в первой строке листа «${sheet}» нет ${lacking.length > 1 ? "столбцов" : "столбца"} ${lacking.join("; ")}. Добавьте ${lacking.length > 1 ? "их" : "его"}: ${layout}`, null, "experts.header");

  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    if (row.every((v) => cellText(v) === "")) continue;
    const teacher = cellText(row[name]);
    const subj = cellText(row[subject]);
    const at = (c: number) => cellAddress(r, c);
    if (!teacher) {
      warn(at(name), `в строке ${r + 1} листа «${sheet}» не указано ФИО учителя: строка пропущена`, subj || null);
      continue;
    }
    if (!subj) {
      warn(at(subject), `у учителя «${teacher}» не указан предмет: строка пропущена. Одна строка — один учитель и один предмет`, null);
      continue;
    }
    if (typeof row[name] !== "string" || /\d/.test(teacher)) {
      warn(at(name), `«${teacher}» не похоже на ФИО учителя: строка пропущена`, subj);
      continue;
    }
    const read = classes >= 0 ? readClasses(row[classes]) : { classes: [], unreadable: [] };
    if (read.unreadable.length > 0) {
      warn(at(classes), `классы «${read.unreadable.join("», «")}» не распознаны (учитель «${teacher}», предмет «${subj}»): пишите классы через запятую, например «4А, 4Б»${read.classes.length > 0 ? `; прочитаны: ${read.classes.join(", ")}` : ""}`, subj);
    }
    const typedYears = years >= 0 ? row[years] : null;
    const y = readYears(typedYears ?? null);
    if (y === null && cellText(typedYears) !== "") {
      warn(at(years), `стаж «${cellText(typedYears)}» (учитель «${teacher}», предмет «${subj}») не прочитан: укажите число полных лет преподавания предмета, например 5`, subj);
    }
    out.rows.push({ row: r, name: collapseSpaces(teacher), subject: subj, classes: read.classes, years: y, cells: { name: at(name), classes: classes >= 0 ? at(classes) : null, years: years >= 0 ? at(years) : null } });
  }
  return out;
}
