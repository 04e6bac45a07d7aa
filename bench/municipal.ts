// 7. The municipal reader (issue 14, part 1): a region's year of FIS OKO results exports — 40 files
// of 25 000 rows in the 2021 layout (every value text, as FIS OKO writes them) — read with
// readFolder against ExcelJS's own streaming reader (WorkbookReader) going through the same files
// and touching every cell. Each reader runs in a child process with its RSS sampled every 20 ms,
// so the peak is one reader's from a fresh process. --quick: 8 files of 5 000 rows.
//
// The files are generated once per distinct content (DISTINCT of them, seeded) and written under
// 40 different work names: reading does not depend on which bytes repeat, and generating 40 × 25 000
// rows would take longer than reading them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { seededRandom } from "../src/core";
import type { CellValue } from "../src/workbook/backend";
import { buildNewWorkbook } from "../src/workbook/file/newWorkbook";
import { readFolder, folderFiles } from "../src/workbook/municipal/node/readFolder";
import { missed, now, withPeakRss, type Row } from "./lib";

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

function child(args: string[]): { ms: number; peakRssMb: number; rows: number } {
  const out = execFileSync(process.execPath, ["--expose-gc", __filename, ...args], { encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.trim().split("\n").pop()!);
}

export async function municipalRead(log: (s: string) => void, quick: boolean): Promise<Row[]> {
  const files = quick ? 8 : 40;
  const rows = quick ? 5000 : 25_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), "vpr-bench-municipal-"));
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
    return [
      { what: `readFolder: ${files} exports × ${rows} rows (2021 layout)`, ms: ours.ms, "peak RSS MB": ours.peakRssMb, rows: ours.rows, target: `≥ ${TARGET_RATIO}× faster, < ${TARGET_PEAK_MB} MB`, MISSED: missed(quick ? null : ratio >= TARGET_RATIO && ours.peakRssMb < TARGET_PEAK_MB) },
      { what: "ExcelJS stream.xlsx.WorkbookReader, same files", ms: theirs.ms, "peak RSS MB": theirs.peakRssMb, rows: theirs.rows, target: "", MISSED: "" },
      { what: "speed-up (ExcelJS / ours)", ms: ratio, "peak RSS MB": null, rows: null, target: `≥ ${TARGET_RATIO}`, MISSED: missed(quick ? null : ratio >= TARGET_RATIO) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Child process entry: `--ours DIR` or `--exceljs DIR`; prints {ms, peakRssMb, rows}.
if (require.main === module) {
  const [mode, dir] = process.argv.slice(2);
  (async () => {
    const t0 = now();
    if (mode === "--ours") {
      const r = await withPeakRss(async () => {
        const read = await readFolder(dir);
        return read.files.reduce((s, f) => s + f.rows.length + f.leftOut.reduce((n, l) => n + l.rows, 0), 0);
      });
      process.stdout.write(JSON.stringify({ ms: now() - t0, peakRssMb: r.peakRssMb, rows: r.result }) + "\n");
    } else if (mode === "--exceljs") {
      const r = await withPeakRss(() => excelJsStream(dir));
      process.stdout.write(JSON.stringify({ ms: now() - t0, peakRssMb: r.peakRssMb, rows: r.result }) + "\n");
    } else throw new Error(`unknown mode ${mode}`);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
