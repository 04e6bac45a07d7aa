// vpr upload records «Журнал баллов» in the coordinator's workbook and saves it the usual way (a
// dated backup beside it); the next upload prints what changed since; an unchanged upload writes
// nothing into the workbook.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { seededRandom } from "../../src/core";
import { LOG_SHEET, readFingerprint } from "../../src/workbook/fingerprint";
import { sampleScoreWrites } from "../../src/workbook/sample";
import { editScore } from "../helpers/fingerprint";
import { edit, listDir, openFile, tempDir, vpr, writeSampleInputs } from "./helpers";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("upload saves the log with a backup; the next upload lists the change; unchanged, the workbook stays", async () => {
  const file = path.join(dir, "школа.xlsx");
  await writeSampleInputs(file);
  expect((await vpr(dir, "codes", "школа.xlsx", "--seed", "5")).code).toBe(0);
  expect((await vpr(dir, "sheets", "школа.xlsx")).code).toBe(0);
  await edit(file, async (b) => b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) }));

  const first = await vpr(dir, "upload", "школа.xlsx", "--out", "формы");
  expect(first.code).toBe(0);
  expect(first.out).toMatch(/Журнал баллов: записано форм 8, строк \d+/);
  expect(first.out).toContain("Сохранено: школа.xlsx");
  expect(first.out).toMatch(/Прежняя версия сохранена рядом: школа\.bak-\d{8}-\d{6}(-\d+)?\.xlsx/);
  expect((await listDir(path.join(dir, "формы"))).length).toBe(8);
  const log = readFingerprint(await (await openFile(file)).read(null));
  expect(log.seal.holds).toBe(true);
  expect(new Set(log.entries.map((e) => e.upload))).toEqual(new Set([1]));

  let changed = { cell: "", code: 0, old: "", now: "" };
  await edit(file, async (b) => {
    changed = await editScore(b);
  });
  const check = await vpr(dir, "check", "школа.xlsx");
  expect(check.code).toBe(0);
  expect(check.out).toContain(`ячейка ${changed.cell}, код ${changed.code}, задание 1: было ${changed.old}, стало ${changed.now}`);

  const second = await vpr(dir, "upload", "школа.xlsx", "--out", "формы2");
  expect(second.code).toBe(0);
  expect(second.out).toContain("Изменено после прошлой загрузки: 1.");
  expect(second.out).toMatch(new RegExp(`изменён балл: лист «4А Математика», ячейка ${changed.cell}`));
  expect(second.out).toMatch(/Журнал баллов: записано форм 1, строк \d+/);
  const after = await openFile(file);
  expect(new Set(readFingerprint(await after.read(null)).entries.map((e) => e.upload))).toEqual(new Set([1, 2]));
  expect((await after.read([LOG_SHEET])).sheets[LOG_SHEET]).toBeDefined();

  const bytes = await fs.readFile(file);
  const third = await vpr(dir, "upload", "школа.xlsx", "--out", "формы3");
  expect(third.code).toBe(0);
  expect(third.out).not.toContain("Журнал баллов: записано");
  expect(third.out).not.toContain("Сохранено: школа.xlsx");
  expect(await fs.readFile(file)).toEqual(bytes);
});
