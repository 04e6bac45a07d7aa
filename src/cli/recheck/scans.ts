// `vpr recheck scans <книга.xlsx> --list СПИСОК --folder ПАПКА [--json]`: the folder of scans
// against the school's works on the list (src/workbook/recheck/scans.ts): missing, extra, misnamed,
// not a PDF, empty — each said with the file and what to do. Exit 1 when any; nothing is written.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { hasErrors } from "../../core";
import { checkRecheckScans } from "../../workbook/recheck/schoolPackage";
import type { ScanEntry } from "../../workbook/recheck/scans";
import { one, str } from "../commands";
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, openCoordinatorWorkbook, printFindings, resolvePath } from "../io";
import { readListArg } from "./listArg";
import type { RecheckSubcommand } from "./subcommand";

const TEXTS = {
  ru: {
    needFolder: "Укажите папку со сканами: --folder ПАПКА.",
    noFolder: (dir: string, why: string) => `Папка со сканами «${dir}» не открывается (${why}). Ничего не проверено.`,
    problems: (n: number) => `Замечаний по сканам: ${n} — исправьте и проверьте снова:`,
    summary: (ready: number, expected: number, school: string) => `Сканов готово: ${ready} из ${expected} (школа ${school}).`,
    allGood: "Все сканы на месте и названы верно.",
    blocked: "Сканы не проверены:",
  },
  en: {
    needFolder: "Give the folder of scans: --folder DIR.",
    noFolder: (dir: string, why: string) => `The folder of scans "${dir}" cannot be opened (${why}). Nothing was checked.`,
    problems: (n: number) => `Problems with the scans: ${n} — fix them and check again (messages in Russian):`,
    summary: (ready: number, expected: number, school: string) => `Scans ready: ${ready} of ${expected} (school ${school}).`,
    allGood: "Every scan is there and named right.",
    blocked: "The scans were not checked:",
  },
};

/** Head bytes read per file: where a PDF's `%PDF-` must be. */
const HEAD = 1024;

async function readFolder(dir: string): Promise<ScanEntry[]> {
  const out: ScanEntry[] = [];
  for (const d of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, d.name);
    const stat = await fs.stat(full);
    if (!stat.isFile()) {
      out.push({ name: d.name, size: 0, isFile: false });
      continue;
    }
    const handle = await fs.open(full, "r");
    try {
      const head = new Uint8Array(Math.min(HEAD, stat.size));
      await handle.read(head, 0, head.length, 0);
      out.push({ name: d.name, size: stat.size, isFile: true, head });
    } finally {
      await handle.close();
    }
  }
  return out;
}

export const scansSubcommand: RecheckSubcommand = {
  name: "scans",
  usage: {
    ru: "vpr recheck scans <книга.xlsx> --list СПИСОК --folder ПАПКА [--json] — проверить папку сканов: нет скана, лишний файл, неверное имя, не PDF, пустой файл",
    en: "vpr recheck scans <book.xlsx> --list LIST --folder DIR [--json] — check the folder of scans: missing, extra, misnamed, not a PDF, empty",
  },
  run: async (ctx, values, positionals) => {
    const t = TEXTS[ctx.lang ?? "ru"];
    const file = one(ctx, positionals);
    const dir = str(values.folder);
    if (!dir) throw new CliError(EXIT_UNUSABLE, t.needFolder);
    const list = await readListArg(ctx, values);
    const backend = await openCoordinatorWorkbook(ctx, file);
    let entries: ScanEntry[];
    try {
      entries = await readFolder(resolvePath(ctx, dir));
    } catch (e) {
      throw new CliError(EXIT_UNUSABLE, t.noFolder(dir, e instanceof Error ? e.message : String(e)));
    }
    const r = await checkRecheckScans(backend, list, entries);
    if (values.json) {
      ctx.io.out(JSON.stringify({ school: r.school, expected: r.expected, ready: r.ready, problems: r.problems, findings: r.findings }, null, 2));
      return r.problems.length > 0 || hasErrors(r.findings) ? EXIT_PROBLEMS : EXIT_OK;
    }
    if (r.expected === 0 && hasErrors(r.findings)) {
      ctx.io.err(t.blocked);
      printFindings(ctx, r.findings, "err");
      return EXIT_PROBLEMS;
    }
    printFindings(ctx, r.findings);
    if (r.problems.length > 0) {
      ctx.io.out(t.problems(r.problems.length));
      for (const p of r.problems) ctx.io.out(`  ${p.message}`);
    }
    ctx.io.out(t.summary(r.ready, r.expected, r.school));
    if (r.problems.length > 0) return EXIT_PROBLEMS;
    ctx.io.out(t.allGood);
    return EXIT_OK;
  },
};
