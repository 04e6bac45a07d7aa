// The expected list of schools (docs/MUNICIPAL.md, «Мониторинг»): our sheet «Школы»
// (`Код ОО | Наименование | Муниципалитет | Параллели | Работы`) or the FIS OKO list of logins
// (`логин | имя | регион`, «регион» holding the municipality) taken as it is. Read tolerantly; every
// problem is a Russian finding naming sheet and cell, and the row is left out, never the list.
import { cellAddress, collapseSpaces, nameKey, type Finding } from "../../core";
import type { CellValue, Snapshot } from "../backend";
import { cellText, headerKey } from "../contract";

export const SCHOOLS_SHEET = "Школы";
/** Our header, in this order (only «Код ОО» is required). */
export const SCHOOLS_HEADER = ["Код ОО", "Наименование", "Муниципалитет", "Параллели", "Работы"] as const;

/** A work a school is expected to write: subject × grade. */
export interface ExpectedWork {
  subject: string;
  grade: number;
}

export interface ExpectedSchool {
  /** 6-digit school code. */
  school: string;
  name: string | null;
  municipality: string | null;
  /** Grades the school has (from «Параллели»); null when not given. */
  grades: number[] | null;
  /** Works expected (from «Работы»); null when not given. */
  works: ExpectedWork[] | null;
  sheet: string;
  /** 0-based row of the sheet. */
  row: number;
}

export interface SchoolList {
  /** "ours": «Школы»; "fis-oko": `логин | имя | регион`. */
  layout: "ours" | "fis-oko";
  sheet: string;
  schools: ExpectedSchool[];
}

// Header words per column, compared by headerKey; the first that matches wins.
const COLUMNS = {
  code: ["код оо", "код", "код школы", "код образовательной организации", "логин", "логин школы", "login"],
  name: ["наименование", "наименование оо", "имя", "название", "школа"],
  municipality: ["муниципалитет", "регион", "район", "муниципальный район", "муниципальное образование", "мо"],
  grades: ["параллели", "классы"],
  works: ["работы", "работы впр"],
} as const;
type Column = keyof typeof COLUMNS;

/** A header row is looked for among the first rows (an export of the list may carry a title). */
const HEADER_SEARCH_ROWS = 5;

/** A school code as typed: `123456`, «sch123456» (a FIS OKO login), a number that lost its leading zero. */
export function schoolCode(raw: CellValue): string | null {
  if (typeof raw === "number") return Number.isInteger(raw) && raw > 0 && raw < 1_000_000 ? String(raw).padStart(6, "0") : null;
  const m = /^(?:sch)?(\d{6})$/i.exec(cellText(raw).replace(/\s/g, ""));
  return m ? m[1] : null;
}

function findHeader(rows: readonly CellValue[][]): { row: number; cols: Partial<Record<Column, number>> } | null {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const keys = rows[r].map(headerKey);
    const cols: Partial<Record<Column, number>> = {};
    for (const column of Object.keys(COLUMNS) as Column[]) {
      const c = keys.findIndex((k) => (COLUMNS[column] as readonly string[]).includes(k));
      if (c >= 0) cols[column] = c;
    }
    if (cols.code !== undefined) return { row: r, cols };
  }
  return null;
}

/** «4, 5, 6», «4–8», «4-6; 8»: whole grades 1–11, or null when a piece is none. */
export function parseGrades(text: string): number[] | null {
  const out = new Set<number>();
  for (const piece of text.split(/[,;\s]+/).filter((p) => p !== "")) {
    const range = /^(\d{1,2})\s*[-–—]\s*(\d{1,2})$/.exec(piece);
    const [from, to] = range ? [Number(range[1]), Number(range[2])] : [Number(piece), Number(piece)];
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > 11 || from > to) return null;
    for (let g = from; g <= to; g++) out.add(g);
  }
  return out.size === 0 ? null : [...out].sort((a, b) => a - b);
}

/**
 * «Математика 4; Русский язык 4», «4 Математика», «Математика, 4 класс»: works separated by «;», a
 * new line, or a comma before a word (a comma before a number belongs to the work: «Математика, 4
 * класс»). Returns the works and the pieces that are none.
 */
export function parseWorks(text: string): { works: ExpectedWork[]; bad: string[] } {
  const works: ExpectedWork[] = [];
  const bad: string[] = [];
  for (const raw of text.split(/[;\n]|,(?=\s*[^\d\s])/)) {
    const piece = collapseSpaces(raw);
    if (piece === "") continue;
    const grades = piece.match(/\d+/g) ?? [];
    const grade = Number(grades[0]);
    const subject = collapseSpaces(piece.replace(/\d+/g, " ").replace(/[,]/g, " ").replace(/(^|\s)(класс[а-я]*|кл\.?)(?=\s|$)/giu, " "));
    if (grades.length !== 1 || !(grade >= 1 && grade <= 11) || subject === "") bad.push(piece);
    else if (!works.some((w) => w.grade === grade && nameKey(w.subject) === nameKey(subject))) works.push({ subject, grade });
  }
  return { works, bad };
}

/** The list from a workbook: the sheet «Школы», else the first sheet with a code or login column. */
export function readSchoolList(snapshot: Snapshot, file: string): { list: SchoolList | null; findings: Finding[] } {
  const findings: Finding[] = [];
  const ordered = [...snapshot.sheetNames].sort((a, b) => Number(headerKey(b) === headerKey(SCHOOLS_SHEET)) - Number(headerKey(a) === headerKey(SCHOOLS_SHEET)));
  for (const sheet of ordered) {
    const rows = snapshot.sheets[sheet]?.values;
    if (!rows) continue;
    const header = findHeader(rows);
    if (!header) continue;
    const { cols } = header;
    const layout = headerKey(rows[header.row][cols.code!]).startsWith("логин") || headerKey(rows[header.row][cols.code!]) === "login" ? "fis-oko" : "ours";
    const warn = (row: number, col: number, code: string, message: string) => findings.push({ severity: "warning", code: `municipal.list-${code}`, sheet, cell: cellAddress(row, col), message });
    const schools: ExpectedSchool[] = [];
    const seen = new Map<string, number>();
    for (let r = header.row + 1; r < rows.length; r++) {
      const row = rows[r];
      if (row.every((v) => cellText(v) === "")) continue;
      const at = (c: Column): string => (cols[c] === undefined ? "" : cellText(row[cols[c]!]));
      const school = schoolCode(row[cols.code!] ?? null);
      if (school === null) {
        warn(r, cols.code!, "code", `список школ «${file}»: «${at("code")}» — не код ОО (6 цифр) и не логин вида sch123456; строка пропущена`);
        continue;
      }
      if (seen.has(school)) {
        warn(r, cols.code!, "duplicate", `список школ «${file}»: школа ${school} уже указана в строке ${seen.get(school)! + 1}; эта строка пропущена`);
        continue;
      }
      seen.set(school, r);
      let grades: number[] | null = null;
      if (at("grades") !== "") {
        grades = parseGrades(at("grades"));
        if (grades === null) warn(r, cols.grades!, "grades", `список школ «${file}», школа ${school}: параллели «${at("grades")}» не прочитаны (пишите «4, 5, 6» или «4–8»); ожидаемые работы — по полученным файлам`);
      }
      let works: ExpectedWork[] | null = null;
      if (at("works") !== "") {
        const parsed = parseWorks(String(row[cols.works!]));
        for (const piece of parsed.bad) warn(r, cols.works!, "work", `список школ «${file}», школа ${school}: работа «${piece}» не прочитана (пишите «Математика 4; Русский язык 4»)`);
        works = parsed.works.length > 0 ? parsed.works : null;
      }
      schools.push({ school, name: at("name") || null, municipality: at("municipality") || null, grades, works, sheet, row: r });
    }
    if (schools.length === 0) findings.push({ severity: "warning", code: "municipal.list-empty", sheet, cell: cellAddress(header.row, cols.code!), message: `список школ «${file}», лист «${sheet}»: под заголовком нет ни одной школы` });
    return { list: { layout, sheet, schools }, findings };
  }
  findings.push({
    severity: "error",
    code: "municipal.list-header",
    message: `список школ «${file}»: не найден лист «${SCHOOLS_SHEET}» с заголовком «${SCHOOLS_HEADER.join(" | ")}» или список ФИС ОКО «логин | имя | регион» (заголовок — в одной из первых ${HEADER_SEARCH_ROWS} строк)`,
  });
  return { list: null, findings };
}
