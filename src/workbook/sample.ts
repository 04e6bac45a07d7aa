// A fictional school (made-up names) used by the demo, the tests, the benchmarks and the README:
// five classes in grades 4–8, built-in and coordinator-typed works, one of them in two parts,
// absent students and late-added students.
import { cellAddress, seededRandom, type Random, type WorkDefinition } from "../core";
import type { CellValue, CellWrite, Snapshot, WritePlan } from "./backend";
import { PLAN_SHEET, ROSTER_SHEET } from "./contract";
import { checkWorkbook } from "./check";
import { previousMark } from "./inputs";
import { criteriaBlock, planNewWorkbook } from "./newWorkbook";

export interface SampleStudent {
  className: string;
  name: string;
  gender: "м" | "ж";
  marks: { "Русский язык"?: number; "Математика"?: number };
}

export interface SampleSchool {
  school: string;
  schoolName: string;
  year: string;
  students: SampleStudent[];
  /** Students who join after codes were handed out. */
  late: SampleStudent[];
  plan: { className: string; subject: string; work: string; date: string }[];
  /** Works typed by the coordinator on «Критерии» (not in the built-in catalogue). */
  customWorks: WorkDefinition[];
  builtInWorks: string[];
}

const SURNAMES_M = ["Абрамов", "Белов", "Воронин", "Гусев", "Дьячков", "Ёлкин", "Жуков", "Зорин", "Ильин", "Карпов", "Лебедев", "Морозов", "Никитин", "Орлов", "Панфилов", "Рябов", "Соколов", "Тихонов", "Уваров", "Фёдоров", "Хромов", "Цветков", "Чернов", "Шубин", "Щукин", "Юдин", "Яковлев"];
const NAMES_M = ["Артём", "Борис", "Глеб", "Денис", "Егор", "Иван", "Кирилл", "Лев", "Матвей", "Никита", "Олег", "Пётр", "Роман", "Семён", "Тимофей", "Фёдор", "Ярослав"];
const NAMES_F = ["Алёна", "Вера", "Дарья", "Ева", "Жанна", "Злата", "Ирина", "Ксения", "Мария", "Нина", "Ольга", "Полина", "Светлана", "Таисия", "Ульяна", "Юлия", "Яна"];
const PATRONYMICS = ["Андреев", "Викторов", "Дмитриев", "Игорев", "Максимов", "Павлов", "Сергеев"];

const fem = (surname: string) => (surname.endsWith("ин") || surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ёв") ? `${surname}а` : surname);

function makeStudent(className: string, r: Random): SampleStudent {
  const male = r.nextInt(2) === 0;
  const surname = SURNAMES_M[r.nextInt(SURNAMES_M.length)];
  const first = male ? NAMES_M[r.nextInt(NAMES_M.length)] : NAMES_F[r.nextInt(NAMES_F.length)];
  const patronymic = PATRONYMICS[r.nextInt(PATRONYMICS.length)] + (male ? "ич" : "на");
  const mark = () => 2 + Math.min(3, r.nextInt(4) + (r.nextInt(3) === 0 ? 1 : 0));
  return { className, name: `${male ? surname : fem(surname)} ${first} ${patronymic}`, gender: male ? "м" : "ж", marks: { "Русский язык": mark(), "Математика": mark() } };
}

/** Two-part Russian for grade 5 and two single-part works for grades 6 and 8, typed by the coordinator (fictional structures). */
export const SAMPLE_CUSTOM_WORKS: WorkDefinition[] = [
  {
    id: "RU5-ДЕМО",
    subject: "Русский язык",
    grade: 5,
    year: "2026",
    source: "демонстрационная структура (вымышленная), введено координатором",
    items: [
      { label: "1К1", max: 4, part: 1 },
      { label: "1К2", max: 3, part: 1 },
      { label: "1К3", max: 2, part: 1 },
      { label: "2", max: 2, part: 2 },
      { label: "3(1)", max: 1, part: 2 },
      { label: "3(2)", max: 2, part: 2 },
      { label: "4", max: 3, part: 2 },
      { label: "5.1", max: 1, part: 2 },
      { label: "5.2", max: 2, part: 2 },
    ],
    scale: { min3: 7, min4: 12, min5: 17 },
  },
  {
    id: "HI6-ДЕМО",
    subject: "История",
    grade: 6,
    year: "2026",
    source: "демонстрационная структура (вымышленная), введено координатором",
    items: ["1", "2", "3", "4", "5", "6", "7", "8.1", "8.2", "9"].map((label, i) => ({ label, max: [1, 1, 2, 1, 2, 2, 1, 1, 2, 3][i], part: 1 as const })),
    scale: { min3: 4, min4: 8, min5: 13 },
  },
  {
    id: "PH8-ДЕМО",
    subject: "Физика",
    grade: 8,
    year: "2026",
    source: "демонстрационная структура (вымышленная) со шкалой 0–4 / 5–7 / 8–10 / 11–18",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"].map((label, i) => ({ label, max: [1, 1, 1, 2, 2, 1, 2, 2, 2, 2, 2][i], part: 1 as const })),
    scale: { min3: 5, min4: 8, min5: 11 },
  },
];

export function sampleSchool(seed = 2026, sizes: Record<string, number> = { "4А": 25, "4Б": 24, "5А": 26, "6А": 22, "8А": 20 }): SampleSchool {
  const r = seededRandom(seed);
  const students = Object.entries(sizes).flatMap(([cls, n]) => Array.from({ length: n }, () => makeStudent(cls, r)));
  const late = [makeStudent("4Б", r), makeStudent("8А", r)];
  const plan = [
    { className: "4А", subject: "Русский язык", work: "RU4-2026", date: "14.04.2026" },
    { className: "4А", subject: "Математика", work: "MA4-2023", date: "16.04.2026" },
    { className: "4А", subject: "Окружающий мир", work: "OM4-2018", date: "21.04.2026" },
    { className: "4Б", subject: "Русский язык", work: "RU4-2026", date: "14.04.2026" },
    { className: "4Б", subject: "Математика", work: "MA4-2023", date: "16.04.2026" },
    { className: "5А", subject: "Русский язык", work: "RU5-ДЕМО", date: "15.04.2026" },
    { className: "5А", subject: "Математика", work: "MA5-15", date: "17.04.2026" },
    { className: "6А", subject: "История", work: "HI6-ДЕМО", date: "22.04.2026" },
    { className: "8А", subject: "Математика", work: "MA8-2021", date: "15.04.2026" },
    { className: "8А", subject: "Физика", work: "PH8-ДЕМО", date: "23.04.2026" },
  ];
  return {
    school: "780999",
    schoolName: "МБОУ «Средняя школа № 1 посёлка Примерный» (вымышленная)",
    year: "2026",
    students,
    late,
    plan,
    customWorks: SAMPLE_CUSTOM_WORKS,
    builtInWorks: ["RU4-2026", "MA4-2023", "OM4-2018", "MA5-15", "MA8-2021"],
  };
}

const rosterRow = (s: SampleStudent): CellValue[] => [s.className, s.name, s.gender, null, s.marks["Русский язык"] ?? null, s.marks["Математика"] ?? null];

/** The input sheets of the sample school, as a plan for an empty workbook (the coordinator's typing). */
export function sampleWorkbookPlan(school: SampleSchool): WritePlan {
  const empty: Snapshot = { sheetNames: [], sheets: {} };
  const { plan } = planNewWorkbook(empty, { school: school.school, schoolName: school.schoolName, year: school.year, works: school.builtInWorks });
  const fill = (name: string, values: CellValue[][]) => {
    const sheet = plan.sheets.find((s) => s.name === name)!;
    const width = Math.max(...[...sheet.values, ...values].map((r) => r.length));
    sheet.values = [...sheet.values, ...values].map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
  };
  fill(ROSTER_SHEET, school.students.map(rosterRow));
  fill(PLAN_SHEET, school.plan.map((p) => [p.className, p.subject, p.work, p.date]));
  fill("Критерии", [[], ...school.customWorks.flatMap((w) => [...criteriaBlock(w), []])]);
  return plan;
}

/** Late students typed at the end of the roster, after codes were handed out. */
export function lateStudentWrites(snapshot: Snapshot, school: SampleSchool): CellWrite[] {
  const start = snapshot.sheets[ROSTER_SHEET]?.values.length ?? 1;
  return school.late.flatMap((s, i) => rosterRow(s).map((value, c) => ({ sheet: ROSTER_SHEET, address: cellAddress(start + i, c), value })).filter((w) => w.value !== null));
}

/** The share of points a student with this journal mark typically gets on a ВПР work without a scale. */
const ABILITY_BY_MARK = { 2: 0.3, 3: 0.5, 4: 0.68, 5: 0.86 } as const;

/** The middle of the journal mark's band on the work's own scale, as a share of the maximum. */
function abilityFor(work: WorkDefinition, mark: 2 | 3 | 4 | 5): number {
  const s = work.scale;
  if (!s) return ABILITY_BY_MARK[mark];
  const max = work.items.reduce((a, i) => a + i.max, 0);
  const [lo, hi] = mark === 2 ? [0, s.min3 - 1] : mark === 3 ? [s.min3, s.min4 - 1] : mark === 4 ? [s.min4, s.min5 - 1] : [s.min5, max];
  return (lo + hi + 1) / 2 / max;
}

/**
 * Plausible scores for every empty row of every score sheet, as an expert would type them:
 * a per-student ability, X now and then, some students absent. Typed values are never overwritten.
 */
export function sampleScoreWrites(snapshot: Snapshot, random: Random, absentShare = 0.06): CellWrite[] {
  const writes: CellWrite[] = [];
  const checked = checkWorkbook(snapshot);
  for (const sheet of checked.sheets) {
    const variantCols: number[] = [];
    const itemCols: number[] = [];
    sheet.layout.columns.forEach((c, i) => (c.kind === "variant" ? variantCols : c.kind === "item" ? itemCols : []).push(i));
    for (const { row, student } of sheet.rows) {
      if (row.hasData) continue;
      if (random.nextInt(1000) < absentShare * 1000) {
        variantCols.forEach((c) => writes.push({ sheet: sheet.name, address: cellAddress(row.row, c), value: "отсутствовал" }));
        continue;
      }
      // Mostly as the journal says (a school whose results are objective), with some spread.
      const noise = random.nextInt(60);
      const journal = previousMark(checked.inputs, student, sheet.plan.subject);
      const ability = journal === null ? 0.35 + noise / 100 : Math.min(0.97, Math.max(0.1, abilityFor(sheet.plan.work, journal) + (noise - 30) / 600));
      variantCols.forEach((c) => writes.push({ sheet: sheet.name, address: cellAddress(row.row, c), value: 1 + random.nextInt(2) }));
      sheet.layout.work.items.forEach((item, k) => {
        const value = random.nextInt(100) < 4 ? "X" : Array.from({ length: item.max }, () => random.nextInt(100) < ability * 100).filter(Boolean).length;
        writes.push({ sheet: sheet.name, address: cellAddress(row.row, itemCols[k]), value });
      });
    }
  }
  return writes;
}
