// `vpr municipal <папка> [--schools ФАЙЛ] [--criteria ФАЙЛ] [--observers ФАЙЛ] [--out ФАЙЛ] [--json]`:
// the municipal coordinator's roll-up (docs/MUNICIPAL.md). Reads every school's form and every FIS
// OKO export of the folder (a progress line on stderr, file n of N), the expected list, «Критерии»
// and the observers; monitoring, statistics per school and municipality, signs, the observers'
// conflicts; the workbook «Свод» (--out) or JSON (--json). Names of observers never reach stdout.
// Files' problems are the roll-up's content, not the command's failure: exit 0 once it is made.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { MAX_SEED, cryptoRandom, describeFinding, hasErrors, newSeed, type DrawResult, type Finding, type ObjectivitySettings, type SampleRule } from "../core";
import { criteriaFromBytes } from "../workbook/municipal/criteriaFile";
import { folderFiles, readFolder } from "../workbook/municipal/node/readFolder";
import { municipalJson, municipalRollup, schoolName } from "../workbook/municipal/municipalRollup";
import type { ObserverFlag } from "../workbook/municipal/observers";
import { readObservers, type ObserversList } from "../workbook/municipal/observersSheet";
import type { FolderRead } from "../workbook/municipal/readSources";
import type { SourceOptions } from "../workbook/municipal/readSource";
import { readSchoolList, type SchoolList } from "../workbook/municipal/schoolList";
import { sampleWorkbook } from "../workbook/recheck/sampleFile";
import { one, parseSeed, str, writeFiles, type Values } from "./commands";
import { sampleRuleOf } from "./recheck/sample";
import { CliError, EXIT_OK, EXIT_UNUSABLE, openWorkbook, printFindings, resolvePath, table, type Ctx } from "./io";

const TEXTS = {
  ru: {
    notFolder: (p: string) => `«${p}» — не папка: укажите папку с файлами школ и выгрузками ФИС ОКО.`,
    missing: (p: string) => `Папки «${p}» нет.`,
    empty: (p: string) => `В папке «${p}» нет файлов .xlsx.`,
    progress: (n: number, total: number, name: string) => `Файл ${n} из ${total}: ${name}`,
    badInput: (what: string, file: string) => `${what} «${file}» использовать нельзя:`,
    schools: "Список школ",
    criteria: "Книгу с «Критериями»",
    observers: "Список наблюдателей",
    files: (n: number, read: number, rows: number) => `Файлов: ${n}; прочитано: ${read}; строк участников: ${rows}.`,
    filesCol: ["Файл", "Вид", "Предмет", "Параллель", "Строк", "Замечаний"],
    kind: { form: "форма", "official-form": "форма ФИС ОКО", export: "выгрузка", unreadable: "не прочитан", "not-a-form": "не форма" } as Record<string, string>,
    monitoring: (received: number, missing: number, invalid: number) => `Мониторинг: получено работ ${received}, нет ${missing}, с ошибками ${invalid}.`,
    noList: "Список школ не задан (--schools): показаны полученные работы, ожидаемые не сверялись.",
    observerFlags: (n: number) => (n === 0 ? "Наблюдатели: конфликтов назначений нет." : `Наблюдатели: назначений с конфликтом — ${n} (по строкам списка):`),
    flag: (f: ObserverFlag) => `  строка ${f.row}: ОО ${f.school} — ${f.code === "municipal.observer-works-there" ? `работает там (${f.cell})` : `там учится ребёнок${f.class ? ` (${f.class})` : ""} (${f.cell})`}`,
    works: (w: number, s: number, r: number) => `Работ: ${w}; признаков необъективности: ${s}; школ с признаками: ${r}${r > 0 ? " (первые по рейтингу):" : "."}`,
    rank: (i: number, school: string, name: string | undefined, signs: number, score: number | null) => `  ${i}. ${school}${name ? ` ${name}` : ""}: признаков ${signs}${score !== null ? `, мера ${score}` : ""}`,
    written: (file: string) => `Свод записан: ${file}.`,
    badSchool: (v: string) => `--school ${v}: код ОО — 6 цифр, например 780101 (для форм, в имени которых кода нет).`,
    badGrade: (v: string) => `--grade ${v}: параллель — целое число от 1 до 11 (для файлов, из имени которых её не понять).`,
    badSubject: "--subject: укажите предмет словами, например «Математика».",
    badMismatch: (v: string) => `--mismatch ${v}: доля в процентах, больше 0 и не больше 100, например 50 (порог признака «несоответствие отметкам в журнале»).`,
    sampleWithout: "--percent, --min, --by, --weight и --seed задают выборку для перепроверки: укажите и файл, куда её записать, --sample ФАЙЛ.xlsx.",
    badSample: (v: string) => `--sample ${v}: выборка записывается в файл .xlsx, например --sample выборка.xlsx.`,
    badSeed: (v: number) => `--seed ${v}: зерно не больше ${MAX_SEED}.`,
    noWorks: "Выборка для перепроверки не составлена: нет ни одной написанной работы (все отсутствовали или баллы не прочитаны).",
    sampled: (drawn: number, of: number, schools: number, seed: number, given: boolean, file: string) =>
      `Выборка для перепроверки: ${drawn} из ${of} написанных работ, школ в ней: ${schools}; зерно ${seed}${given ? "" : ` (та же выборка снова — --seed ${seed})`}. Записана: ${file} (листы «Выборка» и «Параметры»; без ФИО).`,
  },
  en: {
    notFolder: (p: string) => `"${p}" is not a folder: give the folder of the schools' files and FIS OKO exports.`,
    missing: (p: string) => `No folder "${p}".`,
    empty: (p: string) => `The folder "${p}" holds no .xlsx file.`,
    progress: (n: number, total: number, name: string) => `File ${n} of ${total}: ${name}`,
    badInput: (what: string, file: string) => `${what} "${file}" cannot be used:`,
    schools: "The list of schools",
    criteria: "The «Критерии» workbook",
    observers: "The list of observers",
    files: (n: number, read: number, rows: number) => `Files: ${n}; read: ${read}; participant rows: ${rows}.`,
    filesCol: ["File", "Kind", "Subject", "Grade", "Rows", "Problems"],
    kind: { form: "form", "official-form": "FIS OKO form", export: "export", unreadable: "unreadable", "not-a-form": "no form" } as Record<string, string>,
    monitoring: (received: number, missing: number, invalid: number) => `Monitoring: works received ${received}, missing ${missing}, invalid ${invalid}.`,
    noList: "No list of schools (--schools): the works received are shown, the expected ones not compared.",
    observerFlags: (n: number) => (n === 0 ? "Observers: no conflicting assignment." : `Observers: conflicting assignments — ${n} (by row of the list):`),
    flag: (f: ObserverFlag) => `  row ${f.row}: school ${f.school} — ${f.code === "municipal.observer-works-there" ? `works there (${f.cell})` : `a child${f.class ? ` (${f.class})` : ""} studies there (${f.cell})`}`,
    works: (w: number, s: number, r: number) => `Works: ${w}; signs of non-objective results: ${s}; schools with signs: ${r}${r > 0 ? " (top of the ranking):" : "."}`,
    rank: (i: number, school: string, name: string | undefined, signs: number, score: number | null) => `  ${i}. ${school}${name ? ` ${name}` : ""}: signs ${signs}${score !== null ? `, measure ${score}` : ""}`,
    written: (file: string) => `Roll-up written: ${file}.`,
    badSchool: (v: string) => `--school ${v}: a school code is 6 digits, e.g. 780101 (for forms whose file name has none).`,
    badGrade: (v: string) => `--grade ${v}: a grade is a whole number from 1 to 11 (for files whose name does not say it).`,
    badSubject: "--subject: give the subject in words, e.g. «Математика».",
    badMismatch: (v: string) => `--mismatch ${v}: a percentage above 0 and at most 100, e.g. 50 (the threshold of the sign "marks unlike the journal").`,
    sampleWithout: "--percent, --min, --by, --weight and --seed set the re-check sample: give the file to write it to as well, --sample FILE.xlsx.",
    badSample: (v: string) => `--sample ${v}: the sample is written as an .xlsx, e.g. --sample sample.xlsx.`,
    badSeed: (v: number) => `--seed ${v}: a seed of at most ${MAX_SEED}.`,
    noWorks: "No re-check sample: no written work (everyone absent or no scores read).",
    sampled: (drawn: number, of: number, schools: number, seed: number, given: boolean, file: string) =>
      `Re-check sample: ${drawn} of ${of} written works, from ${schools} schools; seed ${seed}${given ? "" : ` (the same sample again: --seed ${seed})`}. Written: ${file} (sheets «Выборка» and «Параметры»; no names).`,
  },
};

type T = (typeof TEXTS)["ru"];

/** An input file's findings that block it: exit 2 with the findings; warnings are printed and the run goes on. */
function usable(t: T, what: string, file: string, findings: readonly Finding[]): void {
  if (!hasErrors(findings)) return;
  throw new CliError(EXIT_UNUSABLE, [t.badInput(what, file), ...findings.filter((f) => f.severity === "error").map((f) => `  ${describeFinding(f)}`)].join("\n"));
}

async function readSchools(ctx: Ctx, t: T, file: string): Promise<{ list: SchoolList | null; findings: Finding[] }> {
  const snapshot = await (await openWorkbook(ctx, file)).read(null);
  const r = readSchoolList(snapshot, file);
  usable(t, t.schools, file, r.findings);
  return r;
}

async function readCriteria(ctx: Ctx, t: T, file: string) {
  await openWorkbook(ctx, file); // the same refusals (missing, not .xlsx, damaged…) as every command's
  const r = await criteriaFromBytes(await fs.readFile(resolvePath(ctx, file)));
  usable(t, t.criteria, file, r.findings);
  return r;
}

async function readObserversFile(ctx: Ctx, t: T, file: string): Promise<ObserversList> {
  const list = readObservers(file, await (await openWorkbook(ctx, file)).read(null));
  usable(t, t.observers, file, list.findings);
  return list;
}

/** Reads the folder with a progress line on stderr: the first file, then at most one a second, and the last. */
async function readWithProgress(ctx: Ctx, t: T, dir: string, criteria: Parameters<typeof readFolder>[1]): Promise<FolderRead> {
  const total = (await folderFiles(dir)).length;
  let last = 0;
  return readFolder(dir, criteria, (n, name) => {
    const now = Date.now();
    if (n === 1 || n === total || now - last >= 1000) {
      last = now;
      ctx.io.err(t.progress(n, total, name));
    }
  });
}

/** What the files' names may not say (--school, --subject, --grade): checked before anything is read. */
function sourceOptions(t: T, values: Values): SourceOptions {
  const options: SourceOptions = {};
  const school = str(values.school);
  if (school !== undefined) {
    if (!/^\d{6}$/.test(school.trim())) throw new CliError(EXIT_UNUSABLE, t.badSchool(school));
    options.school = school.trim();
  }
  const grade = str(values.grade);
  if (grade !== undefined) {
    const g = Number(grade.trim());
    if (!/^\s*\d{1,2}\s*$/.test(grade) || g < 1 || g > 11) throw new CliError(EXIT_UNUSABLE, t.badGrade(grade));
    options.grade = g;
  }
  const subject = str(values.subject);
  if (subject !== undefined) {
    if (subject.trim() === "" || /^\d+$/.test(subject.trim())) throw new CliError(EXIT_UNUSABLE, t.badSubject);
    options.subject = subject.trim();
  }
  return options;
}

function objectivityOf(t: T, values: Values): ObjectivitySettings | undefined {
  const v = str(values.mismatch);
  if (v === undefined) return undefined;
  const n = Number(v.replace(",", ".").replace(/\s*%$/, "").trim());
  if (v.trim() === "" || !Number.isFinite(n) || n <= 0 || n > 100) throw new CliError(EXIT_UNUSABLE, t.badMismatch(v));
  return { journalMismatchPercent: n };
}

/** --sample FILE with its rule (the options of `vpr recheck sample`), or null; refused before the long read. */
function sampleOf(ctx: Ctx, t: T, values: Values): { file: string; rule: SampleRule; seed: number | undefined } | null {
  const file = str(values.sample);
  const ruleGiven = ["percent", "min", "by", "seed"].some((k) => str(values[k]) !== undefined) || values.weight === true;
  if (file === undefined) {
    if (ruleGiven) throw new CliError(EXIT_UNUSABLE, t.sampleWithout);
    return null;
  }
  if (!/\.xlsx$/i.test(file)) throw new CliError(EXIT_UNUSABLE, t.badSample(file));
  const rule = sampleRuleOf(ctx, values);
  const seed = parseSeed(ctx, values.seed);
  if (seed !== undefined && seed > MAX_SEED) throw new CliError(EXIT_UNUSABLE, t.badSeed(seed));
  return { file, rule, seed };
}

export async function cmdMunicipal(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const t = TEXTS[ctx.lang ?? "ru"];
  const folder = one(ctx, positionals);
  const dir = resolvePath(ctx, folder);
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat) throw new CliError(EXIT_UNUSABLE, t.missing(folder));
  if (!stat.isDirectory()) throw new CliError(EXIT_UNUSABLE, t.notFolder(folder));
  if (!(await folderFiles(dir)).some((f) => /\.xlsx$/i.test(f))) throw new CliError(EXIT_UNUSABLE, t.empty(folder));

  // The inputs first: an option or a list that cannot be used stops the run before the long read.
  const options = sourceOptions(t, values);
  const objectivity = objectivityOf(t, values);
  const sampling = sampleOf(ctx, t, values);
  const schoolsArg = str(values.schools);
  const criteriaArg = str(values.criteria);
  const observersArg = str(values.observers);
  const schools = schoolsArg ? await readSchools(ctx, t, schoolsArg) : null;
  const criteria = criteriaArg ? await readCriteria(ctx, t, criteriaArg) : null;
  const observersList = observersArg ? await readObserversFile(ctx, t, observersArg) : null;

  const read = await readWithProgress(ctx, t, dir, { ...options, criteria: criteria?.works });
  const r = municipalRollup(read, { schools: schools?.list, criteria: criteria?.works, observers: observersList }, objectivity);
  const { data } = r;
  let sample: DrawResult | null = null;
  if (sampling) {
    sample = r.sample(sampling.rule, sampling.seed ?? newSeed(cryptoRandom()));
    if (sample.sample.length === 0 && sample.groups.every((g) => g.works === 0)) {
      ctx.io.err(t.noWorks);
      sample = null;
    } else {
      const { writeNewWorkbook } = await import("../workbook/recheck/recheckFiles");
      await writeFiles(ctx, path.dirname(sampling.file), [{ name: path.basename(sampling.file), bytes: await writeNewWorkbook(sampleWorkbook(sample)) }]);
    }
  }
  if (!values.json) {
    // Text: what was read and checked (no observer's name: rows only).
    ctx.io.out(t.files(r.files.total, r.files.read, r.files.rows));
    table(t.filesCol, data.files.map((f) => [f.file, t.kind[f.kind], f.subject ?? "—", f.grade ?? "—", f.rows, f.problems.length])).forEach((l) => ctx.io.out(`  ${l}`));
    ctx.io.out(t.monitoring(r.works.received, r.works.missing, r.works.invalid));
    if (!r.listed) ctx.io.out(t.noList);
    if (data.observers) {
      ctx.io.out(t.observerFlags(data.observers.flags.length));
      data.observers.flags.forEach((f) => ctx.io.out(t.flag(f)));
    }
    ctx.io.out(t.works(data.works.length, data.signs.length, data.ranking.length));
    data.ranking.slice(0, 10).forEach((s, i) => ctx.io.out(t.rank(i + 1, s.school, schoolName(data, s.school), s.signs, s.score ?? null)));
    printFindings(ctx, [...(schools?.findings ?? []), ...(criteria?.findings ?? []), ...(observersList?.findings ?? []), ...r.findings]);
  }

  const out = str(values.out);
  if (out) {
    const { rollupWorkbook } = await import("../workbook/municipal/rollupWorkbook");
    const { writeNewWorkbook } = await import("../workbook/recheck/recheckFiles");
    await writeFiles(ctx, path.dirname(out), [{ name: path.basename(out), bytes: await writeNewWorkbook(rollupWorkbook(data)) }]);
  }
  if (values.json) {
    const json = municipalJson(data);
    ctx.io.out(JSON.stringify(sample ? { ...json, sample: { seed: sample.seed, rule: sample.rule, sample: sample.sample, groups: sample.groups } } : json, null, 2));
    return EXIT_OK;
  }
  if (out) ctx.io.out(t.written(out));
  if (sample && sampling) ctx.io.out(t.sampled(sample.sample.length, sample.groups.reduce((n, g) => n + g.works, 0), new Set(sample.sample.map((w) => w.school)).size, sample.seed, sampling.seed !== undefined, sampling.file));
  // The schools' problems are the roll-up's content («Файлы»), not a failure of the command.
  return EXIT_OK;
}
