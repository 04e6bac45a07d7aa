// `vpr check` and `vpr upload [--work ID]…` per work: which forms are ready and why the others are
// not; a work written later never holds back the forms of the works already checked.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { seededRandom } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { edit, listDir, tempDir, vpr } from "./helpers";

const school = sampleSchool(2026, { "4А": 6, "4Б": 5, "5А": 6, "6А": 4, "8А": 5 });

let dir: string;
let file: string;
let ready: Uint8Array;

beforeAll(async () => {
  const b = FileBackend.empty();
  await b.apply(sampleWorkbookPlan(school));
  await makeCodes(b, { random: seededRandom(1) });
  await makeScoreSheets(b);
  await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3), 0) });
  ready = await b.toBytes();
});

beforeEach(async () => {
  dir = await tempDir();
  file = path.join(dir, "школа.xlsx");
  await fs.writeFile(file, ready);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** «8А Физика» row 3 left blank: the physics work has not been scored yet. */
const physicsNotScored = () =>
  edit(file, async (b) => {
    const header = (await b.read(["8А Физика"])).sheets["8А Физика"].values[0];
    const cells = header.flatMap((h, c) => (typeof h === "string" && (/^Вариант/.test(h) || /\(\d+б\)$/.test(h)) ? [{ sheet: "8А Физика", address: `${String.fromCharCode(65 + c)}3`, value: null }] : []));
    await b.apply({ sheets: [], cellWrites: cells });
  });

const NOT_READY = "не готова: 8 класс, Физика (8А) — не заполнено строк — 1 на листе «8А Физика»";

test("check: the forms ready and, for each other one, why not", async () => {
  await physicsNotScored();
  const r = await vpr(dir, "check", "школа.xlsx");
  expect(r.code).toBe(1);
  expect(r.out).toContain("Формы для ФИС ОКО: готовы 7 из 8.");
  expect(r.out).toContain(NOT_READY);
});

test("upload writes every ready form and lists the one that is not (exit 0)", async () => {
  await physicsNotScored();
  const r = await vpr(dir, "upload", "школа.xlsx", "--out", "формы");
  expect(r.code).toBe(0);
  const names = await listDir(path.join(dir, "формы"));
  expect(names).toHaveLength(7);
  expect(names).not.toContain("780999_8_Физика.xlsx");
  expect(r.out).toContain("Записано форм: 7");
  expect(r.out).toContain(NOT_READY);
  expect(r.out).toContain("Неготовые формы не записаны");
});

test("upload --work: only those forms; a chosen work not ready writes nothing (exit 1); an unknown id (exit 2)", async () => {
  await physicsNotScored();
  const two = await vpr(dir, "upload", "школа.xlsx", "--out", "две", "--work", "RU4-2026", "--work", "ma4-2023");
  expect(two.code).toBe(0);
  expect(await listDir(path.join(dir, "две"))).toEqual(["780999_4_Математика.xlsx", "780999_4_Русский язык.xlsx"]);
  expect(two.out).not.toContain("Физика");

  const physics = await vpr(dir, "upload", "школа.xlsx", "--out", "физика", "--work", "PH8-ДЕМО", "--work", "RU4-2026");
  expect(physics.code).toBe(1);
  expect(physics.err).toContain("выбранные работы ещё не готовы");
  expect(physics.err).toContain(NOT_READY);
  expect(physics.out).toMatch(/'8А Физика'!B3: строка не заполнена/);
  await expect(fs.access(path.join(dir, "физика"))).rejects.toThrow();

  const unknown = await vpr(dir, "upload", "школа.xlsx", "--out", "x", "--work", "XX9-2030");
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain("В плане нет работ: XX9-2030");
  expect(unknown.err).toContain("PH8-ДЕМО");
});

test("a code erased from the roster: check names the cell and the code to put back, and never suggests new codes", async () => {
  let code = 0;
  await edit(file, async (b) => {
    code = (await b.read(["Ученики"])).sheets["Ученики"].values[2][3] as number;
    await b.apply({ sheets: [], cellWrites: [{ sheet: "Ученики", address: "D3", value: null }] });
  });
  const r = await vpr(dir, "check", "школа.xlsx");
  expect(r.code).toBe(1);
  expect(r.out).toContain(`'Ученики'!D3: у ученика нет кода`);
  expect(r.out).toContain(`впишите код ${code} в «Ученики»!D3`);
  expect(r.out).not.toMatch(/vpr codes|выдайте коды|создайте листы для баллов заново/);
});
