// `vpr packets` and `vpr merge` in-process on the demo's workbook: packets written all together
// without a name in them; a packet edited in another program merges back — empty cells filled,
// conflicts listed and kept (exit 1), replaced with --yes; an unknown code refused, nothing written.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { privacyScan } from "../helpers/privacyScan";
import { edit, editFileInExcelJS, listDir, openFile, school, tempDir, vpr } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  expect((await vpr(dir, "demo", "--out", "d")).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const book = path.join("d", "школа-780999.xlsx");
const SHEET = "4А Математика";
const names = [...school.students, ...school.late].map((s) => s.name);
const cell = async (file: string, sheet: string, r: number, c: number) => (await (await openFile(path.join(dir, file))).read([sheet])).sheets[sheet].values[r][c];

test("packets: one file per work (or per class), no name in any; --out is required, --by checked", async () => {
  const run = await vpr(dir, "packets", book, "--out", "p");
  expect(run.code).toBe(0);
  expect(run.out).toMatch(/Пакетов для экспертов: 8, в папке p/);
  const files = await listDir(path.join(dir, "p"));
  expect(files).toContain("780999_4_Математика_баллы.xlsx");
  for (const f of files) expect(await privacyScan(new Uint8Array(await fs.readFile(path.join(dir, "p", f))), names)).toEqual([]);
  const byClass = await vpr(dir, "packets", book, "--out", "pc", "--by", "class", "--lang", "en");
  expect(byClass.code).toBe(0);
  expect(byClass.out).toMatch(/Packets for experts: 10/);
  expect(await listDir(path.join(dir, "pc"))).toContain("780999_4_Математика_4Б_баллы.xlsx");
  expect((await vpr(dir, "packets", book)).code).toBe(2);
  const bad = await vpr(dir, "packets", book, "--out", "x", "--by", "teacher");
  expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/--by «teacher»/)]);
  expect((await vpr(dir, "packets", "--help")).out).toMatch(/vpr packets <книга.xlsx> --out ПАПКА \[--by class\]/);
});

test("merge: empty cells filled; a conflict listed and kept (exit 1), then replaced with --yes", async () => {
  await vpr(dir, "packets", book, "--out", "m");
  const packet = path.join("m", "780999_4_Математика_баллы.xlsx");
  // The coordinator's D2 is emptied (to be filled from the packet); the expert changes C2.
  await edit(path.join(dir, book), (b) => b.apply({ sheets: [], cellWrites: [{ sheet: SHEET, address: "D2", value: null }] }));
  const ours = await cell(book, SHEET, 1, 2);
  const theirs = ours === 1 ? 0 : 1;
  await editFileInExcelJS(path.join(dir, packet), (wb) => {
    wb.getWorksheet(SHEET)!.getCell("C2").value = theirs;
  });
  const expected = await cell(packet, SHEET, 1, 3);
  const kept = await vpr(dir, "merge", book, packet);
  expect(kept.code).toBe(1);
  expect(kept.out).toMatch(/Принято баллов в пустые ячейки: 1 \(листы «4А Математика»\)/);
  expect(kept.out).toMatch(/Расхождений: 1 .*--yes/);
  expect(kept.out).toContain(`«4А Математика»!C2 (код`);
  expect(await cell(book, SHEET, 1, 3)).toEqual(expected);
  expect(await cell(book, SHEET, 1, 2)).toEqual(ours);
  const yes = await vpr(dir, "merge", book, packet, "--yes", "--lang", "en");
  expect(yes.code).toBe(0);
  expect(yes.out).toMatch(/Conflicts: 1 — replaced/);
  expect(await cell(book, SHEET, 1, 2)).toEqual(theirs);
  expect((await vpr(dir, "merge", book, packet)).code).toBe(0);
});

test("merge: an unknown code, a workbook given as a packet — refused with file, sheet and cell; nothing written", async () => {
  await vpr(dir, "packets", book, "--out", "u");
  const packet = path.join("u", "780999_4_Математика_баллы.xlsx");
  await editFileInExcelJS(path.join(dir, packet), (wb) => {
    wb.getWorksheet("4Б Математика")!.getCell("A3").value = 99999;
  });
  const before = await fs.readFile(path.join(dir, book));
  const run = await vpr(dir, "merge", book, packet);
  expect(run.code).toBe(1);
  expect(run.out).toMatch(/файл «u\/780999_4_Математика_баллы\.xlsx», лист «4Б Математика», ячейка A3: кода 99999 нет/);
  const own = await vpr(dir, "merge", book, book);
  expect(own.code).toBe(1);
  expect(own.out).toMatch(/это книга координатора/);
  expect(await fs.readFile(path.join(dir, book))).toEqual(before);
  expect((await vpr(dir, "merge", book)).code).toBe(2);
});
