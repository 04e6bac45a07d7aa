// What was printed stays true: a protocol number and a slip never change once given, whatever the
// roster's row order; late students take the next numbers; what the organiser typed on a protocol
// stays; a student who left keeps their line. On both back ends, through the operations.
import { projectPlan } from "../../src/workbook/project";
import { seededRandom } from "../../src/core";
import type { CellValue, CellWrite, Snapshot, WorkbookBackend, WritePlan } from "../../src/workbook/backend";
import { buildProtocol, planCodes, previousProtocolMarks } from "../../src/workbook/codes";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { OfficeBackend } from "../../src/workbook/office/OfficeBackend";
import { makeCodes } from "../../src/workbook/operations";
import { readRoster } from "../../src/workbook/inputs";
import { sampleSchool, sampleWorkbookPlan } from "../../src/workbook/sample";
import { cellAddress } from "../../src/core/address";
import { createFakeExcel, type FakeExcel } from "../fakes/fakeExcel";
import { sheetPart, unzip } from "./file/helpers";

const school = sampleSchool();
const ROSTER = "Ученики";
const SLIPS = "Коды для выдачи";
const CLASSES = ["4А", "4Б", "5А", "6А", "8А"];

interface Book {
  backend: WorkbookBackend;
  fake?: FakeExcel;
}

const backends: [string, () => Book][] = [
  ["file", () => ({ backend: FileBackend.empty() })],
  [
    "office",
    () => {
      const fake = createFakeExcel();
      fake.workbook.addSheet("Лист1");
      return { backend: new OfficeBackend({ run: fake.run, isSetSupported: () => true }), fake };
    },
  ],
];

async function coded(make: () => Book): Promise<Book> {
  const book = make();
  await book.backend.apply(sampleWorkbookPlan(school));
  const r = await makeCodes(book.backend, { random: seededRandom(1) });
  expect(r.status).toBe("done");
  return book;
}

const values = async (b: WorkbookBackend, sheet: string): Promise<CellValue[][]> => (await b.read([sheet])).sheets[sheet]?.values ?? [];

/** Rewrites the roster's body (row 2 on) with `rows`, clearing what is left below. */
async function rewriteRoster(b: WorkbookBackend, rows: CellValue[][]): Promise<void> {
  const old = await values(b, ROSTER);
  const width = Math.max(...old.map((r) => r.length), ...rows.map((r) => r.length));
  const writes: CellWrite[] = [];
  for (let r = 0; r < Math.max(old.length - 1, rows.length); r++) {
    for (let c = 0; c < width; c++) writes.push({ sheet: ROSTER, address: cellAddress(r + 1, c), value: rows[r]?.[c] ?? null });
  }
  await b.apply({ sheets: [], cellWrites: writes });
}

const rosterBody = async (b: WorkbookBackend) => (await values(b, ROSTER)).slice(1).filter((r) => r.some((v) => v !== null));

/** Every slip's text by code. */
async function slips(b: WorkbookBackend): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const v of (await values(b, SLIPS)).flat()) {
    const m = typeof v === "string" ? /Код участника: (\d+)$/.exec(v) : null;
    if (m) out.set(Number(m[1]), v as string);
  }
  return out;
}

describe.each(backends)("what was printed stays true (%s back end)", (_, make) => {
  test("a roster sorted by name between two runs: every protocol and every slip stays as it was", async () => {
    const { backend: b } = await coded(make);
    const protocols = await Promise.all(CLASSES.map((c) => values(b, `Протокол ${c}`)));
    const printed = await slips(b);
    expect(printed.size).toBe(school.students.length);

    const body = await rosterBody(b);
    const sorted = [...body].sort((x, y) => String(x[1]).localeCompare(String(y[1]), "ru"));
    expect(sorted.map((r) => r[1])).not.toEqual(body.map((r) => r[1]));
    await rewriteRoster(b, sorted);
    const again = await makeCodes(b, { random: seededRandom(2) });
    expect(again.status).toBe("done");
    expect(again.assigned).toBe(0);

    for (const [i, c] of CLASSES.entries()) expect(await values(b, `Протокол ${c}`)).toEqual(protocols[i]);
    expect(await slips(b)).toEqual(printed);
    expect(again.findings.filter((f) => f.code.startsWith("protocol."))).toEqual([]);
  });

  test("a late student inserted in the middle of 4А gets number 26; nobody else moves", async () => {
    const { backend: b } = await coded(make);
    const before = await values(b, "Протокол 4А");
    const printed = await slips(b);
    expect(before).toHaveLength(26);

    const body = await rosterBody(b);
    const third = body.findIndex((r, i) => r[0] === "4А" && body.slice(0, i).filter((x) => x[0] === "4А").length === 2);
    body.splice(third + 1, 0, ["4А", "Новикова Ева Павловна", "ж", null, 5, 4]);
    await rewriteRoster(b, body);
    const again = await makeCodes(b, { random: seededRandom(2) });
    expect(again.assigned).toBe(1);

    const after = await values(b, "Протокол 4А");
    expect(after.slice(0, 26)).toEqual(before);
    const code = (await rosterBody(b))[third + 1][3] as number;
    expect(after[26]).toEqual([26, "Новикова Ева Павловна", code, null, null]);
    const now = await slips(b);
    for (const [c, text] of printed) expect(now.get(c)).toBe(text);
    expect(now.get(code)).toBe(`4А, № 26 по протоколу\nКод участника: ${code}`);
    // The new slip comes after the class's last one: the slips already cut stay where they were.
    const cells = (await values(b, SLIPS)).flat().filter((v): v is string => typeof v === "string" && v.startsWith("4А, №"));
    expect(cells.map((t) => Number(/№ (\d+)/.exec(t)![1]))).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
  });

  test("what the organiser typed on a protocol stays; a student who left keeps their line and number", async () => {
    const { backend: b } = await coded(make);
    const sheet = "Протокол 4А";
    const typed: [string, CellValue][] = [["D2", "да"], ["E2", "Иванова"], ["D5", "нет"], ["F1", "Примечание"], ["F3", "опоздал на 10 минут"], ["B29", "Организатор в аудитории: Сидорова"]];
    await b.apply({ sheets: [], cellWrites: typed.map(([address, value]) => ({ sheet, address, value })) });
    const before = await values(b, sheet);
    const leaving = before[4]; // № 4
    const body = await rosterBody(b);
    const rest = body.filter((r) => r[3] !== leaving[2]).sort((x, y) => String(y[1]).localeCompare(String(x[1]), "ru"));
    await rewriteRoster(b, rest);

    const again = await makeCodes(b, { random: seededRandom(2) });
    expect(again.status).toBe("done");
    const after = await values(b, sheet);
    // Every line, number, name, code and typed cell as it was; the note under the table too.
    expect(after).toEqual(before);
    expect(after[4].slice(0, 3)).toEqual([4, leaving[1], leaving[2]]);
    expect(again.findings).toEqual([
      expect.objectContaining({ sheet, cell: "C5", severity: "warning", code: "protocol.student-left", message: expect.stringContaining(`кодом ${leaving[2]} (№ 4)`) }),
    ]);
    // The slip of the student who left is not printed again; every other slip is as it was.
    const now = await slips(b);
    expect(now.has(leaving[2] as number)).toBe(false);
    expect(now.size).toBe(school.students.length - 1);
  });

  test("slips and protocols print on A4, all columns on the page's width, a class per page of slips", async () => {
    const book = await coded(make);
    const sheets = [SLIPS, ...CLASSES.map((c) => `Протокол ${c}`)];
    if (book.fake) {
      for (const name of sheets) expect(book.fake.workbook.sheet(name).zoom).toEqual({ horizontalFitToPages: 1 });
      expect(book.fake.workbook.sheet(SLIPS).pageBreaksAfterRows()).toHaveLength(CLASSES.length - 1);
      return;
    }
    const parts = await unzip(await (book.backend as FileBackend).toBytes());
    for (const name of sheets) {
      const xml = sheetPart(parts, name);
      expect(xml).toMatch(/<sheetPr>.*<pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
      expect(xml).toMatch(/<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0"\/>/);
    }
    expect(sheetPart(parts, SLIPS)).toMatch(new RegExp(`<rowBreaks count="${CLASSES.length - 1}"`));
  });
});

// Planner rules on plain snapshots.
function workbook(sheets: Record<string, CellValue[][]>): Snapshot {
  return { sheetNames: Object.keys(sheets), sheets: Object.fromEntries(Object.entries(sheets).map(([n, v]) => [n, { values: v }])) };
}

/** The workbook after a plan (sheets, merges, cell writes), as the back ends leave it. */
const applied = (snapshot: Snapshot, plan: WritePlan): Snapshot => projectPlan(snapshot, plan);

const roster = (rows: CellValue[][]) => [["Класс", "ФИО", "Пол", "Код"], ...rows];
const five = (): CellValue[][] => [
  ["4А", "Белов Борис", "м", null],
  ["4А", "Абрамова Анна", "ж", null],
  ["4А", "Волков Вадим", "м", null],
  ["4Б", "Гусева Галина", "ж", null],
  ["4А", "Дьячков Денис", "м", null],
];

describe("protocol numbers from what was printed", () => {
  test("first run: numbers in roster order within the class; codes given later take the next numbers in the order they got them", () => {
    let s = workbook({ Ученики: roster(five()) });
    s = applied(s, planCodes(s, seededRandom(3)).plan);
    const proto = () => s.sheets["Протокол 4А"].values.slice(1).map((r) => [r[0], r[1]]);
    expect(proto()).toEqual([[1, "Белов Борис"], [2, "Абрамова Анна"], [3, "Волков Вадим"], [4, "Дьячков Денис"]]);
    // Two late students typed above everyone else: they take 5 and 6 (roster order among the new); nobody moves.
    const rows = s.sheets["Ученики"].values;
    s.sheets["Ученики"] = { values: [rows[0], ["4А", "Яковлев Ян", "м", null], ["4А", "Ёлкина Ева", "ж", null], ...rows.slice(1)] };
    s = applied(s, planCodes(s, seededRandom(4)).plan);
    expect(proto()).toEqual([[1, "Белов Борис"], [2, "Абрамова Анна"], [3, "Волков Вадим"], [4, "Дьячков Денис"], [5, "Яковлев Ян"], [6, "Ёлкина Ева"]]);
    // A code typed by hand on the roster (not by the add-in) came before the one given in this run.
    const more = s.sheets["Ученики"].values;
    s.sheets["Ученики"] = { values: [more[0], ["4А", "Жуков Жан", "м", null], ...more.slice(1), ["4А", "Зорина Зоя", "ж", 41499]] };
    s = applied(s, planCodes(s, seededRandom(5)).plan);
    expect(proto().slice(6)).toEqual([[7, "Зорина Зоя"], [8, "Жуков Жан"]]);
  });

  test("a protocol sheet deleted after printing: the numbers come back from the slips", () => {
    let s = workbook({ Ученики: roster(five()) });
    s = applied(s, planCodes(s, seededRandom(3)).plan);
    const before = s.sheets["Протокол 4А"].values;
    delete s.sheets["Протокол 4А"];
    s.sheetNames = s.sheetNames.filter((n) => n !== "Протокол 4А");
    const rows = s.sheets["Ученики"].values;
    s.sheets["Ученики"] = { values: [rows[0], ...rows.slice(1).reverse()] };
    const again = planCodes(s, seededRandom(4));
    const proto = again.plan.sheets.find((p) => p.name === "Протокол 4А")!;
    expect(proto.mode).toBe("create");
    expect(proto.values).toEqual(before);
  });

  test("a number typed twice on a protocol: the first line keeps it, the second gets its slip's number or the next free one, with a warning", () => {
    let s = workbook({ Ученики: roster(five()) });
    s = applied(s, planCodes(s, seededRandom(3)).plan);
    s.sheets["Протокол 4А"].values[3][0] = 1; // Волков: № 3 → 1
    const bySlip = planCodes(s, seededRandom(4));
    const lines = (r: ReturnType<typeof planCodes>) => applied(s, r.plan).sheets["Протокол 4А"].values.slice(1).map((x) => [x[0], x[1]]);
    expect(lines(bySlip)).toEqual([[1, "Белов Борис"], [2, "Абрамова Анна"], [3, "Волков Вадим"], [4, "Дьячков Денис"]]);
    expect(bySlip.findings).toEqual([expect.objectContaining({ sheet: "Протокол 4А", cell: "A4", code: "protocol.number-twice", severity: "warning", message: expect.stringContaining("получил № 3 — как на его листке") })]);
    s.sheets["Коды для выдачи"] = { values: [["Кодов ещё нет"]] };
    const noSlip = planCodes(s, seededRandom(4));
    expect(lines(noSlip)).toEqual([[1, "Белов Борис"], [2, "Абрамова Анна"], [4, "Дьячков Денис"], [5, "Волков Вадим"]]);
    expect(noSlip.findings).toEqual([expect.objectContaining({ cell: "A5", code: "protocol.number-twice", message: expect.stringContaining("получил № 5 — проверьте") })]);
  });

  test("a name corrected on the roster goes to the protocol with a warning naming the old one", () => {
    let s = workbook({ Ученики: roster(five()) });
    s = applied(s, planCodes(s, seededRandom(3)).plan);
    s.sheets["Ученики"].values[2][1] = "Абрамова Алла";
    const again = planCodes(s, seededRandom(4));
    expect(applied(s, again.plan).sheets["Протокол 4А"].values[2]).toEqual([2, "Абрамова Алла", s.sheets["Ученики"].values[2][3], null, null]);
    expect(again.findings).toEqual([expect.objectContaining({ cell: "B3", code: "protocol.name-changed", message: expect.stringContaining("«Абрамова Анна»") })]);
  });

  test("a student moved to another class: the old protocol keeps the line, the new class gives the next number", () => {
    let s = workbook({ Ученики: roster(five()) });
    s = applied(s, planCodes(s, seededRandom(3)).plan);
    const volkov = s.sheets["Ученики"].values[3];
    volkov[0] = "4Б";
    const again = planCodes(s, seededRandom(4));
    const sheet = (n: string) => applied(s, again.plan).sheets[n].values;
    expect(sheet("Протокол 4А")[3]).toEqual([3, "Волков Вадим", volkov[3], null, null]);
    expect(sheet("Протокол 4Б").slice(1).map((r) => [r[0], r[1]])).toEqual([[1, "Гусева Галина"], [2, "Волков Вадим"]]);
    expect(again.findings).toEqual([expect.objectContaining({ sheet: "Протокол 4А", cell: "C4", code: "protocol.student-left", message: expect.stringContaining("теперь у ученика класса 4Б") })]);
    expect(sheet("Коды для выдачи").flat()).toContain(`4Б, № 2 по протоколу\nКод участника: ${volkov[3]}`);
    expect(sheet("Коды для выдачи").flat()).not.toContain(`4А, № 3 по протоколу\nКод участника: ${volkov[3]}`);
  });

  test("buildProtocol with default options (no names of students who left, no notes): numbers still kept", () => {
    let s = workbook({ Ученики: roster(five()) });
    s = applied(s, planCodes(s, seededRandom(3)).plan);
    const proto = s.sheets["Протокол 4А"].values;
    proto[2][3] = "да";
    proto.push([null, "записка организатора", null, null, null]);
    const students = readRoster(s, []).students.filter((x) => x.className === "4А" && x.name !== "Белов Борис").reverse().map((x) => ({ ...x, name: "" }));
    const rebuilt = buildProtocol("Протокол 4А", "4А", students, previousProtocolMarks(s, "Протокол 4А")).values;
    expect(rebuilt).toEqual([
      ["№", "ФИО", "Код", "Присутствовал", "Подпись"],
      [1, null, proto[1][2], null, null],
      [2, "", proto[2][2], "да", null],
      [3, "", proto[3][2], null, null],
      [4, "", proto[4][2], null, null],
    ]);
  });
});
