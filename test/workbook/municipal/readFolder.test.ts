// The municipal reader over a generated folder: our forms of two schools (buildUploads), official
// forms filled by others, FIS OKO exports in the 2021 and 2020 layouts, and among them a truncated
// zip, a workbook that is no form, a text file, dirty rows and a name column. Every row read and
// every problem named with file, sheet and cell.
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { WorkDefinition } from "../../../src/core";
import type { CellValue } from "../../../src/workbook/backend";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { buildNewWorkbook } from "../../../src/workbook/file/newWorkbook";
import { readFolder } from "../../../src/workbook/municipal/node/readFolder";
import { parseExportFileName } from "../../../src/workbook/municipal/workFromFileName";
import type { FolderRead } from "../../../src/workbook/municipal/readSources";
import { buildSchool, type BuiltSchool } from "../../helpers/recheckSchools";

const sheetFile = (name: string, values: CellValue[][], creator = "Школа № 3"): Promise<Uint8Array> => buildNewWorkbook({ sheets: [{ name, values }], properties: { creator } });

const EXPORT_2021 = "Проведение работы по математике, 4 класс. ВПР 2021.xlsx";
const EXPORT_2020 = "Проведение работы по русскому языку, 5 класс. ВПР 2020.xlsx";

const criteria: WorkDefinition[] = [{ id: "МА4", subject: "Математика", grade: 4, year: "2021", source: "тест", items: [{ label: "1", max: 1, part: 1 }, { label: "2", max: 2, part: 1 }, { label: "3", max: 1, part: 1 }] }];

let dir: string;
let schools: BuiltSchool[];
let read: FolderRead;
let formRows: Map<string, number>;

/** Rows with a code on a form's «Протокол», counted by the file back end (the snapshot reader). */
async function rowsWithCode(bytes: Uint8Array): Promise<number> {
  const snap = await (await FileBackend.fromBytes(bytes)).read(["Протокол"]);
  return (snap.sheets["Протокол"]?.values ?? []).slice(1).filter((r) => r[0] !== null).length;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "vpr-municipal-"));
  schools = [await buildSchool("780101", 11), await buildSchool("780102", 12)];
  formRows = new Map();
  for (const s of schools) {
    await fs.mkdir(path.join(dir, s.school.school));
    for (const f of s.forms) {
      await fs.writeFile(path.join(dir, s.school.school, f.name), f.bytes);
      formRows.set(`${s.school.school}/${f.name}`, await rowsWithCode(f.bytes));
    }
  }
  const header = ["Код", "Вариант", "1 (1б)", "2 (2б)", "3 (1б)", "Класс", "Пол", "Отметка за предыдущий период"];
  // An official form filled by hand: X in two spellings, a score over the maximum, a duplicate code, «нет отметки».
  await fs.writeFile(path.join(dir, "780103_4_Математика.xlsx"), await sheetFile("Лист1", [header, [40001, 1, 1, 2, "X", "4А", "м", 4], [40002, 2, "х", 3, 0, "4А", "ж", "нет отметки"], [40001, 1, 0, 0, 0, "4А", "м", 3], [40003, "отсутствовал", null, null, null, "4Б", "ж", 5]]));
  // An official form carrying a name column.
  await fs.writeFile(path.join(dir, "780104_5_Русский язык.xlsx"), await sheetFile("Протокол", [[...header, "ФИО ученика"], [50001, 1, 1, 1, 1, "5А", "м", 5, "Иванов Иван"]]));
  // One of ours (our creator) with a code outside the 6th grade's range.
  await fs.writeFile(path.join(dir, "780106_6_История.xlsx"), await sheetFile("Протокол", [header, [41234, 1, 1, 1, 1, "6А", "м", 5], [60001, 2, 0, 2, 1, "6А", "ж", 4]], "ВПР: координатор"));
  // The 2021 export: every value text; absent rows, X/x/Х, «не пройд.», a score over the maximum, «нет отметки», a school that also sent a form.
  const h21 = ["логин школы", "регион", "номер обучающегося", "код обучающегося", "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов", "балл за 1", "балл за 2", "балл за 3", "Учебник", "Др.уч. автор", "Др.уч. название"];
  await fs.writeFile(
    path.join(dir, EXPORT_2021),
    await sheetFile("Лист1", [
      h21,
      ["sch780201", "22", "1", "101", "5", "м", "а", "1", "4", "1", "2", "1", "Моро", "", ""],
      ["sch780201", "22", "2", "102", "нет отметки", "ж", "Б", "2", "1", "X", "x", "1", "", "", ""],
      ["sch780201", "22", "3", "103", "", "", "", "отсутствовал", "", "", "", "", "", "", ""],
      ["sch780202", "22", "1", "101", "4", "ж", "нет", "1", "2", "Х", "не пройд.", "3", "", "", ""],
      ["sch780103", "22", "9", "40009", "3", "м", "а", "1", "1", "1", "0", "0", "", "", ""],
      ["школа", "22", "4", "104", "3", "м", "а", "1", "1", "1", "0", "0", "", "", ""],
    ]),
  );
  // The 2020 export (technical headers, two variant columns).
  await fs.writeFile(
    path.join(dir, EXPORT_2020),
    await sheetFile("Sheet1", [
      ["groups", "user", "id", "code", "otc", "gender", "klass", "var-1", "var-2", "sum", "a-1-grade", "a-2-grade"],
      ["sch780301", "u1", "1", "201", "4", "м", "а", "1", "", "3", "1", "2"],
      ["sch780301", "u2", "2", "202", "5", "ж", "а", "", "2", "2", "2", "0"],
      ["sch780301", "u3", "3", "203", "", "", "", "отсутствовал", "", "", "", ""],
    ]),
  );
  const good = schools[0].forms[0].bytes;
  await fs.writeFile(path.join(dir, "780105_4_Математика.xlsx"), good.slice(0, Math.floor(good.length / 2)));
  await fs.writeFile(path.join(dir, "заметки.xlsx"), await sheetFile("Лист1", [["Привет"], ["это не форма"]]));
  await fs.writeFile(path.join(dir, "readme.txt"), "не книга");
  read = await readFolder(dir, { criteria });
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = (name: string) => {
  const f = read.files.find((x) => x.file === name);
  if (!f) throw new Error(`not read: ${name}`);
  return f;
};
const codes = (name: string) => read.problems.filter((p) => p.file === name).map((p) => `${p.code}@${p.cell ?? p.row ?? ""}`);

test("our forms: every row with a code read, school/grade/subject from the file name, no problems", () => {
  for (const [name, rows] of formRows) {
    const f = file(name);
    expect(f.kind).toBe("form");
    expect(f.rows).toHaveLength(rows);
    const school = name.slice(0, 6);
    expect([...f.rows].every((r) => r.school === school && r.grade === f.grade && r.subject === f.subject)).toBe(true);
    expect(f.problems).toEqual([]);
    expect(f.items.every((it) => it.max >= 1)).toBe(true);
  }
  expect(formRows.size).toBeGreaterThan(4);
});

test("an official form: X as 0, a score over the maximum and a duplicate code named by cell, absent, «нет отметки»", () => {
  const f = file("780103_4_Математика.xlsx");
  expect(f.kind).toBe("official-form");
  expect(f.items).toEqual([{ label: "1", max: 1 }, { label: "2", max: 2 }, { label: "3", max: 1 }]);
  expect([...f.rows].map((r) => [r.code, r.variant, r.absent, r.scores, r.journal, r.gender, r.className])).toEqual([
    [40001, 1, false, [1, 2, 0], 4, "м", "4А"],
    [40002, 2, false, [0, null, 0], null, "ж", "4А"],
    [40003, null, true, [null, null, null], 5, "ж", "4Б"],
  ]);
  expect(codes("780103_4_Математика.xlsx")).toEqual(["municipal.score-over-max@D3", "municipal.code-duplicate@A4"]);
  expect(f.leftOut).toEqual([{ reason: "повтор кода", rows: 1 }]);
  expect(read.problems.find((p) => p.code === "municipal.score-over-max")!.message).toMatch(/«780103_4_Математика\.xlsx», лист «Лист1», ячейка D3: код 40002, задание 2: балл 3 больше максимума 2/);
});

test("a name column is flagged loudly and never read", () => {
  const f = file("780104_5_Русский язык.xlsx");
  expect(f.rows).toHaveLength(1);
  expect(JSON.stringify(f.rows)).not.toContain("Иванов");
  const p = f.problems.find((x) => x.code === "municipal.name-column")!;
  expect(p).toMatchObject({ severity: "error", sheet: "Протокол", cell: "I1" });
  expect(p.message).toMatch(/ФИО ученика.*не должно быть ни одного имени/);
});

test("our form: a code outside the grade's range is a warning, the row kept", () => {
  const f = file("780106_6_История.xlsx");
  expect(f.kind).toBe("form");
  expect([...f.rows].map((r) => r.code)).toEqual([41234, 60001]);
  expect(codes("780106_6_История.xlsx")).toEqual(["municipal.code-range@A2"]);
});

test("the 2021 export: text values, logins, absent rows, X, stray text, over the maximum of «Критерии», a bad login, the same work as a form", () => {
  const f = file(EXPORT_2021);
  expect(f).toMatchObject({ kind: "export", subject: "Математика", grade: 4 });
  expect(f.items).toEqual([{ label: "1", max: 1 }, { label: "2", max: 2 }, { label: "3", max: 1 }]);
  expect([...f.rows].map((r) => [r.school, r.code, r.className, r.variant, r.absent, r.scores, r.journal, r.gender])).toEqual([
    ["780201", 101, "4А", 1, false, [1, 2, 1], 5, "м"],
    ["780201", 102, "4Б", 2, false, [0, 0, 1], null, "ж"],
    ["780201", 103, null, null, true, [null, null, null], null, null],
    ["780202", 101, null, 1, false, [0, null, null], 4, "ж"],
  ]);
  expect(codes(EXPORT_2021)).toEqual(["municipal.score-text@K5", "municipal.score-over-max@L5", "municipal.no-school@A7", "municipal.work-twice@"]);
  expect(f.leftOut).toEqual([
    { reason: "нет логина школы", rows: 1 },
    { reason: "работа школы 780103 уже прочитана из «780103_4_Математика.xlsx»", rows: 1 },
  ]);
  expect(read.problems.find((p) => p.code === "municipal.score-text")!.message).toContain("«не пройд.» не балл");
});

test("the 2020 export: technical headers, var-1/var-2, maxima from the data (reported)", () => {
  const f = file(EXPORT_2020);
  expect(f).toMatchObject({ kind: "export", subject: "Русский язык", grade: 5 });
  expect([...f.rows].map((r) => [r.school, r.code, r.variant, r.absent, r.scores])).toEqual([
    ["780301", 201, 1, false, [1, 2]],
    ["780301", 202, 2, false, [2, 0]],
    ["780301", 203, null, true, [null, null]],
  ]);
  expect(f.items).toEqual([{ label: "1", max: 2 }, { label: "2", max: 2 }]);
  expect(codes(EXPORT_2020)).toEqual(["municipal.max-from-data@"]);
});

test("a truncated zip, a workbook that is no form and a text file are named; the rest is read", () => {
  expect(read.unread.map((u) => [u.file, u.problems.map((p) => p.code)])).toEqual([
    ["780105_4_Математика.xlsx", ["municipal.unreadable"]],
    ["readme.txt", ["municipal.not-xlsx"]],
    ["заметки.xlsx", ["municipal.not-a-form"]],
  ]);
  expect(read.problems.find((p) => p.file === "заметки.xlsx")!.message).toMatch(/нет заголовка формы/);
  expect(read.files).toHaveLength(formRows.size + 5);
});

test("export file names give subject and grade", () => {
  expect(parseExportFileName("Проведение работы по окружающему миру, 4 класс. ВПР 2021.xlsx")).toEqual({ subject: "Окружающий мир", grade: 4 });
  expect(parseExportFileName("results.xlsx")).toBeNull();
});
