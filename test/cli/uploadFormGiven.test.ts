// An upload form for FIS OKO given where the coordinator's workbook is expected: every command
// says what the file is and what to give instead (exit 2), and writes nothing — no save, no backup,
// no output folder.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { blankUploadForm, sampleUploadForm } from "../helpers/uploadForm";
import { listDir, tempDir, vpr } from "./helpers";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const COMMANDS: string[][] = [["init"], ["codes"], ["sheets"], ["check"], ["check", "--json"], ["upload", "--out", "формы"], ["remove-names"], ["remove-names", "--yes"]];

test("every command refuses a filled upload form, in Russian, and writes nothing", async () => {
  const form = await sampleUploadForm();
  const file = path.join(dir, form.name);
  await fs.writeFile(file, form.bytes);
  for (const [command, ...rest] of COMMANDS) {
    const r = await vpr(dir, command, form.name, ...rest);
    expect([command, r.code]).toEqual([command, 2]);
    expect(r.err).toContain(`«${form.name}»: Это форма для загрузки результатов в ФИС ОКО (лист «Протокол»: Код | Вариант | 1 (1б) | 2 (1б) | …; строк с кодами: 49), а не книга координатора: в ней нет листов «Настройки», «Ученики», «План».`);
    expect(r.err).toContain("Форму загружают в ФИС ОКО как есть");
    expect(r.err).toContain("Укажите книгу координатора — файл с листами «Настройки», «Ученики», «План»");
    expect(r.err).toContain("Ничего не записано.");
    expect(r.out).toBe("");
  }
  expect(await listDir(dir)).toEqual([form.name]);
  expect(new Uint8Array(await fs.readFile(file))).toEqual(form.bytes);
});

test("a blank form: says how a blank is used; --lang en in English", async () => {
  await fs.writeFile(path.join(dir, "бланк.xlsx"), await blankUploadForm());
  const r = await vpr(dir, "codes", "бланк.xlsx");
  expect(r.code).toBe(2);
  expect(r.err).toContain("Это бланк формы для загрузки результатов в ФИС ОКО");
  expect(r.err).toContain('vpr upload <книга.xlsx> --out <папка> --form "бланк.xlsx"');
  const en = await vpr(dir, "sheets", "бланк.xlsx", "--lang", "en");
  expect(en.err).toContain('"бланк.xlsx" is a blank upload form for FIS OKO (sheet «Протокол»: Код | Вариант');
  expect(en.err).toContain("Nothing was written.");
  expect(await listDir(dir)).toEqual(["бланк.xlsx"]);
});
