// What the commands share: output, exit codes, opening and saving workbooks through
// src/workbook/file/node.ts (temporary file then rename; the previous version kept as .bak.xlsx).
import * as path from "node:path";
import { describeFinding, type Finding } from "../core";
import type { FileBackend } from "../workbook/file/FileBackend";
import { UnreadableWorkbookError } from "../workbook/file/errors";
import { openWorkbookFile, saveWithBackup, writeFileAtomic } from "../workbook/file/node";
import type { Texts } from "./messages";

export const EXIT_OK = 0;
/** The workbook has errors, or the operation was refused: nothing written. */
export const EXIT_PROBLEMS = 1;
/** Bad options, or a file that cannot be read or written. */
export const EXIT_UNUSABLE = 2;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Relative paths are resolved against this folder. */
  cwd: string;
}

/** A refusal with a message for the user (stderr) and an exit code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export interface Ctx {
  io: Io;
  t: Texts;
}

export const resolvePath = (ctx: Ctx, file: string): string => path.resolve(ctx.io.cwd, file);

/** Open an .xlsx; anything unreadable becomes exit code 2 with the reason in the chosen language. */
export async function openWorkbook(ctx: Ctx, file: string): Promise<FileBackend> {
  try {
    return await openWorkbookFile(resolvePath(ctx, file));
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw new CliError(EXIT_UNUSABLE, ctx.t.unreadable(file, e.reason, e.message));
    throw e;
  }
}

/**
 * Write the workbook: to `out` when given (temporary file, then rename), else over `file` after
 * copying its previous version to `<name>.bak.xlsx`. Returns the backup path, if one was made.
 */
export async function saveWorkbook(ctx: Ctx, backend: FileBackend, file: string, out: string | undefined): Promise<string | null> {
  if (backend.lossyFeatures.length > 0) ctx.io.err(ctx.t.lossy([...backend.lossyFeatures]));
  const target = resolvePath(ctx, out ?? file);
  const inPlace = target === resolvePath(ctx, file);
  try {
    const bytes = await backend.toBytes();
    const backup = inPlace ? await saveWithBackup(target, bytes) : (await writeFileAtomic(target, bytes), null);
    ctx.io.out(ctx.t.saved(out ?? file));
    if (backup) ctx.io.out(ctx.t.backup(path.relative(ctx.io.cwd, backup) || backup));
    return backup;
  } catch (e) {
    throw new CliError(EXIT_UNUSABLE, ctx.t.saveFailed(e instanceof Error ? e.message : String(e)));
  }
}

/** Errors first, then warnings, each as "'лист'!ячейка: сообщение". */
export function printFindings(ctx: Ctx, findings: readonly Finding[], stream: "out" | "err" = "out"): void {
  const print = (line: string) => (stream === "out" ? ctx.io.out(line) : ctx.io.err(line));
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity !== "error");
  if (errors.length > 0) {
    print(ctx.t.errorsHeading(errors.length));
    errors.forEach((f) => print(describeFinding(f)));
  }
  if (warnings.length > 0) {
    print(ctx.t.warningsHeading(warnings.length));
    warnings.forEach((f) => print(describeFinding(f)));
  }
}

/** A plain text table: columns padded with spaces, numbers aligned right. */
export function table(header: string[], rows: (string | number)[][]): string[] {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === "number"));
  const line = (r: string[]) =>
    r
      .map((v, c) => (numeric[c] ? v.padStart(widths[c]) : v.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)];
}
