// 7. The municipal reader (issue 14, «Scale»):
//  - a region's year of FIS OKO results exports — 40 files of 25 000 rows in the 2021 layout (every
//    value text, as FIS OKO writes them) — read with readFolder against ExcelJS's own streaming
//    reader (WorkbookReader) going through the same files and touching every cell; target ≥ 2×
//    faster and a peak under 300 MB;
//  - 500 school upload forms of ours (200 rows each, 100 000 rows) read with readFolder against
//    loading each with ExcelJS (Workbook.xlsx.load) and touching every cell of «Протокол»; ≥ 2×;
//  - the whole `vpr municipal` over the region's exports (read, monitoring, statistics, signs,
//    «Свод» written): no target of the issue's, measured so that the figure a user meets is known;
//  - the same in the pane's web mode in headless Chromium (dist/ built; files chosen, «Составить
//    свод» until the summary shows): JSZip inflates there, no native zlib. Skipped without Chromium.
// Each run is a child process (a fresh heap); its peak is the larger of RSS sampled every 20 ms and
// the process's own maximum resident set (process.resourceUsage), which sampling can miss.
// --quick: 8 exports of 5 000 rows, 50 forms.
//
// The files are generated once per distinct content (a few of them, seeded) and written under
// different names: reading does not depend on which bytes repeat, and generating 40 × 25 000 rows
// would take longer than reading them.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { seededRandom } from "../src/core";
import type { CellValue } from "../src/workbook/backend";
import { buildNewWorkbook } from "../src/workbook/file/newWorkbook";
import { readFolder, folderFiles } from "../src/workbook/municipal/node/readFolder";
import { missed, now, withPeakRss, type Row } from "./lib";
// Only what reading needs is loaded up front: each child's peak starts from the same baseline
// (ExcelJS alone adds ~28 MB of RSS, the CLI ~10 MB), so the rest is imported where it is used.
type ExcelJSModule = typeof import("exceljs");

const DIST = path.resolve(__dirname, "..", "..", "..", "dist");

/** The web mode's roll-up of the files of `dir` in headless Chromium: ms from «Составить свод» to the summary. */
async function webMode(dir: string): Promise<{ ms: number | null; note: string }> {
  if (!existsSync(path.join(DIST, "taskpane.html"))) return { ms: null, note: "skipped: dist/ not built" };
  const { launch, serve } = await import("../test/browser/harness");
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  let session: Awaited<ReturnType<typeof launch>> | null = null;
  try {
    server = await serve(DIST);
    session = await launch();
    const { page } = session;
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Свод муниципалитета…" }).click();
    await page.getByTestId("municipal-files").setInputFiles((await folderFiles(dir)).map((f) => path.join(dir, f)));
    const t0 = now();
    await page.getByRole("button", { name: "Составить свод" }).click();
    await page.getByTestId("municipal-summary").waitFor({ timeout: 600_000 });
    return { ms: now() - t0, note: "headless Chromium, files chosen in the web mode's view" };
  } catch (e) {
    return { ms: null, note: `skipped: ${(e as Error).message.split("\n")[0]}` };
  } finally {
    await session?.close();
    await server?.close();
  }
}

const TARGET_RATIO = 2;
const TARGET_PEAK_MB = 300;
const DISTINCT = 4;
const ITEMS = 16;

const SUBJECTS = ["математике", "русскому языку", "окружающему миру", "истории", "биологии", "географии", "обществознанию", "физике", "химии", "английскому языку"];
const GRADES = [4, 5, 6, 7, 8];

/** One export of `rows` participants across 300 schools, in the 2021 layout, all text. */
export async function exportBytes(rows: number, seed: number): Promise<Uint8Array> {
  const random = seededRandom(seed);
  const rnd = (): number => random.nextInt(1_000_000) / 1_000_000;
  const header = ["логин школы", "регион", "номер обучающегося", "код обучающегося", "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов", ...Array.from({ length: ITEMS }, (_, i) => `балл за ${i + 1}`), "Учебник", "Др.уч. автор", "Др.уч. название"];
  const values: CellValue[][] = [header];
  for (let r = 0; r < rows; r++) {
    const school = `sch${String(220001 + Math.floor(rnd() * 300)).padStart(6, "0")}`;
    const code = String(100000 + r);
    if (rnd() < 0.05) {
      values.push([school, "22", String(r + 1), code, "", "", "", "отсутствовал", "", ...new Array<string>(ITEMS).fill(""), "", "", ""]);
      continue;
    }
    const scores = Array.from({ length: ITEMS }, () => {
      const x = rnd();
      return x < 0.05 ? "X" : x < 0.07 ? "x" : x < 0.08 ? "Х" : x < 0.081 ? "не пройд." : String(Math.floor(rnd() * 3));
    });
    const total = scores.reduce((s, v) => s + (Number(v) || 0), 0);
    values.push([school, "22", String(r + 1), code, rnd() < 0.1 ? "нет отметки" : String(3 + Math.floor(rnd() * 3)), rnd() < 0.5 ? "м" : "ж", "абвг"[Math.floor(rnd() * 4)], String(1 + Math.floor(rnd() * 2)), String(total), ...scores, rnd() < 0.3 ? "Моро М.И." : "", "", ""]);
  }
  return buildNewWorkbook({ sheets: [{ name: "Лист1", values }], properties: { creator: "ФИС ОКО" } });
}

function fileNames(count: number): string[] {
  const out: string[] = [];
  for (const g of GRADES) for (const s of SUBJECTS) if (out.length < count) out.push(`Проведение работы по ${s}, ${g} класс. ВПР 2021.xlsx`);
  return out;
}

/** ExcelJS's streaming reader over every file, every cell's value looked at. */
async function excelJsStream(dir: string): Promise<number> {
  const ExcelJS: ExcelJSModule = await import("exceljs");
  let rows = 0;
  for (const name of await folderFiles(dir)) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path.join(dir, name), { sharedStrings: "cache", worksheets: "emit", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        if (values.length > 1) rows++;
      }
    }
  }
  return rows;
}

/** ExcelJS loading every form whole and going through every cell of «Протокол». */
async function excelJsLoad(dir: string): Promise<number> {
  const ExcelJS: ExcelJSModule = await import("exceljs");
  let rows = 0;
  for (const name of await folderFiles(dir)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, name)) as unknown as ArrayBuffer);
    wb.getWorksheet("Протокол")?.eachRow((row) => {
      const values = row.values as unknown[];
      if (values.length > 1) rows++;
    });
  }
  return rows;
}

/**
 * The upload forms of one school of 1 600 students (40 classes of 40; grades 4–11, three works a
 * class: 24 forms of 200 rows), made by the add-in's own flow (codes, score sheets, scores, upload).
 */
async function schoolForms(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const { benchSchool } = await import("./school");
  const { FileBackend } = await import("../src/workbook/file/FileBackend");
  const { buildUploads, makeCodes, makeScoreSheets, readAll } = await import("../src/workbook/operations");
  const { applyWritePlan } = await import("../src/workbook/planCheck");
  const { sampleScoreWrites, sampleWorkbookPlan } = await import("../src/workbook/sample");
  const school = benchSchool(1600);
  const workbook = FileBackend.empty();
  await applyWritePlan(workbook, sampleWorkbookPlan(school), []);
  if ((await makeCodes(workbook, { random: seededRandom(11) })).status !== "done") throw new Error("codes");
  if ((await makeScoreSheets(workbook)).status !== "done") throw new Error("score sheets");
  const snapshot = await readAll(workbook);
  await applyWritePlan(workbook, { sheets: [], cellWrites: sampleScoreWrites(snapshot, seededRandom(12)) }, snapshot.sheetNames);
  return (await buildUploads(workbook)).files.map((f) => ({ name: f.fileName, bytes: f.bytes }));
}

function child(args: string[]): { ms: number; peakRssMb: number; rows: number } {
  const out = execFileSync(process.execPath, ["--expose-gc", __filename, ...args], { encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.trim().split("\n").pop()!);
}

export async function municipalRead(log: (s: string) => void, quick: boolean): Promise<Row[]> {
  const files = quick ? 8 : 40;
  const rows = quick ? 5000 : 25_000;
  const root = mkdtempSync(path.join(os.tmpdir(), "vpr-bench-municipal-"));
  const dir = path.join(root, "exports");
  const formsDir = path.join(root, "forms");
  const outDir = path.join(root, "out");
  for (const d of [dir, formsDir, outDir]) mkdirSync(d);
  try {
    const t0 = now();
    const contents: Uint8Array[] = [];
    for (let i = 0; i < Math.min(DISTINCT, files); i++) contents.push(await exportBytes(rows, 1000 + i));
    fileNames(files).forEach((name, i) => writeFileSync(path.join(dir, name), contents[i % contents.length]));
    const mb = contents.reduce((s, b) => s + b.length, 0) / contents.length / 2 ** 20;
    log(`  municipal: ${files} exports × ${rows} rows generated in ${((now() - t0) / 1000).toFixed(1)} s (${mb.toFixed(1)} MB each)`);
    const ours = child(["--ours", dir]);
    log(`  municipal: readFolder ${ours.ms.toFixed(0)} ms, peak RSS ${ours.peakRssMb.toFixed(0)} MB, ${ours.rows} rows`);
    const theirs = child(["--exceljs", dir]);
    log(`  municipal: ExcelJS WorkbookReader ${theirs.ms.toFixed(0)} ms, peak RSS ${theirs.peakRssMb.toFixed(0)} MB, ${theirs.rows} rows`);
    const ratio = theirs.ms / ours.ms;
    const cli = child(["--cli", dir, outDir]);
    log(`  municipal: vpr municipal --out ${cli.ms.toFixed(0)} ms, peak RSS ${cli.peakRssMb.toFixed(0)} MB`);
    const web = await webMode(dir);
    log(`  municipal: web mode ${web.ms === null ? web.note : `${web.ms.toFixed(0)} ms`}`);

    const t1 = now();
    const school = await schoolForms();
    const forms = quick ? 50 : 500;
    for (let i = 0; i < forms; i++) {
      const f = school[i % school.length];
      // The same forms under other schools' codes: «780999_4_Математика.xlsx» → «220017_4_Математика.xlsx».
      const code = String(220001 + Math.floor(i / school.length)).padStart(6, "0");
      writeFileSync(path.join(formsDir, f.name.replace(/^\d{6}/, code)), f.bytes);
    }
    log(`  municipal: ${forms} forms (${school.length} distinct, ${(school.reduce((s, f) => s + f.bytes.length, 0) / school.length / 1024).toFixed(0)} KB each) made in ${((now() - t1) / 1000).toFixed(1)} s`);
    const oursForms = child(["--ours", formsDir]);
    log(`  municipal: readFolder ${oursForms.ms.toFixed(0)} ms, peak RSS ${oursForms.peakRssMb.toFixed(0)} MB, ${oursForms.rows} rows`);
    const theirsForms = child(["--exceljs-load", formsDir]);
    log(`  municipal: ExcelJS load ${theirsForms.ms.toFixed(0)} ms, peak RSS ${theirsForms.peakRssMb.toFixed(0)} MB, ${theirsForms.rows} rows`);
    const formsRatio = theirsForms.ms / oursForms.ms;
    return [
      { what: `readFolder: ${files} exports × ${rows} rows (2021 layout)`, ms: ours.ms, "peak RSS MB": ours.peakRssMb, rows: ours.rows, target: `≥ ${TARGET_RATIO}× faster, < ${TARGET_PEAK_MB} MB`, MISSED: missed(quick ? null : ratio >= TARGET_RATIO && ours.peakRssMb < TARGET_PEAK_MB) },
      { what: "ExcelJS stream.xlsx.WorkbookReader, same files", ms: theirs.ms, "peak RSS MB": theirs.peakRssMb, rows: theirs.rows, target: "", MISSED: "" },
      { what: "speed-up (ExcelJS / ours)", ms: ratio, "peak RSS MB": null, rows: null, target: `≥ ${TARGET_RATIO}`, MISSED: missed(quick ? null : ratio >= TARGET_RATIO) },
      { what: `vpr municipal --out, same ${files} exports (read, statistics, signs, «Свод»)`, ms: cli.ms, "peak RSS MB": cli.peakRssMb, rows: null, target: "(no target; measured)", MISSED: "" },
      { what: `web mode (Chromium), same ${files} exports: «Составить свод» to the summary`, ms: web.ms, "peak RSS MB": null, rows: null, target: web.ms === null ? web.note : "(no target; measured)", MISSED: "" },
      { what: `readFolder: ${forms} upload forms of ours × 200 rows`, ms: oursForms.ms, "peak RSS MB": oursForms.peakRssMb, rows: oursForms.rows, target: `≥ ${TARGET_RATIO}× faster`, MISSED: missed(quick ? null : formsRatio >= TARGET_RATIO) },
      { what: "ExcelJS Workbook.xlsx.load, same forms", ms: theirsForms.ms, "peak RSS MB": theirsForms.peakRssMb, rows: theirsForms.rows, target: "", MISSED: "" },
      { what: "speed-up on forms (ExcelJS / ours)", ms: formsRatio, "peak RSS MB": null, rows: null, target: `≥ ${TARGET_RATIO}`, MISSED: missed(quick ? null : formsRatio >= TARGET_RATIO) },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A child's result line: the peak is the larger of the sampled RSS and the process's own maximum. */
function report(t0: number, r: { result: number; peakRssMb: number }): void {
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms: now() - t0, peakRssMb: Math.max(r.peakRssMb, maxRssMb), rows: r.result }) + "\n");
}

// Child process entry: `--ours DIR`, `--exceljs DIR`, `--exceljs-load DIR` or `--cli DIR OUTDIR`; prints {ms, peakRssMb, rows}.
if (require.main === module) {
  const [mode, dir] = process.argv.slice(2);
  (async () => {
    const t0 = now();
    if (mode === "--ours") {
      const r = await withPeakRss(async () => {
        const read = await readFolder(dir);
        return read.files.reduce((s, f) => s + f.rows.length + f.leftOut.reduce((n, l) => n + l.rows, 0), 0);
      });
      report(t0, r);
    } else if (mode === "--exceljs") report(t0, await withPeakRss(() => excelJsStream(dir)));
    else if (mode === "--exceljs-load") report(t0, await withPeakRss(() => excelJsLoad(dir)));
    else if (mode === "--cli") {
      const out = path.join(process.argv[4], "Свод.xlsx");
      const { main: cliMain } = await import("../src/cli/main");
      const r = await withPeakRss(async () => {
        const code = await cliMain(["municipal", dir, "--out", out], { out: () => undefined, err: () => undefined, cwd: process.cwd() });
        if (code !== 0) throw new Error(`vpr municipal exit ${code}`);
        return 0;
      });
      report(t0, r);
    } else throw new Error(`unknown mode ${mode}`);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
