// The analysis on the Office.js back end (strict fake Excel): one read and one apply whatever the
// school's size, the sheets hold the plan's values, and each chart is a native chart
// with the plan's title, series and ranges; a second run leaves exactly the new charts.
import { seededRandom } from "../../../src/core";
import { analyze, planAnalysis } from "../../../src/workbook/analysis";
import { makeCodes, makeScoreSheets, readAll } from "../../../src/workbook/operations";
import { OfficeBackend } from "../../../src/workbook/office/OfficeBackend";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../../src/workbook/sample";
import { createFakeExcel } from "../../fakes/fakeExcel";

const school = sampleSchool();
/** 'Анализ 4 Русский язык'!B4:B9 and Анализ!B4:B9 alike (Excel quotes a sheet name only when it must). */
const unquote = (ref: string | null): string => (ref ?? "").replace(/^'(.*)'!/, "$1!");

async function scoredOffice() {
  const fake = createFakeExcel();
  for (const s of sampleWorkbookPlan(school).sheets) fake.workbook.addSheet(s.name, s.values);
  const backend = new OfficeBackend({ run: fake.run, isSetSupported: () => true });
  await makeCodes(backend, { random: seededRandom(1) });
  await makeScoreSheets(backend);
  for (const w of sampleScoreWrites(await readAll(backend), seededRandom(3))) fake.workbook.sheet(w.sheet).setValues(w.address, [[w.value]]);
  return { fake, backend };
}

test("one read and one apply; the charts are native, with the plan's titles, series and ranges", async () => {
  const { fake, backend } = await scoredOffice();
  const expected = planAnalysis(await readAll(backend), { today: "26.11.2026" }).plan;
  fake.resetStats();
  const r = await analyze(backend, { today: "26.11.2026" });
  expect(r.status).toBe("done");
  expect(fake.stats.syncs).toBe(2);
  const planned = expected.sheets.flatMap((s) => (s.charts ?? []).map((c) => ({ sheet: s.name, c })));
  expect(planned.length).toBeGreaterThan(20);
  for (const { sheet, c } of planned) {
    const charts = fake.workbook.sheet(sheet).charts;
    const found = charts.find((x) => x.title === c.title);
    expect([sheet, c.title, found !== undefined]).toEqual([sheet, c.title, true]);
    expect(found!.series.map((s) => s.name)).toEqual(c.series.map((s) => s.name));
    expect(found!.series.map((s) => unquote(s.values))).toEqual(c.series.map((s) => `${sheet}!${s.values}`));
    expect(found!.series.every((s) => unquote(s.xValues) === `${sheet}!${c.categories}`)).toBe(true);
  }
  // The sheets hold the plan's values.
  const snapshot = await readAll(backend);
  const names = expected.sheets.map((s) => s.name);
  for (const n of names) expect(snapshot.sheets[n].values.slice(0, 5)).toEqual(expected.sheets.find((s) => s.name === n)!.values.slice(0, 5).map((row) => row.map((v) => (v === "" ? null : v))));

  // A second run: still two syncs, and exactly the planned charts on every analysis sheet.
  fake.resetStats();
  await analyze(backend, { today: "26.11.2026" });
  expect(fake.stats.syncs).toBe(2);
  for (const s of expected.sheets) expect(fake.workbook.sheet(s.name).charts.length).toBe(s.charts?.length ?? 0);
});
