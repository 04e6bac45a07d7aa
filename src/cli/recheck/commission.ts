// `vpr recheck commission [книга.xlsx] --list СПИСОК --out ФАЙЛ`: the commission's protocol — a
// sheet per work of the list with codes and variants only, empty score cells with the score
// sheets' lists and highlights, and «Инструкция» (src/workbook/recheck/commission.ts). The works
// come from the catalogue, or from «Критерии» of the coordinator's workbook when one is given.
import * as path from "node:path";
import { hasErrors, type Finding, type WorkDefinition } from "../../core";
import { readCriteria } from "../../workbook/inputs";
import { planCommission } from "../../workbook/recheck/commission";
import { str, writeFiles } from "../commands";
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, openWorkbook, printFindings, table } from "../io";
import { readListArg } from "./listArg";
import type { RecheckSubcommand } from "./subcommand";

const TEXTS = {
  ru: {
    needOut: "Укажите файл протокола комиссии: --out ФАЙЛ.xlsx.",
    tooMany: (extra: string) => `Лишние аргументы: ${extra}. Книга координатора (для листа «Критерии») — одна.`,
    blocked: "Протокол комиссии не создан:",
    col: { sheet: "Лист", work: "Работа", rows: "Работ", schools: "Школ" },
    written: (file: string, n: number) => `Протокол комиссии: ${file}, работ: ${n}. В нём коды, варианты и пустые ячейки для баллов — ни исходных баллов, ни ФИО.`,
  },
  en: {
    needOut: "Give the file of the commission's protocol: --out FILE.xlsx.",
    tooMany: (extra: string) => `Extra arguments: ${extra}. One coordinator's workbook at most (for its «Критерии»).`,
    blocked: "The commission's protocol was not made:",
    col: { sheet: "Sheet", work: "Work", rows: "Works", schools: "Schools" },
    written: (file: string, n: number) => `The commission's protocol: ${file}, works: ${n}. Codes, variants and empty score cells — no original scores, no names.`,
  },
};

export const commissionSubcommand: RecheckSubcommand = {
  name: "commission",
  usage: {
    ru: "vpr recheck commission [книга.xlsx] --list СПИСОК --out ФАЙЛ — протокол комиссии: коды и варианты без исходных баллов, пустые ячейки с проверкой как на листах для баллов (работы — из каталога или с листа «Критерии» книги)",
    en: "vpr recheck commission [book.xlsx] --list LIST --out FILE — the commission's protocol: codes and variants without the original scores, empty cells checked as on score sheets (works from the catalogue or the book's «Критерии»)",
  },
  run: async (ctx, values, positionals) => {
    const t = TEXTS[ctx.lang ?? "ru"];
    const out = str(values.out);
    if (!out) throw new CliError(EXIT_UNUSABLE, t.needOut);
    if (positionals.length > 1) throw new CliError(EXIT_UNUSABLE, t.tooMany(positionals.slice(1).join(" ")));
    const list = await readListArg(ctx, values);
    const findings: Finding[] = [];
    let works: WorkDefinition[] = [];
    if (positionals.length === 1) {
      const snapshot = await (await openWorkbook(ctx, positionals[0])).read(null);
      // Only «Критерии» is read: the roster, codes and scores of the book never reach the protocol.
      works = readCriteria(snapshot, findings);
    }
    const plan = planCommission(list.sample, works, list.file);
    findings.push(...plan.findings);
    if (!plan.workbook || hasErrors(plan.findings)) {
      ctx.io.err(t.blocked);
      printFindings(ctx, findings, "err");
      return EXIT_PROBLEMS;
    }
    const { writeNewWorkbook } = await import("../../workbook/recheck/recheckFiles");
    const bytes = await writeNewWorkbook(plan.workbook);
    await writeFiles(ctx, path.dirname(out), [{ name: path.basename(out), bytes }]);
    for (const line of table([t.col.sheet, t.col.work, t.col.rows, t.col.schools], plan.sheets.map((s) => [s.name, s.work.id, s.rows, s.schools.length]))) ctx.io.out(line);
    ctx.io.out(t.written(out, plan.sheets.reduce((n, s) => n + s.rows, 0)));
    printFindings(ctx, findings);
    return EXIT_OK;
  },
};
