// The check sees the whole workbook, and each upload form waits only for its own work — on both
// back ends (the file back end, and the Office.js one over the fake Excel). Each case starts from
// the small sample school with every score typed, then does what a coordinator did.
import { seededRandom, uploadHeader, PREV_MARK_HEADER, type Finding } from "../../src/core";
import type { CellValue, WorkbookBackend } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { OfficeBackend } from "../../src/workbook/office/OfficeBackend";
import { findClearedCodes } from "../../src/workbook/check";
import { buildUploads, check, makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { workbookStatus } from "../../src/taskpane/status";
import { stepStates } from "../../src/taskpane/steps";
import { createFakeExcel, type FakeExcel } from "../fakes/fakeExcel";
import { editInExcelJS } from "../helpers/editInExcelJS";

const SMALL = { "4А": 6, "4Б": 5, "5А": 6, "6А": 4, "8А": 5 };
const school = sampleSchool(2026, SMALL);
const ALL_FORMS = ["780999_4_Математика.xlsx", "780999_4_Окружающий мир.xlsx", "780999_4_Русский язык.xlsx", "780999_5_Математика.xlsx", "780999_5_Русский язык.xlsx", "780999_6_История.xlsx", "780999_8_Математика.xlsx", "780999_8_Физика.xlsx"];

/** A workbook on one back end, and the edits a user makes in Excel (or another program). */
interface Book {
  backend: WorkbookBackend;
  type(sheet: string, cells: Record<string, CellValue>): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(name: string): Promise<void>;
}

async function fill(b: WorkbookBackend): Promise<void> {
  await b.apply(sampleWorkbookPlan(school));
  expect((await makeCodes(b, { random: seededRandom(1) })).status).toBe("done");
  expect((await makeScoreSheets(b)).status).toBe("done");
  await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3), 0) });
  expect((await check(b)).findings.filter((f) => f.severity === "error")).toEqual([]);
}

let fileBytes: Promise<Uint8Array> | null = null;

async function fileBook(): Promise<Book> {
  fileBytes ??= (async () => {
    const b = FileBackend.empty();
    await fill(b);
    return b.toBytes();
  })();
  const book: Book = {
    backend: await FileBackend.fromBytes(await fileBytes),
    type: async (sheet, cells) => book.backend.apply({ sheets: [], cellWrites: Object.entries(cells).map(([address, value]) => ({ sheet, address, value })) }),
    rename: async (from, to) => {
      book.backend = await editInExcelJS(book.backend as FileBackend, (wb) => void (wb.getWorksheet(from)!.name = to));
    },
    remove: async (name) => {
      book.backend = await editInExcelJS(book.backend as FileBackend, (wb) => wb.removeWorksheet(wb.getWorksheet(name)!.id));
    },
  };
  return book;
}

async function officeBook(): Promise<Book> {
  const fake: FakeExcel = createFakeExcel();
  fake.workbook.addSheet("Лист1");
  const backend = new OfficeBackend({ run: fake.run, isSetSupported: () => true });
  await fill(backend);
  return {
    backend,
    type: async (sheet, cells) => {
      for (const [address, value] of Object.entries(cells)) fake.workbook.sheet(sheet).setValues(address, [[value]]);
    },
    rename: async (from, to) => void (fake.workbook.sheet(from).name = to),
    remove: async (name) => void fake.workbook.sheets.splice(fake.workbook.sheets.indexOf(fake.workbook.sheet(name)), 1),
  };
}

const errorsOf = (findings: Finding[]) => findings.filter((f) => f.severity === "error");
const one = (findings: Finding[], code: string, sheet?: string): Finding => {
  const found = findings.filter((f) => f.code === code && (sheet === undefined || f.sheet === sheet));
  expect(found).toHaveLength(1);
  return found[0];
};

/** Every variant and score cell of a data row, cleared (the row is then blank). */
async function clearRow(book: Book, sheet: string, row: number): Promise<void> {
  const header = (await book.backend.read([sheet])).sheets[sheet].values[0];
  const cells: Record<string, CellValue> = {};
  header.forEach((h, c) => {
    if (typeof h === "string" && (/^Вариант/.test(h) || /\(\d+б\)$/.test(h))) cells[`${String.fromCharCode(65 + c)}${row}`] = null;
  });
  await book.type(sheet, cells);
}

describe.each([
  ["file", fileBook],
  ["office", officeBook],
] as const)("%s back end", (_kind, open) => {
  test("a renamed score sheet is found by its header: the check and the upload use it and say so", async () => {
    const book = await open();
    const before = (await book.backend.read(["4А Математика"])).sheets["4А Математика"].values;
    await book.rename("4А Математика", "4А Матем (проверено)");
    const { findings } = await check(book.backend);
    expect(errorsOf(findings)).toEqual([]);
    expect(findings.filter((f) => f.code === "sheet.scores-missing")).toEqual([]);
    const renamed = one(findings, "sheet.scores-renamed");
    expect(renamed).toMatchObject({ sheet: "4А Матем (проверено)", severity: "warning" });
    expect(renamed.message).toContain("«4А Матем (проверено)»");
    expect(renamed.message).toContain("«4А Математика»");

    const uploads = await buildUploads(book.backend);
    expect(uploads.files.map((f) => f.fileName).sort()).toEqual(ALL_FORMS);
    const ma4 = uploads.files.find((f) => f.fileName === "780999_4_Математика.xlsx")!;
    expect(ma4.file.classes).toEqual(["4А", "4Б"]);
    const rowsOf4A = ma4.file.rows.filter((r) => r.includes("4А"));
    expect(rowsOf4A.map((r) => r[0]).sort()).toEqual(before.slice(1).map((r) => r[0]).sort());
    // The scores are the ones typed on the renamed sheet.
    const first = before[1];
    expect(rowsOf4A.find((r) => r[0] === first[0])!.slice(2, 5)).toEqual(first.slice(2, 5));
  });

  test("a sheet with scores that no «План» row leads to is an error naming it; that form waits, the others are built", async () => {
    const book = await open();
    // The plan row «4Б | Математика | MA4-2023» (row 6) deleted after the scores were typed.
    await book.type("План", { A6: null, B6: null, C6: null, D6: null });
    const { findings, forms } = await check(book.backend);
    const f = one(findings, "scores.unplanned", "4Б Математика");
    expect(f.severity).toBe("error");
    expect(f.message).toMatch(/^на листе «4Б Математика» есть баллы .*ни одна строка листа «План» не ведёт к нему/);
    expect(f.message).toContain("«4Б | Математика | MA4-2023»");
    const ma4 = forms.find((x) => x.grade === 4 && x.subject === "Математика")!;
    expect(ma4.ready).toBe(false);
    expect(ma4.reason).toContain("«4Б Математика»");

    const uploads = await buildUploads(book.backend);
    expect(uploads.files.map((x) => x.fileName).sort()).toEqual(ALL_FORMS.filter((n) => n !== "780999_4_Математика.xlsx"));
  });

  test("a renamed copy beside the sheet the plan names: an error naming both", async () => {
    const book = await open();
    await book.rename("4А Математика", "4А Матем (проверено)");
    // `sheets` of an older version then made an empty «4А Математика».
    await book.backend.apply({ sheets: [{ name: "4А Математика", mode: "create", values: [(await book.backend.read(["4А Матем (проверено)"])).sheets["4А Матем (проверено)"].values[0]] }], cellWrites: [] });
    const { findings } = await check(book.backend);
    const f = one(findings, "scores.unplanned", "4А Матем (проверено)");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("план ведёт к листу «4А Математика»");
  });

  test("a mark column named like the subject but not exactly: a warning names its cell, and the marks are used", async () => {
    const book = await open();
    await book.type("Ученики", { F1: "Математика (3 четверть)" });
    const { findings } = await check(book.backend);
    const similar = one(findings, "roster.marks-similar");
    expect(similar).toMatchObject({ sheet: "Ученики", cell: "F1", severity: "warning" });
    expect(similar.message).toContain("«Математика (3 четверть)»");
    // A subject with no column at all: the warning says the marks will be empty.
    const physics = findings.find((x) => x.code === "roster.marks-missing" && x.message.includes("«Физика»"))!;
    expect(physics).toMatchObject({ sheet: "Ученики", cell: "G1", severity: "warning" });
    expect(physics.message).toMatch(/^в плане есть предмет «Физика», а столбца «Физика» с отметками за предыдущий период на листе «Ученики» нет: в формах по предмету «Физика» столбец отметок будет пустым/);

    const uploads = await buildUploads(book.backend);
    const ma4 = uploads.files.find((f) => f.fileName === "780999_4_Математика.xlsx")!;
    const markCol = uploadHeader(ma4.file.work).indexOf(PREV_MARK_HEADER);
    const roster = (await book.backend.read(["Ученики"])).sheets["Ученики"].values;
    const markOf = new Map(roster.slice(1).map((r) => [r[3], r[5]]));
    expect(ma4.file.rows.map((r) => r[markCol])).toEqual(ma4.file.rows.map((r) => markOf.get(r[0]) ?? null));
    expect(ma4.file.rows.some((r) => r[markCol] !== null)).toBe(true);
  });

  test("a code cleared on «Ученики» while scores carry it: the finding names the roster cell and the code; nothing suggests new codes", async () => {
    const book = await open();
    const roster = (await book.backend.read(["Ученики"])).sheets["Ученики"].values;
    const code = roster[2][3] as number; // «Ученики»!D3, a student of 4А
    await book.type("Ученики", { D3: null });
    const snapshot = await book.backend.read(null);
    const { findings } = await check(book.backend);
    const cleared = one(findings, "roster.code-cleared");
    expect(cleared).toMatchObject({ sheet: "Ученики", cell: "D3", severity: "error" });
    expect(cleared.message).toContain(`впишите код ${code} в «Ученики»!D3`);
    expect(cleared.message).toMatch(/по протоколу «Протокол 4А»/);
    const unknown = findings.filter((f) => f.code === "scores.code-unknown");
    expect(unknown.map((f) => f.sheet).sort()).toEqual(["4А Математика", "4А Окружающий мир", "4А Русский язык"]);
    for (const f of unknown) expect(f.message).toContain(`впишите код ${code} в «Ученики»!D3`);
    expect(findings.filter((f) => /создайте листы для баллов заново|выдайте коды/.test(f.message))).toEqual([]);
    // The pane: the codes step is a problem to fix, not «Выдать коды» as the next step.
    const status = workbookStatus(snapshot);
    expect(status.codes.cleared).toHaveLength(1);
    expect(stepStates(status).codes).toBe("problem");
    // Grade 4 forms wait for the code; the others are built.
    const uploads = await buildUploads(book.backend);
    expect(uploads.files.map((f) => f.fileName).sort()).toEqual(ALL_FORMS.filter((n) => !n.startsWith("780999_4_")));
  });

  test("a blank row in a work written later holds back only that work's form", async () => {
    const book = await open();
    await clearRow(book, "8А Физика", 3);
    const { findings, forms } = await check(book.backend);
    expect(errorsOf(findings).map((f) => `${f.code} ${f.sheet}`)).toEqual(["row.blank 8А Физика"]);
    expect(forms.filter((f) => !f.ready).map((f) => [f.grade, f.subject, f.reason])).toEqual([[8, "Физика", "не заполнено строк — 1 на листе «8А Физика»"]]);

    const all = await buildUploads(book.backend);
    expect(all.files.map((f) => f.fileName).sort()).toEqual(ALL_FORMS.filter((n) => n !== "780999_8_Физика.xlsx"));
    const physics = await buildUploads(book.backend, [], { works: ["PH8-ДЕМО"] });
    expect(physics.files).toEqual([]);
    const russian = await buildUploads(book.backend, [], { works: ["ru4-2026"] });
    expect(russian.files.map((f) => f.fileName)).toEqual(["780999_4_Русский язык.xlsx"]);
  });
});

describe("codes the roster lost, other ways", () => {
  test("names already cleared from the protocol: the student is found by the protocol's number", async () => {
    const book = await fileBook();
    const roster = (await book.backend.read(["Ученики"])).sheets["Ученики"].values;
    const code = roster[3][3] as number; // D4: the third student of 4А
    const protocol = (await book.backend.read(["Протокол 4А"])).sheets["Протокол 4А"].values;
    await book.type("Протокол 4А", Object.fromEntries(protocol.slice(1).map((_, i) => [`B${i + 2}`, null])));
    await book.type("Ученики", { D4: null });
    const { findings } = await check(book.backend);
    const cleared = one(findings, "roster.code-cleared");
    expect(cleared.cell).toBe("D4");
    expect(cleared.message).toContain(`впишите код ${code} в «Ученики»!D4`);
    expect(cleared.message).toContain("под № 3");
  });

  test("findClearedCodes alone (for codes, sheets, remove-names to refuse a new code): the cell and the code", async () => {
    const book = await fileBook();
    const code = (await book.backend.read(["Ученики"])).sheets["Ученики"].values[2][3] as number;
    await book.type("Ученики", { D3: null });
    const found = findClearedCodes(await book.backend.read(null));
    expect(found.map((c) => ({ cell: c.cell, code: c.code, sheets: c.sheets }))).toEqual([{ cell: "D3", code, sheets: ["4А Русский язык", "4А Математика", "4А Окружающий мир"] }]);
  });

  test("no protocol at all: the only student of the class without a code", async () => {
    const book = await fileBook();
    const code = (await book.backend.read(["Ученики"])).sheets["Ученики"].values[2][3] as number;
    await book.remove("Протокол 4А");
    await book.type("Ученики", { D3: null });
    const cleared = one((await check(book.backend)).findings, "roster.code-cleared");
    expect(cleared.cell).toBe("D3");
    expect(cleared.message).toContain(`впишите код ${code} в «Ученики»!D3`);
  });

  test("codes and score sheets refuse to give a new code over the lost one, and point at the cell", async () => {
    const book = await fileBook();
    await book.type("Ученики", { D3: null });
    for (const run of [() => makeCodes(book.backend, { random: seededRandom(9) }), () => makeScoreSheets(book.backend)]) {
      const r = await run();
      expect(r.status).toBe("blocked");
      expect(one(r.findings, "roster.code-cleared").cell).toBe("D3");
    }
    expect((await book.backend.read(["Ученики"])).sheets["Ученики"].values[2][3]).toBeNull();
  });

  test("a new code typed over the lost one by hand: the missing row says to give the old code back", async () => {
    const book = await fileBook();
    const code = (await book.backend.read(["Ученики"])).sheets["Ученики"].values[2][3] as number;
    const fresh = code + 777;
    await book.type("Ученики", { D3: fresh });
    const { findings } = await check(book.backend);
    const missing = findings.filter((f) => f.code === "scores.row-missing" && f.sheet === "4А Математика");
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toContain(`впишите ему прежний код: ${code} в «Ученики»!D3 вместо ${fresh}`);
    expect(missing[0].message).not.toContain("создайте листы для баллов заново");
  });
});
