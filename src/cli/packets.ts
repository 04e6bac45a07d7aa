// `vpr packets <книга.xlsx> --out ПАПКА [--by class]`: packets for experts (score sheets and the
// instructions, no names), written all or none. `vpr merge <книга.xlsx> <пакет.xlsx>… [--yes]
// [--out ФАЙЛ]`: the experts' scores merged back; without --yes a cell that already holds another
// value keeps ours and is listed (exit 1), with --yes the packet's value replaces it.
import { hasErrors } from "../core";
import { buildPackets, describeConflict, mergePackets, type PacketConflict, type PacketInput } from "../workbook/packets";
import { finish, str, writeFiles, type Values } from "./commands";
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, openCoordinatorWorkbook, openWorkbook, openWorkbookToChange, printFindings, table, type Ctx } from "./io";

const TEXTS = {
  ru: {
    needOut: "Укажите папку для пакетов: --out ПАПКА.",
    badBy: (v: string) => `Неверное значение --by «${v}»: можно work (файл на работу) или class (файл на класс и работу).`,
    needPackets: "Укажите файлы пакетов, которые вернули эксперты: vpr merge <книга.xlsx> <пакет.xlsx>…",
    col: { file: "Файл", sheets: "Листы", rows: "Строк" },
    written: (n: number, dir: string) => `Пакетов для экспертов: ${n}, в папке ${dir}. В них только коды, варианты и баллы — ФИО нет.`,
    blocked: "Пакеты не созданы:",
    filled: (n: number, sheets: string[]) => `Принято баллов в пустые ячейки: ${n}${sheets.length > 0 ? ` (листы ${sheets.map((s) => `«${s}»`).join(", ")})` : ""}.`,
    conflictsKept: (n: number) => `Расхождений: ${n} — в этих ячейках книги уже другое значение, оно оставлено (заменить значениями из пакетов: --yes):`,
    conflictsReplaced: (n: number) => `Расхождений: ${n} — заменены значениями из пакетов (--yes):`,
  },
  en: {
    needOut: "Give the folder for the packets: --out DIR.",
    badBy: (v: string) => `Wrong value of --by "${v}": work (a file per work) or class (a file per class and work).`,
    needPackets: "Give the packet files the experts returned: vpr merge <book.xlsx> <packet.xlsx>…",
    col: { file: "File", sheets: "Sheets", rows: "Rows" },
    written: (n: number, dir: string) => `Packets for experts: ${n}, in ${dir}. They hold codes, variants and scores only — no names.`,
    blocked: "No packets made:",
    filled: (n: number, sheets: string[]) => `Scores taken into empty cells: ${n}${sheets.length > 0 ? ` (sheets ${sheets.map((s) => `«${s}»`).join(", ")})` : ""}.`,
    conflictsKept: (n: number) => `Conflicts: ${n} — these cells of the workbook already hold another value, which is kept (to take the packets' values: --yes):`,
    conflictsReplaced: (n: number) => `Conflicts: ${n} — replaced by the packets' values (--yes):`,
  },
};

export async function cmdPackets(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const t = TEXTS[ctx.lang ?? "ru"];
  if (positionals.length !== 1) throw new CliError(EXIT_UNUSABLE, positionals.length === 0 ? ctx.t.needWorkbook : ctx.t.tooManyFiles(positionals.slice(1).join(" ")));
  const outDir = str(values.out);
  if (!outDir) throw new CliError(EXIT_UNUSABLE, t.needOut);
  const by = str(values.by) ?? "work";
  if (by !== "work" && by !== "class") throw new CliError(EXIT_UNUSABLE, t.badBy(by));
  const backend = await openCoordinatorWorkbook(ctx, positionals[0]);
  const { files, findings } = await buildPackets(backend, { by });
  if (hasErrors(findings) || files.length === 0) {
    ctx.io.err(t.blocked);
    printFindings(ctx, findings);
    return EXIT_PROBLEMS;
  }
  const written = await writeFiles(ctx, outDir, files.map((f) => ({ name: f.fileName, bytes: f.bytes })));
  const sheetsOf = new Map(files.map((f) => [f.fileName, f.packet]));
  for (const line of table([t.col.file, t.col.sheets, t.col.rows], written.map((w) => [w.name, sheetsOf.get(w.name)!.sheets.join(", "), sheetsOf.get(w.name)!.rows]))) ctx.io.out(line);
  ctx.io.out(t.written(written.length, outDir));
  printFindings(ctx, findings);
  return EXIT_OK;
}

export async function cmdMerge(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const t = TEXTS[ctx.lang ?? "ru"];
  if (positionals.length === 0) throw new CliError(EXIT_UNUSABLE, ctx.t.needWorkbook);
  if (positionals.length === 1) throw new CliError(EXIT_UNUSABLE, t.needPackets);
  const [file, ...packetFiles] = positionals;
  const out = str(values.out);
  const opened = await openWorkbookToChange(ctx, file, out);
  const packets: PacketInput[] = [];
  for (const p of packetFiles) packets.push({ fileName: p, snapshot: await (await openWorkbook(ctx, p)).read(null) });
  const yes = values.yes === true;
  const result = await mergePackets(opened.backend, packets, { confirm: () => yes });
  const list = (conflicts: readonly PacketConflict[]) => conflicts.forEach((c) => ctx.io.out(`  ${describeConflict(c)}`));
  const code = await finish(ctx, result, [], opened, file, out, () => {
    ctx.io.out(t.filled(result.filled, result.sheets.filter((s) => s.filled > 0).map((s) => s.sheet)));
    if (result.conflicts.length === 0) return;
    ctx.io.out(result.overwritten ? t.conflictsReplaced(result.conflicts.length) : t.conflictsKept(result.conflicts.length));
    list(result.conflicts);
  });
  return code === EXIT_OK && result.conflicts.length > 0 && !result.overwritten ? EXIT_PROBLEMS : code;
}
