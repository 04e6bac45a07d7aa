// `vpr recheck sample <книга.xlsx | папка> [--percent P] [--min N] [--by works|classes] [--weight]
// [--seed S] [--json] [--out ФАЙЛ]`: the works to re-check (docs/RECHECK.md, «Выборка»), drawn from
// one school's workbook or a folder of upload forms. With --json the sample is printed and nothing
// is written; else «Выборка» and «Параметры» go into a new .xlsx (all or none) and a table per
// subject × grade is printed. No names anywhere: schools by code, students by code.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { MAX_SEED, cryptoRandom, drawSample, hasErrors, newSeed, ruleProblem, type DrawResult, type SampleRule } from "../../core";
import { buildNewWorkbook } from "../../workbook/file/newWorkbook";
import { FileError, readFileBytes } from "../../workbook/file/node/index";
import { readAll } from "../../workbook/operations";
import { populationFromFiles, populationFromWorkbook, type Population } from "../../workbook/recheck/population";
import { sampleWorkbook } from "../../workbook/recheck/sampleFile";
import { parseSeed, str, writeFiles, type Values } from "../commands";
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, openCoordinatorWorkbook, printFindings, resolvePath, table, type Ctx } from "../io";
import type { RecheckSubcommand } from "./subcommand";

const TEXTS = {
  ru: {
    usage: "vpr recheck sample <книга.xlsx | папка> [--percent P] [--min N] [--by works|classes] [--weight] [--seed S] [--json] [--out ФАЙЛ] — выборка работ для перепроверки",
    needSource: "Укажите книгу координатора .xlsx или папку с формами для загрузки: vpr recheck sample <книга.xlsx | папка> --percent P и/или --min N.",
    tooMany: (extra: string) => `Лишние аргументы: ${extra}. Нужна одна книга или одна папка.`,
    needRule: "Укажите порог: --percent P (не меньше P % всех работ) и/или --min N (не меньше N работ на предмет и параллель).",
    badPercent: (v: string) => `--percent ${v}: нужно число больше 0 и не больше 100, например 1 или 0,5.`,
    badMin: (v: string) => `--min ${v}: нужно целое число не меньше 1, например 150.`,
    badBy: (v: string) => `--by ${v}: нужно works (работы, поровну по школам и классам) или classes (классы целиком).`,
    badSeed: (v: number) => `--seed ${v}: зерно не больше ${MAX_SEED}.`,
    badOut: (v: string) => `--out ${v}: выборка записывается в файл .xlsx (для JSON — --json без --out).`,
    jsonAndOut: "--json печатает выборку и ничего не записывает: уберите --out или --json.",
    noForms: (dir: string) => `В папке «${dir}» нет ни одной формы для загрузки результатов (<код ОО>_<параллель>_<предмет>.xlsx с листом «Протокол»): выбирать не из чего.`,
    noWorks: "Нет ни одной написанной работы (все отсутствовали или баллы не внесены): выбирать не из чего.",
    unreadable: (file: string, why: string) => `файл «${file}» не прочитан: ${why} Файл пропущен.`,
    title: (drawn: number, of: number, sources: string) => `Выборка для перепроверки: ${drawn} из ${of} написанных работ (${sources}).`,
    sources: (schools: number, forms: number | null) => `школ: ${schools}${forms === null ? "" : `, форм: ${forms}`}`,
    rule: (r: SampleRule) =>
      `Правило: ${[r.percent !== null ? `не меньше ${r.percent} % работ` : "", r.min !== null ? `не меньше ${r.min} работ на предмет и параллель (все, если меньше)` : ""].filter(Boolean).join(" и ")}; ${r.by === "classes" ? "классы целиком" : "работы поровну по школам и классам"}${r.weighted ? "; школы и классы с признаками необъективности — втрое чаще" : ""}.`,
    seed: (seed: number, given: boolean) => (given ? `Зерно: ${seed}.` : `Зерно: ${seed} (выбрано случайно; та же выборка — --seed ${seed}).`),
    absent: (n: number) => `Отсутствовавших (не работы, в выборку не входят): ${n}.`,
    col: ["Параллель", "Предмет", "Работ", "Порог", "Отобрано", "Классов", "Школ"],
    of: (drawn: number, all: number) => `${drawn} из ${all}`,
    written: (file: string) => `Выборка записана: ${file} (листы «Выборка» и «Параметры»; без ФИО).`,
  },
  en: {
    usage: "vpr recheck sample <book.xlsx | folder> [--percent P] [--min N] [--by works|classes] [--weight] [--seed S] [--json] [--out FILE] — the works to re-check",
    needSource: "Give the coordinator's workbook (.xlsx) or a folder of upload forms: vpr recheck sample <book.xlsx | folder> --percent P and/or --min N.",
    tooMany: (extra: string) => `Extra arguments: ${extra}. One workbook or one folder.`,
    needRule: "Give a threshold: --percent P (at least P % of all works) and/or --min N (at least N works per subject and grade).",
    badPercent: (v: string) => `--percent ${v}: a number above 0 and at most 100, e.g. 1 or 0.5.`,
    badMin: (v: string) => `--min ${v}: a whole number of at least 1, e.g. 150.`,
    badBy: (v: string) => `--by ${v}: works (stratified across schools and classes) or classes (whole classes).`,
    badSeed: (v: number) => `--seed ${v}: a seed of at most ${MAX_SEED}.`,
    badOut: (v: string) => `--out ${v}: the sample is written as an .xlsx (for JSON use --json without --out).`,
    jsonAndOut: "--json prints the sample and writes nothing: drop --out or --json.",
    noForms: (dir: string) => `The folder «${dir}» holds no upload form (<school code>_<grade>_<subject>.xlsx with the sheet «Протокол»): nothing to draw from.`,
    noWorks: "No written work (everyone absent or no scores typed): nothing to draw from.",
    unreadable: (file: string, why: string) => `файл «${file}» не прочитан: ${why} Файл пропущен.`,
    title: (drawn: number, of: number, sources: string) => `Re-check sample: ${drawn} of ${of} written works (${sources}).`,
    sources: (schools: number, forms: number | null) => `schools: ${schools}${forms === null ? "" : `, forms: ${forms}`}`,
    rule: (r: SampleRule) =>
      `Rule: ${[r.percent !== null ? `at least ${r.percent} % of works` : "", r.min !== null ? `at least ${r.min} works per subject and grade (all when fewer)` : ""].filter(Boolean).join(" and ")}; ${r.by === "classes" ? "whole classes" : "works spread across schools and classes"}${r.weighted ? "; schools and classes with objectivity signs three times as likely" : ""}.`,
    seed: (seed: number, given: boolean) => (given ? `Seed: ${seed}.` : `Seed: ${seed} (chosen at random; the same sample again: --seed ${seed}).`),
    absent: (n: number) => `Absent (not works, never drawn): ${n}.`,
    col: ["Grade", "Subject", "Works", "Quota", "Drawn", "Classes", "Schools"],
    of: (drawn: number, all: number) => `${drawn} of ${all}`,
    written: (file: string) => `Sample written: ${file} (sheets «Выборка» and «Параметры»; no names).`,
  },
};

type Texts = (typeof TEXTS)["ru"];

/** --percent: «1», «0,5», «2 %». */
function parsePercent(t: Texts, v: Values[string]): number | null {
  const s = str(v);
  if (s === undefined) return null;
  const n = Number(s.replace(",", ".").replace(/\s*%$/, "").trim());
  if (!Number.isFinite(n) || n <= 0 || n > 100 || s.trim() === "") throw new CliError(EXIT_UNUSABLE, t.badPercent(s));
  return n;
}

function parseMin(t: Texts, v: Values[string]): number | null {
  const s = str(v);
  if (s === undefined) return null;
  if (!/^\s*\d+\s*$/.test(s) || Number(s) < 1) throw new CliError(EXIT_UNUSABLE, t.badMin(s));
  return Number(s);
}

/** The sample's rule from --percent, --min, --by and --weight (also `vpr municipal --sample`). */
export const sampleRuleOf = (ctx: Ctx, values: Values): SampleRule => parseRule(TEXTS[ctx.lang ?? "ru"], values);

function parseRule(t: Texts, values: Values): SampleRule {
  const by = str(values.by) ?? "works";
  if (by !== "works" && by !== "classes") throw new CliError(EXIT_UNUSABLE, t.badBy(by));
  const rule: SampleRule = { percent: parsePercent(t, values.percent), min: parseMin(t, values.min), by, weighted: values.weight === true };
  if (rule.percent === null && rule.min === null) throw new CliError(EXIT_UNUSABLE, t.needRule);
  const problem = ruleProblem(rule);
  if (problem) throw new CliError(EXIT_UNUSABLE, problem);
  return rule;
}

/** Every file of the folder (not its subfolders); a file that cannot be read is a warning, not a stop. */
async function readFolder(ctx: Ctx, t: Texts, dir: string): Promise<Population> {
  const abs = resolvePath(ctx, dir);
  const files: { name: string; bytes: Uint8Array }[] = [];
  const unread: Population["findings"] = [];
  for (const entry of await fs.readdir(abs, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    try {
      files.push({ name: entry.name, bytes: await readFileBytes(path.join(abs, entry.name)) });
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      unread.push({ severity: "warning", code: "recheck.form", message: t.unreadable(entry.name, e.message) });
    }
  }
  const population = await populationFromFiles(files);
  return { ...population, findings: [...unread, ...population.findings] };
}

async function run(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const t = TEXTS[ctx.lang ?? "ru"];
  if (positionals.length === 0) throw new CliError(EXIT_UNUSABLE, t.needSource);
  if (positionals.length > 1) throw new CliError(EXIT_UNUSABLE, t.tooMany(positionals.slice(1).join(" ")));
  const source = positionals[0];
  const rule = parseRule(t, values);
  const given = parseSeed(ctx, values.seed);
  if (given !== undefined && given > MAX_SEED) throw new CliError(EXIT_UNUSABLE, t.badSeed(given));
  const out = str(values.out);
  if (values.json && out !== undefined) throw new CliError(EXIT_UNUSABLE, t.jsonAndOut);
  if (out !== undefined && !/\.xlsx$/i.test(out)) throw new CliError(EXIT_UNUSABLE, t.badOut(out));

  const isFolder = await fs.stat(resolvePath(ctx, source)).then((s) => s.isDirectory(), () => false);
  const population = isFolder ? await readFolder(ctx, t, source) : populationFromWorkbook(await readAll(await openCoordinatorWorkbook(ctx, source)), source);
  // With --json stdout carries the JSON only: what was left out goes to stderr.
  const stream = values.json ? "err" : "out";
  if (hasErrors(population.findings)) {
    printFindings(ctx, population.findings, "err");
    return EXIT_PROBLEMS;
  }
  if (isFolder && population.sources === 0) {
    printFindings(ctx, population.findings, "err");
    ctx.io.err(t.noForms(source));
    return EXIT_PROBLEMS;
  }
  if (population.works.length === 0) {
    printFindings(ctx, population.findings, "err");
    ctx.io.err(t.noWorks);
    return EXIT_PROBLEMS;
  }
  const seed = given ?? newSeed(cryptoRandom());
  const result = drawSample(population.works, rule, seed);
  printFindings(ctx, population.findings, stream);
  if (values.json) {
    ctx.io.out(JSON.stringify({ seed: result.seed, rule: result.rule, sample: result.sample, groups: result.groups }, null, 2));
    return EXIT_OK;
  }
  const target = out ?? `выборка-${seed}.xlsx`;
  const bytes = await buildNewWorkbook(sampleWorkbook(result));
  await writeFiles(ctx, path.dirname(target), [{ name: path.basename(target), bytes }]);
  printSummary(ctx, t, result, population, isFolder, given !== undefined);
  ctx.io.out(t.written(target));
  return EXIT_OK;
}

function printSummary(ctx: Ctx, t: Texts, result: DrawResult, population: Population, isFolder: boolean, seedGiven: boolean): void {
  const schools = new Set(population.works.map((w) => w.school)).size;
  ctx.io.out(t.title(result.sample.length, population.works.length, t.sources(schools, isFolder ? population.sources : null)));
  ctx.io.out(t.rule(result.rule));
  ctx.io.out(t.seed(result.seed, seedGiven));
  if (population.absent > 0) ctx.io.out(t.absent(population.absent));
  ctx.io.out("");
  const rows = result.groups.map((g) => [g.grade, g.subject, g.works, g.quota, g.drawn, t.of(g.drawnClasses, g.classes), t.of(g.drawnSchools, g.schools)]);
  table(t.col, rows).forEach((l) => ctx.io.out(`  ${l}`));
}

export const recheckSample: RecheckSubcommand = {
  name: "sample",
  usage: { ru: TEXTS.ru.usage, en: TEXTS.en.usage },
  run,
};
