// `vpr analyze <книга.xlsx> [--out ФАЙЛ] [--slips] [--json]`: the results analysis. Writes the analysis
// sheets into the workbook (backups and all-or-nothing as every command that changes a workbook),
// prints the school summary; with --json prints the statistics (docs/ANALYSIS.md) and writes nothing.
import type { WorkStatistics } from "../core";
import { analysisJson, analyze } from "../workbook/analysis";
import { finish, one, str, type Values } from "./commands";
import { EXIT_OK, openCoordinatorWorkbook, openWorkbookToChange, table, type Ctx } from "./io";

const TEXTS = {
  ru: {
    summary: "Итоги по работам (писали, средний первичный балл, отметки, успеваемость и качество, сравнение с журналом):",
    work: (w: WorkStatistics) => `${w.subject}, ${w.grade} класс (${w.workId}, максимум ${w.maxTotal})`,
    col: ["Класс", "Писали", "Ср. балл", "«2»", "«3»", "«4»", "«5»", "Успев., %", "Кач., %", "Ниже журн.", "Как в журн.", "Выше журн."],
    grade: "Параллель",
    small: "меньше 10 писавших",
    noWorks: "Нет работ с листами для баллов: анализировать нечего.",
    sheets: (n: number, slips: boolean) =>
      `Листы анализа: ${n} (сводка «Анализ», по листу на работу, «Результаты учеников»${slips ? " и «Результаты для родителей»" : ""} — с ФИО, только для школы).${slips ? "" : " Листки для родителей: vpr analyze … --slips."}`,
  },
  en: {
    summary: "Results per work (wrote, mean primary score, marks, pass and quality rates, journal comparison):",
    work: (w: WorkStatistics) => `${w.subject}, grade ${w.grade} (${w.workId}, maximum ${w.maxTotal})`,
    col: ["Class", "Wrote", "Mean", "“2”", "“3”", "“4”", "“5”", "Pass, %", "Quality, %", "Below", "Same", "Above"],
    grade: "Grade",
    small: "fewer than 10 wrote",
    noWorks: "No work has score sheets: nothing to analyse.",
    sheets: (n: number, slips: boolean) =>
      `Analysis sheets: ${n} (summary «Анализ», one per work, the results by name${slips ? " and the slips for parents" : ""}, for the school only).${slips ? "" : " Slips for parents: vpr analyze … --slips."}`,
  },
};

const dash = (v: number | null | undefined): string | number => (v === null || v === undefined ? "—" : v);

/** The school summary as text tables, one per work: also the end of `vpr demo`. */
export function printSummary(ctx: Ctx, works: readonly WorkStatistics[]): void {
  const t = TEXTS[ctx.lang ?? "ru"];
  if (works.length === 0) {
    ctx.io.out(t.noWorks);
    return;
  }
  ctx.io.out(t.summary);
  for (const w of works) {
    ctx.io.out("");
    ctx.io.out(`  ${t.work(w)}`);
    const rows = w.groups.map((g) => [
      `${g.class ?? t.grade}${g.size === "small" && g.class !== null ? " *" : ""}`,
      g.wrote,
      dash(g.meanScore),
      dash(g.marks?.["2"]),
      dash(g.marks?.["3"]),
      dash(g.marks?.["4"]),
      dash(g.marks?.["5"]),
      dash(g.successRate),
      dash(g.qualityRate),
      dash(g.journal?.lower),
      dash(g.journal?.same),
      dash(g.journal?.higher),
    ]);
    table(t.col, rows).forEach((l) => ctx.io.out(`    ${l}`));
  }
  if (works.some((w) => w.groups.some((g) => g.size === "small" && g.class !== null))) ctx.io.out(`  * ${t.small}`);
}

export async function cmdAnalyze(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const file = one(ctx, positionals);
  if (values.json) {
    const result = await analyze(await openCoordinatorWorkbook(ctx, file), { write: false });
    ctx.io.out(JSON.stringify(analysisJson(result.data), null, 2));
    return EXIT_OK;
  }
  const out = str(values.out);
  const opened = await openWorkbookToChange(ctx, file, out);
  const result = await analyze(opened.backend, { slips: values.slips === true });
  const t = TEXTS[ctx.lang ?? "ru"];
  return finish(ctx, result, [], opened, file, out, () => {
    printSummary(ctx, result.data.works.map((w) => w.statistics));
    ctx.io.out("");
    ctx.io.out(t.sheets(result.sheets.length, values.slips === true));
  });
}
