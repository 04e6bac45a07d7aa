// What the commands share: output, exit codes, opening and saving workbooks through
// src/workbook/file/node/ (refused while the file is open in LibreOffice or Excel, read-only or
// changed since it was opened; a dated backup of the previous version; a temporary file then a
// rename).
import * as path from "node:path";
import { describeFinding, type Finding } from "../core";
import type { FileBackend } from "../workbook/file/FileBackend";
import { UnreadableWorkbookError } from "../workbook/file/errors";
import { uploadFormSign } from "../workbook/formDetector";
import { FileError, checkWritable, newWorkbookAt, openWorkbookFile, saveOpenedWorkbook, saveWorkbookAs, type OpenedWorkbook, type SaveResult } from "../workbook/file/node/index";
import type { Lang, Texts } from "./messages";

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
  /** For commands that keep their own texts (src/cli/analyze.ts). */
  lang?: Lang;
}

export const resolvePath = (ctx: Ctx, file: string): string => path.resolve(ctx.io.cwd, file);

/** A file problem (FileError) or an unreadable workbook as a CliError (exit 2) in the chosen language. */
export function fileFailure(ctx: Ctx, file: string, e: unknown, written: "nothing" | "none" = "none"): CliError | null {
  if (e instanceof UnreadableWorkbookError) return new CliError(EXIT_UNUSABLE, ctx.t.unreadable(file, e.reason, e.message));
  if (e instanceof FileError) {
    const tail = e.folder !== undefined ? ctx.t.folderUnchanged(shown(ctx, e.folder)) : written === "nothing" ? ctx.t.nothingWritten : "";
    return new CliError(EXIT_UNUSABLE, [ctx.t.fileError(e.info(), e.message), tail].filter(Boolean).join(" "));
  }
  return null;
}

/** Open an .xlsx to read it; anything unreadable becomes exit code 2 with the reason in the chosen language. */
export async function openWorkbook(ctx: Ctx, file: string): Promise<FileBackend> {
  try {
    return (await openWorkbookFile(resolvePath(ctx, file))).backend;
  } catch (e) {
    throw fileFailure(ctx, file, e) ?? e;
  }
}

/**
 * Refuses (exit 2, nothing written) an upload form for FIS OKO given where the coordinator's
 * workbook is expected (src/workbook/formDetector.ts, the same test as the task pane's).
 */
export async function refuseUploadForm(ctx: Ctx, backend: FileBackend, file: string): Promise<void> {
  const sign = await uploadFormSign(backend);
  if (sign) throw new CliError(EXIT_UNUSABLE, ctx.t.uploadFormGiven(file, sign));
}

/** Open the coordinator's workbook to read it: openWorkbook, and an upload form is refused. */
export async function openCoordinatorWorkbook(ctx: Ctx, file: string): Promise<FileBackend> {
  const backend = await openWorkbook(ctx, file);
  await refuseUploadForm(ctx, backend, file);
  return backend;
}

/**
 * Open the coordinator's .xlsx that a command will write back (or write to `out`): the back end and
 * the stamp the save compares against. The target is checked at once — open in LibreOffice or
 * Excel, read-only, a folder — so the user hears «close the file» before any work is done (the save
 * checks again); an upload form for FIS OKO is refused before anything is done.
 */
export async function openWorkbookToChange(ctx: Ctx, file: string, out: string | undefined): Promise<OpenedWorkbook> {
  let opened: OpenedWorkbook;
  try {
    opened = await openWorkbookFile(resolvePath(ctx, file));
  } catch (e) {
    throw fileFailure(ctx, file, e, "nothing") ?? e;
  }
  await refuseUploadForm(ctx, opened.backend, file);
  try {
    await checkWritable(resolvePath(ctx, out ?? file));
    return opened;
  } catch (e) {
    throw fileFailure(ctx, file, e, "nothing") ?? e;
  }
}

/** A workbook to be made at `file` (which does not exist yet), checked like openWorkbookToChange. */
export async function newWorkbook(ctx: Ctx, file: string, out: string | undefined): Promise<OpenedWorkbook> {
  try {
    await checkWritable(resolvePath(ctx, out ?? file));
  } catch (e) {
    throw fileFailure(ctx, file, e, "nothing") ?? e;
  }
  return newWorkbookAt(resolvePath(ctx, file));
}

function shown(ctx: Ctx, p: string): string {
  return path.relative(ctx.io.cwd, p) || p;
}

/**
 * Write the workbook: to `out` when given (temporary file, then rename), else over the file it was
 * opened from after a dated backup of its previous version. Refused (exit 2, nothing written) while
 * the target is open in LibreOffice or Excel, read-only, or — in place — changed since it was opened.
 * Prints what was saved and the backups kept. Returns the save result (null for `--out`).
 */
export async function saveWorkbook(ctx: Ctx, opened: OpenedWorkbook, file: string, out: string | undefined): Promise<SaveResult | null> {
  const { backend, stamp } = opened;
  const target = resolvePath(ctx, out ?? file);
  const inPlace = target === stamp.path;
  const shownName = out ?? file;
  try {
    const bytes = await backend.toBytes();
    if (!inPlace) {
      await saveWorkbookAs(target, bytes);
      ctx.io.out(ctx.t.saved(shownName));
      return null;
    }
    const result = await saveOpenedWorkbook(stamp, bytes);
    ctx.io.out(ctx.t.saved(shownName));
    if (result.backup) {
      ctx.io.out(ctx.t.backup(shown(ctx, result.backup)));
      ctx.io.out(ctx.t.backupsKept(result.backups.map((b) => shown(ctx, b))));
    }
    if (result.pruneFailed.length > 0) ctx.io.err(ctx.t.backupsNotPruned(result.pruneFailed.map((b) => shown(ctx, b))));
    return result;
  } catch (e) {
    throw fileFailure(ctx, shownName, e, "nothing") ?? new CliError(EXIT_UNUSABLE, ctx.t.saveFailed(e instanceof Error ? e.message : String(e)));
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
