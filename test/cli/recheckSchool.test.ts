// `vpr recheck package` and `vpr recheck scans` on real files: the checklist saved into the
// workbook with a backup, the protocol in the folder, and a real folder of scans with every kind
// of mistake (exit 1, each named), then put right (exit 0).
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { seededRandom } from "../../src/core";
import { CHECKLIST_SHEET } from "../../src/workbook/recheck/checklistSheet";
import { sampleScoreWrites } from "../../src/workbook/sample";
import { privacyScan } from "../helpers/privacyScan";
import { SCHOOL, otherSchool, pickWorks, sampleOf, unknownCode } from "../helpers/recheckSchool";
import { edit, listDir, openFile, school, tempDir, vpr, writeSampleInputs } from "./helpers";

async function scoredBook(dir: string): Promise<string> {
  const file = path.join(dir, "школа.xlsx");
  await writeSampleInputs(file);
  expect((await vpr(dir, "codes", "школа.xlsx", "--seed", "3")).code).toBe(0);
  expect((await vpr(dir, "sheets", "школа.xlsx")).code).toBe(0);
  await edit(file, async (b) => b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(4)) }));
  return file;
}

test("package: the checklist into the workbook (backup kept), the protocol into the folder, no names; scans: every mistake, then none", async () => {
  const dir = await tempDir();
  const file = await scoredBook(dir);
  const ours = pickWorks(await (await openFile(file)).read(null), [{ workId: "RU4-2026", className: "4А", n: 4 }], false);
  await fs.writeFile(path.join(dir, "список.json"), JSON.stringify(sampleOf([...ours, unknownCode, otherSchool]), null, 2));

  const backups = async () => (await listDir(dir)).filter((n) => n.includes(".bak-")).length;
  const backupsBefore = await backups();
  const made = await vpr(dir, "recheck", "package", "школа.xlsx", "--list", "список.json", "--out", "пакет");
  expect(made.err).toBe("");
  expect(made.code).toBe(0);
  expect(made.out).toContain("Работ школы в списке: 5, сканов нужно: 5 (работ других школ в списке: 1).");
  expect(made.out).toContain(`Протокол перепроверки «${SCHOOL}_перепроверка_протокол.xlsx» (работ: 4, без ФИО)`);
  expect(made.out).toMatch(/элемент 5 списка «список\.json» \(Математика, 4Б, код 49999\): кода 49999 нет/);
  expect(await listDir(path.join(dir, "пакет"))).toEqual([`${SCHOOL}_перепроверка_протокол.xlsx`]);
  expect(await backups()).toBe(backupsBefore + 1);
  const checklist = (await (await openFile(file)).read([CHECKLIST_SHEET])).sheets[CHECKLIST_SHEET].values;
  expect(checklist.slice(1).map((r) => r[5])).toEqual([...ours, unknownCode].map((e) => `${SCHOOL}_${e.code}_вар.${e.variant}.pdf`));
  const protocol = new Uint8Array(await fs.readFile(path.join(dir, "пакет", `${SCHOOL}_перепроверка_протокол.xlsx`)));
  expect(await privacyScan(protocol, school.students.map((s) => s.name))).toEqual([]);

  // The folder of scans, with every kind of mistake.
  const scans = path.join(dir, "сканы");
  await fs.mkdir(path.join(scans, "вложенная"), { recursive: true });
  const name = (i: number, over: { school?: string; variant?: number; ext?: string; var?: string } = {}) =>
    `${over.school ?? SCHOOL}_${ours[i].code}_${over.var ?? "вар."}${over.variant ?? ours[i].variant}.${over.ext ?? "pdf"}`;
  const PDF = "%PDF-1.7\n1 0 obj\n";
  await fs.writeFile(path.join(scans, name(0)), PDF); // right
  await fs.writeFile(path.join(scans, name(1, { school: "470167" })), PDF); // wrong school
  await fs.writeFile(path.join(scans, name(2, { variant: ours[2].variant + 1 })), PDF); // wrong variant
  await fs.writeFile(path.join(scans, name(3, { ext: "jpg" })), "\xff\xd8\xff"); // not a PDF
  await fs.writeFile(path.join(scans, `${SCHOOL}_49999_var.2.pdf`), ""); // misnamed and empty
  await fs.writeFile(path.join(scans, `${SCHOOL}_40000_вар.1.pdf`), PDF); // unknown code
  await fs.writeFile(path.join(scans, `${SCHOOL}_${ours[0].code}_вар.${ours[0].variant}.PDF`), "<html>"); // a second scan of the first work
  await fs.writeFile(path.join(scans, "список сканов.txt"), "…"); // extra
  const bad = await vpr(dir, "recheck", "scans", "школа.xlsx", "--list", "список.json", "--folder", "сканы");
  expect(bad.code).toBe(1);
  for (const text of [
    `файл «${name(1, { school: "470167" })}»: код ОО 470167, а у школы ${SCHOOL} (лист «Настройки»): переименуйте в «${name(1)}»`,
    `файл «${name(2, { variant: ours[2].variant + 1 })}»: в имени вариант ${ours[2].variant + 1}, а в списке у кода ${ours[2].code} — вариант ${ours[2].variant} (элемент 3 списка «список.json»)`,
    `файл «${name(3, { ext: "jpg" })}»: расширение «.jpg», а нужен PDF`,
    `файл «${SCHOOL}_49999_var.2.pdf»: имя написано не по образцу: переименуйте в «${SCHOOL}_49999_вар.2.pdf»`,
    `файл «${SCHOOL}_49999_var.2.pdf»: файл пустой (0 байт)`,
    `файл «${SCHOOL}_40000_вар.1.pdf»: работы с кодом 40000 в списке школы нет`,
    `файл «${SCHOOL}_${ours[0].code}_вар.${ours[0].variant}.PDF»: второй скан работы`,
    "файл «список сканов.txt»: это не скан работы из списка",
    "папка «вложенная» внутри папки сканов",
  ]) expect(bad.out).toContain(text);
  expect(bad.out).toContain("Замечаний по сканам: 9");
  expect(bad.out).toContain("Сканов готово: 1 из 5 (школа 780999).");

  // Put right: every scan named as the list says, a PDF inside.
  await fs.rm(scans, { recursive: true });
  await fs.mkdir(scans);
  for (const e of [...ours, unknownCode]) await fs.writeFile(path.join(scans, `${SCHOOL}_${e.code}_вар.${e.variant}.pdf`), PDF);
  const good = await vpr(dir, "recheck", "scans", "школа.xlsx", "--list", "список.json", "--folder", "сканы");
  expect(good.code).toBe(0);
  expect(good.out).toContain("Сканов готово: 5 из 5 (школа 780999).");
  expect(good.out).toContain("Все сканы на месте и названы верно.");
});

test("missing --list, --folder, --out, a list that is none, a folder that is not there: exit 2, nothing written", async () => {
  const dir = await tempDir();
  await scoredBook(dir);
  await fs.writeFile(path.join(dir, "пусто.json"), "{}");
  const before = await listDir(dir);
  const cases: [string[], RegExp][] = [
    [["recheck", "scans", "школа.xlsx", "--folder", "x"], /--list СПИСОК/],
    [["recheck", "scans", "школа.xlsx", "--list", "пусто.json"], /--folder ПАПКА/],
    [["recheck", "package", "школа.xlsx", "--list", "пусто.json"], /--out ПАПКА/],
    [["recheck", "package", "школа.xlsx", "--list", "пусто.json", "--out", "п"], /файл «пусто\.json» не выборка для перепроверки/],
    [["recheck", "package", "школа.xlsx", "--list", "нет.json", "--out", "п"], /нет\.json/],
  ];
  for (const [argv, message] of cases) {
    const r = await vpr(dir, ...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  }
  const list = JSON.stringify(sampleOf([unknownCode]));
  await fs.writeFile(path.join(dir, "список.json"), list);
  const r = await vpr(dir, "recheck", "scans", "школа.xlsx", "--list", "список.json", "--folder", "нет такой");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/Папка со сканами «нет такой» не открывается/);
  expect(await listDir(dir)).toEqual([...before, "список.json"].sort());
  // Both subcommands are listed in the help.
  const help = await vpr(dir, "recheck");
  expect(help.out).toContain("vpr recheck package <книга.xlsx> --list СПИСОК --out ПАПКА");
  expect(help.out).toContain("vpr recheck scans <книга.xlsx> --list СПИСОК --folder ПАПКА");
});
