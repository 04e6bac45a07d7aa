// `vpr demo`: the whole flow on the bundled fictional school, written to files, with a summary.
import type { CellValue } from "../workbook/backend";
import { seededRandom } from "../core";
import { ROSTER_SHEET } from "../workbook/contract";
import { FileBackend } from "../workbook/file/FileBackend";
import { buildUploads, check, makeCodes, makeScoreSheets, readAll } from "../workbook/operations";
import { applyWritePlan } from "../workbook/planCheck";
import { lateStudentWrites, sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../workbook/sample";
import { analyze } from "../workbook/analysis";
import { printSummary } from "./analyze";
import { parseSeed, writeFiles, type Values } from "./commands";
import { EXIT_OK, EXIT_PROBLEMS, printFindings, table, type Ctx } from "./io";

export const DEMO_DIR = "demo-output";
export const DEMO_SEED = 2026;
/** The date written on the demo's analysis sheets: the same files on every run. */
export const DEMO_DAY = "20.05.2026";

/** No personal name in it: the school code only. */
export const demoWorkbookName = (school: string): string => `школа-${school}.xlsx`;

/** Roster codes in roster order (column «Код» of «Ученики»). */
async function rosterCodes(backend: FileBackend): Promise<CellValue[]> {
  const values = (await backend.read([ROSTER_SHEET])).sheets[ROSTER_SHEET]?.values ?? [];
  const col = (values[0] ?? []).indexOf("Код");
  return values.slice(1).map((r) => r[col] ?? null);
}

export async function cmdDemo(ctx: Ctx, values: Values): Promise<number> {
  const seed = parseSeed(ctx, values.seed) ?? DEMO_SEED;
  const outDir = typeof values.out === "string" ? values.out : DEMO_DIR;
  const { t, io } = ctx;
  const school = sampleSchool(seed);
  io.out(t.demoTitle(school.school, seed));

  const backend = FileBackend.empty();
  await applyWritePlan(backend, sampleWorkbookPlan(school), (await backend.read([])).sheetNames);
  io.out(`  1. ${t.demoStep.create}`);

  const codes = await makeCodes(backend, { random: seededRandom(seed) });
  if (codes.status !== "done") return failed(ctx, codes.findings);
  io.out(`  2. ${t.demoStep.codes(codes.assigned)}`);
  const before = await rosterCodes(backend);

  const withCodes = await readAll(backend);
  await applyWritePlan(backend, { sheets: [], cellWrites: lateStudentWrites(withCodes, school) }, withCodes.sheetNames);
  const again = await makeCodes(backend, { random: seededRandom(seed + 1) });
  if (again.status !== "done") return failed(ctx, again.findings);
  const after = await rosterCodes(backend);
  if (before.some((c, i) => c !== after[i])) throw new Error(t.demoCodesChanged);
  io.out(`  3. ${t.demoStep.late(school.late.length, again.assigned)}`);

  const sheets = await makeScoreSheets(backend);
  if (sheets.status !== "done") return failed(ctx, sheets.findings);
  io.out(`  4. ${t.demoStep.sheets(sheets.sheets.length)}`);

  const withSheets = await readAll(backend);
  const scores = sampleScoreWrites(withSheets, seededRandom(seed + 2));
  await applyWritePlan(backend, { sheets: [], cellWrites: scores }, withSheets.sheetNames);
  io.out(`  5. ${t.demoStep.scores(scores.length)}`);

  const checked = await check(backend);
  const errors = checked.findings.filter((f) => f.severity === "error").length;
  const warnings = checked.findings.length - errors;
  io.out(`  6. ${t.demoStep.check(errors, warnings)}`);

  const uploads = await buildUploads(backend);
  // The analysis sheets go into the coordinator's workbook (with names); the forms stay name-free.
  const analysed = await analyze(backend, { today: DEMO_DAY, slips: true });
  if (analysed.status !== "done") return failed(ctx, analysed.findings);
  io.out(`  7. ${t.demoStep.analysis(analysed.sheets.length)}`);
  const workbookBytes = await backend.toBytes();
  const written = await writeFiles(ctx, outDir, [{ name: demoWorkbookName(school.school), bytes: workbookBytes }, ...uploads.files.map((f) => ({ name: f.fileName, bytes: f.bytes }))]);

  io.out("");
  io.out(t.demoClasses);
  const everyone = [...school.students, ...school.late];
  const classes = [...new Set(everyone.map((s) => s.className))];
  const classRows = classes.map((c) => [c, everyone.filter((s) => s.className === c).length, school.plan.filter((p) => p.className === c).map((p) => p.subject).join(", ")]);
  table([t.col.className, t.col.students, t.col.works], classRows).forEach((l) => io.out(`  ${l}`));

  io.out("");
  io.out(t.demoWorks);
  const workRows = checked.counts.map((c) => [c.sheet, c.workId, c.rows, c.present, c.absent, c.errors, c.warnings]);
  table([t.col.sheet, t.col.work, t.col.rows, t.col.present, t.col.absent, t.col.errors, t.col.warnings], workRows).forEach((l) => io.out(`  ${l}`));
  const absent = checked.counts.reduce((s, c) => s + c.absent, 0);
  io.out(`  ${t.demoTotals(everyone.length, absent, errors, warnings)}`);

  io.out("");
  printSummary(ctx, analysed.data.works.map((w) => w.statistics));

  io.out("");
  io.out(t.demoFiles);
  table([t.col.file, t.col.size], written.map((w) => [w.name, t.size(w.size)])).forEach((l) => io.out(`  ${l}`));
  io.out("");
  if (uploads.files.length === 0 || errors > 0) return failed(ctx, uploads.findings);
  io.out(t.demoDone(outDir));
  return EXIT_OK;
}

function failed(ctx: Ctx, findings: Parameters<typeof printFindings>[1]): number {
  printFindings(ctx, findings);
  ctx.io.err(ctx.t.demoFailed);
  return EXIT_PROBLEMS;
}
