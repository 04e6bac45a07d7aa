// 3. File mode: the whole flow on the ExcelJS back end for a school of 10 000 students × 3 works
// — open the coordinator's .xlsx, codes, score sheets, the experts' scores, check, upload forms,
// save — against a plain ExcelJS job that reads and writes the same cells in the same process.
//
// The first flow runs in a child process with its RSS sampled every 20 ms (peak memory of one
// flow from a fresh process); it also records what the flow wrote, which the plain job then
// writes. Timed runs follow in this process, flow and plain interleaved. The experts' scores are
// generated once (sampleScoreWrites) and applied in every run: generating them is not the flow.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { seededRandom } from "../src/core";
import type { CellValue, CellWrite, Snapshot } from "../src/workbook/backend";
import { FileBackend } from "../src/workbook/file/FileBackend";
// As in the CLI: changed parts are compressed by Node's zlib.
import "../src/workbook/file/node/nativeDeflate";
import { buildUploads, check, makeCodes, makeScoreSheets } from "../src/workbook/operations";
import { lateStudentWrites, sampleScoreWrites } from "../src/workbook/sample";
import JSZip from "jszip";
import { median, missed, now, withPeakRss, type Row } from "./lib";
import { benchSchool, inputSheets } from "./school";

/** The flow against plain ExcelJS (issue 9: edit the package, do not rebuild it; was 1.3×, then 1.60× measured). */
const TARGET_RATIO = 0.5;
/** `codes` for one late student in the finished 10 000-student workbook. */
const TARGET_LATE_MS = 1000;
const N = 10_000;

/** The coordinator's workbook with only the input sheets filled. */
export async function inputBytes(n: number): Promise<Uint8Array> {
  const b = FileBackend.empty();
  await b.apply({ sheets: inputSheets(benchSchool(n)), cellWrites: [] });
  return b.toBytes();
}

/** What the flow left behind, for the plain job to write the same cells. */
export interface Reference {
  writes: CellWrite[];
  final: Snapshot;
  uploadValues: { sheets: { name: string; values: CellValue[][] }[] }[];
  workbookBytes: number;
  uploadBytes: number;
  uploadFiles: number;
}

export interface FlowRun {
  ms: number;
  phases: Record<string, number>;
  reference?: Reference;
  /** The coordinator's workbook at the end of the flow. */
  workbook: Uint8Array;
}

/** The whole flow through the operations, as the CLI runs it. `writes` null: generate the scores (not timed). */
export async function flow(bytes: Uint8Array, writes: CellWrite[] | null): Promise<FlowRun> {
  const keep = writes === null;
  const phases: Record<string, number> = {};
  let t = now();
  let excluded = 0;
  const lap = (name: string) => {
    const x = now();
    phases[name] = x - t;
    t = x;
  };
  const b = await FileBackend.fromBytes(bytes);
  lap("open");
  const codes = await makeCodes(b, { random: seededRandom(1) });
  if (codes.status !== "done") throw new Error(`codes: ${codes.status} ${codes.findings[0]?.message}`);
  lap("codes");
  const sheets = await makeScoreSheets(b);
  if (sheets.status !== "done") throw new Error(`score sheets: ${sheets.status} ${sheets.findings.find((f) => f.severity === "error")?.message}`);
  lap("score sheets");
  if (writes === null) {
    const g0 = now();
    writes = sampleScoreWrites(await b.read(null), seededRandom(3));
    excluded = now() - g0;
    t += excluded;
  }
  // The experts type their scores (one apply, like a paste into every sheet).
  await b.apply({ sheets: [], cellWrites: writes });
  lap("fill scores");
  const checked = await check(b);
  const errors = checked.findings.filter((f) => f.severity === "error");
  if (errors.length > 0) throw new Error(`check: ${errors.length} errors, e.g. ${errors[0].sheet}!${errors[0].cell}: ${errors[0].message}`);
  lap("check");
  const uploads = await buildUploads(b);
  if (uploads.files.length === 0) throw new Error(`uploads: ${uploads.findings[0]?.message}`);
  lap("uploads");
  const workbook = await b.toBytes();
  lap("save");
  const ms = Object.values(phases).reduce((a, x) => a + x, 0);
  return {
    ms,
    phases,
    workbook,
    reference: keep ? {
      writes,
      final: await b.read(null),
      uploadValues: uploads.files.map((f) => ({ sheets: f.file.workbook.sheets.map((s) => ({ name: s.name, values: s.values })) })),
      workbookBytes: workbook.length,
      uploadBytes: uploads.files.reduce((k, f) => k + f.bytes.length, 0),
      uploadFiles: uploads.files.length,
    } : undefined,
  };
}

/**
 * The floor: plain ExcelJS, no checks, no styles, no validation, no formulas — load the same input
 * file, read every cell, write every cell the flow leaves in the workbook, read every cell again
 * (what the check reads), write the upload forms' cells into new workbooks, save all.
 */
export async function plainExcelJs(bytes: Uint8Array, ref: Pick<Reference, "final" | "uploadValues">): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  let cells = 0;
  const readAll = () =>
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell(() => {
          cells++;
        }),
      ),
    );
  readAll();
  for (const name of ref.final.sheetNames) {
    const ws = wb.getWorksheet(name) ?? wb.addWorksheet(name);
    const values = ref.final.sheets[name].values;
    for (let r = 0; r < values.length; r++) {
      const row = ws.getRow(r + 1);
      for (let c = 0; c < values[r].length; c++) if (values[r][c] !== null) row.getCell(c + 1).value = values[r][c];
    }
  }
  readAll();
  for (const u of ref.uploadValues) {
    const out = new ExcelJS.Workbook();
    for (const s of u.sheets) {
      const ws = out.addWorksheet(s.name);
      s.values.forEach((r, i) => {
        const row = ws.getRow(i + 1);
        r.forEach((v, c) => {
          if (v !== null) row.getCell(c + 1).value = v;
        });
      });
    }
    await out.xlsx.writeBuffer();
  }
  await wb.xlsx.writeBuffer();
  return cells;
}

/**
 * One late student: the finished workbook (codes, score sheets, every score) gets one more roster
 * row (not timed), then `codes` runs as the CLI runs it — open, plan, apply, save. Beside it, the
 * floor every file operation pays: unzip every part and zip it again (JSZip, same compression).
 */
export async function lateStudent(finished: Uint8Array, n: number, runs: number): Promise<{ codesMs: number; floorMs: number; parts: number; assigned: number }> {
  const school = benchSchool(n);
  const setup = await FileBackend.fromBytes(finished);
  // A student who joins a 4th-grade class after the codes were handed out.
  const late = { ...school.students[0], name: "Новикова Алёна Игоревна" };
  await setup.apply({ sheets: [], cellWrites: lateStudentWrites(await setup.read(null), { ...school, late: [late] }) });
  const withLate = await setup.toBytes();
  const codes: number[] = [];
  const floor: number[] = [];
  let assigned = 0;
  let parts = 0;
  for (let i = 0; i < runs; i++) {
    let t0 = now();
    const b = await FileBackend.fromBytes(withLate);
    const r = await makeCodes(b, { random: seededRandom(11) });
    if (r.status !== "done" || r.assigned !== 1) throw new Error(`late codes: ${r.status}, ${r.assigned} assigned ${r.findings.find((f) => f.severity === "error")?.message ?? ""}`);
    await b.toBytes();
    codes.push(now() - t0);
    assigned = r.assigned;
    t0 = now();
    const zip = await JSZip.loadAsync(withLate);
    const out = new JSZip();
    const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
    for (const name of names) out.file(name, await zip.files[name].async("uint8array"));
    await out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
    floor.push(now() - t0);
    parts = names.length;
  }
  return { codesMs: median(codes), floorMs: median(floor), parts, assigned };
}

function child(args: string[]): { ms: number; peakRssMb: number; phases?: Record<string, number> } {
  const out = execFileSync(process.execPath, [__filename, ...args], { encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.trim().split("\n").pop()!);
}

export async function fileMode(log: (s: string) => void, quick: boolean): Promise<Row[]> {
  const n = quick ? 1000 : N;
  const runs = quick ? 1 : 2;
  const refFile = path.join(os.tmpdir(), `vpr-bench-ref-${process.pid}.json`);
  try {
    const first = child(["--reference", String(n), refFile]);
    log(`  file: first flow (child process) ${first.ms.toFixed(0)} ms, peak RSS ${first.peakRssMb.toFixed(0)} MB`);
    const ref = JSON.parse(readFileSync(refFile, "utf8")) as Reference;
    const plainPeak = child(["--plain", String(n), refFile]);
    log(`  file: plain ExcelJS (child process) ${plainPeak.ms.toFixed(0)} ms, peak RSS ${plainPeak.peakRssMb.toFixed(0)} MB`);
    const bytes = await inputBytes(n);
    const ours: number[] = [];
    const plain: number[] = [];
    const phases: Record<string, number[]> = {};
    let lastWorkbook: Uint8Array | undefined;
    for (let i = 0; i < runs; i++) {
      let t0 = now();
      await plainExcelJs(bytes, ref);
      plain.push(now() - t0);
      t0 = now();
      const r = await flow(bytes, ref.writes);
      lastWorkbook = r.workbook;
      ours.push(r.ms);
      for (const [k, v] of Object.entries(r.phases)) (phases[k] ??= []).push(v);
      log(`  file: run ${i + 1}/${runs}: flow ${ours[i].toFixed(0)} ms, plain ${plain[i].toFixed(0)} ms`);
    }
    const flowMs = median(ours);
    const plainMs = median(plain);
    const ratio = flowMs / plainMs;
    const late = await lateStudent(lastWorkbook!, n, quick ? 1 : 3);
    log(`  file: codes for one late student ${late.codesMs.toFixed(0)} ms (floor: unzip + zip ${late.floorMs.toFixed(0)} ms)`);
    const scoreRows = Object.keys(ref.final.sheets).filter((s) => /^\d+[А-ЯЁ] /.test(s)).reduce((k, s) => k + ref.final.sheets[s].values.length - 1, 0);
    return [
      {
        students: n,
        works: 3,
        "score rows": scoreRows,
        "upload files": ref.uploadFiles,
        "flow ms (median)": flowMs,
        "plain ExcelJS ms (median)": plainMs,
        "ratio flow/plain": ratio,
        "timed runs": runs,
        "phases ms (median)": Object.entries(phases).map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join(", "),
        "workbook KB": Math.round(ref.workbookBytes / 1024),
        "uploads KB": Math.round(ref.uploadBytes / 1024),
        "peak RSS MB (flow)": Math.round(first.peakRssMb),
        "peak RSS MB (plain)": Math.round(plainPeak.peakRssMb),
        target: `≤${TARGET_RATIO}×`,
        MISSED: missed(ratio <= TARGET_RATIO),
      },
      {
        students: n,
        works: 3,
        "score rows": scoreRows,
        "upload files": "codes: 1 late student",
        "flow ms (median)": late.codesMs,
        "plain ExcelJS ms (median)": `floor (unzip + zip all ${late.parts} parts) ${late.floorMs.toFixed(0)}`,
        "ratio flow/plain": late.codesMs / late.floorMs,
        "timed runs": quick ? 1 : 3,
        "phases ms (median)": `assigned ${late.assigned}`,
        "workbook KB": Math.round(lastWorkbook!.length / 1024),
        "uploads KB": "",
        "peak RSS MB (flow)": "",
        "peak RSS MB (plain)": "",
        target: `≤${TARGET_LATE_MS} ms`,
        MISSED: missed(late.codesMs <= TARGET_LATE_MS),
      },
    ];
  } finally {
    rmSync(refFile, { force: true });
  }
}

// Child process entry: `--reference n file` runs the first flow, `--plain n file` the plain job.
if (require.main === module) {
  const [mode, nText, file] = process.argv.slice(2);
  (async () => {
    const bytes = await inputBytes(Number(nText));
    if (mode === "--reference") {
      const r = await withPeakRss(() => flow(bytes, null));
      writeFileSync(file, JSON.stringify(r.result.reference));
      process.stdout.write(JSON.stringify({ ms: r.result.ms, phases: r.result.phases, peakRssMb: r.peakRssMb }) + "\n");
    } else if (mode === "--plain") {
      const ref = JSON.parse(readFileSync(file, "utf8")) as Reference;
      const t0 = now();
      const r = await withPeakRss(() => plainExcelJs(bytes, ref));
      process.stdout.write(JSON.stringify({ ms: now() - t0, peakRssMb: r.peakRssMb }) + "\n");
    } else throw new Error(`unknown mode ${mode}`);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
