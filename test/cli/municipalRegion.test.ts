// Issue 14, "Done when", through the CLI: `vpr municipal` on a generated municipality of 40 schools
// (test/helpers/municipalRegion.ts) whose figures are known in advance — forms from our writer and
// from others (openpyxl, LibreOffice), FIS OKO exports in the 2021 and 2020 layouts, broken files and
// dirty rows among them. Every expected figure below is worked out here from the generated data,
// never by the product's statistics: files with their problems (file, sheet, cell), monitoring per
// school × work by municipality, figures per school and for the municipality, the planted signs and
// the ranking, the observers; the «Свод» workbook read back and printed by LibreOffice; no name in
// the output. Needs python3 with openpyxl (in CI always); LibreOffice writes one form and prints
// «Свод» when it is there (in CI always).
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../../src/workbook/backend";
import { haveSoffice } from "../corpus/libreoffice";
import { havePoppler, printWithLibreOffice, type Printed } from "../helpers/libreOfficePdf";
import {
  CITY,
  CRITERIA_FILE,
  DISTRICT,
  EXPORT_2020,
  EXPORT_2021,
  FOLDER,
  LIST_FILE,
  MATH,
  OBSERVERS_FILE,
  PLANTED,
  codeOf,
  generateRegion,
  markOf,
  pythonWithOpenpyxl,
  statusOf,
  totalOf,
  type Pupil,
  type Region,
  type RegionSchool,
} from "../helpers/municipalRegion";
import { fold, nameTerms, privacyScan } from "../helpers/privacyScan";
import { openFile, tempDir, vpr, type Run } from "./helpers";

const python = pythonWithOpenpyxl();
if (!python && !process.env.CI) console.log("municipalRegion.test.ts: python3 with openpyxl not found, skipped (apt-get install python3-openpyxl)");
const describeRegion = python || process.env.CI ? describe : describe.skip;
const renderWanted = (haveSoffice() && havePoppler()) || !!process.env.CI;
const testRender = renderWanted ? test : test.skip;

// ---------------------------------------------------------------------------------------------
// The figures, from the generated data alone.

const round = (x: number, digits: number): number => Math.round((x + Number.EPSILON) * 10 ** digits) / 10 ** digits;
const pct = (part: number, whole: number): number | null => (whole === 0 ? null : round((part / whole) * 100, 1));

/** Which schools' rows of a work the CLI keeps: the files that were read, each school's first. */
const mathKept = (s: RegionSchool): boolean => ["ours", "openpyxl", "libreoffice", "export"].includes(s.mathVia);
const russianKept = (s: RegionSchool): boolean => s.russianVia !== "none";

/** The analysis figures of one group (docs/ANALYSIS.md), from its pupils. */
function figures(pupils: readonly Pupil[], scale: boolean) {
  const wrote = pupils.filter((p) => statusOf(p) === "wrote");
  const totals = wrote.map(totalOf).sort((a, b) => a - b);
  const n = totals.length;
  const median = n === 0 ? null : n % 2 ? totals[n >> 1] : (totals[n / 2 - 1] + totals[n / 2]) / 2;
  const base = {
    students: pupils.length,
    wrote: n,
    absent: pupils.filter((p) => p.absent).length,
    invalid: pupils.filter((p) => statusOf(p) === "invalid").length,
    notEntered: 0,
    meanScore: n === 0 ? null : round(totals.reduce((a, b) => a + b, 0) / n, 2),
    medianScore: median,
  };
  if (!scale) return { ...base, marks: null, successRate: null, qualityRate: null, meanMark: null, journal: null };
  const marks = { "2": 0, "3": 0, "4": 0, "5": 0 };
  const journal = { lower: 0, same: 0, higher: 0, missing: 0 };
  for (const p of wrote) {
    const m = markOf(totalOf(p));
    marks[String(m) as "2"]++;
    if (p.journal === null) journal.missing++;
    else if (m < p.journal) journal.lower++;
    else if (m > p.journal) journal.higher++;
    else journal.same++;
  }
  return {
    ...base,
    marks,
    successRate: pct(marks["3"] + marks["4"] + marks["5"], n),
    qualityRate: pct(marks["4"] + marks["5"], n),
    meanMark: round((2 * marks["2"] + 3 * marks["3"] + 4 * marks["4"] + 5 * marks["5"]) / n, 2),
    journal,
  };
}

const mathFile = (s: RegionSchool): string => (s.mathVia === "ours" ? `${s.code}/${s.code}_4_Математика.xlsx` : s.mathVia === "export" ? EXPORT_2021 : `${s.code}_4_Математика.xlsx`);
const russianFile = (s: RegionSchool): string => (s.russianVia === "ours" ? `${s.code}/${s.code}_4_Русский язык.xlsx` : EXPORT_2020);
const participants = (pupils: readonly Pupil[]) => ({ participants: pupils.filter((p) => !p.absent).length, absent: pupils.filter((p) => p.absent).length });

/** Monitoring of one school (docs/MUNICIPAL.md): the FIS OKO list names no works, so a school is expected to write every work of the grades it sent anything for. */
function monitored(s: RegionSchool) {
  if (s.mathVia === "none" && s.russianVia === "none") return [];
  const math =
    s.mathVia === "unnamed"
      ? { status: "missing", participants: 0, absent: 0, files: [] }
      : s.mathVia === "truncated"
        ? { status: "invalid", participants: 0, absent: 0, files: ["224220_4_Математика.xlsx"], note: "файл не прочитан" }
        : s.code === "224102" || s.code === "224205"
          ? { status: "invalid", ...participants(s.math), files: [mathFile(s)], note: "строк не учтено: 1" }
          : { status: "received", ...participants(s.math), files: [mathFile(s)] };
  const russian = russianKept(s) ? { status: "received", ...participants(s.russian), files: [russianFile(s)] } : { status: "missing", participants: 0, absent: 0, files: [] };
  return [
    { subject: "Математика", grade: 4, ...math },
    { subject: "Русский язык", grade: 4, ...russian },
  ];
}

const cells = (values: CellValue[][], label: string, from = 0): CellValue[] => {
  const row = values.findIndex((r, i) => i >= from && r[0] === label);
  if (row < 0) throw new Error(`no row «${label}»`);
  return values[row];
};

// ---------------------------------------------------------------------------------------------

let dir: string;
let region: Region;
let json: Run;
let text: Run;
let j: {
  files: { file: string; kind: string; subject: string | null; grade: number | null; rows: number; problems: { code: string; sheet?: string; cell?: string; message: string; severity: string }[]; leftOut?: { reason: string; rows: number }[] }[];
  schools: { school: string; name: string | null; municipality: string | null; works: Record<string, unknown>[] }[];
  works: { workId: string; subject: string; grade: number; maxTotal: number; scale: number[] | null; groups: ({ school: string | null } & Record<string, unknown>)[] }[];
  flags: ({ code: string; school: string; numbers?: Record<string, unknown>; small?: boolean } & Record<string, unknown>)[];
  ranking: Record<string, unknown>[];
};

const school = (code: string): RegionSchool => region.schools.find((s) => s.code === code)!;

describeRegion("vpr municipal on a generated municipality of 40 schools, figures known in advance", () => {
  beforeAll(async () => {
    dir = await tempDir();
    region = await generateRegion(dir, { python: python!, soffice: haveSoffice() });
    const args = [FOLDER, "--schools", LIST_FILE, "--criteria", CRITERIA_FILE, "--observers", OBSERVERS_FILE];
    json = await vpr(dir, "municipal", ...args, "--json");
    text = await vpr(dir, "municipal", ...args, "--out", "Свод.xlsx");
    j = JSON.parse(json.out);
  }, 240_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test("the municipality: ≥ 30 schools, forms from our writer and from others, both export layouts, broken files", () => {
    expect(region.schools.length).toBeGreaterThanOrEqual(30);
    expect(region.schools.every((s) => /^\d{6}$/.test(s.code))).toBe(true);
    const kinds = new Set(j.files.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(["export", "form", "not-a-form", "official-form", "unreadable"]);
    expect(json.code).toBe(0);
    expect(json.err).toMatch(/Файл 1 из \d+: /);
    if (process.env.CI) expect(region.libreOfficeWrote).toBe(true);
  });

  test("files: kind, work and rows of each; every problem of every broken file and dirty row, with sheet and cell", () => {
    const got = new Map(j.files.map((f) => [f.file, f]));
    expect([...got.keys()].sort()).toEqual(region.files.map((f) => f.file).sort());
    for (const want of region.files) {
      const f = got.get(want.file)!;
      expect({ file: f.file, kind: f.kind, subject: f.subject, grade: f.grade, rows: f.rows }).toEqual({ file: want.file, kind: want.kind, subject: want.subject, grade: want.grade, rows: want.rows });
      expect(f.problems.map((p) => `${p.code}@${p.cell ?? ""}`).sort()).toEqual([...want.problems].sort());
      // Rows left out and why, per file (the «ничего не записано» row has no problem of its own).
      expect(f.leftOut).toEqual(want.leftOut);
    }
    // Dirty rows are named by sheet and cell, in words too.
    const exp = got.get(EXPORT_2021)!;
    for (const p of exp.problems.filter((x) => x.cell)) {
      expect(p.sheet).toBe("Лист1");
      expect(p.message).toContain(`файл «${EXPORT_2021}», лист «Лист1», ячейка ${p.cell}`);
    }
    const overMax = exp.problems.find((p) => p.code === "municipal.score-over-max")!;
    expect(overMax).toMatchObject({ severity: "error", message: expect.stringContaining(`код ${codeOf(school("224109").math[3])}, задание 1: балл 2 больше максимума 1 — не учтён`) });
    expect(exp.problems.find((p) => p.code === "municipal.score-text")!.message).toContain("«не пройд.» не балл");
    expect(exp.problems.find((p) => p.code === "municipal.work-twice")!.message).toMatch(/школы 224104 уже прочитана из «224104_4_Математика\.xlsx» — 25 строк/);
    expect(got.get("224106_4_Математика.xlsx")!.problems[0]).toMatchObject({ severity: "error", sheet: "Лист1", message: expect.stringContaining("столбец «ФИО» похож на ФИО") });
    expect(got.get("224102/224102_4_Математика.xlsx")!.problems.map((p) => p.message).join("\n")).toMatch(/код 50012 вне кодов 4 класса \(40001–41500\)[\s\S]*уже встречался выше — строка пропущена/);
    expect(got.get("повтор/224201_4_Математика.xlsx")!.problems[0].message).toContain("уже прочитана из «224201/224201_4_Математика.xlsx»");
    expect(got.get("Результаты ВПР математика 4 класс.xlsx")!.problems[0].message).toContain("имя файла не похоже на «<код ОО>_<параллель>_<предмет>.xlsx»");
    // Our files are ours; the others' are not (openpyxl, LibreOffice).
    expect(got.get("224204_4_Математика.xlsx")!.kind).toBe("official-form");
  });

  test("monitoring: per school × work received / missing / invalid with participants and absent, by municipality", () => {
    const expected = region.schools.map((s) => ({
      school: s.code,
      name: s.municipality === null ? null : s.name,
      municipality: s.municipality,
      ...(s.mathVia === "none" && s.russianVia === "none" ? { nothingReceived: true } : {}),
      works: monitored(s),
    }));
    const order = (m: string | null) => m ?? "\uffff";
    expected.sort((a, b) => (order(a.municipality) < order(b.municipality) ? -1 : order(a.municipality) > order(b.municipality) ? 1 : a.school < b.school ? -1 : 1));
    expect(j.schools).toEqual(expected);
    // Grouped by municipality: the district first (А before г), the unlisted school last.
    expect([...new Set(j.schools.map((s) => s.municipality))]).toEqual([DISTRICT, CITY, null]);
    // The text: the monitoring's counts and the schools that sent nothing.
    const entries = expected.flatMap((s) => s.works);
    const count = (st: string) => entries.filter((w) => w.status === st).length;
    expect([count("received"), count("missing"), count("invalid")]).toEqual([region.schools.filter(mathKept).length + region.schools.filter(russianKept).length - 2, 2, 3]);
    expect(text.out).toContain(`Мониторинг: получено работ ${count("received")}, нет ${count("missing")}, с ошибками ${count("invalid")}.`);
    for (const code of ["224119", "224219"]) expect(text.out).toMatch(new RegExp(`школа ${code} «МБОУ СОШ № ${code.slice(-3)}»: в списке есть, но ни одного файла`));
    expect(text.out).toContain("школа 224999 прислала результаты");
  });

  test("statistics: mathematics with marks from «Критерии», Russian in primary scores, per school and for the municipality", () => {
    expect(j.works.map((w) => [w.workId, w.subject, w.grade, w.maxTotal, w.scale])).toEqual([
      [MATH.id, "Математика", 4, 20, [6, 10, 15]],
      ["Русский язык, 4 класс", "Русский язык", 4, 24, null],
    ]);
    const [math, russian] = j.works;
    const mathSchools = region.schools.filter(mathKept).sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(math.groups.map((g) => g.school)).toEqual([...mathSchools.map((s) => s.code), null]);
    for (const s of mathSchools) expect(math.groups.find((g) => g.school === s.code)).toMatchObject({ class: null, ...figures(s.math, true) });
    const all = mathSchools.flatMap((s) => s.math);
    const municipality = figures(all, true);
    expect(math.groups[math.groups.length - 1]).toMatchObject({ school: null, class: null, ...municipality });
    const ruSchools = region.schools.filter(russianKept).sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(russian.groups.map((g) => g.school)).toEqual([...ruSchools.map((s) => s.code), null]);
    for (const s of ruSchools) expect(russian.groups.find((g) => g.school === s.code)).toMatchObject(figures(s.russian, false));
    expect(russian.groups[russian.groups.length - 1]).toMatchObject(figures(ruSchools.flatMap((s) => s.russian), false));

    // Several schools spelled out, so a reader sees the figures (and the model is checked too).
    expect(math.groups.find((g) => g.school === PLANTED.high)).toMatchObject({ students: 25, wrote: 24, absent: 1, meanScore: 17.5, marks: { "2": 0, "3": 0, "4": 0, "5": 24 }, successRate: 100, qualityRate: 100, meanMark: 5 });
    expect(math.groups.find((g) => g.school === PLANTED.peak)).toMatchObject({ students: 26, wrote: 25, absent: 1, meanScore: 9.88, marks: { "2": 4, "3": 3, "4": 15, "5": 3 }, successRate: 84, qualityRate: 72 });
    // 224108: «не пройд.» in a score: the row is «с ошибкой», out of the figures but a participant.
    expect(math.groups.find((g) => g.school === "224108")).toMatchObject({ invalid: 1, wrote: figures(school("224108").math, true).wrote });
    expect(figures(school("224108").math, true).wrote).toBe(school("224108").math.length - 2);
    // The municipality: 36 schools' rows; 3 rows «с ошибкой» (stray text, two over the maximum).
    expect(municipality).toMatchObject({ students: all.length, absent: 36, invalid: 3 });
    expect(municipality.students).toBeGreaterThan(800);
  });

  test("signs: the planted ones found on the planted schools with their numbers, none on a clean school; the ranking", () => {
    const signs = j.flags.filter((f) => !f.code.startsWith("municipal."));
    expect(signs.map((f) => `${f.school} ${f.code}`).sort()).toEqual([`${PLANTED.high} high-results`, `${PLANTED.peak} boundary-peak`, `${PLANTED.peak} journal-mismatch`, `${PLANTED.journal} journal-mismatch`]);
    expect(signs.every((f) => f.small === false && f.workId === MATH.id)).toBe(true);
    const sign = (school: string, code: string) => signs.find((f) => f.school === school && f.code === code)!;
    expect(sign(PLANTED.peak, "boundary-peak").numbers).toMatchObject({ boundary: 10, mark: 4, atOrAbove: 12, justBelow: 0, wrote: 25 });
    expect(sign(PLANTED.peak, "journal-mismatch").numbers).toMatchObject({ compared: 25, differ: 14, higher: 12, lower: 2, percent: 56 });
    expect(sign(PLANTED.journal, "journal-mismatch").numbers).toMatchObject({ compared: 24, differ: 16, percent: 66.7 });
    expect(sign(PLANTED.high, "high-results").numbers).toMatchObject({ share5: 100, meanMark: 5, against: "municipality" });
    expect(j.ranking).toEqual([
      { school: PLANTED.peak, signs: 2, flaggedWorks: 1, works: 2, score: 6 },
      { school: PLANTED.journal, signs: 1, flaggedWorks: 1, works: 2, score: 3 },
      { school: PLANTED.high, signs: 1, flaggedWorks: 1, works: 2, score: 2 },
    ]);
    expect(text.out).toContain("Работ: 2; признаков необъективности: 4; школ с признаками: 3 (первые по рейтингу):");
    expect(text.out).toContain(`1. ${PLANTED.peak} МБОУ СОШ № 105: признаков 2, мера 6`);
  });

  test("observers: the two conflicts by row, never by name", () => {
    const obs = j.flags.filter((f) => f.code.startsWith("municipal.observer"));
    expect(obs.map((f) => [f.row, f.code, f.school, f.class])).toEqual([
      [2, "municipal.observer-works-there", PLANTED.journal, null],
      [3, "municipal.observer-child-there", PLANTED.peak, "4Б"],
    ]);
  });

  test("privacy: no pupil's or observer's name in the output, the JSON or «Свод» (observers only on their own sheet)", async () => {
    const names = [...region.pupilNames, ...region.observerNames];
    expect(region.pupilNames.length).toBeGreaterThan(140);
    for (const run of [json, text]) {
      const out = fold(`${run.out}\n${run.err}`);
      expect(names.flatMap((n) => nameTerms(n).filter((t) => out.includes(t)))).toEqual([]);
    }
    const bytes = new Uint8Array(await fs.readFile(path.join(dir, "Свод.xlsx")));
    expect(await privacyScan(bytes, region.pupilNames)).toEqual([]);
    const snap = await (await openFile(path.join(dir, "Свод.xlsx"))).read(null);
    for (const sheet of snap.sheetNames.filter((s) => s !== "Наблюдатели")) {
      const all = fold(JSON.stringify(snap.sheets[sheet].values));
      expect(region.observerNames.filter((n) => all.includes(fold(n)))).toEqual([]);
    }
    expect(JSON.stringify(snap.sheets["Наблюдатели"].values)).toContain(region.observerNames[0]);
  });

  test("«Свод» read back: monitoring totals, the municipality's figures, the ranking's first school, a broken file", async () => {
    expect(text.code).toBe(0);
    expect(text.out).toContain("Свод записан: Свод.xlsx.");
    const snap = await (await openFile(path.join(dir, "Свод.xlsx"))).read(null);
    expect(snap.sheetNames).toEqual(["Мониторинг", "Статистика", "Признаки", "Наблюдатели", "Файлы"]);

    // Per municipality, known in advance: every school of the list (those that sent nothing too), its works by status, participants, absent.
    const totals = (list: RegionSchool[]) => {
      const works = list.flatMap(monitored);
      const n = (st: string) => works.filter((w) => w.status === st).length;
      return [list.length, works.length, n("received"), n("missing"), n("invalid"), works.reduce((a, w) => a + w.participants, 0), works.reduce((a, w) => a + w.absent, 0)];
    };
    const of = (m: string | null) => region.schools.filter((s) => s.municipality === m);
    expect(totals(of(CITY)).slice(0, 5)).toEqual([19, 36, 35, 0, 1]);
    expect(totals(of(DISTRICT)).slice(0, 5)).toEqual([20, 38, 34, 2, 2]);
    const mon = snap.sheets["Мониторинг"].values;
    expect(cells(mon, CITY).slice(1, 8)).toEqual(totals(of(CITY)));
    expect(cells(mon, DISTRICT).slice(1, 8)).toEqual(totals(of(DISTRICT)));
    expect(cells(mon, "(муниципалитет не указан)").slice(1, 8)).toEqual(totals(of(null)));
    expect(cells(mon, "Всего").slice(1, 8)).toEqual(totals(region.schools));
    // School × work lines: the truncated file's school; a school that sent nothing has a line of its own.
    expect(mon.find((r) => r[1] === "224220" && r[3] === "Математика")).toEqual([DISTRICT, "224220", "МБОУ СОШ № 220", "Математика", 4, "с ошибками", 0, 0, "224220_4_Математика.xlsx", "файл не прочитан"]);
    expect(mon.filter((r) => r[5] === "ничего не получено").map((r) => r.slice(0, 8))).toEqual([
      [DISTRICT, "224219", "МБОУ СОШ № 219", null, null, "ничего не получено", 0, 0],
      [CITY, "224119", "МБОУ СОШ № 119", null, null, "ничего не получено", 0, 0],
    ]);

    const stat = snap.sheets["Статистика"].values;
    const heading = stat.findIndex((r) => String(r[0]).startsWith("Математика, 4 класс (максимум 20; «3» с 6, «4» с 10, «5» с 15)"));
    expect(heading).toBeGreaterThan(0);
    const m = figures(region.schools.filter(mathKept).flatMap((s) => s.math), true);
    expect(cells(stat, "Муниципалитет", heading).slice(1, 13)).toEqual([m.students, m.wrote, m.absent, m.meanScore, m.medianScore, m.marks!["2"], m.marks!["3"], m.marks!["4"], m.marks!["5"], m.successRate, m.qualityRate, m.meanMark]);
    const high = figures(school(PLANTED.high).math, true);
    expect(cells(stat, `${PLANTED.high} МБОУ СОШ № 103`, heading).slice(1, 5)).toEqual([high.students, high.wrote, high.absent, high.meanScore]);

    const signs = snap.sheets["Признаки"].values;
    const ranking = signs.findIndex((r) => r[0] === "Рейтинг школ по признакам");
    expect(signs[ranking + 2]).toEqual([1, `${PLANTED.peak} МБОУ СОШ № 105`, CITY, 2, 1, 2, 6]);

    const files = snap.sheets["Файлы"].values;
    expect(cells(files, "224220_4_Математика.xlsx").slice(0, 7)).toEqual(["224220_4_Математика.xlsx", "не прочитан", "Математика", 4, 0, 1, 0]);
    const remarks = String(cells(files, EXPORT_2021)[7]).split("\n");
    expect(remarks[0]).toBe(`Не учтено строк: ${3 + school("224104").math.length} (повтор кода — 1; нет логина школы — 1; ничего не записано (ни варианта, ни баллов) — 1; работа школы 224104 уже прочитана из «224104_4_Математика.xlsx» — ${school("224104").math.length})`);
    expect(remarks.slice(1).every((l) => l.startsWith("«Лист1»"))).toBe(true);
  });

  testRender(
    "«Свод» printed by LibreOffice: every page A4, the sheets' titles and the known numbers on paper",
    async () => {
      const printed: Printed = await printWithLibreOffice(new Uint8Array(await fs.readFile(path.join(dir, "Свод.xlsx"))), { keepAs: "municipal-region" });
      expect(printed.pages).toBeGreaterThanOrEqual(5);
      for (const s of printed.sizes) expect(s).toContain("A4");
      const all = printed.texts.join("\n").replace(/\s+/g, " ");
      for (const words of ["Мониторинг загрузки результатов", "Статистика по школам и муниципалитету", "Рейтинг школ по признакам", "Общественные наблюдатели", "Работы по муниципалитетам: получено, нет, с ошибками", "Математика, 4 класс: отметки по школам, %", "Признаки необъективности по школам", "224220_4_Математика.xlsx", `${PLANTED.peak} МБОУ СОШ № 105`, "ничего не получено", "Не учтено строк"]) {
        expect(all).toContain(words);
      }
      const m = figures(region.schools.filter(mathKept).flatMap((s) => s.math), true);
      const mean = m.meanScore!.toFixed(2);
      expect(all.includes(mean) || all.includes(mean.replace(".", ","))).toBe(true);
      const participantsAll = j.schools.flatMap((s) => s.works as { participants: number }[]).reduce((a, w) => a + w.participants, 0);
      expect(all).toContain(String(participantsAll));
    },
    300_000,
  );

  // The options of the run (docs/MUNICIPAL.md): what the files' names do not say, the sign's
  // threshold, the re-check sample across schools — and what is refused before the long read.
  test("--school, --grade, --subject read the form whose name says nothing", async () => {
    const unnamed = "Результаты ВПР математика 4 класс.xlsx";
    const r = await vpr(dir, "municipal", FOLDER, "--school", "224206", "--grade", "4", "--subject", "Математика", "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out) as typeof j;
    const file = o.files.find((f) => f.file.endsWith(unnamed))!;
    expect(file).toMatchObject({ kind: "official-form", subject: "Математика", grade: 4, rows: school("224206").math.length });
    expect(j.files.find((f) => f.file.endsWith(unnamed))!.kind).not.toBe("official-form");
    const works = o.schools.find((x) => x.school === "224206")!.works as { subject: string; status: string; participants: number }[];
    expect(works.find((w) => w.subject === "Математика")).toMatchObject({ status: "received", participants: school("224206").math.filter((p) => !p.absent).length });
  }, 120_000);

  test("--mismatch sets the journal-mismatch threshold: 60 % keeps 66.7 %, drops 56 %", async () => {
    const r = await vpr(dir, "municipal", FOLDER, "--criteria", CRITERIA_FILE, "--mismatch", "60", "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out) as typeof j;
    const mismatch = o.flags.filter((f) => f.code === "journal-mismatch").map((f) => f.school);
    expect(mismatch).toEqual([PLANTED.journal]);
  }, 120_000);

  test("--sample: the re-check sample across schools, from written works only, the same for the same seed", async () => {
    const args = [FOLDER, "--criteria", CRITERIA_FILE, "--sample", "выборка.xlsx", "--percent", "10", "--weight", "--seed", "2026"];
    const r = await vpr(dir, "municipal", ...args, "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out) as { sample: { seed: number; rule: { percent: number; weighted: boolean }; sample: { school: string; code: number; subject: string; variant: number }[]; groups: { subject: string; works: number; drawn: number }[] } };
    expect(o.sample.seed).toBe(2026);
    expect(o.sample.rule).toMatchObject({ percent: 10, weighted: true });
    // Every drawn work was written (not absent, not invalid) by a pupil of a school whose file was read.
    const written = new Set(region.schools.flatMap((s) => [...(mathKept(s) ? s.math.filter((p) => statusOf(p) === "wrote").map((p) => `${s.code} Математика ${codeOf(p)}`) : []), ...(russianKept(s) ? s.russian.filter((p) => statusOf(p) === "wrote").map((p) => `${s.code} Русский язык ${codeOf(p)}`) : [])]));
    expect(o.sample.sample.length).toBeGreaterThan(0);
    for (const w of o.sample.sample) expect(written.has(`${w.school} ${w.subject} ${w.code}`)).toBe(true);
    for (const g of o.sample.groups) expect(g.drawn).toBeGreaterThanOrEqual(Math.ceil(g.works * 0.1));
    expect(new Set(o.sample.sample.map((w) => w.school)).size).toBeGreaterThan(1);
    // The file: «Выборка» holds the same works; the same seed gives the same sample.
    const snap = await (await openFile(path.join(dir, "выборка.xlsx"))).read(null);
    expect(snap.sheets["Выборка"].values.slice(1).map((row) => `${row[0]} ${row[2]} ${row[5]}`)).toEqual(o.sample.sample.map((w) => `${w.school} ${w.subject} ${w.code}`));
    const again = await vpr(dir, "municipal", ...args);
    expect(again.out).toContain("Выборка для перепроверки: ");
    expect((await (await openFile(path.join(dir, "выборка.xlsx"))).read(null)).sheets["Выборка"].values).toEqual(snap.sheets["Выборка"].values);
  }, 120_000);

  test.each([
    [["--school", "12"], "--school 12: код ОО — 6 цифр"],
    [["--grade", "13"], "--grade 13: параллель — целое число от 1 до 11"],
    [["--mismatch", "0"], "--mismatch 0: доля в процентах"],
    [["--percent", "5"], "укажите и файл, куда её записать, --sample ФАЙЛ.xlsx"],
    [["--sample", "выборка.csv", "--percent", "5"], "--sample выборка.csv: выборка записывается в файл .xlsx"],
    [["--sample", "в.xlsx"], "Укажите порог"],
  ])("refused before reading: %j", async (extra, message) => {
    const r = await vpr(dir, "municipal", FOLDER, ...extra);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toContain("Файл 1 из");
  });
});
