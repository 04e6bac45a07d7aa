// 2. Core throughput: checkRow (parse + validate) over pre-built rows of a 20-item work, and
// uploadRow. Rows are built before timing; each figure is the median of several timed passes.
import { checkRow, parseScore, uploadRow, type RowInput, type UploadStudent, type WorkDefinition } from "../src/core";
import type { Snapshot } from "../src/workbook/backend";
import { checkWorkbook } from "../src/workbook/check";
import { criteriaBlock } from "../src/workbook/newWorkbook";
import { scoreLayout } from "../src/workbook/scoreSheet";
import { consume, median, missed, now, type Row } from "./lib";
import { benchWorks } from "./school";

const TARGET_ROWS_PER_S = 1_000_000;

/** Rows as Excel hands them over: mostly numbers, some X (both alphabets), a few typed as text, some absent. */
export function buildRows(work: WorkDefinition, count: number, seed = 1): RowInput[] {
  let a = seed;
  const rnd = (k: number) => {
    a = (a * 1103515245 + 12345) & 0x7fffffff;
    return a % k;
  };
  return Array.from({ length: count }, () => {
    if (rnd(50) === 0) return { variants: ["отсутствовал"], scores: work.items.map(() => null) };
    return {
      variants: [1 + rnd(2)],
      scores: work.items.map((it) => {
        const k = rnd(100);
        return k < 3 ? "X" : k < 4 ? "х" : k < 5 ? String(rnd(it.max + 1)) : rnd(it.max + 1);
      }),
    };
  });
}

/** Calls `fn` over `rows` until at least `minMs` passed; returns rows per second. */
function rate<T>(rows: T[], fn: (row: T) => unknown, minMs: number): number {
  let done = 0;
  let last: unknown = null;
  const t0 = now();
  let t = t0;
  while (t - t0 < minMs) {
    for (let i = 0; i < rows.length; i++) last = fn(rows[i]);
    done += rows.length;
    t = now();
  }
  consume(last);
  return (done / (t - t0)) * 1000;
}

export async function coreThroughput(log: (s: string) => void, quick: boolean): Promise<Row[]> {
  const work = benchWorks(6)[0]; // Математика, 20 items, maxima 1–3
  const rows = buildRows(work, 20_000);
  const passes = quick ? 3 : 7;
  const ms = quick ? 300 : 1000;
  const cells = rows.flatMap((r) => r.scores);
  const students: UploadStudent[] = rows.map((r, i) => ({ code: 60001 + (i % 1500), className: "6А", gender: i % 2 ? "м" : "ж", previousMark: 4, variants: r.variants, scores: r.scores }));
  const measure = (label: string, f: () => number) => {
    f(); // warm-up pass
    const xs = Array.from({ length: passes }, f);
    log(`  core: ${label} done`);
    return median(xs);
  };
  const check = measure("checkRow", () => rate(rows, (r) => checkRow(work, r), ms));
  const parse = measure("parseScore", () => rate(cells, parseScore, ms));
  const upload = measure("uploadRow", () => rate(students, (s) => uploadRow(work, s, "X"), ms));
  // The same rows through the whole check (read inputs, map columns, check, findings with cells).
  const { snapshot, rowCount } = checkSnapshot(work, rows.slice(0, 10_000));
  const wb = measure("checkWorkbook", () => {
    const t0 = now();
    consume(checkWorkbook(snapshot));
    return (rowCount / (now() - t0)) * 1000;
  });
  return [
    { measure: "checkRow: parse + validate a 20-item score row", "rows/s": Math.round(check), "µs/row": 1e6 / check, target: "≥1 000 000 rows/s", MISSED: missed(check >= TARGET_ROWS_PER_S) },
    { measure: "parseScore: one cell", "rows/s": Math.round(parse), "µs/row": 1e6 / parse, target: "", MISSED: "" },
    { measure: "uploadRow: one row of the upload form", "rows/s": Math.round(upload), "µs/row": 1e6 / upload, target: "", MISSED: "" },
    { measure: "checkWorkbook: whole check of a 10 000-row snapshot", "rows/s": Math.round(wb), "µs/row": 1e6 / wb, target: "", MISSED: "" },
  ];
}

/** A snapshot with one class of `rows.length` students writing `work`, scores already typed. */
function checkSnapshot(work: WorkDefinition, rows: RowInput[]) {
  const layout = scoreLayout(work);
  const codes = rows.map((_, i) => 60001 + i);
  const roster = [["Класс", "ФИО", "Пол", "Код"], ...codes.map((c, i) => ["6А", `Ученик${i} Бенчмарков`, "м", c])];
  const scores = [layout.headers, ...rows.map((r, i) => [codes[i], ...r.variants, ...r.scores, null, null, null])];
  return {
    rowCount: rows.length,
    snapshot: {
      sheetNames: ["Настройки", "Ученики", "План", "Критерии", "6А Математика"],
      sheets: {
        "Настройки": { values: [["Параметр", "Значение"], ["Код ОО", "780999"], ["Год", "2026"]] },
        "Ученики": { values: roster },
        "План": { values: [["Класс", "Предмет", "Работа", "Дата"], ["6А", work.subject, work.id, "15.04.2026"]] },
        "Критерии": { values: criteriaBlock(work) },
        "6А Математика": { values: scores },
      },
    } as Snapshot,
  };
}
