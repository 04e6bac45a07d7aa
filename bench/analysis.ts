// 6. Analysis planning: the statistics, sheets and charts of a school of 10 000 students × 3 works
// planned from one snapshot (read once, before timing), median of several runs. Target ≤ 200 ms.
import { seededRandom } from "../src/core";
import { planAnalysis } from "../src/workbook/analysis";
import { makeCodes, makeScoreSheets, readAll } from "../src/workbook/operations";
import { OfficeBackend } from "../src/workbook/office/OfficeBackend";
import { sampleScoreWrites } from "../src/workbook/sample";
import { createFakeExcel } from "../test/fakes/fakeExcel";
import { median, missed, now, type Row } from "./lib";
import { benchSchool, inputSheets } from "./school";

const TARGET_MS = 200;

export async function analysisPlanning(log: (s: string) => void, quick: boolean): Promise<Row[]> {
  const n = quick ? 1000 : 10_000;
  const fake = createFakeExcel();
  for (const s of inputSheets(benchSchool(n))) fake.workbook.addSheet(s.name, s.values);
  const backend = new OfficeBackend({ run: fake.run, isSetSupported: () => true });
  await makeCodes(backend, { random: seededRandom(1) });
  await makeScoreSheets(backend);
  for (const w of sampleScoreWrites(await readAll(backend), seededRandom(11))) fake.workbook.sheet(w.sheet).setValues(w.address, [[w.value]]);
  const snapshot = await readAll(backend);
  log(`  analysis: school of ${n} built`);
  let plan = planAnalysis(snapshot);
  const runs: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t0 = now();
    plan = planAnalysis(snapshot);
    runs.push(now() - t0);
  }
  const ms = median(runs);
  const rows = plan.data.works.reduce((s, w) => s + w.rows.length, 0);
  const charts = plan.plan.sheets.reduce((s, sh) => s + (sh.charts?.length ?? 0), 0);
  return [
    {
      students: n,
      works: plan.data.works.length,
      "score rows": rows,
      sheets: plan.plan.sheets.length,
      charts,
      "plan ms (median)": Math.round(ms),
      target: `≤${TARGET_MS} ms`,
      MISSED: missed(quick ? null : ms <= TARGET_MS),
    },
  ];
}
