// The analysis operation on the sample school: the sheets it owns, figures recomputed from the
// score sheets by hand, re-runs, a user's sheet with our name, names kept in and cleared from the
// workbook, uploads still name-free.
import JSZip from "jszip";
import { checkRow, findWork, nameKey, seededRandom } from "../../src/core";
import { analysisJson, analyze, planAnalysis } from "../../src/workbook/analysis";
import { buildUploads, makeCodes, makeScoreSheets, removeNames } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { MemoryBackend } from "../taskpane/memoryBackend";

const school = sampleSchool();

async function scoredSchool(): Promise<MemoryBackend> {
  const b = new MemoryBackend(sampleWorkbookPlan(school));
  await makeCodes(b, { random: seededRandom(1) });
  await makeScoreSheets(b);
  await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) });
  return b;
}

const text = (b: MemoryBackend, sheet: string) => (b.sheets.get(sheet) ?? []).map((r) => r.map((v) => (v === null ? "" : String(v))).join("\t")).join("\n");

describe("analyze", () => {
  test("writes the summary, a sheet per work, results by name and slips for parents", async () => {
    const b = await scoredSchool();
    const r = await analyze(b, { today: "26.11.2026", slips: true });
    expect(r.status).toBe("done");
    expect(r.sheets).toEqual(
      expect.arrayContaining(["Анализ", "Анализ 4 Русский язык", "Анализ 4 Математика", "Анализ 5 Математика", "Анализ 8 Физика", "Результаты учеников", "Результаты для родителей"]),
    );
    expect(r.data.works.map((w) => `${w.work.grade} ${w.work.subject}`)).toEqual(["4 Математика", "4 Окружающий мир", "4 Русский язык", "5 Математика", "5 Русский язык", "6 История", "8 Математика", "8 Физика"]);
    expect(text(b, "Анализ")).toMatch(/^Анализ результатов ВПР/);
    expect(text(b, "Анализ 4 Русский язык")).toMatch(/Выполнение заданий/);
  });

  test("the figures for 4А Русский язык equal a computation by hand from its score sheet", async () => {
    const b = await scoredSchool();
    const snapshot = await b.read(null);
    const work = findWork("RU4-2026")!;
    const sheet = snapshot.sheets["4А Русский язык"].values;
    const header = sheet[0];
    const vCol = header.indexOf("Вариант");
    const itemCols = work.items.map((i) => header.findIndex((h) => typeof h === "string" && h.startsWith(`${i.label} (`)));
    const totals: number[] = [];
    const itemSums = work.items.map(() => 0);
    let absent = 0;
    for (const row of sheet.slice(1)) {
      if (typeof row[0] !== "number") continue;
      if (row[vCol] === "отсутствовал") {
        absent++;
        continue;
      }
      const scores = itemCols.map((c) => (typeof row[c] === "number" ? (row[c] as number) : 0));
      expect(checkRow(work, { variants: [row[vCol]], scores: itemCols.map((c) => row[c]) }).issues.filter((i) => i.severity === "error")).toEqual([]);
      totals.push(scores.reduce((a, s) => a + s, 0));
      scores.forEach((s, i) => (itemSums[i] += s));
    }
    const { data } = planAnalysis(snapshot, { today: "x" });
    const group = data.works.find((w) => w.work.id === "RU4-2026")!.statistics.groups.find((g) => g.class === "4А")!;
    expect(group.wrote).toBe(totals.length);
    expect(group.absent).toBe(absent);
    expect(group.meanScore).toBeCloseTo(totals.reduce((a, t) => a + t, 0) / totals.length, 2);
    const marks = totals.map((t) => (t >= 21 ? 5 : t >= 16 ? 4 : t >= 10 ? 3 : 2));
    expect(group.marks).toEqual({ "2": marks.filter((m) => m === 2).length, "3": marks.filter((m) => m === 3).length, "4": marks.filter((m) => m === 4).length, "5": marks.filter((m) => m === 5).length });
    expect(group.items.map((i) => i.completion)).toEqual(itemSums.map((s, i) => Math.round((s / (totals.length * work.items[i].max)) * 1000) / 10));
    // The summary sheet carries the same figures on the class's row of that work's table.
    await analyze(b, { today: "x" });
    const summary = b.sheets.get("Анализ")!;
    const table = summary.findIndex((row) => String(row[0]).startsWith("Русский язык, 4 класс"));
    const at = summary.findIndex((row, i) => i > table && row[0] === "4А");
    expect(table).toBeGreaterThan(0);
    expect(summary[at].slice(1, 5)).toEqual([group.students, group.wrote, group.absent, group.meanScore]);
  });

  test("the slips for parents only when asked; a second run replaces the same sheets with the same content", async () => {
    const b = await scoredSchool();
    expect((await analyze(b, { today: "26.11.2026" })).sheets).not.toContain("Результаты для родителей");
    await analyze(b, { today: "26.11.2026" });
    const before = [...b.sheets].map(([n, v]) => [n, JSON.stringify(v)]);
    const again = await analyze(b, { today: "26.11.2026" });
    expect(again.created).toEqual([]);
    expect(again.replaced.length).toBe(again.sheets.length);
    expect([...b.sheets].map(([n, v]) => [n, JSON.stringify(v)])).toEqual(before);
  });

  test("a sheet of the user's named «Анализ» is never touched: blocked, nothing written", async () => {
    const b = await scoredSchool();
    await b.apply({ sheets: [{ name: "Анализ", mode: "create", values: [["мои заметки"]] }], cellWrites: [] });
    const applies = b.applies;
    const r = await analyze(b);
    expect(r.status).toBe("blocked");
    expect(r.findings.find((f) => f.code === "sheet.not-owned")?.sheet).toBe("Анализ");
    expect(b.applies).toBe(applies);
    expect(b.sheets.get("Анализ")).toEqual([["мои заметки"]]);
  });

  test("names stay in the workbook: the results sheet and slips hold them, uploads do not, remove-names clears them all", async () => {
    const b = await scoredSchool();
    await analyze(b, { today: "26.11.2026", slips: true });
    const names = school.students.map((s) => s.name);
    expect(text(b, "Результаты учеников")).toContain(names[0]);
    expect(text(b, "Результаты для родителей")).toContain(names[0]);
    const uploads = await buildUploads(b);
    expect(uploads.files.length).toBeGreaterThan(0);
    for (const f of uploads.files) {
      const zip = await JSZip.loadAsync(f.bytes);
      const parts = await Promise.all(Object.values(zip.files).filter((e) => !e.dir).map((e) => e.async("string")));
      const flat = f.fileName + parts.join("\n");
      for (const n of names) expect(flat).not.toContain(n);
    }
    const removed = await removeNames(b);
    expect(removed.status).toBe("done");
    expect(removed.summary.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Результаты учеников", "Результаты для родителей"]));
    const keys = new Set(names.map(nameKey));
    for (const [sheet, rows] of b.sheets) for (const row of rows) for (const v of row) if (typeof v === "string") expect([sheet, keys.has(nameKey(v))]).toEqual([sheet, false]);
    // The analysis made again after remove-names has no names to show.
    await analyze(b, { today: "26.11.2026", slips: true });
    for (const [, rows] of b.sheets) for (const row of rows) for (const v of row) if (typeof v === "string") expect(keys.has(nameKey(v))).toBe(false);
  });

  test("--json shape: works with groups per class and the grade, figures, never a name", async () => {
    const b = await scoredSchool();
    const r = await analyze(b, { write: false });
    expect(b.sheets.has("Анализ")).toBe(false);
    const json = analysisJson(r.data);
    const ru4 = json.works.find((w) => w.workId === "RU4-2026")!;
    expect(ru4).toMatchObject({ subject: "Русский язык", grade: 4, maxTotal: 24, scale: [10, 16, 21] });
    expect(ru4.groups.map((g) => g.class)).toEqual(["4А", "4Б", null]);
    const grade = ru4.groups[2];
    expect(Object.keys(grade)).toEqual(expect.arrayContaining(["class", "students", "wrote", "absent", "meanScore", "medianScore", "marks", "successRate", "qualityRate", "meanMark", "histogram", "items", "journal"]));
    expect(grade.students).toBe(ru4.groups[0].students + ru4.groups[1].students);
    const flat = JSON.stringify(json);
    for (const s of school.students) expect(flat).not.toContain(s.name);
  });
});

describe("the analysis and «Журнал баллов»", () => {
  test("no upload yet: no count; after the upload one score edited: the count is 1, on the summary and in the JSON", async () => {
    const b = await scoredSchool();
    expect((await analyze(b, { write: false })).data.changesSinceUpload).toBeNull();
    expect((await buildUploads(b)).files.length).toBeGreaterThan(0);
    expect((await analyze(b, { write: false })).data.changesSinceUpload).toBe(0);
    // An expert changes one score of 4А Русский язык after the upload.
    const sheet = b.sheets.get("4А Русский язык")!;
    const row = sheet.findIndex((r, i) => i > 0 && typeof r[2] === "number");
    b.setCell("4А Русский язык", `C${row + 1}`, (sheet[row][2] as number) === 0 ? 1 : 0);
    const r = await analyze(b, { today: "26.11.2026" });
    expect(r.data.changesSinceUpload).toBe(1);
    expect(analysisJson(r.data).changesSinceUpload).toBe(1);
    expect(text(b, "Анализ")).toMatch(/Изменений баллов после последней загрузки форм: 1/);
  });
});
