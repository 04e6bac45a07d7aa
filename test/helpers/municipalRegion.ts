// A generated municipality on disk, for `vpr municipal` end to end (issue 14, "Done when"): 40
// schools, their files written by three programs, and every figure known in advance from the data
// made here — never from the product's statistics. What is made:
//
// - 6 schools' upload forms written by OUR writer (the add-in's own flow: roster, codes, score
//   sheets, buildUploads), in a folder per school; one of them edited by hand afterwards (a code
//   out of the grade's range, a duplicate row), one sent twice (a copy in «повтор/»);
// - 5 official forms «filled by others»: 4 written by openpyxl (one with an ФИО column, one with a
//   score over the header's maximum and a duplicate code), 1 typed as CSV and saved by LibreOffice
//   Calc (openpyxl instead when soffice is absent); 1 more whose file name does not say the school;
// - a FIS OKO results export, 2021 layout, every value text, written by openpyxl: 25 schools'
//   mathematics (one of them also sent its own form: the same work twice), absent rows, X / x / Х,
//   «не пройд.», a score over the maximum, «нет отметки», a duplicate code, a row without a school
//   login, a row with nothing written; one school in it is not on the list;
// - a FIS OKO export, 2020 layout (technical headers), openpyxl: 31 schools' Russian;
// - broken files: a truncated zip, a workbook that is no form, a text file named .xlsx, a .txt;
// - the FIS OKO list «логин | имя | регион» (two municipalities, two schools that sent nothing),
//   «Критерии» with the mathematics (scale 6 / 10 / 15: marks), none for Russian (scores only), and
//   observers (two conflicts).
// Planted signs (mathematics): 224105 — a peak at the «4» boundary and journal mismatch; 224107 —
// journal mismatch; 224103 — far more «5» than the rest. Every other school is smooth by design.
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { findWork, seededRandom, type WorkDefinition } from "../../src/core";
import type { CellValue, CellWrite } from "../../src/workbook/backend";
import { checkWorkbook } from "../../src/workbook/check";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { buildNewWorkbook } from "../../src/workbook/file/newWorkbook";
import { criteriaBlock } from "../../src/workbook/newWorkbook";
import { buildUploads, makeCodes, makeScoreSheets, readAll } from "../../src/workbook/operations";
import { applyWritePlan } from "../../src/workbook/planCheck";
import { sampleWorkbookPlan, type SampleSchool } from "../../src/workbook/sample";

export type Mark = 2 | 3 | 4 | 5;

export const MATH: WorkDefinition = findWork("MA4-2023")!;
export const RUSSIAN: WorkDefinition = findWork("RU4-2026")!;
export const MATH_SCALE = [6, 10, 15] as const;
export const markOf = (t: number): Mark => (t >= MATH_SCALE[2] ? 5 : t >= MATH_SCALE[1] ? 4 : t >= MATH_SCALE[0] ? 3 : 2);

export const EXPORT_2021 = "Проведение работы по математике, 4 класс. ВПР 2021.xlsx";
export const EXPORT_2020 = "Проведение работы по русскому языку, 4 класс. ВПР 2020.xlsx";
export const FOLDER = "папка";
export const LIST_FILE = "школы.xlsx";
export const CRITERIA_FILE = "критерии.xlsx";
export const OBSERVERS_FILE = "наблюдатели.xlsx";

/** A child of a school: one code for all works (FIS OKO's numbering, or ours for our schools). */
export interface Child {
  code: number;
  name: string;
  className: "4А" | "4Б";
  gender: "м" | "ж";
}

/** A child's row on one work, as planned. */
export interface Pupil {
  child: Child;
  /** The code written in this work's file when it is not the child's (a hand-edited form). */
  code?: number;
  journal: Mark | null;
  variant: 1 | 2;
  absent: boolean;
  /** Item scores (empty for the absent). */
  scores: number[];
  /** A cell written instead of one score: the reader drops that score and the row counts as «с ошибкой». */
  dirty?: { item: number; value: string | number };
  /** Zeros written as X in this spelling. */
  x?: string;
}

export const codeOf = (p: Pupil): number => p.code ?? p.child.code;
export const totalOf = (p: Pupil): number => p.scores.reduce((a, b) => a + b, 0);
export const statusOf = (p: Pupil): "absent" | "invalid" | "wrote" => (p.absent ? "absent" : p.dirty ? "invalid" : "wrote");

export type MathVia = "ours" | "openpyxl" | "libreoffice" | "export" | "unnamed" | "truncated" | "none";
export type RussianVia = "ours" | "export" | "none";

export interface RegionSchool {
  code: string;
  name: string;
  /** null: not on the list. */
  municipality: string | null;
  mathVia: MathVia;
  russianVia: RussianVia;
  children: Child[];
  math: Pupil[];
  russian: Pupil[];
}

/** A file of the folder and what the CLI must say about it. */
export interface ExpectedFile {
  file: string;
  kind: "form" | "official-form" | "export" | "unreadable" | "not-a-form";
  subject: string | null;
  grade: number | null;
  rows: number;
  /** `code@cell`, or `code@` when the problem names no cell. */
  problems: string[];
  /** Rows left out, by reason, in the order the reasons come up; absent when none. */
  leftOut?: { reason: string; rows: number }[];
}

export interface Region {
  dir: string;
  schools: RegionSchool[];
  files: ExpectedFile[];
  /** Names typed anywhere in the inputs that must never reach the output: rosters and an ФИО column. */
  pupilNames: string[];
  observerNames: string[];
  /** Whether LibreOffice wrote its form (else openpyxl stood in). */
  libreOfficeWrote: boolean;
}

// ---------------------------------------------------------------------------------------------
// The data: totals per school, spread over the items, journal marks.

/** A smooth distribution of 24 mathematics totals: at most 4 works on any boundary pair, no peak. */
export const PLAIN = [2, 3, 4, 5, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 15, 16, 17, 18];
/** 224105: 12 works on 10–11 points (the «4» boundary), none on 8–9. */
export const PEAK = [2, 3, 4, 5, 6, 7, 7, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 11, 11, 12, 13, 14, 15, 16, 17];
/** 224103: every work a «5». */
export const HIGH = [15, 16, 17, 18, 19, 20, 15, 16, 17, 18, 19, 20, 15, 16, 17, 18, 19, 20, 15, 16, 17, 18, 19, 20];
/** Russian totals (max 24, no scale), taken in turn. */
export const RU_PLAIN = [5, 7, 8, 9, 10, 11, 12, 12, 13, 13, 14, 14, 15, 16, 16, 17, 18, 19, 20, 22];

/** A total spread over the items, the first items filled first. */
export function spread(work: WorkDefinition, total: number): number[] {
  let left = total;
  return work.items.map((it) => {
    const s = Math.min(it.max, left);
    left -= s;
    return s;
  });
}

/** A clean school's totals: PLAIN with none, one or two of them dropped (sizes 22–24), by the school's index. */
function plainFor(i: number): number[] {
  const drop = new Set(i % 3 === 0 ? [] : i % 3 === 1 ? [i % 24] : [i % 24, (i * 5 + 7) % 24]);
  return PLAIN.filter((_, j) => !drop.has(j));
}

const SURNAMES = ["Абрикосов", "Брусникин", "Вишняков", "Голубикин", "Дынин", "Ежевикин", "Жимолостев", "Земляникин", "Инжиров", "Клюквин", "Лимонов", "Малинин", "Нектаринов", "Облепихин", "Персиков", "Рябинин", "Сливин", "Тыквин", "Урюков", "Фиников", "Хурмин", "Цитронов", "Черешнев", "Шиповников", "Щавелев", "Яблоков"];
const FIRST = ["Аркадий", "Всеволод", "Гордей", "Евстафий", "Захар", "Ипполит", "Лука", "Мирон", "Нестор", "Онисим", "Прохор", "Савватий"];
const PATRONYMIC = ["Аристархович", "Венедиктович", "Гурьевич", "Евграфович", "Феофанович"];

interface Plan {
  totals: number[];
  /** Journal mark of the pupil with total t at position j. */
  journal: (t: number, j: number) => Mark | null;
}

/** Journal as the mark, but for the first `differ` pupils (one higher; a «5» one lower). */
const journalDiffering =
  (differ: number) =>
  (t: number, j: number): Mark => {
    const m = markOf(t);
    return j < differ ? (m === 5 ? 4 : ((m + 1) as Mark)) : m;
  };

/**
 * A school: children (the mathematics totals' count + 1), mathematics with the last child absent,
 * Russian with the first child absent. Codes: FIS OKO's (school's last three digits × 100 + n);
 * our schools' are replaced by the codes the add-in hands out.
 */
function makeSchool(index: number, code: string, municipality: string | null, mathVia: MathVia, russianVia: RussianVia, plan: Plan): RegionSchool {
  const n = plan.totals.length + 1;
  const base = Number(code.slice(-3)) * 100;
  const children: Child[] = Array.from({ length: n }, (_, j) => ({
    code: base + j + 1,
    name: `${SURNAMES[(index * 7 + j) % SURNAMES.length]} ${FIRST[j % FIRST.length]} ${PATRONYMIC[(index + j) % PATRONYMIC.length]}`,
    className: j % 2 === 0 ? "4А" : "4Б",
    gender: j % 3 === 0 ? "м" : "ж",
  }));
  const math: Pupil[] = children.map((child, j) =>
    j < plan.totals.length
      ? { child, journal: plan.journal(plan.totals[j], j), variant: ((j % 2) + 1) as 1 | 2, absent: false, scores: spread(MATH, plan.totals[j]) }
      : { child, journal: 4, variant: 1, absent: true, scores: [] },
  );
  const russian: Pupil[] = children.map((child, j) => (j === 0 ? { child, journal: 4, variant: 1, absent: true, scores: [] } : { child, journal: 4, variant: ((j % 2) + 1) as 1 | 2, absent: false, scores: spread(RUSSIAN, RU_PLAIN[(j - 1) % RU_PLAIN.length]) }));
  return { code, name: `МБОУ СОШ № ${code.slice(-3)}`, municipality, mathVia, russianVia, children, math, russian };
}

export const CITY = "г. Алейск";
export const DISTRICT = "Алейский район";

export const PLANTED = { peak: "224105", journal: "224107", high: "224103" } as const;

/** The schools and how each one's works arrive. */
function planSchools(): RegionSchool[] {
  const roles: [string, string | null, MathVia, RussianVia][] = [
    ["224101", CITY, "ours", "ours"],
    ["224102", CITY, "ours", "ours"],
    ["224103", CITY, "ours", "ours"],
    ["224104", CITY, "openpyxl", "export"],
    ["224105", CITY, "openpyxl", "export"],
    ["224106", CITY, "openpyxl", "export"],
    ...Array.from({ length: 12 }, (_, i): [string, string, MathVia, RussianVia] => [String(224107 + i), CITY, "export", "export"]),
    ["224119", CITY, "none", "none"],
    ["224201", DISTRICT, "ours", "ours"],
    ["224202", DISTRICT, "ours", "ours"],
    ["224203", DISTRICT, "ours", "ours"],
    ["224204", DISTRICT, "libreoffice", "export"],
    ["224205", DISTRICT, "openpyxl", "export"],
    ["224206", DISTRICT, "unnamed", "export"],
    ...Array.from({ length: 12 }, (_, i): [string, string, MathVia, RussianVia] => [String(224207 + i), DISTRICT, "export", "export"]),
    ["224219", DISTRICT, "none", "none"],
    ["224220", DISTRICT, "truncated", "none"],
    ["224999", null, "export", "export"],
  ];
  return roles.map(([code, municipality, mathVia, russianVia], i) => {
    const plan: Plan =
      code === PLANTED.peak
        ? // The boundary works are «4» in the work and «3» in the journal: pulled up; two more differ.
          { totals: PEAK, journal: (t, j) => (t === 10 || t === 11 ? 3 : journalDiffering(2)(t, j)) }
        : code === PLANTED.journal
          ? { totals: PLAIN, journal: journalDiffering(16) }
          : code === PLANTED.high
            ? { totals: HIGH, journal: () => 5 }
            : { totals: plainFor(i), journal: journalDiffering(3) };
    return makeSchool(i, code, municipality, mathVia, russianVia, plan);
  });
}

// ---------------------------------------------------------------------------------------------
// Writers: ours, openpyxl, LibreOffice.

const colLetter = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));
const at = (row0: number, col0: number): string => `${colLetter(col0)}${row0 + 1}`;

/** The scores as written: X for zeros when asked, the dirty cell in its place. */
function writtenScores(p: Pupil): (string | number)[] {
  return p.scores.map((s, i) => (p.dirty?.item === i ? p.dirty.value : s === 0 && p.x ? p.x : s));
}

/** One of our schools: the add-in's own flow, scores typed into its score sheets; its upload forms. */
async function ourForms(school: RegionSchool, seed: number): Promise<{ name: string; bytes: Uint8Array }[]> {
  const sample: SampleSchool = {
    school: school.code,
    schoolName: school.name,
    year: "2026",
    students: school.children.map((c, j) => {
      const math = school.math[j].journal;
      return { className: c.className, name: c.name, gender: c.gender, marks: { "Русский язык": 4, ...(math === null ? {} : { "Математика": math }) } };
    }),
    late: [],
    plan: ["4А", "4Б"].flatMap((className) => [
      { className, subject: "Математика", work: MATH.id, date: "16.04.2026" },
      { className, subject: "Русский язык", work: RUSSIAN.id, date: "14.04.2026" },
    ]),
    customWorks: [],
    builtInWorks: [RUSSIAN.id, MATH.id],
  };
  const workbook = FileBackend.empty();
  await applyWritePlan(workbook, sampleWorkbookPlan(sample), []);
  if ((await makeCodes(workbook, { random: seededRandom(seed) })).status !== "done") throw new Error("codes");
  if ((await makeScoreSheets(workbook)).status !== "done") throw new Error("score sheets");
  const snapshot = await readAll(workbook);
  const byName = new Map(school.children.map((c, j) => [c.name, j]));
  const writes: CellWrite[] = [];
  for (const sheet of checkWorkbook(snapshot).sheets) {
    const pupils = sheet.plan.subject === "Математика" ? school.math : school.russian;
    const variantCols: number[] = [];
    const itemCols: number[] = [];
    sheet.layout.columns.forEach((c, i) => (c.kind === "variant" ? variantCols : c.kind === "item" ? itemCols : []).push(i));
    for (const { row, student } of sheet.rows) {
      const j = byName.get(student.name)!;
      school.children[j].code = student.code!;
      const p = pupils[j];
      variantCols.forEach((c) => writes.push({ sheet: sheet.name, address: at(row.row, c), value: p.absent ? "отсутствовал" : p.variant }));
      if (!p.absent) writtenScores(p).forEach((v, k) => writes.push({ sheet: sheet.name, address: at(row.row, itemCols[k]), value: v }));
    }
  }
  await applyWritePlan(workbook, { sheets: [], cellWrites: writes }, snapshot.sheetNames);
  const uploads = await buildUploads(workbook);
  if (uploads.files.length !== 2) throw new Error(`${school.code}: ${uploads.files.length} forms: ${JSON.stringify(uploads.findings)}`);
  return uploads.files.map((f) => ({ name: f.fileName, bytes: f.bytes }));
}

/** The official form's header (the same layout as ours), a name column after it when asked. */
const formHeader = (withName: boolean): string[] => ["Код", "Вариант", ...MATH.items.map((it) => `${it.label} (${it.max}б)`), "Класс", "Пол", "Отметка за предыдущий период", ...(withName ? ["ФИО"] : [])];

function formRow(p: Pupil, name: string | null): CellValue[] {
  const tail: CellValue[] = [p.child.className, p.child.gender, p.journal, ...(name === null ? [] : [name])];
  if (p.absent) return [codeOf(p), "отсутствовал", ...MATH.items.map(() => null), ...tail];
  return [codeOf(p), p.variant, ...writtenScores(p), ...tail];
}

const EXPORT_HEADER = ["логин школы", "регион", "номер обучающегося", "код обучающегося", "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов", ...MATH.items.map((it) => `балл за ${it.label}`), "Учебник", "Др.уч. автор", "Др.уч. название"];
const EXPORT_ITEM0 = 9;
const letterOf = (c: Child, j: number): string => (c.className === "4А" ? (j % 4 === 0 ? "А" : "а") : j % 4 === 1 ? "Б" : "б");

/** A 2021 export row: every value text. */
function exportRow(school: string, p: Pupil, j: number, journalText?: string): string[] {
  const head = [`sch${school}`, "22", String(j + 1), String(codeOf(p))];
  const tail = [j % 3 === 0 ? "Моро М.И." : "", "", ""];
  if (p.absent) return [...head, "", "", "", "отсутствовал", "", ...MATH.items.map(() => ""), "", "", ""];
  return [...head, journalText ?? (p.journal === null ? "нет отметки" : String(p.journal)), p.child.gender, letterOf(p.child, j), String(p.variant), String(totalOf(p)), ...writtenScores(p).map(String), ...tail];
}

const EXPORT_2020_HEADER = ["groups", "user", "id", "code", "otc", "gender", "klass", "var-1", "var-2", "sum", ...RUSSIAN.items.map((_, i) => `a-${i + 1}-grade`)];

function export2020Row(school: string, p: Pupil, j: number): CellValue[] {
  const head: CellValue[] = ["ВПР-2020", `sch${school}`, j + 1, codeOf(p)];
  if (p.absent) return [...head, null, null, null, "отсутствовал", null, null, ...RUSSIAN.items.map(() => null)];
  return [...head, p.journal, p.child.gender, letterOf(p.child, j), p.variant, null, totalOf(p), ...writtenScores(p)];
}

interface PyBook {
  path: string;
  sheets: { name: string; rows: CellValue[][] }[];
}

const PY_WRITER = [
  "import json, sys, openpyxl",
  "for book in json.load(open(sys.argv[1], encoding='utf-8')):",
  "    wb = openpyxl.Workbook()",
  "    wb.remove(wb.active)",
  "    for sheet in book['sheets']:",
  "        ws = wb.create_sheet(sheet['name'])",
  "        for row in sheet['rows']:",
  "            ws.append(row)",
  "    wb.save(book['path'])",
].join("\n");

/** The first python with openpyxl (pyenv's python3 or the system's python3-openpyxl), or null. */
export function pythonWithOpenpyxl(): string | null {
  for (const p of ["python3", "/usr/bin/python3"]) {
    try {
      execFileSync(p, ["-c", "import openpyxl"], { stdio: "ignore", timeout: 60000 });
      return p;
    } catch {
      // next
    }
  }
  return null;
}

async function writeWithOpenpyxl(python: string, tmp: string, books: PyBook[]): Promise<void> {
  const spec = path.join(tmp, "openpyxl-books.json");
  await fs.writeFile(spec, JSON.stringify(books));
  execFileSync(python, ["-c", PY_WRITER, spec], { timeout: 120000 });
}

const csvCell = (v: CellValue): string => (v === null ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** A CSV typed by hand and saved as .xlsx by LibreOffice Calc; false when soffice could not. */
async function writeWithLibreOffice(tmp: string, target: string, rows: CellValue[][]): Promise<boolean> {
  const base = path.basename(target, ".xlsx");
  const work = path.join(tmp, "lo");
  await fs.mkdir(work, { recursive: true });
  const csv = path.join(work, `${base}.csv`);
  await fs.writeFile(csv, rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n");
  const r = spawnSync(
    "soffice",
    [`-env:UserInstallation=file://${path.join(work, "profile")}`, "--headless", "--norestore", "--nologo", "--infilter=Text - txt - csv (StarCalc):44,34,76,1", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", work, csv],
    { encoding: "utf8", timeout: 240000, env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "" } },
  );
  try {
    await fs.copyFile(path.join(work, `${base}.xlsx`), target);
    return true;
  } catch {
    if (process.env.CI) throw new Error(`soffice could not save ${base}.xlsx (exit ${r.status}): ${r.stdout}${r.stderr}`);
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

/** Makes the municipality under `dir`: the folder «папка», the list, «Критерии» and the observers beside it. */
export async function generateRegion(dir: string, options: { python: string; soffice: boolean }): Promise<Region> {
  const schools = planSchools();
  const by = (code: string) => schools.find((s) => s.code === code)!;
  const folder = path.join(dir, FOLDER);
  await fs.mkdir(folder, { recursive: true });
  const files: ExpectedFile[] = [];
  const py: PyBook[] = [];
  const rel = (...p: string[]) => p.join("/");

  // Dirty rows planted in the data (before anything is written).
  by("224108").math[2].dirty = { item: 4, value: "не пройд." };
  by("224109").math[3].dirty = { item: 0, value: "2" };
  by("224205").math[1].dirty = { item: 0, value: 2 };
  by("224110").math[0].journal = null;
  by("224110").math[1].journal = null;
  by("224112").math[0].x = "X";
  by("224112").math[1].x = "x";
  by("224112").math[2].x = "Х";
  by("224104").math[0].x = "Х";
  by("224101").math[0].x = "X";

  // Our schools: the add-in's forms, a folder per school.
  let seed = 100;
  let aForm: Uint8Array | null = null;
  for (const s of schools.filter((x) => x.mathVia === "ours")) {
    const forms = await ourForms(s, seed++);
    await fs.mkdir(path.join(folder, s.code));
    for (const f of forms) {
      let bytes = f.bytes;
      const problems: string[] = [];
      const leftOut: { reason: string; rows: number }[] = [];
      const subject = f.name.includes("Математика") ? "Математика" : "Русский язык";
      if (s.code === "224102" && subject === "Математика") {
        // Edited by hand after the add-in made it: a code of grade 5 typed in, the first row pasted again at the end.
        const book = await FileBackend.fromBytes(bytes);
        const values = (await book.read(["Протокол"])).sheets["Протокол"].values;
        const p = s.math[5];
        const r = values.findIndex((row) => row[0] === p.child.code);
        const first = values.findIndex((row) => row[0] === s.math[0].child.code);
        p.code = 50012;
        await book.apply({ sheets: [], cellWrites: [{ sheet: "Протокол", address: at(r, 0), value: p.code }, ...values[first].map((value, c) => ({ sheet: "Протокол", address: at(values.length, c), value }))] });
        bytes = await book.toBytes();
        problems.push(`municipal.code-range@${at(r, 0)}`, `municipal.code-duplicate@${at(values.length, 0)}`);
        leftOut.push({ reason: "повтор кода", rows: 1 });
      }
      if (s.code === "224201" && subject === "Математика") {
        // Sent twice: the copy in another folder comes later in name order.
        await fs.mkdir(path.join(folder, "повтор"), { recursive: true });
        await fs.writeFile(path.join(folder, "повтор", f.name), bytes);
        files.push({ file: rel("повтор", f.name), kind: "form", subject, grade: 4, rows: 0, problems: ["municipal.work-twice@"], leftOut: [{ reason: `работа школы ${s.code} уже прочитана из «${rel(s.code, f.name)}»`, rows: s.math.length }] });
      }
      aForm ??= bytes;
      await fs.writeFile(path.join(folder, s.code, f.name), bytes);
      files.push({ file: rel(s.code, f.name), kind: "form", subject, grade: 4, rows: (subject === "Математика" ? s.math : s.russian).length, problems, ...(leftOut.length > 0 ? { leftOut } : {}) });
    }
  }

  // Official forms filled by others.
  const fioNames = ["Пастилова Ирина Олеговна", "Зефиров Глеб Ильич", "Мармеладова Дина Юрьевна"];
  let libreOfficeWrote = false;
  for (const s of schools.filter((x) => x.mathVia === "openpyxl" || x.mathVia === "libreoffice" || x.mathVia === "unnamed")) {
    const withName = s.code === "224106";
    const rows: CellValue[][] = [formHeader(withName), ...s.math.map((p, j) => formRow(p, withName ? fioNames[j % fioNames.length] : null))];
    const problems: string[] = [];
    if (withName) problems.push(`municipal.name-column@${at(0, rows[0].length - 1)}`);
    if (s.code === "224205") {
      problems.push(`municipal.score-over-max@${at(2, 2)}`);
      // The first child's row typed twice.
      rows.push(formRow(s.math[0], null));
      problems.push(`municipal.code-duplicate@${at(rows.length - 1, 0)}`);
    }
    const name = s.mathVia === "unnamed" ? "Результаты ВПР математика 4 класс.xlsx" : `${s.code}_4_Математика.xlsx`;
    if (s.mathVia === "unnamed") {
      files.push({ file: name, kind: "unreadable", subject: null, grade: null, rows: 0, problems: ["municipal.file-name@A1"] });
    } else files.push({ file: name, kind: "official-form", subject: "Математика", grade: 4, rows: s.math.length, problems, ...(s.code === "224205" ? { leftOut: [{ reason: "повтор кода", rows: 1 }] } : {}) });
    if (s.mathVia === "libreoffice" && options.soffice) {
      libreOfficeWrote = await writeWithLibreOffice(dir, path.join(folder, name), rows);
      if (libreOfficeWrote) continue;
    }
    py.push({ path: path.join(folder, name), sheets: [{ name: s.code === "224104" ? "Протокол" : "Лист1", rows }] });
  }

  // The 2021 export of mathematics: 25 schools, and 224104 (it sent its form too).
  const exported = schools.filter((x) => x.mathVia === "export" || x.code === "224104");
  const rows21: string[][] = [EXPORT_HEADER];
  const exportProblems: string[] = [];
  let exportRows = 0;
  for (const s of exported) {
    s.math.forEach((p, j) => {
      if (p.dirty) exportProblems.push(`${p.dirty.value === "не пройд." ? "municipal.score-text" : "municipal.score-over-max"}@${at(rows21.length, EXPORT_ITEM0 + p.dirty.item)}`);
      rows21.push(exportRow(s.code, p, j));
    });
    if (s.code !== "224104") exportRows += s.math.length;
    if (s.code === "224111") {
      exportProblems.push(`municipal.code-duplicate@${at(rows21.length, 3)}`);
      rows21.push(exportRow(s.code, { ...s.math[4], scores: spread(MATH, 20) }, 4));
    }
    if (s.code === "224112") {
      exportProblems.push(`municipal.no-school@${at(rows21.length, 0)}`);
      rows21.push(["школа 112", ...exportRow(s.code, s.math[5], 5).slice(1)]);
    }
    if (s.code === "224113") rows21.push([`sch${s.code}`, "22", "99", "11399", ...Array<string>(EXPORT_HEADER.length - 4).fill("")]);
  }
  exportProblems.push("municipal.work-twice@");
  py.push({ path: path.join(folder, EXPORT_2021), sheets: [{ name: "Лист1", rows: rows21 }] });
  files.push({
    file: EXPORT_2021,
    kind: "export",
    subject: "Математика",
    grade: 4,
    rows: exportRows,
    problems: exportProblems,
    leftOut: [
      { reason: "повтор кода", rows: 1 },
      { reason: "нет логина школы", rows: 1 },
      { reason: "ничего не записано (ни варианта, ни баллов)", rows: 1 },
      { reason: "работа школы 224104 уже прочитана из «224104_4_Математика.xlsx»", rows: by("224104").math.length },
    ],
  });

  // The 2020 export of Russian.
  const rows20: CellValue[][] = [EXPORT_2020_HEADER];
  for (const s of schools.filter((x) => x.russianVia === "export")) s.russian.forEach((p, j) => rows20.push(export2020Row(s.code, p, j)));
  py.push({ path: path.join(folder, EXPORT_2020), sheets: [{ name: "Sheet1", rows: rows20 }] });
  files.push({ file: EXPORT_2020, kind: "export", subject: "Русский язык", grade: 4, rows: rows20.length - 1, problems: ["municipal.max-from-data@"] });

  // Broken files.
  await fs.writeFile(path.join(folder, "224220_4_Математика.xlsx"), aForm!.slice(0, Math.floor(aForm!.length / 2)));
  files.push({ file: "224220_4_Математика.xlsx", kind: "unreadable", subject: "Математика", grade: 4, rows: 0, problems: ["municipal.unreadable@"] });
  py.push({ path: path.join(folder, "Отчёт о проведении ВПР.xlsx"), sheets: [{ name: "Отчёт", rows: [["Отчёт о проведении ВПР"], ["Дата", "Аудитория", "Организатор"], ["16.04.2026", 12, "см. приказ"]] }] });
  files.push({ file: "Отчёт о проведении ВПР.xlsx", kind: "not-a-form", subject: null, grade: null, rows: 0, problems: ["municipal.not-a-form@"] });
  await fs.writeFile(path.join(folder, "Результаты.xlsx"), "Код;Вариант;Баллы\n40001;1;12\n");
  files.push({ file: "Результаты.xlsx", kind: "unreadable", subject: null, grade: null, rows: 0, problems: ["municipal.unreadable@"] });
  await fs.writeFile(path.join(folder, "письмо.txt"), "Направляем результаты ВПР.");
  files.push({ file: "письмо.txt", kind: "unreadable", subject: null, grade: null, rows: 0, problems: ["municipal.not-xlsx@"] });

  // The FIS OKO list of logins, as it is; «Критерии»; the observers.
  py.push({ path: path.join(dir, LIST_FILE), sheets: [{ name: "Лист1", rows: [["логин", "имя", "регион"], ...schools.filter((s) => s.municipality !== null).map((s) => [`sch${s.code}`, s.name, s.municipality])] }] });
  await fs.writeFile(path.join(dir, CRITERIA_FILE), await buildNewWorkbook({ sheets: [{ name: "Критерии", values: criteriaBlock(MATH) }], properties: {} }));
  const observerNames = ["Наблюдателева Ольга Петровна", "Смотрова Инна Павловна", "Дозорова Нина Ильинична"];
  await fs.writeFile(
    path.join(dir, OBSERVERS_FILE),
    await buildNewWorkbook({
      sheets: [
        {
          name: "Наблюдатели",
          values: [
            ["ФИО", "Место работы (код ОО)", "Дети: код ОО и класс", "Назначен в (код ОО)"],
            [observerNames[0], PLANTED.journal, null, PLANTED.journal],
            [observerNames[1], "пенсионер", `${PLANTED.peak} 4Б`, PLANTED.peak],
            [observerNames[2], "224101", "224102 4А", "224110"],
          ],
        },
      ],
      properties: {},
    }),
  );

  await writeWithOpenpyxl(options.python, dir, py);
  const pupilNames = [...schools.filter((s) => s.mathVia === "ours").flatMap((s) => s.children.map((c) => c.name)), ...fioNames];
  return { dir, schools, files, pupilNames, observerNames, libreOfficeWrote };
}
