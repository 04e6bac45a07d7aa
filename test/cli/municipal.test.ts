// `vpr municipal` on a generated folder: two schools' own forms (in subfolders), a FIS OKO export of
// other schools, a broken file; with the list of schools, «Критерии» and the observers. The text, the
// JSON (files, schools with works, works with "school" per group, flags — observers by row, never by
// name) and the workbook «Свод»; the progress line on stderr; the arguments refused with exit 2.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../../src/workbook/backend";
import { buildNewWorkbook } from "../../src/workbook/file/newWorkbook";
import { buildSchool, type BuiltSchool } from "../helpers/recheckSchools";
import { openFile, tempDir, vpr } from "./helpers";

const book = (sheets: { name: string; values: CellValue[][] }[]): Promise<Uint8Array> => buildNewWorkbook({ sheets, properties: {} });
const EXPORT = "Проведение работы по математике, 4 класс. ВПР 2026.xlsx";
const OBSERVER = "Наблюдателева Ольга Петровна";

let dir: string;
let folder: string;
let schools: BuiltSchool[];

beforeAll(async () => {
  dir = await tempDir();
  folder = path.join(dir, "школы");
  await fs.mkdir(folder);
  schools = [await buildSchool("780101", 21), await buildSchool("780102", 22)];
  for (const s of schools) {
    await fs.mkdir(path.join(folder, s.school.school));
    for (const f of s.forms) await fs.writeFile(path.join(folder, s.school.school, f.name), f.bytes);
  }
  const h = ["логин школы", "регион", "номер обучающегося", "код обучающегося", "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов", "балл за 1", "балл за 2", "Учебник", "Др.уч. автор", "Др.уч. название"];
  const rows: CellValue[][] = [h];
  for (let i = 0; i < 12; i++) rows.push(["sch780201", "22", String(i + 1), String(40100 + i), "4", i % 2 ? "м" : "ж", "а", "1", "2", "1", String(i % 2), "", "", ""]);
  rows.push(["sch780201", "22", "99", "40199", "", "", "", "отсутствовал", "", "", "", "", "", ""]);
  await fs.writeFile(path.join(folder, EXPORT), await book([{ name: "Лист1", values: rows }]));
  await fs.writeFile(path.join(folder, "780103_4_Математика.xlsx"), new Uint8Array([80, 75, 3, 4, 1, 2]));
  await fs.writeFile(path.join(dir, "школы.xlsx"), await book([{ name: "Школы", values: [["Код ОО", "Наименование", "Муниципалитет", "Параллели", "Работы"], ["780101", "Школа № 1", "г. Алейск", "", ""], ["780102", "Школа № 2", "г. Алейск", "", ""], ["780201", "Школа № 3", "Алейский район", "", "Математика 4"], ["780103", "Школа № 4", "Алейский район", "", "Математика 4"]] }]));
  await fs.writeFile(path.join(dir, "наблюдатели.xlsx"), await book([{ name: "Наблюдатели", values: [["ФИО", "Место работы (код ОО)", "Дети: код ОО и класс", "Назначен в (код ОО)"], [OBSERVER, "780101", null, "780101"], ["Другой Наблюдатель", "780102", "780201 4а", "780201"], ["Третий", null, null, "780102"]] }]));
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("vpr municipal", () => {
  test("--json: files, schools with their works, works with a school per group, observer flags by row; a progress line", async () => {
    const r = await vpr(dir, "municipal", "школы", "--schools", "школы.xlsx", "--observers", "наблюдатели.xlsx", "--json");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Файл 1 из \d+: /);
    const j = JSON.parse(r.out);
    const files = new Map(j.files.map((f: { file: string }) => [f.file, f]));
    expect(files.get(EXPORT)).toMatchObject({ kind: "export", subject: expect.any(String), grade: 4, rows: 13 });
    expect(files.get("780103_4_Математика.xlsx")).toMatchObject({ kind: "unreadable", rows: 0 });
    for (const s of schools) for (const f of s.forms) expect(files.get(`${s.school.school}/${f.name}`)).toMatchObject({ kind: "form" });
    const byCode = new Map(j.schools.map((s: { school: string }) => [s.school, s]));
    expect(byCode.get("780201")).toMatchObject({ name: "Школа № 3", municipality: "Алейский район", works: [expect.objectContaining({ grade: 4, status: "received", participants: 12, absent: 1 })] });
    expect((byCode.get("780103") as { works: { status: string }[] }).works.map((w) => w.status)).toEqual(["invalid"]);
    for (const w of j.works) {
      expect(w.groups[w.groups.length - 1].school).toBeNull();
      expect(w.groups.slice(0, -1).every((g: { school: string | null }) => /^\d{6}$/.test(g.school!))).toBe(true);
    }
    const obs = j.flags.filter((f: { code: string }) => f.code.startsWith("municipal.observer"));
    expect(obs.map((f: { row: number; code: string; school: string }) => [f.row, f.code, f.school])).toEqual([
      [2, "municipal.observer-works-there", "780101"],
      [3, "municipal.observer-child-there", "780201"],
    ]);
    expect(r.out).not.toContain("Наблюдателева");
    expect(r.out).not.toContain("Другой Наблюдатель");
  }, 120_000);

  test("--out writes «Свод» with its five sheets; the text names rows, not observers", async () => {
    const r = await vpr(dir, "municipal", "школы", "--schools", "школы.xlsx", "--observers", "наблюдатели.xlsx", "--out", "свод.xlsx");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Свод записан: свод.xlsx.");
    expect(r.out).toContain("строка 2: ОО 780101 — работает там (B2)");
    expect(r.out).not.toContain(OBSERVER);
    const snap = await (await openFile(path.join(dir, "свод.xlsx"))).read(null);
    expect(snap.sheetNames).toEqual(["Мониторинг", "Статистика", "Признаки", "Наблюдатели", "Файлы"]);
    expect(JSON.stringify(snap.sheets["Наблюдатели"].values)).toContain(OBSERVER);
    expect(JSON.stringify(snap.sheets["Мониторинг"].values)).toContain("Алейский район");
  }, 120_000);

  test("refusals, exit 2: no folder, a file for a folder, no .xlsx, an observers' file without the sheet", async () => {
    expect((await vpr(dir, "municipal")).code).toBe(2);
    const missing = await vpr(dir, "municipal", "нет-такой");
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining("Папки «нет-такой» нет.")]);
    const file = await vpr(dir, "municipal", "школы.xlsx");
    expect([file.code, file.err]).toEqual([2, expect.stringContaining("не папка")]);
    await fs.mkdir(path.join(dir, "пусто"), { recursive: true });
    expect((await vpr(dir, "municipal", "пусто")).err).toContain("нет файлов .xlsx");
    const bad = await vpr(dir, "municipal", "школы", "--observers", "школы.xlsx");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Список наблюдателей «школы.xlsx» использовать нельзя");
    expect(bad.err).toContain("нет листа «Наблюдатели»");
    const en = await vpr(dir, "--lang", "en", "municipal", "нет-такой");
    expect(en.err).toContain('No folder "нет-такой".');
  }, 120_000);

  test("help in Russian and English", async () => {
    expect((await vpr(dir, "municipal", "--help")).out).toContain("Использование: vpr municipal <папка>");
    expect((await vpr(dir, "--lang", "en", "help", "municipal")).out).toContain("Usage: vpr municipal <folder>");
  });
});
