// The commands over .xlsx files. Each one: open the workbook (exit 2 when it cannot be read), run
// the same operation as the add-in (src/workbook/operations.ts), print what happened, and write
// the workbook back only when the operation was done (exit 1 and nothing written otherwise).
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { CATALOGUE, cryptoRandom, describeFinding, findWork, hasErrors, sameSheetName, seededRandom, type Random } from "../core";
import { CRITERIA_SHEET } from "../workbook/contract";
import { formsOfWorks, type UploadForm } from "../workbook/forms";
import { addWorks, buildUploads, check, createInputSheets, makeCodes, makeScoreSheets, readAll, removeNames, type OperationOptions, type OperationResult } from "../workbook/operations";
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, fileFailure, newWorkbook, openCoordinatorWorkbook, openWorkbook, openWorkbookToChange, printFindings, resolvePath, saveWorkbook, table, type Ctx } from "./io";
import { planImportCodes } from "../workbook/importCodes";
import { applyWritePlan } from "../workbook/planCheck";
import { readCodesFile } from "./pool";
import type { WorkbookBackend } from "../workbook/backend";
import { planRemoveNames } from "../workbook/removeNames";
import { retentionStatus } from "../workbook/retention";
import { changeText } from "../workbook/fingerprint/changeText";
import { legacyBackupPath, listBackups, readFileBytes, writeAllOrNone, type OpenedWorkbook } from "../workbook/file/node/index";

export type Values = Record<string, string | boolean | string[] | undefined>;

export const KNOWN_WORKS = CATALOGUE.map((w) => w.id);

export function one(ctx: Ctx, positionals: string[]): string {
  if (positionals.length === 0) throw new CliError(EXIT_UNUSABLE, ctx.t.needWorkbook);
  if (positionals.length > 1) throw new CliError(EXIT_UNUSABLE, ctx.t.tooManyFiles(positionals.slice(1).join(" ")));
  return positionals[0];
}

export const str = (v: Values[string]): string | undefined => (typeof v === "string" ? v : undefined);

export function parseSeed(ctx: Ctx, v: Values[string]): number | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  if (!/^\d{1,10}$/.test(s)) throw new CliError(EXIT_UNUSABLE, ctx.t.badArgs(`--seed ${s}`));
  return Number(s);
}

/** The replace policy: replace and say so (default), or refuse with --no-replace. */
function replacePolicy(values: Values): { options: Pick<OperationOptions, "confirmReplace">; refused: () => string[] } {
  let refused: string[] = [];
  return {
    options: values["no-replace"] ? { confirmReplace: (names) => ((refused = names), false) } : {},
    refused: () => refused,
  };
}

/** Common ending of the commands that change a workbook. */
export async function finish(ctx: Ctx, result: OperationResult, refused: string[], opened: OpenedWorkbook, file: string, out: string | undefined, report: () => void): Promise<number> {
  if (result.status === "blocked") {
    ctx.io.err(ctx.t.blocked);
    printFindings(ctx, result.findings);
    return EXIT_PROBLEMS;
  }
  if (result.status === "cancelled") {
    ctx.io.err(ctx.t.refusedReplace(refused));
    return EXIT_PROBLEMS;
  }
  report();
  if (result.created.length > 0) ctx.io.out(ctx.t.createdSheets(result.created));
  if (result.replaced.length > 0) ctx.io.out(ctx.t.replacedSheets(result.replaced));
  const merged = result.merged ?? [];
  if (merged.length > 0) ctx.io.out(ctx.t.mergedSheets(merged));
  printFindings(ctx, result.findings);
  if (result.created.length + result.replaced.length + merged.length + result.cellsWritten === 0) {
    ctx.io.out(ctx.t.nothingChanged);
    return EXIT_OK;
  }
  await saveWorkbook(ctx, opened, file, out);
  return EXIT_OK;
}

export async function cmdInit(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const file = one(ctx, positionals);
  const school = str(values.school);
  const year = str(values.year);
  if (school !== undefined && !/^\d{6}$/.test(school.trim())) throw new CliError(EXIT_UNUSABLE, ctx.t.badSchool(school));
  if (year !== undefined && !/^\d{4}$/.test(year.trim())) throw new CliError(EXIT_UNUSABLE, ctx.t.badYear(year));
  const works = (str(values.works) ?? "")
    .split(/[,;\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  const unknown = works.filter((w) => !findWork(w));
  if (unknown.length > 0) throw new CliError(EXIT_UNUSABLE, ctx.t.unknownWorks(unknown, KNOWN_WORKS));
  let exists = false;
  try {
    await fs.stat(resolvePath(ctx, file));
    exists = true;
  } catch {
    exists = false;
  }
  // A new workbook is an .xlsx; an existing .xlsm is kept as .xlsm.
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".xlsx" && !(exists && ext === ".xlsm")) throw new CliError(EXIT_UNUSABLE, ctx.t.unreadable(file, "not-xlsx", `«${path.basename(file)}» — не книга Excel: нужен файл с расширением .xlsx.`));
  const opened = exists ? await openWorkbookToChange(ctx, file, str(values.out)) : await newWorkbook(ctx, file, str(values.out));
  const backend = opened.backend;
  const ids = works.map((w) => findWork(w)!.id);
  const result = await createInputSheets(backend, { school: school?.trim(), schoolName: str(values["school-name"]), year: year?.trim(), works: ids });
  if (result.skipped.length > 0) ctx.io.out(ctx.t.initSkipped(result.skipped));
  // An existing «Критерии» is the coordinator's: the chosen works are added below what is there.
  let more: Awaited<ReturnType<typeof addWorks>> | null = null;
  if (result.status === "done" && ids.length > 0 && result.skipped.some((n) => sameSheetName(n, CRITERIA_SHEET))) {
    more = await addWorks(backend, ids);
    if (more.status !== "done") return finish(ctx, more, [], opened, file, str(values.out), () => undefined);
  }
  const combined = more ? { ...result, findings: [...result.findings, ...more.findings], cellsWritten: result.cellsWritten + more.cellsWritten } : result;
  const code = await finish(ctx, combined, [], opened, file, str(values.out), () => {
    if (more && more.added.length > 0) ctx.io.out(ctx.t.worksAdded(more.added));
    if (more && more.present.length > 0) ctx.io.out(ctx.t.worksPresent(more.present));
  });
  if (code === EXIT_OK && result.created.length > 0) {
    if (works.length === 0) ctx.io.out(ctx.t.worksHint(KNOWN_WORKS));
    ctx.io.out(ctx.t.initNext(str(values.out) ?? file));
  }
  return code;
}

export async function cmdCodes(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const file = one(ctx, positionals);
  const seed = parseSeed(ctx, values.seed);
  const opened = await openWorkbookToChange(ctx, file, str(values.out));
  const backend = opened.backend;
  const codesFile = str(values.codes);
  let imported = 0;
  if (codesFile !== undefined) {
    const { codes, duplicates, from } = await readCodesFile(ctx, codesFile);
    ctx.io.out(ctx.t.codesFileFrom(codesFile, from, codes.length));
    if (duplicates > 0) ctx.io.err(ctx.t.codesDuplicates(duplicates));
    // The same planner as the task pane's import: «Коды» is written only while it holds no code.
    const snapshot = await readAll(backend);
    const decision = planImportCodes(snapshot, codes);
    const refusal = decision.findings.find((f) => f.severity === "error");
    if (refusal) throw new CliError(EXIT_PROBLEMS, `${describeFinding(refusal)}. ${ctx.t.nothingWritten}`);
    if (decision.same) ctx.io.out(ctx.t.poolSame);
    else {
      await applyWritePlan(backend, decision.plan, snapshot.sheetNames); // in memory only: saved together with the codes, or not at all
      imported = codes.length;
    }
  }
  const random: Random = seed === undefined ? cryptoRandom() : seededRandom(seed);
  const policy = replacePolicy(values);
  const result = await makeCodes(backend, { random, ...policy.options });
  return finish(ctx, { ...result, cellsWritten: result.cellsWritten + imported }, policy.refused(), opened, file, str(values.out), () => {
    if (imported > 0) ctx.io.out(ctx.t.poolImported(imported));
    ctx.io.out(result.assigned > 0 ? ctx.t.codesAssigned(result.assigned) : ctx.t.codesNone);
  });
}

export async function cmdSheets(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const file = one(ctx, positionals);
  const opened = await openWorkbookToChange(ctx, file, str(values.out));
  const backend = opened.backend;
  const policy = replacePolicy(values);
  const result = await makeScoreSheets(backend, { ...policy.options, archiveScores: values.archive === true });
  return finish(ctx, result, policy.refused(), opened, file, str(values.out), () => {
    for (const s of result.sheets) ctx.io.out(ctx.t.sheetLine(s.name, s.rows, s.kept));
    ctx.io.out(ctx.t.sheetsDone(result.sheets.length));
  });
}

export async function cmdCheck(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const file = one(ctx, positionals);
  const backend = await openCoordinatorWorkbook(ctx, file);
  const { findings, counts, forms } = await check(backend);
  const failed = hasErrors(findings);
  if (values.json) {
    const rows = findings.map((f) => ({ sheet: f.sheet ?? null, cell: f.cell ?? null, code: f.code, message: f.message, severity: f.severity }));
    ctx.io.out(JSON.stringify(rows, null, 2));
    return failed ? EXIT_PROBLEMS : EXIT_OK;
  }
  printFindings(ctx, findings);
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  ctx.io.out(failed ? ctx.t.checkSummary(errors, warnings) : ctx.t.checkClean(counts.length, warnings));
  printForms(ctx, forms);
  await remindRetention(ctx, backend, file);
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}

export async function cmdUpload(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const file = one(ctx, positionals);
  const outDir = str(values.out);
  if (!outDir) throw new CliError(EXIT_UNUSABLE, ctx.t.needOut);
  // The upload records its rows in «Журнал баллов», so the workbook is saved too: checked for writing at once.
  const opened = await openWorkbookToChange(ctx, file, undefined);
  const backend = opened.backend;
  const forms: Uint8Array[] = [];
  for (const form of (values.form as string[] | undefined) ?? []) {
    await openWorkbook(ctx, form); // a clear message (and exit 2) for a form that cannot be read
    try {
      forms.push(await readFileBytes(resolvePath(ctx, form)));
    } catch (e) {
      throw fileFailure(ctx, form, e) ?? e;
    }
  }
  // Each form is built when its own work is ready (src/workbook/forms.ts); --work picks forms.
  const works = (values.work as string[] | undefined) ?? [];
  const { files, findings, forms: all, changes, recorded } = await buildUploads(backend, forms, { works });
  const known = [...new Set(all.flatMap((f) => f.works.map((w) => w.id)))];
  const unknown = works.filter((id) => !known.some((k) => k.toUpperCase() === id.trim().toUpperCase()));
  if (unknown.length > 0) throw new CliError(EXIT_UNUSABLE, ctx.t.uploadUnknownWorks(unknown, known));
  const chosen = works.length > 0 ? formsOfWorks(all, works) : all;
  const notReady = chosen.filter((f) => !f.ready);
  if (works.length > 0 && notReady.length > 0) {
    ctx.io.err(ctx.t.uploadWorksNotReady);
    printForms(ctx, notReady, "err");
    printFindings(ctx, notReady.flatMap((f) => f.blockers));
    return EXIT_PROBLEMS;
  }
  if (files.length === 0) {
    ctx.io.err(all.length === 0 ? ctx.t.uploadNone : ctx.t.uploadRefused);
    printFindings(ctx, findings);
    printForms(ctx, notReady, "err");
    return EXIT_PROBLEMS;
  }
  const written = await writeFiles(ctx, outDir, files.map((f) => ({ name: f.fileName, bytes: f.bytes })));
  // Warnings of the forms written; the problems of the others are summed up below (vpr check lists them).
  const built = new Set(files.map((f) => f.fileName));
  printFindings(ctx, [...new Set(chosen.filter((f) => f.fileName !== null && built.has(f.fileName)).flatMap((f) => f.notes)), ...findings.filter((f) => f.code.startsWith("form."))]);
  for (const line of table([ctx.t.col.file, ctx.t.col.size], written.map((w) => [w.name, ctx.t.size(w.size)]))) ctx.io.out(line);
  ctx.io.out(ctx.t.uploadWritten(written.length, outDir));
  printForms(ctx, chosen);
  if (notReady.length > 0) ctx.io.out(ctx.t.uploadNotReady);
  if (changes.length > 0) {
    ctx.io.out(ctx.t.uploadChanges(changes.length));
    for (const c of changes) ctx.io.out(`  ${changeText(c)}`);
  }
  // The forms are in place; the log is saved with the usual backup (the workbook is unchanged when nothing new was recorded).
  if (recorded.length > 0) {
    ctx.io.out(ctx.t.uploadRecorded(recorded.length, recorded.reduce((n, r) => n + r.rows, 0)));
    await saveWorkbook(ctx, opened, file, undefined);
  }
  await remindRetention(ctx, backend, file);
  return EXIT_OK;
}

/** Which forms are ready: the count, then each form that is not with the check's reason. */
function printForms(ctx: Ctx, forms: readonly UploadForm[], stream: "out" | "err" = "out"): void {
  const print = (line: string) => (stream === "out" ? ctx.io.out(line) : ctx.io.err(line));
  if (forms.length === 0) return;
  const notReady = forms.filter((f) => !f.ready);
  if (stream === "out") print(ctx.t.formsReady(forms.length - notReady.length, forms.length));
  for (const f of notReady) print(ctx.t.formNotReady(f.grade, f.subject, f.classes, f.reason));
}

/** The summary's last line when the keeping period of the protocols has passed and names are left. */
async function remindRetention(ctx: Ctx, backend: WorkbookBackend, file: string): Promise<void> {
  const status = retentionStatus(await readAll(backend));
  for (const f of status.findings) ctx.io.out(describeFinding(f));
  if (status.remind) ctx.io.out(ctx.t.retentionReminder(status, file));
}

/**
 * The files into `dir` (made when missing), all or none: every target is checked first (open in
 * LibreOffice or Excel, read-only, a folder in the way), all are written into a temporary folder
 * there, then moved into place. On failure (exit 2) the folder is as it was and the message names
 * the file that blocked.
 */
export async function writeFiles(ctx: Ctx, dir: string, files: { name: string; bytes: Uint8Array }[]): Promise<{ name: string; path: string; size: number }[]> {
  try {
    return await writeAllOrNone(resolvePath(ctx, dir), files);
  } catch (e) {
    throw fileFailure(ctx, dir, e, "nothing") ?? new CliError(EXIT_UNUSABLE, ctx.t.saveFailed(e instanceof Error ? e.message : String(e)));
  }
}

export async function cmdRemoveNames(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const file = one(ctx, positionals);
  const out = str(values.out);
  if (!values.yes) {
    // Without --yes nothing is written: the workbook is only read, to say what would be cleared
    // (or why it cannot be: a student without a code).
    const { findings, summary } = planRemoveNames(await readAll(await openCoordinatorWorkbook(ctx, file)));
    if (hasErrors(findings)) {
      ctx.io.err(ctx.t.blocked);
      printFindings(ctx, findings);
      return EXIT_PROBLEMS;
    }
    if (summary.total === 0) {
      ctx.io.out(ctx.t.removeNothing);
      return EXIT_OK;
    }
    const inPlace = out === undefined || resolvePath(ctx, out) === resolvePath(ctx, file);
    throw new CliError(EXIT_UNUSABLE, ctx.t.removeNeedsYes(ctx.t.removeWhat(summary), inPlace ? "backup" : "input", file));
  }
  const opened = await openWorkbookToChange(ctx, file, out);
  const backend = opened.backend;
  const result = await removeNames(backend); // --yes was the confirmation
  const code = await finish(ctx, result, [], opened, file, out, () => {
    ctx.io.out(ctx.t.removeDone(result.cellsWritten));
    for (const line of ctx.t.removeWhat(result.summary)) ctx.io.out(`  ${line}`);
  });
  if (code === EXIT_OK && result.cellsWritten + result.replaced.length > 0) {
    // Every copy that still holds the names: the dated backups and an old-style <name>.bak.xlsx, or
    // the input itself when the result went to --out.
    const abs = resolvePath(ctx, file);
    const inPlace = out === undefined || resolvePath(ctx, out) === abs;
    const legacy = legacyBackupPath(abs);
    const copies = inPlace ? [...(await listBackups(abs)), ...((await fs.stat(legacy).then(() => true, () => false)) ? [legacy] : [])] : [abs];
    if (copies.length > 0) ctx.io.err(ctx.t.removeBackupWarning(copies.map((c) => path.relative(ctx.io.cwd, c) || c)));
  }
  return code;
}
