// Privacy: no upload form carries a roster name — not in a cell, a shared string, a document
// property, a comment, a defined name, a file name. Checked on the sample school's flow and on
// many generated schools (fast-check) whose names include Ё and formula-like names.
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import { cellAddress, seededRandom } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { buildUploads, makeCodes, makeScoreSheets, removeNames, type BuiltFile } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan, lateStudentWrites, type SampleSchool } from "../../src/workbook/sample";
import { analyze } from "../../src/workbook/analysis";
import { editInExcelJS } from "../helpers/editInExcelJS";
import { documentProperties, fold, nameTerms, privacyScan, scanFileName, type PrivacyHit } from "../helpers/privacyScan";

/** The whole flow on a FileBackend: the upload files and the coordinator's own workbook. */
async function flow(school: SampleSchool, seed: number): Promise<{ files: BuiltFile[]; workbook: Uint8Array }> {
  const b = FileBackend.empty();
  await b.apply(sampleWorkbookPlan(school));
  expect((await makeCodes(b, { random: seededRandom(seed) })).status).toBe("done");
  if (school.late.length > 0) {
    await b.apply({ sheets: [], cellWrites: lateStudentWrites(await b.read(null), school) });
    expect((await makeCodes(b, { random: seededRandom(seed + 1) })).status).toBe("done");
  }
  expect((await makeScoreSheets(b)).status).toBe("done");
  await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(seed + 2)) });
  // The analysis's sheets by name are in the workbook before the forms are built: nothing of them may travel.
  expect((await analyze(b, { today: "20.05.2026", slips: true })).status).toBe("done");
  const { files, findings } = await buildUploads(b);
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(files.length).toBeGreaterThan(0);
  return { files, workbook: await b.toBytes() };
}

async function scanAll(files: BuiltFile[], names: string[]): Promise<PrivacyHit[]> {
  const hits: PrivacyHit[] = [];
  for (const f of files) {
    hits.push(...scanFileName(f.fileName, names));
    hits.push(...(await privacyScan(f.bytes, names)));
  }
  return hits;
}

async function expectCleanProperties(files: BuiltFile[], names: string[]): Promise<void> {
  for (const f of files) {
    const p = await documentProperties(f.bytes);
    expect(p.creator).toBe("ВПР: координатор");
    expect(p.lastModifiedBy).toBe("ВПР: координатор");
    expect(p.title).toMatch(/^ВПР /);
    for (const key of ["creator", "lastModifiedBy", "title", "subject", "keywords", "description", "Company", "Manager"]) {
      for (const name of names) for (const term of nameTerms(name)) expect({ key, hit: fold(p[key] ?? "").includes(term) }).toEqual({ key, hit: false });
    }
  }
}

describe("privacyScan itself", () => {
  test("finds a name in cells, shared strings, document properties, comments and defined names, in any case and with Ё as Е", async () => {
    const wb = new ExcelJS.Workbook();
    wb.creator = "Зюрвельков Пётр Ильич";
    wb.lastModifiedBy = "щеглова-ёрш";
    wb.title = "Список: Кравцова";
    const ws = wb.addWorksheet("Лист1");
    ws.getCell("A1").value = "ЁЛКИНА МАРИЯ";
    ws.getCell("B1").note = "позвонить: Пастухова И.";
    wb.definedNames.add("'Лист1'!$A$1", "Тарабрин");
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const names = ["Зюрвельков Пётр Ильич", "Щеглова-Ёрш Анна", "Кравцова Ольга", "Елкина Мария Павловна", "Пастухова Ирина", "Тарабрин Глеб", "Неизвестнов Кто"];
    const hits = await privacyScan(bytes, names);
    const where = (name: string) => [...new Set(hits.filter((h) => h.name === name).map((h) => h.part))];
    expect(where("Зюрвельков Пётр Ильич")).toEqual(["docProps/core.xml"]);
    expect(where("Щеглова-Ёрш Анна")).toEqual(["docProps/core.xml"]);
    expect(where("Кравцова Ольга")).toContain("docProps/core.xml");
    expect(where("Елкина Мария Павловна").some((p) => /sharedStrings|worksheets/.test(p))).toBe(true);
    expect(where("Пастухова Ирина").some((p) => /comments|vmlDrawing/.test(p))).toBe(true);
    expect(where("Тарабрин Глеб")).toContain("xl/workbook.xml");
    expect(where("Неизвестнов Кто")).toEqual([]);
    expect(scanFileName("470167_4_Зюрвельков.xlsx", names).map((h) => h.name)).toEqual(["Зюрвельков Пётр Ильич"]);
  });
});

describe("no name leaves the school", () => {
  test("sample school: every upload form, its file name and its document properties carry no roster name", async () => {
    const school = sampleSchool();
    const names = [...school.students, ...school.late].map((s) => s.name);
    const { files, workbook } = await flow(school, 1);
    expect(await scanAll(files, names)).toEqual([]);
    await expectCleanProperties(files, names);
    // Positive control: the coordinator's own workbook does hold the names (roster, protocols).
    expect((await privacyScan(workbook, names)).length).toBeGreaterThan(0);
  });

  test("after remove-names no part of the workbook holds a name: the shared strings of a workbook saved by another program are cleared too", async () => {
    const school = sampleSchool();
    const names = [...school.students].map((s) => s.name);
    const made = FileBackend.empty();
    await made.apply(sampleWorkbookPlan(school));
    // Saved by another program: the names now live in xl/sharedStrings.xml, not inline.
    let b = await editInExcelJS(made, () => undefined);
    expect((await privacyScan(await b.toBytes(), names)).map((h) => h.part)).toContain("xl/sharedStrings.xml");
    expect((await makeCodes(b, { random: seededRandom(4) })).status).toBe("done");
    expect((await makeScoreSheets(b)).status).toBe("done");
    b = await editInExcelJS(b, () => undefined); // …and the protocols saved by that program as well
    expect((await removeNames(b)).status).toBe("done");
    expect(await privacyScan(await b.toBytes(), names)).toEqual([]);
  });

  test("the analysis's sheets by name: in the workbook only; remove-names clears them in every part, also after another program saved them", async () => {
    const school = sampleSchool(9, { "4А": 8, "4Б": 6, "5А": 7, "6А": 5, "8А": 5 });
    const names = school.students.map((s) => s.name);
    const b0 = FileBackend.empty();
    await b0.apply(sampleWorkbookPlan(school));
    expect((await makeCodes(b0, { random: seededRandom(2) })).status).toBe("done");
    expect((await makeScoreSheets(b0)).status).toBe("done");
    await b0.apply({ sheets: [], cellWrites: sampleScoreWrites(await b0.read(null), seededRandom(3)) });
    expect((await analyze(b0, { today: "20.05.2026", slips: true })).status).toBe("done");
    const b = await editInExcelJS(b0, () => undefined); // names of the results sheets now in xl/sharedStrings.xml
    const before = await privacyScan(await b.toBytes(), names);
    expect(before.some((h) => h.part === "xl/sharedStrings.xml")).toBe(true);
    const removed = await removeNames(b);
    expect(removed.status).toBe("done");
    expect(removed.summary.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Результаты учеников", "Результаты для родителей"]));
    expect(await privacyScan(await b.toBytes(), names)).toEqual([]);
  });

  test("after remove-names no part holds a name typed anywhere the add-in knows of: split name columns, rows the reader skips, the protocol of a renamed class", async () => {
    const school = sampleSchool(5, { "4А": 6, "4Б": 5, "5А": 4 });
    const made = FileBackend.empty();
    await made.apply(sampleWorkbookPlan(school));
    const roster = (await made.read(["Ученики"])).sheets["Ученики"].values;
    const split = ["Зюрвельковщ Ярослав Ильич", "Тархбрынова Алёна Сергеевна"];
    // Separate Фамилия / Имя / Отчество columns beside ФИО, headers typed loosely.
    const G = roster[0].length;
    const headers = [" фамилия", "ИМЯ ", "Отчёство"];
    await made.apply({
      sheets: [],
      cellWrites: [
        ...headers.map((h, i) => ({ sheet: "Ученики", address: cellAddress(0, G + i), value: h })),
        ...split.flatMap((name, r) => name.split(" ").map((part, i) => ({ sheet: "Ученики", address: cellAddress(r + 1, G + i), value: part }))),
      ],
    });
    let b = await editInExcelJS(made, () => undefined);
    expect((await makeCodes(b, { random: seededRandom(8) })).status).toBe("done");
    // After codes: 4Б renamed 4В on the roster (its protocol stays as «Протокол 4Б»), and rows the
    // reader skips: a student who left, a class typed with a word, a mistyped code.
    const after = (await b.read(["Ученики"])).sheets["Ученики"].values;
    const skipped = [["выбыл", "Гвоздёвщ Фёдор Павлович", "м", null], ["4Б класс", "Цвёлкинш Семён", "м", null], ["4А", "Щепыльков Глеб", "м", "4OO17"]];
    await b.apply({
      sheets: [],
      cellWrites: [
        ...after.flatMap((row, r) => (row[0] === "4Б" ? [{ sheet: "Ученики", address: cellAddress(r, 0), value: "4В" }] : [])),
        ...skipped.flatMap((row, i) => row.map((value, c) => ({ sheet: "Ученики", address: cellAddress(after.length + i, c), value })).filter((w) => w.value !== null)),
      ],
    });
    expect((await b.read(null)).sheetNames).toContain("Протокол 4Б");
    b = await editInExcelJS(b, () => undefined); // every name now in xl/sharedStrings.xml
    const names = [...school.students.map((s) => s.name), ...split, ...skipped.map((row) => String(row[1]))];
    expect(new Set((await privacyScan(await b.toBytes(), names)).map((h) => h.name)).size).toBe(names.length);
    const removed = await removeNames(b);
    expect(removed.findings).toEqual([]);
    expect(removed.status).toBe("done");
    const saved = await FileBackend.fromBytes(await b.toBytes()); // saved, and opened again
    expect(await privacyScan(await saved.toBytes(), names)).toEqual([]);
  });

  // Surnames that cannot collide with a word of the form: long, with a random tail; some with Ё,
  // some hyphenated, some that look like formulas (=, +, -, @ in front).
  const SYL = ["зюр", "вель", "кош", "тарх", "брын", "щеп", "жмур", "ёрз", "гвоз", "пыль", "хрущ", "цвёл", "шмыг", "дрозь"];
  const syllables = fc.array(fc.constantFrom(...SYL), { minLength: 2, maxLength: 3 }).map((a) => a.join(""));
  const tail = fc.string({ unit: fc.constantFrom(..."бвгджзклмнпрстфхцчшщ"), minLength: 3, maxLength: 3 });
  const surname = fc.tuple(syllables, tail, fc.constantFrom("ов", "ёв", "ин", "ский", "ко")).map(([s, t, end]) => {
    const w = s + t + end;
    return w[0].toUpperCase() + w.slice(1);
  });
  const first = fc.constantFrom("Артём", "Алёна", "Фёдор", "Семён", "Ксения", "Глеб", "Ярослава");
  const prefix = fc.constantFrom("", "", "", "=", "+", "-", "@", "=HYPERLINK(\"http://x\",\"");
  const student = fc.tuple(prefix, surname, fc.option(surname, { nil: undefined }), first).map(([p, s, s2, f]) => `${p}${s}${s2 ? `-${s2}` : ""} ${f}`);
  const classes = fc.subarray(["4А", "4Б", "5А", "6А", "8А"], { minLength: 1, maxLength: 3 });

  test("generated schools (fast-check, 15 runs): no upload form carries a name", async () => {
    await fc.assert(
      fc.asyncProperty(classes, fc.array(student, { minLength: 8, maxLength: 24 }), fc.integer({ min: 1, max: 1000 }), async (cls, names, seed) => {
        const sizes = Object.fromEntries(cls.map((c, i) => [c, Math.max(1, Math.floor(names.length / cls.length) + (i === 0 ? names.length % cls.length : 0))]));
        const base = sampleSchool(seed, sizes);
        const students = base.students.map((s, i) => ({ ...s, name: names[i % names.length] }));
        const school: SampleSchool = { ...base, students, late: [], plan: base.plan.filter((p) => cls.includes(p.className)) };
        const all = [...new Set(students.map((s) => s.name))];
        const { files, workbook } = await flow(school, seed);
        const hits = await scanAll(files, all);
        expect(hits).toEqual([]);
        await expectCleanProperties(files, all);
        expect((await privacyScan(workbook, all)).length).toBeGreaterThan(0);
      }),
      { numRuns: 15, seed: 20260415 },
    );
  }, 120_000);
});
