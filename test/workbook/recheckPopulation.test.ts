// What the re-check sample is drawn from (src/workbook/recheck/population.ts): one school's workbook
// and a folder of upload forms of three fictional schools; only written works; what is no form.
import { drawSample } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { readAll } from "../../src/workbook/operations";
import { checkWorkbook } from "../../src/workbook/check";
import { populationFromFiles, populationFromWorkbook } from "../../src/workbook/recheck/population";
import { parseFormFileName } from "../../src/workbook/recheck/uploadForm";
import { buildSchool, type BuiltSchool } from "../helpers/recheckSchools";

let schools: BuiltSchool[];
beforeAll(async () => {
  schools = await Promise.all([buildSchool("780001", 11), buildSchool("780002", 12), buildSchool("780003", 13)]);
});

test("a workbook: every present row of its score sheets, none absent, with the school code of «Настройки»", async () => {
  const snapshot = await readAll(schools[1].workbook);
  const pop = populationFromWorkbook(snapshot, "школа.xlsx");
  expect(pop.findings).toEqual([]);
  const checked = checkWorkbook(snapshot);
  const rows = checked.sheets.flatMap((s) => s.rows.map((r) => ({ s, r })));
  const present = rows.filter(({ r }) => r.check.status === "present");
  const absent = rows.filter(({ r }) => r.check.status === "absent" || r.check.status === "partly-absent");
  expect(absent.length).toBeGreaterThan(0);
  expect(pop.works).toHaveLength(present.length);
  expect(pop.absent).toBe(absent.length);
  const absentCodes = new Set(absent.map(({ s, r }) => `${s.plan.work.id} ${r.row.code}`));
  for (const w of pop.works) {
    expect(w.school).toBe("780002");
    expect(absentCodes.has(`${w.workId} ${w.code}`)).toBe(false);
    expect([1, 2]).toContain(w.variant);
  }
  expect(new Set(pop.works.map((w) => w.workId))).toEqual(new Set(["RU4-2026", "MA4-2023", "OM4-2018", "RU5-ДЕМО", "MA5-15", "HI6-ДЕМО", "MA8-2021", "PH8-ДЕМО"]));
});

test("a workbook without a school code is refused, naming «Настройки»", async () => {
  const b = await FileBackend.fromBytes(await schools[0].workbook.toBytes());
  const snapshot = await readAll(b);
  const settings = snapshot.sheets["Настройки"].values;
  const row = settings.findIndex((r) => String(r[0]).startsWith("Код ОО"));
  settings[row][1] = null;
  const pop = populationFromWorkbook(snapshot, "школа.xlsx");
  expect(pop.works).toEqual([]);
  expect(pop.findings[0]).toMatchObject({ severity: "error", sheet: "Настройки", code: "recheck.school" });
  expect(pop.findings[0].message).toMatch(/книга «школа.xlsx»: нет кода ОО/);
});

test("a folder of forms: three schools' written works, school, grade and subject from the file name", async () => {
  const files = schools.flatMap((s) => s.forms);
  const pop = await populationFromFiles(files);
  expect(pop.findings).toEqual([]);
  expect(pop.sources).toBe(files.length);
  const fromBooks = await Promise.all(schools.map(async (s) => populationFromWorkbook(await readAll(s.workbook), "x")));
  expect(pop.works).toHaveLength(fromBooks.reduce((n, p) => n + p.works.length, 0));
  expect(pop.absent).toBe(fromBooks.reduce((n, p) => n + p.absent, 0));
  expect(new Set(pop.works.map((w) => w.school))).toEqual(new Set(["780001", "780002", "780003"]));
  const ma4 = pop.works.find((w) => w.grade === 4 && w.subject === "Математика")!;
  expect(ma4.workId).toBe("Математика 4");
  // The same codes and variants as the workbook's own rows.
  const book = fromBooks[0].works.map((w) => `${w.grade}|${w.subject}|${w.code}|${w.variant}|${w.class}`).sort();
  expect(pop.works.filter((w) => w.school === "780001").map((w) => `${w.grade}|${w.subject}|${w.code}|${w.variant}|${w.class}`).sort()).toEqual(book);
  const r = drawSample(pop.works, { percent: 10, min: 10, by: "works", weighted: false }, 5);
  for (const g of r.groups) expect(g.drawnSchools).toBe(3);
});

test("unreadable files, non-forms, misnamed forms and copies are named and never stop the others", async () => {
  const good = schools[0].forms;
  const notForm = await schools[0].workbook.toBytes();
  const files = [
    ...good,
    { name: "копия 780001_4_Математика.xlsx", bytes: good.find((f) => f.name === "780001_4_Математика.xlsx")!.bytes },
    { name: "broken.xlsx", bytes: new Uint8Array([1, 2, 3, 4]) },
    { name: "780009_4_Математика.xlsx", bytes: notForm },
    { name: "заметки.txt", bytes: new TextEncoder().encode("текст") },
    { name: "~$780001_4_Математика.xlsx", bytes: new Uint8Array([0]) },
  ];
  const pop = await populationFromFiles(files);
  expect(pop.sources).toBe(good.length);
  const all = (await populationFromFiles(good)).works;
  expect(pop.works).toEqual(all);
  const messages = pop.findings.map((f) => f.message).join("\n");
  expect(messages).toMatch(/«broken.xlsx» не открывается/);
  expect(messages).toMatch(/«780009_4_Математика.xlsx»: нет листа «Протокол»/);
  expect(messages).toMatch(/«копия 780001_4_Математика.xlsx»: имя не похоже на имя формы/);
  expect(messages).toMatch(/«заметки.txt»: не .xlsx/);
  expect(messages).not.toMatch(/~\$/);
  expect(pop.findings.every((f) => f.severity === "warning")).toBe(true);
});

test("a form whose variant is mistyped names file, sheet and cell; a copy under a form's name counts once", async () => {
  const form = schools[2].forms.find((f) => f.name === "780003_4_Русский язык.xlsx")!;
  const b = await FileBackend.fromBytes(form.bytes);
  await b.apply({ sheets: [], cellWrites: [{ sheet: "Протокол", address: "B2", value: "вар" }] });
  const edited = await b.toBytes();
  const pop = await populationFromFiles([{ name: form.name, bytes: edited }, { name: "780003_4_Русский язык.xlsx".replace(".xlsx", ".XLSX"), bytes: form.bytes }]);
  const variant = pop.findings.find((f) => f.code === "recheck.variant")!;
  expect(variant).toMatchObject({ sheet: "Протокол", cell: "B2" });
  expect(variant.message).toMatch(/файл «780003_4_Русский язык.xlsx», код \d+: вариант «вар»/);
  expect(pop.findings.some((f) => f.code === "recheck.duplicate")).toBe(true);
});

test("form file names", () => {
  expect(parseFormFileName("470167_8_История.xlsx")).toEqual({ school: "470167", grade: 8, subject: "История" });
  expect(parseFormFileName("47016_8_История.xlsx")).toBeNull();
  expect(parseFormFileName("470167_12_История.xlsx")).toBeNull();
});
