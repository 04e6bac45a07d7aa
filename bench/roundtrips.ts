// 1. Excel round trips: context.sync calls and bytes queued per operation, with the strict fake
// Excel API (test/fakes/fakeExcel.ts) behind the real OfficeBackend, against a naive add-in that
// writes (or reads) one row per sync.
import { seededRandom } from "../src/core";
import type { CellWrite, SheetPlan, Snapshot } from "../src/workbook/backend";
import { planCodes } from "../src/workbook/codes";
import { buildUploads, check, makeCodes, makeScoreSheets, readAll } from "../src/workbook/operations";
import { OfficeBackend } from "../src/workbook/office/OfficeBackend";
import { sampleScoreWrites } from "../src/workbook/sample";
import { planScoreSheets } from "../src/workbook/scoreSheets";
import { analyze, planAnalysis } from "../src/workbook/analysis";
import { cellAddress } from "../src/core";
import { createFakeExcel, type FakeExcel } from "../test/fakes/fakeExcel";
import { missed, now, type Row } from "./lib";
import { benchSchool, inputSheets } from "./school";

export const SIZES = [30, 1000, 10000];
const TARGET_SYNCS = 2;

interface Cost {
  syncs: number;
  bytes: number;
  maxBytesPerSync: number;
  ms: number;
}

async function cost(fake: FakeExcel, fn: () => Promise<unknown>): Promise<Cost> {
  fake.resetStats();
  const t0 = now();
  await fn();
  const ms = now() - t0;
  const bytes = fake.stats.bytesPerSync.reduce((a, b) => a + b, 0);
  return { syncs: fake.stats.syncs, bytes, maxBytesPerSync: Math.max(0, ...fake.stats.bytesPerSync), ms };
}

type Ctx = Excel.RequestContext;

/** Naive: one sync per row of every sheet the plan writes, and one per single-cell write. */
async function naiveWrite(fake: FakeExcel, sheets: SheetPlan[], cellWrites: CellWrite[]): Promise<void> {
  await fake.run(async (ctx: Ctx) => {
    for (const w of cellWrites) {
      ctx.workbook.worksheets.getItem(w.sheet).getRange(w.address).values = [[w.value ?? ""]];
      await ctx.sync();
    }
    for (const sp of sheets) {
      const ws = sp.mode === "create" ? ctx.workbook.worksheets.add(sp.name) : ctx.workbook.worksheets.getItem(sp.name);
      for (let r = 0; r < sp.values.length; r++) {
        const row = sp.values[r].map((v) => v ?? "");
        if (row.length === 0) continue;
        ws.getRange(`${cellAddress(r, 0)}:${cellAddress(r, row.length - 1)}`).values = [row];
        await ctx.sync();
      }
    }
  });
}

/** Naive: one sync per used row of every sheet. */
async function naiveRead(fake: FakeExcel, snapshot: Snapshot): Promise<void> {
  await fake.run(async (ctx: Ctx) => {
    for (const [name, sheet] of Object.entries(snapshot.sheets)) {
      const ws = ctx.workbook.worksheets.getItem(name);
      for (let r = 0; r < sheet.values.length; r++) {
        const width = Math.max(1, sheet.values[r].length);
        const range = ws.getRange(`${cellAddress(r, 0)}:${cellAddress(r, width - 1)}`);
        range.load("values");
        await ctx.sync();
      }
    }
  });
}

/** Throws unless the operation was applied: a benchmark of a blocked operation measures nothing. */
function done(what: string, r: { status: string; findings: { severity: string; sheet?: string; cell?: string; message: string }[] }): void {
  if (r.status === "done") return;
  const e = r.findings.find((f) => f.severity === "error");
  throw new Error(`${what}: ${r.status}${e ? ` — ${e.sheet ?? ""}!${e.cell ?? ""}: ${e.message}` : ""}`);
}

/** A fresh fake workbook holding the school's input sheets, and an OfficeBackend on it. */
function setup(n: number): { fake: FakeExcel; backend: OfficeBackend } {
  const fake = createFakeExcel();
  for (const s of inputSheets(benchSchool(n))) fake.workbook.addSheet(s.name, s.values);
  const backend = new OfficeBackend({ run: fake.run, isSetSupported: () => true });
  return { fake, backend };
}

/** Scores typed straight into the fake (the experts' typing is not an add-in operation). */
function typeScores(fake: FakeExcel, snapshot: Snapshot): void {
  for (const w of sampleScoreWrites(snapshot, seededRandom(11))) fake.workbook.sheet(w.sheet).setValues(w.address, [[w.value]]);
}

export async function roundTrips(log: (s: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of SIZES) {
    try {
      rows.push(...(await oneSize(n)));
    } catch (e) {
      rows.push({ students: n, operation: "all", syncs: null, MISSED: `FAILED: ${(e as Error).message}` });
    }
  }
  return rows;
}

async function oneSize(n: number): Promise<Row[]> {
  const rows: Row[] = [];
  {
    const { fake, backend } = setup(n);
    const ours: Record<string, Cost> = {};
    const naive: Record<string, Cost> = {};

    // Naive references first, each on its own fresh copy of the same state.
    {
      const ref = setup(n);
      const snap = await readAll(ref.backend);
      const p = planCodes(snap, seededRandom(1));
      naive.codes = await cost(ref.fake, () => naiveWrite(ref.fake, p.plan.sheets, p.plan.cellWrites));
    }
    ours.codes = await cost(fake, async () => done("codes", await makeCodes(backend, { random: seededRandom(1) })));
    {
      const ref = setup(n);
      await makeCodes(ref.backend, { random: seededRandom(1) });
      const p = planScoreSheets(await readAll(ref.backend), ref.backend.formulaStyle);
      naive.scoreSheets = await cost(ref.fake, () => naiveWrite(ref.fake, p.plan.sheets, []));
    }
    ours.scoreSheets = await cost(fake, async () => done("score sheets", await makeScoreSheets(backend)));
    typeScores(fake, await readAll(backend));
    const full = await readAll(backend);
    ours.check = await cost(fake, async () => {
      const errors = (await check(backend)).findings.filter((f) => f.severity === "error");
      if (errors.length > 0) throw new Error(`check: ${errors.length} errors, e.g. ${errors[0].sheet}!${errors[0].cell ?? ""}: ${errors[0].message}`);
    });
    naive.check = await cost(fake, () => naiveRead(fake, full));
    let files = 0;
    // The whole upload: one read, the files (built in memory, no Excel), one apply appending the
    // forms' rows to «Журнал баллов».
    ours.upload = await cost(fake, async () => {
      const built = await buildUploads(backend);
      if (built.files.length === 0) throw new Error(`upload blocked: ${built.findings.find((f) => f.severity === "error")?.message}`);
      files = built.files.length;
    });
    naive.upload = await cost(fake, () => naiveRead(fake, full));
    // The analysis: one read, its sheets and their charts in one apply.
    ours.analysis = await cost(fake, async () => {
      const r = await analyze(backend);
      if (r.status !== "done") throw new Error(`analysis: ${r.findings.find((f) => f.severity === "error")?.message}`);
    });
    {
      const ref = setup(n);
      await makeCodes(ref.backend, { random: seededRandom(1) });
      await makeScoreSheets(ref.backend);
      typeScores(ref.fake, await readAll(ref.backend));
      const p = planAnalysis(await readAll(ref.backend));
      naive.analysis = await cost(ref.fake, () => naiveWrite(ref.fake, p.plan.sheets, []));
    }
    for (const op of ["codes", "scoreSheets", "check", "upload", "analysis"]) {
      const o = ours[op];
      const v = naive[op];
      rows.push({
        students: n,
        operation: op === "upload" ? `upload (${files} forms + «Журнал баллов»)` : op,
        syncs: o.syncs,
        "bytes sent": o.bytes,
        "max bytes/sync": o.maxBytesPerSync,
        "ms (fake)": o.ms,
        "naive syncs": v.syncs,
        "naive bytes": v.bytes,
        "sync ratio (naive/ours)": v.syncs / Math.max(1, o.syncs),
        target: `≤${TARGET_SYNCS} syncs`,
        MISSED: missed(o.syncs <= TARGET_SYNCS),
      });
    }
  }
  return rows;
}
