// The objectivity self-check in the workbook: a class planted with 60 %+ not confirming the journal
// is a warning of the check (never blocking the form), a flag of `analyze --json` and a line of
// «Самопроверка объективности»; «Сравнение» typed from FIS OKO gives the region's comparison on the
// work's sheet and the high-results sign against the region.
import { cellAddress, seededRandom } from "../../src/core";
import { analysisJson, analyze } from "../../src/workbook/analysis";
import { check, makeCodes, makeScoreSheets, buildUploads } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { MemoryBackend } from "../taskpane/memoryBackend";

const school = sampleSchool();

async function scored(): Promise<MemoryBackend> {
  const b = new MemoryBackend(sampleWorkbookPlan(school));
  await makeCodes(b, { random: seededRandom(1) });
  await makeScoreSheets(b);
  await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) });
  return b;
}

/** Every 4А student's journal mark in «Математика» set to 5: most will not confirm it. */
async function inflateJournal(b: MemoryBackend): Promise<void> {
  const roster = (await b.read(["Ученики"])).sheets["Ученики"].values;
  const col = roster[0].indexOf("Математика");
  await b.apply({ sheets: [], cellWrites: roster.flatMap((r, i) => (i > 0 && r[0] === "4А" ? [{ sheet: "Ученики", address: cellAddress(i, col), value: 5 }] : [])) });
}

test("the sample school, scored as its journal says, shows no sign", async () => {
  const b = await scored();
  const r = await analyze(b, { write: false });
  expect(r.data.flags).toEqual([]);
  expect((await check(b)).findings.filter((f) => f.code.startsWith("objectivity."))).toEqual([]);
});

test("a class whose journal marks most did not confirm: a warning of the check, the form still built; a flag in the JSON and on the sheet", async () => {
  const b = await scored();
  await inflateJournal(b);
  const checked = await check(b);
  const warnings = checked.findings.filter((f) => f.code === "objectivity.journal-mismatch");
  expect(warnings.length).toBeGreaterThanOrEqual(1);
  expect(warnings.every((f) => f.severity === "warning")).toBe(true);
  expect(warnings[0].sheet).toBe("4А Математика");
  expect(warnings[0].message).toMatch(/4А: [\d,]+ % писавших \(\d+ из \d+\) не подтвердили отметку по журналу/);
  expect((await buildUploads(b)).files.map((f) => f.fileName)).toContain("780999_4_Математика.xlsx");

  const r = await analyze(b, { today: "26.11.2026" });
  const json = analysisJson(r.data);
  const flag = json.flags.find((f) => f.code === "journal-mismatch" && f.class === "4А")!;
  expect(flag).toMatchObject({ workId: "MA4-2023" });
  expect(Number(flag.numbers.percent)).toBeGreaterThan(50);
  const sheet = b.sheets.get("Самопроверка объективности")!;
  expect(sheet[0][0]).toMatch(/^Самопроверка объективности/);
  expect(sheet.some((row) => row[2] === "Несовпадение с журналом" && row[1] === "4А")).toBe(true);
});

test("«Сравнение»: the region's figures beside the grade's on the work's sheet, and high results against the region", async () => {
  const b = await scored();
  const work = "MA4-2023";
  await b.apply({
    sheets: [
      {
        name: "Сравнение",
        mode: "create",
        values: [
          ["Работа", work],
          ["Регион: отметки, %", 40, 40, 15, 5],
          ["Россия: отметки, %", "30", "40", "20", "10"],
          ["Регион: выполнение, %", ...Array.from({ length: 15 }, () => 50)],
          [],
          ["Работа", "RU4-2026"],
          ["Регион отметки", 1, 2],
        ],
      },
    ],
    cellWrites: [],
  });
  const r = await analyze(b, { today: "26.11.2026" });
  const ref = analysisJson(r.data).works.find((w) => w.workId === work)!.reference!;
  expect(ref.region?.marks).toEqual({ "2": 40, "3": 40, "4": 15, "5": 5 });
  expect(ref.russia?.marks).toEqual({ "2": 30, "3": 40, "4": 20, "5": 10 });
  expect(ref.region?.items).toHaveLength(15);
  const ws = b.sheets.get("Анализ 4 Математика")!;
  const at = ws.findIndex((row) => String(row[0]).startsWith("Сравнение с регионом и Россией"));
  expect(at).toBeGreaterThan(0);
  expect(ws[at + 2][0]).toBe("Параллель");
  expect(ws[at + 3].slice(0, 5)).toEqual(["Регион", 40, 40, 15, 5]);
  expect(r.data.flags.some((f) => f.code === "high-results" && f.workId === work && f.numbers.against === "region")).toBe(true);
  // The unreadable block is a warning naming its cell, never an error.
  const warning = r.findings.find((f) => f.code === "comparison.marks");
  expect(warning).toMatchObject({ sheet: "Сравнение", cell: "B7", severity: "warning" });
});
