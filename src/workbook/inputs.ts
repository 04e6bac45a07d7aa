// Reading the coordinator's input sheets into the domain model. Normalising happens here, on
// read; the user's cells are never rewritten. Every finding names its sheet and cell.
import {
  cellAddress,
  definitionProblems,
  findWork,
  nameKey,
  parseClassName,
  parseItemHeader,
  parseLevel,
  readCode,
  scaleFromMinima,
  type Finding,
  type FindingCode,
  type Item,
  type WorkDefinition,
  type XLetter,
} from "../core";
import type { CellValue, SheetSnapshot, Snapshot } from "./backend";
import { CRITERIA, CRITERIA_SHEET, PLAN, PLAN_SHEET, POOL, POOL_SHEET, ROSTER, ROSTER_SHEET, SETTINGS, SETTINGS_SHEET, cellText as text, headerKey } from "./contract";

export interface Settings {
  school: string | null;
  schoolName: string;
  year: string;
  xLetter: XLetter;
}

export interface Student {
  /** 0-based sheet row on «Ученики». */
  row: number;
  className: string;
  grade: number;
  name: string;
  gender: "м" | "ж" | null;
  code: number | null;
  /** Previous-period marks by subject column header, as typed in the roster. */
  previousMarks: Record<string, 2 | 3 | 4 | 5>;
}

/** A roster column of previous-period marks: its header as typed and its 0-based column. */
export interface MarkColumn {
  header: string;
  col: number;
}

/**
 * The marks of one subject of the plan: the column named exactly like the subject, else the one
 * column that looks like it (with a warning), or null when there is none (marks stay empty, with a
 * warning). `finding` is that warning (also in `Inputs.findings`).
 */
export interface MarkChoice {
  subject: string;
  column: MarkColumn | null;
  finding: Finding | null;
}

export interface Roster {
  students: Student[];
  /** Every column other than Класс/ФИО/Пол/Код that has a header: read as previous-period marks. */
  markColumns: MarkColumn[];
  /** 0-based column of `Код` (to write codes back), or null if the column is missing. */
  codeColumn: number | null;
  nameColumn: number | null;
  classes: string[];
}

export interface ScheduleRow {
  row: number;
  className: string;
  grade: number;
  subject: string;
  work: WorkDefinition;
  date: string;
}

export interface Inputs {
  settings: Settings;
  roster: Roster;
  pool: number[];
  /** The «План» rows: which class writes which work on which day (not to be confused with a WritePlan). */
  schedule: ScheduleRow[];
  works: WorkDefinition[];
  /** For each subject of the plan (by `headerKey`): where its previous-period marks come from. */
  marks: Map<string, MarkChoice>;
  findings: Finding[];
}

const rowsOf = (s: SheetSnapshot | undefined): CellValue[][] => s?.values ?? [];
const isEmptyRow = (row: readonly CellValue[]): boolean => row.every((v) => v === null || (typeof v === "string" && v.trim() === ""));

type Push = (sheet: string, row: number, col: number, severity: Finding["severity"], code: FindingCode, message: string) => void;
const pusher =
  (findings: Finding[]): Push =>
  (sheet, row, col, severity, code, message) =>
    findings.push({ sheet, cell: cellAddress(row, col), severity, code, message });

/** Finds header columns by name in row 1; reports missing required ones. */
function headerColumns(rows: CellValue[][], names: Record<string, string>, required: string[], sheet: string, findings: Finding[]): Record<string, number | null> {
  const header = rows[0] ?? [];
  const out: Record<string, number | null> = {};
  for (const [key, name] of Object.entries(names)) {
    const idx = header.findIndex((h) => headerKey(h) === headerKey(name));
    out[key] = idx >= 0 ? idx : null;
    if (idx < 0 && required.includes(key)) {
      findings.push({ sheet, cell: "A1", severity: "error", code: "header.missing", message: `в первой строке листа нет столбца «${name}»; нужны столбцы ${required.map((k) => `«${names[k]}»`).join(", ")}` });
    }
  }
  return out;
}

export function readSettings(snapshot: Snapshot, findings: Finding[]): Settings {
  const push = pusher(findings);
  const rows = rowsOf(snapshot.sheets[SETTINGS_SHEET]);
  const settings: Settings = { school: null, schoolName: "", year: "", xLetter: "X" };
  if (!snapshot.sheets[SETTINGS_SHEET]) {
    findings.push({ sheet: SETTINGS_SHEET, severity: "error", code: "sheet.missing", message: `нет листа «${SETTINGS_SHEET}»: создайте рабочую книгу заново или верните лист` });
    return settings;
  }
  const find = (label: string) => rows.findIndex((r) => headerKey(r[0]) === headerKey(label));
  const schoolRow = find(SETTINGS.school);
  if (schoolRow < 0) {
    findings.push({ sheet: SETTINGS_SHEET, cell: "A2", severity: "error", code: "settings.school-missing", message: `нет строки «${SETTINGS.school}»` });
  } else {
    const v = text(rows[schoolRow][1]);
    if (/^\d{6}$/.test(v)) settings.school = v;
    else push(SETTINGS_SHEET, schoolRow, 1, "error", "settings.school", v ? `код ОО «${v}» должен состоять ровно из 6 цифр` : "не указан код ОО (6 цифр)");
  }
  const nameRow = find(SETTINGS.schoolName);
  if (nameRow >= 0) settings.schoolName = text(rows[nameRow][1]);
  const yearRow = find(SETTINGS.year);
  if (yearRow >= 0) {
    const v = text(rows[yearRow][1]);
    if (v && !/^20\d\d$/.test(v)) push(SETTINGS_SHEET, yearRow, 1, "warning", "settings.year", `год «${v}» не похож на год проведения (например, 2026)`);
    settings.year = v;
  }
  const xRow = find(SETTINGS.xLetter);
  if (xRow >= 0) {
    const v = text(rows[xRow][1]);
    if (v === "Х" || v === "х") settings.xLetter = "Х";
    else if (v === "X" || v === "x" || v === "") settings.xLetter = "X";
    else push(SETTINGS_SHEET, xRow, 1, "error", "settings.x", `символ «${v}» не подходит: укажите латинскую X или кириллическую Х`);
  }
  return settings;
}

export function readRoster(snapshot: Snapshot, findings: Finding[]): Roster {
  const push = pusher(findings);
  const sheet = snapshot.sheets[ROSTER_SHEET];
  if (!sheet) {
    findings.push({ sheet: ROSTER_SHEET, severity: "error", code: "sheet.missing", message: `нет листа «${ROSTER_SHEET}» со списком учеников` });
    return { students: [], markColumns: [], codeColumn: null, nameColumn: null, classes: [] };
  }
  const rows = sheet.values;
  const cols = headerColumns(rows, ROSTER, ["className", "name", "gender", "code"], ROSTER_SHEET, findings);
  const known = new Set(Object.values(cols).filter((c): c is number => c !== null));
  // Any other named column holds previous-period marks for the subject it is named after.
  const markColumns: MarkColumn[] = (rows[0] ?? []).map((h, i) => ({ header: text(h), col: i })).filter((m) => m.header && !known.has(m.col));
  const students: Student[] = [];
  const byName = new Map<string, Student>();
  const byCode = new Map<number, Student>();
  if (cols.className === null || cols.name === null) return { students, markColumns, codeColumn: cols.code, nameColumn: cols.name, classes: [] };
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (isEmptyRow(row)) continue;
    const cls = parseClassName(row[cols.className]);
    if (!cls.ok) {
      push(ROSTER_SHEET, r, cols.className, "error", "roster.class", cls.message);
      continue;
    }
    if (cls.changed) push(ROSTER_SHEET, r, cols.className, "warning", "roster.class-normalised", `класс «${text(row[cols.className])}» прочитан как «${cls.value}»`);
    const name = text(row[cols.name]);
    if (!name) push(ROSTER_SHEET, r, cols.name, "warning", "roster.name-empty", "не указаны ФИО ученика");
    let gender: Student["gender"] = null;
    if (cols.gender !== null) {
      const g = text(row[cols.gender]).toLowerCase();
      if (g === "м" || g === "ж") gender = g;
      else if (g) push(ROSTER_SHEET, r, cols.gender, "warning", "roster.gender", `пол «${g}» не распознан: укажите «м» или «ж»; в форму попадёт пустая ячейка`);
    }
    let code: number | null = null;
    if (cols.code !== null) {
      const raw = row[cols.code];
      if (raw !== null && text(raw) !== "") {
        code = readCode(raw);
        if (code === null) {
          push(ROSTER_SHEET, r, cols.code, "error", "roster.code", `код «${text(raw)}» должен быть целым положительным числом`);
          continue;
        }
      }
    }
    const previousMarks: Student["previousMarks"] = {};
    for (const m of markColumns) {
      const v = row[m.col];
      if (v === null || text(v) === "") continue;
      const n = Number(text(v));
      if ([2, 3, 4, 5].includes(n)) previousMarks[m.header] = n as 2 | 3 | 4 | 5;
      else push(ROSTER_SHEET, r, m.col, "warning", "roster.mark", `отметка «${text(v)}» по предмету «${m.header}» должна быть от 2 до 5; в форму попадёт пустая ячейка`);
    }
    const student: Student = { row: r, className: cls.value, grade: cls.grade, name, gender, code, previousMarks };
    if (name) {
      const key = `${cls.value}|${nameKey(name)}`;
      const twin = byName.get(key);
      if (twin) push(ROSTER_SHEET, r, cols.name, "warning", "roster.duplicate-name", `ученик «${name}» уже есть в классе ${cls.value} (строка ${twin.row + 1}); если это разные ученики, всё в порядке`);
      else byName.set(key, student);
    }
    if (code !== null) {
      const twin = byCode.get(code);
      if (twin) {
        push(ROSTER_SHEET, r, cols.code!, "error", "roster.duplicate-code", `код ${code} уже выдан ученику в строке ${twin.row + 1}: у каждого ученика должен быть свой код`);
      } else byCode.set(code, student);
    }
    students.push(student);
  }
  const classes = [...new Set(students.map((s) => s.className))].sort(compareClassNames);
  return { students, markColumns, codeColumn: cols.code, nameColumn: cols.name, classes };
}

/** 4А < 4Б < 10А: by grade, then letter. */
export function compareClassNames(a: string, b: string): number {
  const ga = parseInt(a, 10);
  const gb = parseInt(b, 10);
  return ga !== gb ? ga - gb : a.localeCompare(b, "ru");
}

export function readPool(snapshot: Snapshot, findings: Finding[]): number[] {
  const push = pusher(findings);
  const rows = rowsOf(snapshot.sheets[POOL_SHEET]);
  if (rows.length === 0) return [];
  const headerIdx = (rows[0] ?? []).findIndex((h) => headerKey(h) === headerKey(POOL.code));
  const col = headerIdx >= 0 ? headerIdx : 0;
  const start = headerIdx >= 0 ? 1 : 0;
  const seen = new Set<number>();
  const pool: number[] = [];
  for (let r = start; r < rows.length; r++) {
    const raw = rows[r][col];
    if (raw === null || text(raw) === "") continue;
    const code = readCode(raw);
    if (code === null) {
      push(POOL_SHEET, r, col, "warning", "pool.invalid", `«${text(raw)}» не код участника: код — целое число; строка пропущена`);
      continue;
    }
    const digits = String(code).length;
    if (digits < 4 || digits > 6) {
      push(POOL_SHEET, r, col, "warning", "pool.length", `код ${code} из ${digits} цифр: коды ВПР состоят из 4–6 цифр; код пропущен`);
      continue;
    }
    if (seen.has(code)) {
      push(POOL_SHEET, r, col, "warning", "pool.duplicate", `код ${code} встречается в списке кодов второй раз; повтор пропущен`);
      continue;
    }
    seen.add(code);
    pool.push(code);
  }
  return pool;
}

/** Reads the blocks of «Критерии». Blocks override built-in works with the same id. */
export function readCriteria(snapshot: Snapshot, findings: Finding[]): WorkDefinition[] {
  const push = pusher(findings);
  const rows = rowsOf(snapshot.sheets[CRITERIA_SHEET]);
  const works: WorkDefinition[] = [];
  let r = 0;
  while (r < rows.length) {
    if (headerKey(rows[r][0]) !== headerKey(CRITERIA.work)) {
      r++;
      continue;
    }
    const start = r;
    const id = text(rows[r][1]);
    const block = new Map<string, number>();
    r++;
    while (r < rows.length && !isEmptyRow(rows[r]) && headerKey(rows[r][0]) !== headerKey(CRITERIA.work)) {
      block.set(headerKey(rows[r][0]), r);
      r++;
    }
    const work = readBlock(rows, start, id, block, push);
    if (work) {
      const problems = definitionProblems(work);
      if (problems.length > 0) problems.forEach((p) => push(CRITERIA_SHEET, start, 1, "error", "criteria.invalid", `работа «${id}»: ${p}`));
      else if (works.some((w) => w.id.toUpperCase() === id.toUpperCase())) push(CRITERIA_SHEET, start, 1, "error", "criteria.duplicate", `работа «${id}» описана на листе дважды`);
      else works.push(work);
    }
  }
  return works;
}

function readBlock(rows: CellValue[][], start: number, id: string, block: Map<string, number>, push: Push): WorkDefinition | null {
  if (!id) {
    push(CRITERIA_SHEET, start, 1, "error", "criteria.id", "не указан идентификатор работы (например, MA4-2026)");
    return null;
  }
  const line = (key: string) => block.get(headerKey(key));
  const cellsOf = (r: number | undefined) => (r === undefined ? [] : trimTail(rows[r].slice(1)));
  const subject = text(rows[line(CRITERIA.subject) ?? -1]?.[1] ?? null);
  const gradeText = text(rows[line(CRITERIA.grade) ?? -1]?.[1] ?? null);
  const itemsRow = line(CRITERIA.items);
  if (itemsRow === undefined) {
    push(CRITERIA_SHEET, start, 0, "error", "criteria.items-missing", `работа «${id}»: нет строки «${CRITERIA.items}»`);
    return null;
  }
  const labels = cellsOf(itemsRow);
  const maxRow = line(CRITERIA.maxima);
  const maxima = cellsOf(maxRow);
  const partRow = line(CRITERIA.parts);
  const parts = cellsOf(partRow);
  const levelRow = line(CRITERIA.level);
  const levels = cellsOf(levelRow);
  const items: Item[] = [];
  let bad = false;
  labels.forEach((l, i) => {
    const col = i + 1;
    const label = text(l);
    let max: number | null = null;
    let itemLabel = label;
    if (maxRow === undefined) {
      // No «Максимум» row: the labels must be form headers such as "5.1 (1б)".
      const h = parseItemHeader(label);
      if (h.ok) {
        itemLabel = h.label;
        max = h.max;
      } else {
        push(CRITERIA_SHEET, itemsRow, col, "error", "criteria.header", `работа «${id}»: ${h.message}`);
        bad = true;
        return;
      }
    } else {
      const m = maxima[i];
      const n = typeof m === "number" ? m : Number(text(m ?? null));
      if (!Number.isInteger(n) || n < 1) {
        push(CRITERIA_SHEET, maxRow, col, "error", "criteria.max", `работа «${id}», задание ${label}: максимум «${text(m ?? null)}» должен быть целым числом не меньше 1`);
        bad = true;
        return;
      }
      max = n;
    }
    if (!itemLabel) {
      push(CRITERIA_SHEET, itemsRow, col, "error", "criteria.label", `работа «${id}»: пустое название задания`);
      bad = true;
      return;
    }
    const p = parts[i];
    const part = p === undefined || text(p) === "" || text(p) === "1" ? 1 : text(p) === "2" ? 2 : null;
    if (part === null) {
      push(CRITERIA_SHEET, partRow!, col, "error", "criteria.part", `работа «${id}», задание ${itemLabel}: часть должна быть 1 или 2`);
      bad = true;
      return;
    }
    const levelText = text(levels[i] ?? null);
    const level = parseLevel(levelText);
    // A level the analysis cannot read only loses the item's mark there: a warning, never a blocker.
    if (levelText !== "" && level === null) push(CRITERIA_SHEET, levelRow!, col, "warning", "criteria.level", `работа «${id}», задание ${itemLabel}: уровень «${levelText}» не распознан — укажите Б (базовый), П (повышенный) или В (высокий); без уровня задание анализируется без порога`);
    items.push(level ? { label: itemLabel, max: max!, part, level } : { label: itemLabel, max: max!, part });
  });
  if (maxRow !== undefined && maxima.length > labels.length) {
    push(CRITERIA_SHEET, maxRow, labels.length + 1, "error", "criteria.extra-max", `работа «${id}»: максимумов больше, чем заданий`);
    bad = true;
  }
  let scale: WorkDefinition["scale"];
  const scaleRow = line(CRITERIA.scale);
  if (scaleRow !== undefined) {
    const cells = cellsOf(scaleRow);
    if (cells.length > 0) {
      const s = scaleFromMinima(cells);
      if (!s) {
        push(CRITERIA_SHEET, scaleRow, 1, "error", "criteria.scale", `работа «${id}»: шкала — три возрастающих целых числа, минимальные баллы для отметок 3, 4 и 5`);
        bad = true;
      } else scale = s;
    }
  }
  const grade = Number(gradeText);
  if (bad) return null;
  return { id, subject, grade: Number.isInteger(grade) ? grade : NaN, year: text(rows[line(CRITERIA.year) ?? -1]?.[1] ?? null), source: text(rows[line(CRITERIA.source) ?? -1]?.[1] ?? null) || "введено координатором", items, scale };
}

function trimTail(cells: CellValue[]): CellValue[] {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] === null || text(cells[n - 1]) === "")) n--;
  return cells.slice(0, n);
}

export function readSchedule(snapshot: Snapshot, roster: Roster, works: readonly WorkDefinition[], findings: Finding[]): ScheduleRow[] {
  const push = pusher(findings);
  const sheet = snapshot.sheets[PLAN_SHEET];
  if (!sheet) {
    findings.push({ sheet: PLAN_SHEET, severity: "error", code: "sheet.missing", message: `нет листа «${PLAN_SHEET}»: укажите, какие классы пишут какие работы` });
    return [];
  }
  const rows = sheet.values;
  const cols = headerColumns(rows, PLAN, ["className", "work"], PLAN_SHEET, findings);
  if (cols.className === null || cols.work === null) return [];
  const plan: ScheduleRow[] = [];
  const classes = new Set(roster.classes);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (isEmptyRow(row)) continue;
    const cls = parseClassName(row[cols.className]);
    if (!cls.ok) {
      push(PLAN_SHEET, r, cols.className, "error", "plan.class", cls.message);
      continue;
    }
    if (cls.changed) push(PLAN_SHEET, r, cols.className, "warning", "plan.class-normalised", `класс «${text(row[cols.className])}» прочитан как «${cls.value}»`);
    if (!classes.has(cls.value)) {
      push(PLAN_SHEET, r, cols.className, "error", "plan.class-unknown", `класса ${cls.value} нет в списке учеников на листе «${ROSTER_SHEET}»`);
      continue;
    }
    const id = text(row[cols.work]);
    const work = id ? findWork(id, works) : undefined;
    if (!work) {
      push(PLAN_SHEET, r, cols.work, "error", "plan.work-unknown", id ? `работа «${id}» не описана ни на листе «${CRITERIA_SHEET}», ни во встроенном каталоге` : "не указана работа (идентификатор с листа «Критерии», например RU4-2026)");
      continue;
    }
    if (work.grade !== cls.grade) push(PLAN_SHEET, r, cols.work, "warning", "plan.grade-mismatch", `работа «${work.id}» для ${work.grade} класса, а класс ${cls.value} — ${cls.grade}-й`);
    const subjectTyped = cols.subject === null ? "" : text(row[cols.subject]);
    if (subjectTyped && headerKey(subjectTyped) !== headerKey(work.subject)) {
      push(PLAN_SHEET, r, cols.subject!, "warning", "plan.subject-mismatch", `предмет «${subjectTyped}» не совпадает с предметом работы «${work.id}» («${work.subject}»); используется «${work.subject}»`);
    }
    if (plan.some((p) => p.className === cls.value && p.work.id === work.id)) {
      push(PLAN_SHEET, r, cols.work, "warning", "plan.duplicate", `класс ${cls.value} и работа «${work.id}» уже есть в плане; повтор пропущен`);
      continue;
    }
    plan.push({ row: r, className: cls.value, grade: cls.grade, subject: work.subject, work, date: cols.date === null ? "" : text(row[cols.date]) });
  }
  return plan;
}

/** All inputs at once, in dependency order. */
export function readInputs(snapshot: Snapshot): Inputs {
  const findings: Finding[] = [];
  const settings = readSettings(snapshot, findings);
  const roster = readRoster(snapshot, findings);
  const pool = readPool(snapshot, findings);
  const works = readCriteria(snapshot, findings);
  const schedule = readSchedule(snapshot, roster, works, findings);
  const marks = snapshot.sheets[ROSTER_SHEET] ? resolveMarkColumns(roster, schedule, findings) : new Map<string, MarkChoice>();
  return { settings, roster, pool, schedule, works, marks, findings };
}

// --- Previous-period marks -------------------------------------------------------------------

/** Words of a header for the look-alike test: case, Ё, words in brackets and punctuation ignored. */
const markWords = (s: string): string[] =>
  headerKey(s)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);

/**
 * True when a roster header looks like the subject without being it: «математика», «Математика
 * (3 четверть)», «Матем.», «Русский», «Окр. мир» for «Окружающий мир». Either the header's words
 * shorten the subject's word by word (the first at least three letters), or the subject's words
 * begin the header's.
 */
export function looksLikeSubject(header: string, subject: string): boolean {
  const h = markWords(header);
  const s = markWords(subject);
  if (h.length === 0 || s.length === 0) return false;
  if (h.length <= s.length && h[0].length >= 3 && h.every((w, i) => s[i].startsWith(w))) return true;
  return s.length <= h.length && s.every((w, i) => h[i] === w);
}

/**
 * The mark column of each subject of the plan. A column named exactly like the subject is used
 * silently; otherwise the one column that looks like it is used and a warning names its header
 * cell; several look-alikes, or none, leave the marks empty and a warning says so.
 */
export function resolveMarkColumns(roster: Roster, plan: readonly ScheduleRow[], findings: Finding[]): Map<string, MarkChoice> {
  const out = new Map<string, MarkChoice>();
  const choose = (key: string, subject: string, column: MarkColumn | null, finding: Finding | null) => {
    out.set(key, { subject, column, finding });
    if (finding) findings.push(finding);
  };
  const subjects = [...new Map(plan.map((p) => [headerKey(p.subject), p.subject])).entries()];
  const exact = (subject: string) => roster.markColumns.find((m) => m.header === text(subject));
  // A column named exactly like one subject of the plan is that subject's, never another's look-alike.
  const taken = new Set(subjects.map(([, subject]) => exact(subject)?.col).filter((c) => c !== undefined));
  const lastCol = Math.max(-1, ...roster.markColumns.map((m) => m.col), roster.codeColumn ?? -1, roster.nameColumn ?? -1);
  for (const [key, subject] of subjects) {
    const found = exact(subject);
    if (found) {
      choose(key, subject, found, null);
      continue;
    }
    const alike = roster.markColumns.filter((m) => !taken.has(m.col) && looksLikeSubject(m.header, subject));
    const lacks = `в плане есть предмет «${subject}», а столбца «${subject}» с отметками за предыдущий период на листе «${ROSTER_SHEET}» нет`;
    if (alike.length === 1) {
      choose(key, subject, alike[0], { sheet: ROSTER_SHEET, cell: cellAddress(0, alike[0].col), severity: "warning", code: "roster.marks-similar", message: `${lacks}; отметки взяты из похожего столбца «${alike[0].header}». Если это не тот столбец, назовите нужный точно «${subject}»` });
    } else if (alike.length > 1) {
      const list = alike.map((m) => `«${m.header}» (${cellAddress(0, m.col)})`).join(", ");
      choose(key, subject, null, { sheet: ROSTER_SHEET, cell: cellAddress(0, alike[0].col), severity: "warning", code: "roster.marks-ambiguous", message: `${lacks}, а похожих несколько: ${list}; отметки не взяты ни из одного — в формах по предмету «${subject}» столбец отметок будет пустым. Назовите нужный столбец точно «${subject}»` });
    } else {
      choose(key, subject, null, { sheet: ROSTER_SHEET, cell: cellAddress(0, lastCol + 1), severity: "warning", code: "roster.marks-missing", message: `${lacks}: в формах по предмету «${subject}» столбец отметок будет пустым. Чтобы его заполнить, добавьте столбец «${subject}»` });
    }
  }
  return out;
}

/** The student's previous-period mark in this subject, from the column `resolveMarkColumns` chose. */
export const previousMark = (inputs: Pick<Inputs, "marks">, student: Student, subject: string): 2 | 3 | 4 | 5 | null => {
  const column = inputs.marks.get(headerKey(subject))?.column;
  return column ? student.previousMarks[column.header] ?? null : null;
};
