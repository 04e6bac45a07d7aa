// `vpr demo` in-process: the whole flow on the sample school, its files, its summary, determinism.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { seededRandom } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { makeCodes } from "../../src/workbook/operations";
import { sampleSchool, sampleWorkbookPlan } from "../../src/workbook/sample";
import { contentParts, listDir, openFile, rosterCodes, tempDir, vpr } from "./helpers";

const UPLOADS = ["780999_4_Математика.xlsx", "780999_4_Окружающий мир.xlsx", "780999_4_Русский язык.xlsx", "780999_5_Математика.xlsx", "780999_5_Русский язык.xlsx", "780999_6_История.xlsx", "780999_8_Математика.xlsx", "780999_8_Физика.xlsx"];

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("vpr demo", () => {
  let run: Awaited<ReturnType<typeof vpr>>;
  beforeAll(async () => {
    run = await vpr(dir, "demo", "--out", "a", "--seed", "2026");
  });

  test("writes the workbook and one upload file per work, and prints a summary", async () => {
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    expect(await listDir(path.join(dir, "a"))).toEqual(["школа-780999.xlsx", ...UPLOADS].sort());
    for (const text of ["Классы", "Работы", "Записанные файлы", "Всего учеников: 119", "школа-780999.xlsx", "КБ", "8А Физика", "Проверка: ошибок 0"]) expect(run.out).toContain(text);
    expect(run.out).toMatch(/^\s+4Б\s+25\s+Русский язык, Математика$/m);
    for (const f of UPLOADS) expect(run.out).toContain(f);
    // The demo ends with the analysis: its sheets in the workbook, the school summary printed.
    expect(run.out).toContain("Анализ результатов: листов — 12");
    expect(run.out).toMatch(/Русский язык, 4 класс \(RU4-2026, максимум 24\)/);
    expect(run.out).toMatch(/^\s+Параллель\s+\d+\s+[\d.]+/m);
    const names = (await (await openFile(path.join(dir, "a", "школа-780999.xlsx"))).read([])).sheetNames;
    expect(names).toEqual(expect.arrayContaining(["Анализ", "Анализ 4 Русский язык", "Результаты учеников", "Результаты для родителей"]));
    // The workbook the demo wrote passes the check of the CLI.
    expect((await vpr(dir, "check", path.join("a", "школа-780999.xlsx"))).code).toBe(0);
  });

  test("assigning codes again for the late students kept every earlier code", async () => {
    const school = sampleSchool(2026);
    const alone = FileBackend.empty();
    await alone.apply(sampleWorkbookPlan(school));
    await makeCodes(alone, { random: seededRandom(2026) });
    const first = await rosterCodes(alone);
    const final = await rosterCodes(await openFile(path.join(dir, "a", "школа-780999.xlsx")));
    expect(final.length).toBe(first.length + school.late.length);
    expect(final.slice(0, first.length)).toEqual(first);
    expect(final.every((c) => typeof c === "number")).toBe(true);
    expect(new Set(final).size).toBe(final.length);
  });

  test("no personal name in any upload file", async () => {
    const school = sampleSchool(2026);
    const JSZip = (await import("jszip")).default;
    for (const f of UPLOADS) {
      const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, "a", f)));
      const text = (await Promise.all(Object.values(zip.files).map((e) => e.async("string")))).join("\n");
      for (const s of [...school.students, ...school.late]) expect(text.includes(s.name.split(" ")[0])).toBe(false);
    }
  });

  test("the same seed gives the same files; the default folder is ./demo-output; --lang en", async () => {
    const second = await vpr(dir, "demo", "--lang", "en");
    expect(second.code).toBe(0);
    expect(second.out).toContain("Demo on the fictional school 780999 (seed 2026)");
    expect(second.out).toContain("Files written");
    for (const f of ["школа-780999.xlsx", ...UPLOADS]) {
      const a = await contentParts(new Uint8Array(await fs.readFile(path.join(dir, "a", f))));
      const b = await contentParts(new Uint8Array(await fs.readFile(path.join(dir, "demo-output", f))));
      expect(b).toEqual(a);
    }
    expect((await listDir(path.join(dir, "demo-output"))).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("another seed, another school; a bad seed is a usage error", async () => {
    const other = await vpr(dir, "demo", "--out", "b", "--seed", "7");
    expect(other.code).toBe(0);
    const a = await rosterCodes(await openFile(path.join(dir, "a", "школа-780999.xlsx")));
    const b = await rosterCodes(await openFile(path.join(dir, "b", "школа-780999.xlsx")));
    expect(b).not.toEqual(a);
    expect((await vpr(dir, "demo", "--seed", "abc")).code).toBe(2);
    expect((await vpr(dir, "demo", "extra")).code).toBe(2);
  });
});
