// Remove names: refused before codes, asks first, and clears every cell of personal data the add-in
// knows of — split name columns, rows the roster reader skips, stale and renamed protocols — while
// codes, numbers, the organisers' marks and every other cell stay.
import { seededRandom } from "../../src/core";
import type { CellValue, Snapshot } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { makeCodes, removeNames } from "../../src/workbook/operations";
import { isNameHeader, planRemoveNames, type RemoveNamesSummary } from "../../src/workbook/removeNames";
import { lateStudentWrites, sampleSchool, sampleWorkbookPlan } from "../../src/workbook/sample";
import { OfficeBackend } from "../../src/workbook/office/OfficeBackend";
import { createFakeExcel } from "../fakes/fakeExcel";

const school = sampleSchool(7, { "4А": 4, "4Б": 3 });

async function sampleBook(): Promise<FileBackend> {
  const b = FileBackend.empty();
  await b.apply(sampleWorkbookPlan(school));
  return b;
}

const sheet = async (b: FileBackend, name: string): Promise<CellValue[][]> => (await b.read([name])).sheets[name].values;

/** A workbook whose «Ученики» holds exactly these rows (header first). */
async function bookWithRoster(rows: CellValue[][]): Promise<FileBackend> {
  const b = FileBackend.empty();
  await b.apply({ sheets: [{ name: "Ученики", mode: "create", values: rows }], cellWrites: [] });
  return b;
}

describe("remove-names is refused while a listed student has no code", () => {
  test("before any code: one error per student row, on its code cell, and nothing is written", async () => {
    const b = await sampleBook();
    const before = await sheet(b, "Ученики");
    const r = await removeNames(b);
    expect(r.status).toBe("blocked");
    expect(r.cellsWritten).toBe(0);
    expect(r.findings).toHaveLength(school.students.length);
    expect(r.findings.map((f) => [f.sheet, f.cell, f.code, f.severity])).toEqual(school.students.map((_, i) => ["Ученики", `D${i + 2}`, "names.code-missing", "error"]));
    expect(r.findings[0].message).toContain(`у ученика «${school.students[0].name}» (${school.students[0].className}) нет кода: сначала выдайте коды`);
    expect(await sheet(b, "Ученики")).toEqual(before);
  });

  test("late students without codes hold it back; once they have codes it runs", async () => {
    const b = await sampleBook();
    expect((await makeCodes(b, { random: seededRandom(1) })).status).toBe("done");
    await b.apply({ sheets: [], cellWrites: lateStudentWrites(await b.read(null), school) });
    const r = await removeNames(b);
    expect(r.status).toBe("blocked");
    const n = school.students.length;
    expect(r.findings.map((f) => f.cell)).toEqual([`D${n + 2}`, `D${n + 3}`]);
    expect((await makeCodes(b, { random: seededRandom(2) })).status).toBe("done");
    expect((await removeNames(b)).status).toBe("done");
  });

  test("no «Код» column, or no column of names: refused with a finding on the header", () => {
    const noCode = planRemoveNames({ sheetNames: ["Ученики"], sheets: { Ученики: { values: [["Класс", "ФИО"], ["4А", "Зюрвельков Пётр"]] } } });
    expect(noCode.findings.map((f) => [f.cell, f.code])).toEqual([["A1", "header.missing"]]);
    expect(noCode.plan.cellWrites).toEqual([]);
    const noNames = planRemoveNames({ sheetNames: ["Ученики"], sheets: { Ученики: { values: [["Класс", "Код"], ["4А", 40001]] } } });
    expect(noNames.findings[0].message).toContain("нет столбца с ФИО");
    expect(planRemoveNames({ sheetNames: [], sheets: {} }).findings[0].code).toBe("sheet.missing");
  });
});

describe("remove-names asks first", () => {
  test("the question gets what will be cleared; «no» writes nothing, «yes» clears exactly that", async () => {
    const b = await sampleBook();
    await makeCodes(b, { random: seededRandom(1) });
    const before = await b.toBytes();
    const asked: RemoveNamesSummary[] = [];
    const no = await removeNames(b, { confirm: (s) => (asked.push(s), false) });
    expect(no.status).toBe("cancelled");
    expect(no.cellsWritten).toBe(0);
    expect(asked).toEqual([{ roster: [{ header: "ФИО", cells: 7 }], sheets: [{ name: "Протокол 4А", cells: 4 }, { name: "Протокол 4Б", cells: 3 }], total: 14 }]);
    expect(await b.toBytes()).toEqual(before);
    const yes = await removeNames(b, { confirm: () => true });
    expect(yes).toMatchObject({ status: "done", cellsWritten: 14 });
    // Nothing left: no question, nothing written.
    let askedAgain = false;
    const again = await removeNames(b, { confirm: () => (askedAgain = true) });
    expect(again).toMatchObject({ status: "done", cellsWritten: 0 });
    expect(askedAgain).toBe(false);
  });
});

describe("remove-names clears every cell of personal data", () => {
  test.each([
    ["ФИО", true],
    ["  ф.и.о. ", true],
    ["Ф И О", true],
    ["ФИО ученика", true],
    ["ФИО родителя", true],
    ["Фамилия", true],
    [" ИМЯ ", true],
    ["Отчество", true],
    ["Фамилия, имя, отчество", true],
    ["Имя (полностью)", true],
    ["Имя ребёнка", true],
    ["Ученик", true],
    ["Класс", false],
    ["Код", false],
    ["Пол", false],
    ["Код ученика", false],
    ["Математика", false],
    ["Русский язык", false],
    [null, false],
  ])("name column header %p → %p", (header, expected) => {
    expect(isNameHeader(header)).toBe(expected);
  });

  test("split name columns (Фамилия / Имя / Отчество, headers in any case, with spaces and Ё) are cleared; other columns stay", async () => {
    const b = await bookWithRoster([
      ["Класс", " фамилия ", "ИМЯ", "Отчёство", "Пол", "Код", "Математика"],
      ["4А", "Зюрвельков", "Пётр", "Ильич", "м", 40001, 5],
      ["4А", "Щеглова-Ёрш", "Анна", null, "ж", 40002, 4],
    ]);
    const r = await removeNames(b);
    expect(r).toMatchObject({ status: "done", cellsWritten: 5 });
    expect(r.summary.roster).toEqual([{ header: "фамилия", cells: 2 }, { header: "ИМЯ", cells: 2 }, { header: "Отчёство", cells: 1 }]);
    expect(await sheet(b, "Ученики")).toEqual([
      ["Класс", " фамилия ", "ИМЯ", "Отчёство", "Пол", "Код", "Математика"],
      ["4А", null, null, null, "м", 40001, 5],
      ["4А", null, null, null, "ж", 40002, 4],
    ]);
  });

  test("ФИО beside split columns: all of them", async () => {
    const b = await bookWithRoster([
      ["Класс", "ФИО", "Пол", "Код", "Фамилия", "Имя"],
      ["4А", "Зюрвельков Пётр", "м", 40001, "Зюрвельков", "Пётр"],
    ]);
    expect((await removeNames(b)).cellsWritten).toBe(3);
    expect((await sheet(b, "Ученики"))[1]).toEqual(["4А", null, "м", 40001, null, null]);
  });

  test("rows the roster reader skips — class «выбыл», «4Б класс», no class, a mistyped code — are cleared and do not hold it back", async () => {
    const b = await bookWithRoster([
      ["Класс", "ФИО", "Пол", "Код"],
      ["4А", "Зюрвельков Пётр", "м", 40001],
      ["выбыл", "Тархов Глеб", "м", null],
      ["4Б класс", "Брынцева Алёна", "ж", null],
      [null, "Жмуров Семён", "м", null],
      ["4А", "Гвоздёв Фёдор", "м", "4OOO3"],
      ["4А", null, "ж", null], // no name: nothing to lose, nothing to clear
    ]);
    const r = await removeNames(b);
    expect(r.findings).toEqual([]);
    expect(r).toMatchObject({ status: "done", cellsWritten: 5 });
    expect((await sheet(b, "Ученики")).map((row) => row[1])).toEqual(["ФИО", null, null, null, null, null, null]);
    expect((await sheet(b, "Ученики")).map((row) => row[0])).toEqual(["Класс", "4А", "выбыл", "4Б класс", null, "4А", "4А"]);
  });

  test("every protocol, found by its header: one of a renamed class and a renamed sheet too; codes, numbers and marks stay; a user's sheet named like one is left alone", async () => {
    const b = await sampleBook();
    await makeCodes(b, { random: seededRandom(1) });
    // The organiser ticked attendance; then 4Б was renamed 4В on the roster (its protocol is stale)…
    await b.apply({ sheets: [], cellWrites: [{ sheet: "Протокол 4Б", address: "D2", value: "да" }] });
    const roster = await sheet(b, "Ученики");
    await b.apply({ sheets: [], cellWrites: roster.flatMap((row, r) => (row[0] === "4Б" ? [{ sheet: "Ученики", address: `A${r + 1}`, value: "4В" }] : [])) });
    // …a protocol kept under another name, and a user's sheet that only looks like one by its name.
    const stale = await sheet(b, "Протокол 4А");
    await b.apply({
      sheets: [
        { name: "Старый протокол 4А", mode: "create", values: stale },
        { name: "Протокол 4Г", mode: "create", values: [["Фамилия", "Заметка"], ["Цвёлкин", "позвонить"]] },
      ],
      cellWrites: [],
    });
    const protocol4B = await sheet(b, "Протокол 4Б");
    const r = await removeNames(b);
    expect(r.status).toBe("done");
    expect(r.summary.sheets.map((s) => s.name).sort()).toEqual(["Протокол 4А", "Протокол 4Б", "Старый протокол 4А"]);
    for (const name of ["Протокол 4А", "Протокол 4Б", "Старый протокол 4А"]) {
      const rows = await sheet(b, name);
      expect(rows[0]).toEqual(["№", "ФИО", "Код", "Присутствовал", "Подпись"]);
      expect(rows.slice(1).map((row) => row[1])).toEqual(rows.slice(1).map(() => null));
    }
    // Only the ФИО cells changed on the stale protocol.
    expect(await sheet(b, "Протокол 4Б")).toEqual(protocol4B.map((row, i) => (i === 0 ? row : [row[0], null, ...row.slice(2)])));
    expect((await sheet(b, "Протокол 4Б"))[1][3]).toBe("да");
    expect(await sheet(b, "Протокол 4Г")).toEqual([["Фамилия", "Заметка"], ["Цвёлкин", "позвонить"]]);
    expect((await sheet(b, "Ученики")).slice(1).every((row) => row[1] === null && typeof row[3] === "number")).toBe(true);
  });

  test("columns the organiser added to a protocol: one headed like a name column is cleared whole, a roster name typed elsewhere there too; other notes stay", async () => {
    const b = await sampleBook();
    await makeCodes(b, { random: seededRandom(1) });
    const protocol = await sheet(b, "Протокол 4А");
    const someone = String(protocol[2][1]);
    await b.apply({
      sheets: [],
      cellWrites: [
        { sheet: "Протокол 4А", address: "F1", value: "ФИО родителя" },
        { sheet: "Протокол 4А", address: "F2", value: "Петрова Анна Ивановна" },
        { sheet: "Протокол 4А", address: "G1", value: "Заметка" },
        { sheet: "Протокол 4А", address: "G2", value: someone }, // a pupil's name typed as a note
        { sheet: "Протокол 4А", address: "G3", value: "опоздал на 5 минут" },
      ],
    });
    expect((await removeNames(b)).status).toBe("done");
    const after = await sheet(b, "Протокол 4А");
    expect(after[1][5]).toBeNull();
    expect(after[1][6]).toBeNull();
    expect(after[2][6]).toBe("опоздал на 5 минут");
    expect(after[0].slice(5, 7)).toEqual(["ФИО родителя", "Заметка"]);
  });

  test("the planner writes cells only: no sheet is rebuilt", () => {
    const snapshot: Snapshot = {
      sheetNames: ["Ученики", "Протокол 4А"],
      sheets: {
        Ученики: { values: [["Класс", "ФИО", "Пол", "Код"], ["4А", "Зюрвельков Пётр", "м", 40001]] },
        "Протокол 4А": { values: [["№", "ФИО", "Код", "Присутствовал", "Подпись"], [1, "Зюрвельков Пётр", 40001, "да", null]] },
      },
    };
    expect(planRemoveNames(snapshot).plan).toEqual({
      sheets: [],
      cellWrites: [
        { sheet: "Ученики", address: "B2", value: null },
        { sheet: "Протокол 4А", address: "B2", value: null },
      ],
    });
  });
});

describe("remove-names on the Office.js back end", () => {
  test("the same cells cleared as in a file, refused before codes, in one read and one apply", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Лист1");
    const office = new OfficeBackend({ run: fake.run, isSetSupported: () => true });
    await office.apply(sampleWorkbookPlan(school));
    expect((await removeNames(office)).status).toBe("blocked");
    await makeCodes(office, { random: seededRandom(1) });
    const file = await sampleBook();
    await makeCodes(file, { random: seededRandom(1) });
    const syncs = fake.stats.syncs;
    const [o, f] = [await removeNames(office), await removeNames(file)];
    expect(fake.stats.syncs - syncs).toBe(2);
    expect(o).toEqual(f);
    for (const name of ["Ученики", "Протокол 4А", "Протокол 4Б"]) {
      expect((await office.read([name])).sheets[name].values).toEqual((await file.read([name])).sheets[name].values);
    }
  });
});
