// `vpr recheck sample` in-process: from a workbook and from a folder of three schools' forms, JSON
// to stdout (nothing written), the .xlsx with its summary, the seed recorded and reused, refusals;
// every file written passes the privacy scan.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { sampleFromSnapshot } from "../../src/workbook/recheck/sampleFile";
import { privacyScan } from "../helpers/privacyScan";
import { buildSchool, everyName, type BuiltSchool } from "../helpers/recheckSchools";
import { listDir, openFile, tempDir, vpr } from "./helpers";

let dir: string;
let schools: BuiltSchool[];
beforeAll(async () => {
  dir = await tempDir();
  schools = await Promise.all([buildSchool("780001", 21), buildSchool("780002", 22), buildSchool("780003", 23)]);
  await fs.mkdir(path.join(dir, "forms"));
  for (const f of schools.flatMap((s) => s.forms)) await fs.writeFile(path.join(dir, "forms", f.name), f.bytes);
  await fs.writeFile(path.join(dir, "forms", "сломанный.xlsx"), "не книга");
  await fs.writeFile(path.join(dir, "школа.xlsx"), await schools[0].workbook.toBytes());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("--json prints seed, rule and sample in the documented shape, writes nothing; the same seed gives the same sample", async () => {
  const before = await listDir(dir);
  const run = await vpr(dir, "recheck", "sample", "forms", "--percent", "5", "--min", "10", "--seed", "314", "--json");
  expect(run.code).toBe(0);
  const json = JSON.parse(run.out);
  expect(json.seed).toBe(314);
  expect(json.rule).toEqual({ percent: 5, min: 10, by: "works", weighted: false });
  expect(Object.keys(json.sample[0]).sort()).toEqual(["class", "code", "grade", "school", "subject", "variant", "workId"]);
  expect(json.sample[0]).toMatchObject({ school: "780001", workId: "Математика 4", subject: "Математика", grade: 4 });
  expect(new Set(json.sample.map((e: { school: string }) => e.school))).toEqual(new Set(["780001", "780002", "780003"]));
  for (const g of json.groups) expect(g.drawn).toBe(Math.min(g.works, Math.max(10, Math.ceil(g.works * 0.05))));
  expect(run.err).toMatch(/«сломанный.xlsx» не открывается/);
  for (const name of everyName(schools)) expect(run.out).not.toContain(name);
  expect(await listDir(dir)).toEqual(before);
  const again = await vpr(dir, "recheck", "sample", "forms", "--percent", "5", "--min", "10", "--seed", "314", "--json");
  expect(again.out).toBe(run.out);
  const other = await vpr(dir, "recheck", "sample", "forms", "--percent", "5", "--min", "10", "--seed", "315", "--json");
  expect(JSON.parse(other.out).sample).not.toEqual(json.sample);
});

test("without a seed one is chosen and recorded; --seed with it repeats the draw", async () => {
  const run = await vpr(dir, "recheck", "sample", "школа.xlsx", "--min", "5", "--by", "classes", "--weight", "--json");
  expect(run.code).toBe(0);
  const json = JSON.parse(run.out);
  expect(Number.isInteger(json.seed)).toBe(true);
  expect(json.rule).toEqual({ percent: null, min: 5, by: "classes", weighted: true });
  const again = await vpr(dir, "recheck", "sample", "школа.xlsx", "--min", "5", "--by", "classes", "--weight", "--json", "--seed", String(json.seed));
  expect(JSON.parse(again.out)).toEqual(json);
});

test("the .xlsx: «Выборка» and «Параметры» read back as the same sample, a summary per subject × grade, no name in the file", async () => {
  const run = await vpr(dir, "recheck", "sample", "forms", "--percent", "10", "--min", "8", "--seed", "77", "--out", "out/выборка.xlsx");
  expect(run.code).toBe(0);
  expect(run.out).toMatch(/Выборка для перепроверки: \d+ из \d+ написанных работ \(школ: 3, форм: 24\)/);
  expect(run.out).toMatch(/Зерно: 77\./);
  expect(run.out).toMatch(/Параллель\s+Предмет\s+Работ\s+Порог\s+Отобрано\s+Классов\s+Школ/);
  expect(run.out).toMatch(/4\s+Математика\s+\d+\s+\d+\s+\d+\s+6 из 6\s+3 из 3/);
  expect(run.out).toMatch(/Предупреждения \(1\):\n.*сломанный.xlsx/);
  const bytes = new Uint8Array(await fs.readFile(path.join(dir, "out", "выборка.xlsx")));
  expect(await privacyScan(bytes, everyName(schools))).toEqual([]);
  const { sample } = sampleFromSnapshot(await (await FileBackend.fromBytes(bytes)).read(null), "выборка.xlsx");
  const json = JSON.parse((await vpr(dir, "recheck", "sample", "forms", "--percent", "10", "--min", "8", "--seed", "77", "--json")).out);
  expect(sample).toEqual({ seed: 77, rule: json.rule, sample: json.sample });
});

test("from the workbook, in English; the default file name carries the seed", async () => {
  const run = await vpr(dir, "recheck", "sample", "школа.xlsx", "--percent", "1", "--seed", "5", "--lang", "en");
  expect(run.code).toBe(0);
  expect(run.out).toMatch(/Re-check sample: 8 of \d+ written works \(schools: 1\)/);
  expect(run.out).toMatch(/Absent \(not works, never drawn\): \d+/);
  const bytes = new Uint8Array(await fs.readFile(path.join(dir, "выборка-5.xlsx")));
  expect(await privacyScan(bytes, everyName(schools))).toEqual([]);
  expect((await (await openFile(path.join(dir, "выборка-5.xlsx"))).read([])).sheetNames).toEqual(["Выборка", "Параметры"]);
});

test("refusals: no threshold, bad values, --json with --out, nothing to draw from, an upload form given as the workbook", async () => {
  expect((await vpr(dir, "recheck", "sample", "forms")).err).toMatch(/--percent P .*--min N/);
  expect((await vpr(dir, "recheck", "sample", "forms", "--percent", "0")).code).toBe(2);
  expect((await vpr(dir, "recheck", "sample", "forms", "--percent", "0,5", "--json", "--seed", "1")).code).toBe(0);
  expect((await vpr(dir, "recheck", "sample", "forms", "--min", "1.5")).err).toMatch(/--min 1.5/);
  expect((await vpr(dir, "recheck", "sample", "forms", "--min", "3", "--by", "schools")).err).toMatch(/--by schools/);
  expect((await vpr(dir, "recheck", "sample", "forms", "--min", "3", "--seed", "9999999999")).code).toBe(2);
  expect((await vpr(dir, "recheck", "sample", "forms", "--min", "3", "--json", "--out", "x.xlsx")).err).toMatch(/--json/);
  expect((await vpr(dir, "recheck", "sample", "forms", "--min", "3", "--out", "x.csv")).code).toBe(2);
  expect((await vpr(dir, "recheck", "sample")).code).toBe(2);
  await fs.mkdir(path.join(dir, "empty"));
  const empty = await vpr(dir, "recheck", "sample", "empty", "--min", "3");
  expect(empty.code).toBe(1);
  expect(empty.err).toMatch(/нет ни одной формы/);
  const form = await vpr(dir, "recheck", "sample", path.join("forms", "780001_4_Математика.xlsx"), "--min", "3");
  expect(form.code).toBe(2);
  expect(form.err).toMatch(/форма для загрузки результатов в ФИС ОКО/);
  expect((await vpr(dir, "recheck", "sample", "нет.xlsx", "--min", "3")).code).toBe(2);
  expect((await vpr(dir, "recheck")).out).toMatch(/vpr recheck sample <книга.xlsx \| папка> \[--percent P\]/);
});
