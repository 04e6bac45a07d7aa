// `vpr analyze` in-process: sheets written with a backup, --json writes nothing and prints the
// documented shape, --out, an upload form given by mistake, --help.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { listDir, openFile, school, tempDir, vpr } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  expect((await vpr(dir, "demo", "--out", "d")).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const book = () => path.join("d", "школа-780999.xlsx");

test("--json prints the statistics in the documented shape and writes nothing", async () => {
  const before = await fs.readFile(path.join(dir, book()));
  const run = await vpr(dir, "analyze", book(), "--json");
  expect(run.code).toBe(0);
  const json = JSON.parse(run.out);
  expect(Object.keys(json)).toEqual(expect.arrayContaining(["school", "works"]));
  const ma4 = json.works.find((w: { workId: string }) => w.workId === "MA4-2023");
  expect(ma4).toMatchObject({ subject: "Математика", grade: 4, maxTotal: 20, scale: [6, 10, 15] });
  const grade = ma4.groups[ma4.groups.length - 1];
  expect(grade.class).toBeNull();
  for (const k of ["students", "wrote", "absent", "meanScore", "medianScore", "marks", "successRate", "qualityRate", "meanMark", "histogram", "items", "journal"]) expect(grade).toHaveProperty(k);
  expect(grade.items[0]).toEqual(expect.objectContaining({ label: "1", max: 1, level: null }));
  expect(Object.keys(grade.journal)).toEqual(expect.arrayContaining(["lower", "same", "higher", "missing"]));
  for (const s of school.students) expect(run.out).not.toContain(s.name);
  expect(await fs.readFile(path.join(dir, book()))).toEqual(before);
});

test("writes the sheets into the workbook (with a dated backup) and prints the summary; --out writes elsewhere", async () => {
  const run = await vpr(dir, "analyze", book());
  expect(run.code).toBe(0);
  expect(run.out).toMatch(/Итоги по работам/);
  expect(run.out).toMatch(/Листы анализа: 11 /);
  expect(run.out).toMatch(/--slips/);
  const slips = await vpr(dir, "analyze", book(), "--slips");
  expect(slips.out).toMatch(/Листы анализа: 12 .*«Результаты для родителей»/);
  expect((await (await openFile(path.join(dir, book()))).read([])).sheetNames).toContain("Результаты для родителей");
  expect((await listDir(path.join(dir, "d"))).some((n) => n.includes(".bak-"))).toBe(true);
  const out = await vpr(dir, "analyze", book(), "--out", "copy.xlsx", "--lang", "en");
  expect(out.code).toBe(0);
  expect(out.out).toMatch(/Results per work/);
  const names = (await (await openFile(path.join(dir, "copy.xlsx"))).read([])).sheetNames;
  expect(names).toEqual(expect.arrayContaining(["Анализ", "Анализ 8 Физика", "Результаты учеников"]));
});

test("an upload form given instead of the workbook is explained, nothing written; --help describes the command", async () => {
  const form = path.join("d", "780999_4_Математика.xlsx");
  const before = await fs.readFile(path.join(dir, form));
  const run = await vpr(dir, "analyze", form);
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/форма для загрузки результатов в ФИС ОКО/);
  expect(await fs.readFile(path.join(dir, form))).toEqual(before);
  expect((await vpr(dir, "analyze", "--help")).out).toMatch(/vpr analyze <книга.xlsx> \[--out ФАЙЛ\] \[--slips\] \[--json\]/);
});
