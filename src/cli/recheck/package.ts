// `vpr recheck package <книга.xlsx> --list СПИСОК --out ПАПКА`: the school's package for a
// re-check — the checklist «Перепроверка» written into the workbook (saved with a dated backup;
// a re-run keeps the ticks) and the electronic protocol `<Код ОО>_перепроверка_протокол.xlsx`
// (codes, variants, original scores, no names) written into the folder.
import { buildRecheckPackage } from "../../workbook/recheck/schoolPackage";
import { CHECKLIST_SHEET } from "../../workbook/recheck/checklistSheet";
import { one, str, writeFiles } from "../commands";
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, openWorkbookToChange, printFindings, saveWorkbook, type Ctx } from "../io";
import { readListArg } from "./listArg";
import type { RecheckSubcommand } from "./subcommand";

const TEXTS = {
  ru: {
    needOut: "Укажите папку для протокола: --out ПАПКА.",
    blocked: "Пакет для перепроверки не сделан, книга не изменена:",
    works: (n: number, scans: number, others: number) => `Работ школы в списке: ${n}, сканов нужно: ${scans}${others > 0 ? ` (работ других школ в списке: ${others})` : ""}.`,
    checklist: (created: boolean) => (created ? `Лист «${CHECKLIST_SHEET}» создан: отмечайте «Скан готов» и «Отправлено».` : `Лист «${CHECKLIST_SHEET}» дополнен; отметки «Скан готов» и «Отправлено» сохранены.`),
    protocol: (file: string, rows: number, dir: string) => `Протокол перепроверки «${file}» (работ: ${rows}, без ФИО) — в папке ${dir}.`,
    noProtocol: "Протокол не сделан: ни у одной работы школы из списка нет баллов на листах (см. предупреждения).",
  },
  en: {
    needOut: "Give the folder for the protocol: --out DIR.",
    blocked: "The re-check package was not made; the workbook is unchanged:",
    works: (n: number, scans: number, others: number) => `The school's works on the list: ${n}, scans needed: ${scans}${others > 0 ? ` (other schools' works on the list: ${others})` : ""}.`,
    checklist: (created: boolean) => (created ? `Sheet «${CHECKLIST_SHEET}» created: tick «Скан готов» and «Отправлено».` : `Sheet «${CHECKLIST_SHEET}» updated; the ticks «Скан готов» and «Отправлено» are kept.`),
    protocol: (file: string, rows: number, dir: string) => `Re-check protocol "${file}" (works: ${rows}, no names) — in ${dir}.`,
    noProtocol: "No protocol: none of the school's works on the list has scores on the sheets (see the warnings).",
  },
};

async function run(ctx: Ctx, values: Parameters<RecheckSubcommand["run"]>[1], positionals: string[]): Promise<number> {
  const t = TEXTS[ctx.lang ?? "ru"];
  const file = one(ctx, positionals);
  const dir = str(values.out);
  if (!dir) throw new CliError(EXIT_UNUSABLE, t.needOut);
  const list = await readListArg(ctx, values);
  const opened = await openWorkbookToChange(ctx, file, undefined);
  const r = await buildRecheckPackage(opened.backend, list);
  if (r.status !== "done") {
    ctx.io.err(t.blocked);
    printFindings(ctx, r.findings, "err");
    return EXIT_PROBLEMS;
  }
  ctx.io.out(t.works(r.works.length, r.works.filter((w) => w.status !== "absent").length, list.sample.sample.length - r.works.length));
  // The protocol first: a folder that cannot take it leaves the workbook as it was.
  if (r.protocol) await writeFiles(ctx, dir, [{ name: r.protocol.fileName, bytes: r.protocol.bytes }]);
  await saveWorkbook(ctx, opened, file, undefined);
  ctx.io.out(t.checklist(r.created.length > 0));
  ctx.io.out(r.protocol ? t.protocol(r.protocol.fileName, r.protocol.rows, dir) : t.noProtocol);
  printFindings(ctx, r.findings);
  return EXIT_OK;
}

export const packageSubcommand: RecheckSubcommand = {
  name: "package",
  usage: {
    ru: "vpr recheck package <книга.xlsx> --list СПИСОК --out ПАПКА — чек-лист «Перепроверка» в книге и протокол работ из списка (<Код ОО>_перепроверка_протокол.xlsx, без ФИО)",
    en: "vpr recheck package <book.xlsx> --list LIST --out DIR — the checklist «Перепроверка» in the workbook and the protocol of the listed works (<school>_перепроверка_протокол.xlsx, no names)",
  },
  run,
};
