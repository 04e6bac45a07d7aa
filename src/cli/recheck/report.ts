// `vpr recheck report --original ФАЙЛ|ПАПКА --recheck ФАЙЛ|ПАПКА [--list СПИСОК] [--json] [--out
// ФАЙЛ]`: the discrepancy report (src/workbook/recheck/report.ts). The original scores are upload
// forms or coordinators' workbooks, the re-check the commission's protocols filled in. A file that
// cannot be read stops the report (exit 1): a school silently missing would read as «no changes».
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { hasErrors, type DiscrepancyReport } from "../../core";
import { planDiscrepancyReport, type ReadFile } from "../../workbook/recheck/report";
import { reportWorkbook } from "../../workbook/recheck/reportWorkbook";
import { str, writeFiles, type Values } from "../commands";
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, openWorkbook, printFindings, resolvePath, type Ctx } from "../io";
import { readListArg } from "./listArg";
import type { RecheckSubcommand } from "./subcommand";

const TEXTS = {
  ru: {
    need: "Укажите исходные баллы и баллы комиссии: --original ФАЙЛ|ПАПКА --recheck ФАЙЛ|ПАПКА.",
    empty: (p: string) => `В папке «${p}» нет файлов .xlsx.`,
    missing: (p: string) => `Файла или папки «${p}» нет.`,
    blocked: "Отчёт о расхождениях не составлен:",
    summary: (r: DiscrepancyReport) =>
      `Работ сопоставлено: ${r.summary.works}; первичный балл изменился у ${r.summary.changed} (повышен ${r.summary.up}, понижен ${r.summary.down}), отметка — у ${r.summary.markChanged}; среднее изменение ${r.summary.meanChange ?? "—"}.`,
    marks: "Работы, у которых изменилась отметка:",
    mark: (w: DiscrepancyReport["works"][number]) => `  школа ${w.school}, ${w.subject}, ${w.grade} класс${w.class ? ` (${w.class})` : ""}, код ${w.code}: ${w.originalTotal} → ${w.recheckTotal}, отметка ${w.originalMark} → ${w.recheckMark}`,
    written: (file: string) => `Отчёт записан: ${file}.`,
    leftOut: (n: number) => `Не вошло в отчёт: ${n}`,
  },
  en: {
    need: "Give the original scores and the commission's: --original FILE|DIR --recheck FILE|DIR.",
    empty: (p: string) => `The folder "${p}" holds no .xlsx file.`,
    missing: (p: string) => `No file or folder "${p}".`,
    blocked: "The discrepancy report was not made:",
    summary: (r: DiscrepancyReport) =>
      `Works compared: ${r.summary.works}; primary score changed in ${r.summary.changed} (up ${r.summary.up}, down ${r.summary.down}), the mark in ${r.summary.markChanged}; mean change ${r.summary.meanChange ?? "—"}.`,
    marks: "Works whose mark changed:",
    mark: (w: DiscrepancyReport["works"][number]) => `  school ${w.school}, ${w.subject}, grade ${w.grade}${w.class ? ` (${w.class})` : ""}, code ${w.code}: ${w.originalTotal} → ${w.recheckTotal}, mark ${w.originalMark} → ${w.recheckMark}`,
    written: (file: string) => `Report written: ${file}.`,
    leftOut: (n: number) => `Left out of the report: ${n}`,
  },
};

/** The .xlsx files a path names: the file itself, or a folder's (not Office's lock files, not our backups). */
async function xlsxFiles(ctx: Ctx, given: string): Promise<string[]> {
  const t = TEXTS[ctx.lang ?? "ru"];
  const full = resolvePath(ctx, given);
  const stat = await fs.stat(full).catch(() => null);
  if (!stat) throw new CliError(EXIT_UNUSABLE, t.missing(given));
  if (!stat.isDirectory()) return [given];
  const names = (await fs.readdir(full)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$") && !/\.bak-\d{8}-\d{6}\.xlsx$/i.test(n)).sort();
  if (names.length === 0) throw new CliError(EXIT_UNUSABLE, t.empty(given));
  return names.map((n) => path.join(given, n));
}

async function readAll(ctx: Ctx, given: string): Promise<ReadFile[]> {
  const out: ReadFile[] = [];
  for (const file of await xlsxFiles(ctx, given)) out.push({ file, snapshot: await (await openWorkbook(ctx, file)).read(null) });
  return out;
}

export const reportSubcommand: RecheckSubcommand = {
  name: "report",
  usage: {
    ru: "vpr recheck report --original ФАЙЛ|ПАПКА --recheck ФАЙЛ|ПАПКА [--list СПИСОК] [--json] [--out ФАЙЛ] — расхождения исходных баллов и баллов комиссии: по работам, заданиям, школам и классам, с диаграммами",
    en: "vpr recheck report --original FILE|DIR --recheck FILE|DIR [--list LIST] [--json] [--out FILE] — discrepancies of the original and the commission's scores: per work, item, school and class, with charts",
  },
  run: async (ctx: Ctx, values: Values) => {
    const t = TEXTS[ctx.lang ?? "ru"];
    const originalArg = str(values.original);
    const recheckArg = str(values.recheck);
    if (!originalArg || !recheckArg) throw new CliError(EXIT_UNUSABLE, t.need);
    const list = values.list ? await readListArg(ctx, values) : undefined;
    const rechecks = await readAll(ctx, recheckArg);
    const originals = await readAll(ctx, originalArg);
    const { report, findings } = planDiscrepancyReport(originals, rechecks, list ? { file: list.file, entries: list.sample.sample } : undefined);
    if (!report || hasErrors(findings)) {
      ctx.io.err(t.blocked);
      printFindings(ctx, findings, "err");
      return EXIT_PROBLEMS;
    }
    const out = str(values.out);
    if (out) {
      const { writeNewWorkbook } = await import("../../workbook/recheck/recheckFiles");
      await writeFiles(ctx, path.dirname(out), [{ name: path.basename(out), bytes: await writeNewWorkbook(reportWorkbook(report)) }]);
    }
    if (values.json) {
      ctx.io.out(JSON.stringify(report, null, 2));
      return EXIT_OK;
    }
    ctx.io.out(t.summary(report));
    const marked = report.works.filter((w) => w.markChanged);
    if (marked.length > 0) {
      ctx.io.out(t.marks);
      for (const w of marked) ctx.io.out(t.mark(w));
    }
    if (out) ctx.io.out(t.written(out));
    if (report.findings.length > 0) {
      ctx.io.out(`${t.leftOut(report.findings.length)}:`);
      printFindings(ctx, report.findings);
    }
    printFindings(ctx, findings);
    return EXIT_OK;
  },
};
