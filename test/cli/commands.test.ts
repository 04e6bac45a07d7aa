// Every command in-process on real .xlsx files in a temporary folder: exit codes, backups, --out,
// atomic writes, refusals, and upload files identical to the operations' own.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { seededRandom } from "../../src/core";
import { buildUploads } from "../../src/workbook/operations";
import { lateStudentWrites, sampleScoreWrites } from "../../src/workbook/sample";
import { xlsxWith } from "../helpers/codeListXlsx";
import { contentParts, edit, editFileInExcelJS, listDir, openFile, rosterCodes, school, tempDir, vpr, writeSampleInputs } from "./helpers";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const noTempFiles = async (d: string) => expect((await listDir(d)).filter((n) => n.endsWith(".tmp"))).toEqual([]);

describe("help and usage", () => {
  test("--help lists the commands in Russian, --lang en in English; each command has --help", async () => {
    const ru = await vpr(dir, "--help");
    expect(ru.code).toBe(0);
    expect(ru.out).toContain("Использование: vpr <команда>");
    expect(ru.out).toContain("всегда на русском");
    const en = await vpr(dir, "--lang", "en", "--help");
    expect(en.out).toContain("Usage: vpr <command>");
    for (const cmd of ["init", "codes", "sheets", "check", "upload", "remove-names", "demo"]) {
      const r = await vpr(dir, cmd, "--help");
      expect(r.code).toBe(0);
      expect(r.out).toContain(`vpr ${cmd}`);
      expect((await vpr(dir, "help", cmd, "--lang=en")).out).toContain("Usage:");
    }
    expect((await vpr(dir, "init", "--help")).out).toContain("MA4-2023");
  });

  test("no command, unknown command, unknown option, bad language: exit 2", async () => {
    expect((await vpr(dir)).code).toBe(2);
    const unknown = await vpr(dir, "frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("Неизвестная команда «frobnicate»");
    const bad = await vpr(dir, "check", "a.xlsx", "--frob");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Неверные параметры");
    expect((await vpr(dir, "check", "--lang", "de", "a.xlsx")).code).toBe(2);
    expect((await vpr(dir, "check")).err).toContain("Укажите файл книги");
    expect((await vpr(dir, "check", "a.xlsx", "b.xlsx")).code).toBe(2);
  });
});

describe("init", () => {
  test("a new workbook with the input sheets and the chosen works", async () => {
    const r = await vpr(dir, "init", "книга.xlsx", "--school", "470167", "--year", "2026", "--works", "MA4-2023,RU4-2026");
    expect(r.code).toBe(0);
    expect(r.out).toContain("«Настройки»");
    const b = await openFile(path.join(dir, "книга.xlsx"));
    const s = await b.read(null);
    expect(s.sheetNames).toEqual(["Настройки", "Ученики", "Коды", "План", "Критерии"]);
    expect(String(s.sheets["Настройки"].values[1][1])).toBe("470167");
    const criteria = s.sheets["Критерии"].values.map((row) => row[1]);
    expect(criteria).toEqual(expect.arrayContaining(["MA4-2023", "RU4-2026"]));
    await noTempFiles(dir);
  });

  test("an existing workbook gets only the missing sheets; a complete one is not rewritten", async () => {
    await vpr(dir, "init", "b.xlsx");
    const before = await fs.readFile(path.join(dir, "b.xlsx"));
    const again = await vpr(dir, "init", "b.xlsx");
    expect(again.code).toBe(0);
    expect(again.out).toContain("не тронуты");
    expect(await fs.readFile(path.join(dir, "b.xlsx"))).toEqual(before);
    expect(await listDir(dir)).toEqual(["b.xlsx"]);
  });

  test("--works on an existing workbook: added below what «Критерии» has, described ones left alone", async () => {
    await vpr(dir, "init", "b.xlsx", "--works", "MA4-2023");
    const r = await vpr(dir, "init", "b.xlsx", "--works", "MA4-2023,OM4-2018");
    expect(r.code).toBe(0);
    expect(r.out).toContain("добавлены работы: OM4-2018");
    expect(r.out).toContain("не тронуты: MA4-2023");
    const criteria = (await (await openFile(path.join(dir, "b.xlsx"))).read(["Критерии"])).sheets["Критерии"].values;
    expect(criteria.filter((row) => row[0] === "Работа").map((row) => row[1])).toEqual(["MA4-2023", "OM4-2018"]);
    expect(await listDir(dir)).toEqual([expect.stringMatching(/^b\.bak-\d{8}-\d{6}\.xlsx$/), "b.xlsx"]);
  });

  test("unknown work ids, a bad school code or year: exit 2 listing the known ids, nothing written", async () => {
    const r = await vpr(dir, "init", "b.xlsx", "--works", "MA4-2023,XX9-1999");
    expect(r.code).toBe(2);
    expect(r.err).toContain("XX9-1999");
    for (const id of ["RU4-2026", "MA4-2023", "OM4-2018", "MA5-15", "MA8-2021"]) expect(r.err).toContain(id);
    expect((await vpr(dir, "init", "b.xlsx", "--school", "12345")).code).toBe(2);
    expect((await vpr(dir, "init", "b.xlsx", "--year", "26")).code).toBe(2);
    expect((await vpr(dir, "init", "b.txt")).code).toBe(2);
    expect(await listDir(dir)).toEqual([]);
    const en = await vpr(dir, "init", "b.xlsx", "--works", "NOPE", "--lang", "en");
    expect(en.err).toContain("Not in the built-in catalogue: NOPE");
  });
});

describe("the whole flow, command by command", () => {
  test("codes → late students → codes → sheets → check → scores → check → upload → remove-names", async () => {
    const file = path.join(dir, "школа.xlsx");
    await writeSampleInputs(file);
    const original = await fs.readFile(file);

    const codes = await vpr(dir, "codes", "школа.xlsx", "--seed", "5");
    expect(codes.code).toBe(0);
    expect(codes.out).toContain(`Выдано новых кодов: ${school.students.length}`);
    expect(codes.out).toContain("«Коды для выдачи»");
    // The previous version is beside it, byte for byte; no temporary file is left.
    const [backup, ...rest] = await listDir(dir);
    expect(backup).toMatch(/^школа\.bak-\d{8}-\d{6}\.xlsx$/);
    expect(rest).toEqual(["школа.xlsx"]);
    expect(await fs.readFile(path.join(dir, backup))).toEqual(original);
    expect(codes.out).toContain(`Прежняя версия сохранена рядом: ${backup}`);
    const first = await rosterCodes(await openFile(file));
    expect(first.every((c) => typeof c === "number")).toBe(true);

    // Late students typed at the end of the roster; a second run keeps every code.
    await edit(file, async (b) => b.apply({ sheets: [], cellWrites: lateStudentWrites(await b.read(null), school) }));
    const again = await vpr(dir, "codes", "школа.xlsx");
    expect(again.code).toBe(0);
    expect(again.out).toContain("Выдано новых кодов: 2");
    expect(again.out).toContain("Заменены листы, созданные программой");
    const second = await rosterCodes(await openFile(file));
    expect(second.slice(0, first.length)).toEqual(first);
    expect(new Set(second).size).toBe(second.length);

    const sheets = await vpr(dir, "sheets", "школа.xlsx");
    expect(sheets.code).toBe(0);
    expect(sheets.out).toContain("«4А Математика»: строк 25");

    // Nothing typed yet: every blank row is an error.
    const blank = await vpr(dir, "check", "школа.xlsx");
    expect(blank.code).toBe(1);
    expect(blank.out).toMatch(/^'4А Русский язык'!B2: строка не заполнена/m);
    const json = await vpr(dir, "check", "школа.xlsx", "--json");
    expect(json.code).toBe(1);
    const findings = JSON.parse(json.out);
    expect(findings.length).toBeGreaterThan(100);
    expect(findings[0]).toEqual({ sheet: expect.any(String), cell: expect.any(String), code: expect.any(String), message: expect.any(String), severity: expect.stringMatching(/^(error|warning)$/) });
    expect(Object.keys(findings[0]).sort()).toEqual(["cell", "code", "message", "severity", "sheet"]);
    const refused = await vpr(dir, "upload", "школа.xlsx", "--out", "формы");
    expect(refused.code).toBe(1);
    await expect(fs.access(path.join(dir, "формы"))).rejects.toThrow();

    await edit(file, async (b) => b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) }));
    const clean = await vpr(dir, "check", "школа.xlsx");
    expect(clean.code).toBe(0);
    expect(clean.out).toContain("Ошибок нет");
    // Warnings only: no mark column on «Ученики» for Окружающий мир, История, Физика.
    const clean2 = JSON.parse((await vpr(dir, "check", "школа.xlsx", "--json")).out) as { severity: string; code: string }[];
    expect(clean2.filter((f) => f.severity === "error")).toEqual([]);
    expect(clean2.map((f) => f.code)).toEqual(["roster.marks-missing", "roster.marks-missing", "roster.marks-missing"]);

    const upload = await vpr(dir, "upload", "школа.xlsx", "--out", "формы");
    expect(upload.code).toBe(0);
    const names = await listDir(path.join(dir, "формы"));
    expect(names).toEqual(
      ["780999_4_Математика.xlsx", "780999_4_Окружающий мир.xlsx", "780999_4_Русский язык.xlsx", "780999_5_Математика.xlsx", "780999_5_Русский язык.xlsx", "780999_6_История.xlsx", "780999_8_Математика.xlsx", "780999_8_Физика.xlsx"].sort(),
    );
    for (const n of names) expect(upload.out).toContain(n);
    // Identical in content to the operation run directly on the same workbook.
    const direct = await buildUploads(await openFile(file));
    expect(direct.files.map((f) => f.fileName).sort()).toEqual(names);
    for (const f of direct.files) {
      expect(await contentParts(new Uint8Array(await fs.readFile(path.join(dir, "формы", f.fileName))))).toEqual(await contentParts(f.bytes));
    }
    await noTempFiles(path.join(dir, "формы"));

    expect((await vpr(dir, "remove-names", "школа.xlsx")).code).toBe(2);
    const removed = await vpr(dir, "remove-names", "школа.xlsx", "--yes");
    expect(removed.code).toBe(0);
    // Every backup still holds the names, and the warning lists them all.
    const backups = (await listDir(dir)).filter((n) => n.includes(".bak-"));
    expect(backups.length).toBe(5); // codes, codes, sheets, upload («Журнал баллов»), remove-names
    for (const b of backups) expect(removed.err).toContain(b);
    const after = (await (await openFile(file)).read(null)).sheets;
    expect(after["Ученики"].values.slice(1).every((r) => r[1] === null)).toBe(true);
    expect(after["Ученики"].values.slice(1).map((r) => r[3])).toEqual(second);
    expect(after["Протокол 4А"].values.slice(1).every((r) => r[1] === null)).toBe(true);
    await noTempFiles(dir);
  });

  test("--out FILE leaves the input untouched and makes no backup", async () => {
    await writeSampleInputs(path.join(dir, "in.xlsx"));
    const before = await fs.readFile(path.join(dir, "in.xlsx"));
    const r = await vpr(dir, "codes", "in.xlsx", "--out", "out.xlsx");
    expect(r.code).toBe(0);
    expect(await fs.readFile(path.join(dir, "in.xlsx"))).toEqual(before);
    expect(await listDir(dir)).toEqual(["in.xlsx", "out.xlsx"]);
    expect((await rosterCodes(await openFile(path.join(dir, "out.xlsx")))).every((c) => typeof c === "number")).toBe(true);
    const sheets = await vpr(dir, "sheets", "out.xlsx", "--out", "out2.xlsx");
    expect(sheets.code).toBe(0);
    expect((await (await openFile(path.join(dir, "out2.xlsx"))).read([])).sheetNames).toContain("8А Физика");
  });

  test("a save that fails (no such folder): exit 2, the input untouched, no temporary file", async () => {
    await writeSampleInputs(path.join(dir, "in.xlsx"));
    const before = await fs.readFile(path.join(dir, "in.xlsx"));
    const r = await vpr(dir, "codes", "in.xlsx", "--out", path.join("нет-папки", "out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("Не удалось сохранить");
    expect(await fs.readFile(path.join(dir, "in.xlsx"))).toEqual(before);
    expect(await listDir(dir)).toEqual(["in.xlsx"]);
  });

  test("--no-replace refuses to replace the add-in's sheets: exit 1, nothing written", async () => {
    await writeSampleInputs(path.join(dir, "b.xlsx"));
    expect((await vpr(dir, "codes", "b.xlsx", "--no-replace")).code).toBe(0); // nothing to replace yet
    const before = await fs.readFile(path.join(dir, "b.xlsx"));
    const r = await vpr(dir, "codes", "b.xlsx", "--no-replace");
    expect(r.code).toBe(1);
    expect(r.err).toContain("--no-replace");
    expect(r.err).toContain("«Коды для выдачи»");
    expect(await fs.readFile(path.join(dir, "b.xlsx"))).toEqual(before);
  });

  test("a score over the maximum holds back its work's form: --work of that work prints the cell and writes nothing; the other forms are written", async () => {
    const file = path.join(dir, "b.xlsx");
    await writeSampleInputs(file);
    await vpr(dir, "codes", "b.xlsx", "--seed", "1");
    await vpr(dir, "sheets", "b.xlsx");
    await edit(file, async (b) => {
      await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) });
      const sheet = (await b.read(["4А Математика"])).sheets["4А Математика"].values;
      const row = sheet.findIndex((r, i) => i > 0 && r[1] !== "отсутствовал"); // a present student's row
      await b.apply({ sheets: [], cellWrites: [{ sheet: "4А Математика", address: `C${row + 1}`, value: 7 }] });
    });
    const r = await vpr(dir, "upload", "b.xlsx", "--out", "формы", "--work", "MA4-2023");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/'4А Математика'!C\d+: задание 1: балл 7 больше максимума 1/);
    expect(r.err).toContain("Формы не созданы");
    await expect(fs.access(path.join(dir, "формы"))).rejects.toThrow();
    expect((await vpr(dir, "check", "b.xlsx")).code).toBe(1);
    const rest = await vpr(dir, "upload", "b.xlsx", "--out", "формы");
    expect(rest.code).toBe(0);
    expect(await listDir(path.join(dir, "формы"))).toHaveLength(7);
    expect(rest.out).toContain("не готова: 4 класс, Математика (4А, 4Б) — ошибок — 1 на листе «4А Математика»");
  });
});

describe("unusable input: exit 2, a clear message, nothing written", () => {
  const cases: [string, string, Uint8Array | null, RegExp][] = [
    ["missing file", "нет.xlsx", null, /не найден/],
    ["corrupt zip", "битый.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), /повреждён/],
    ["text named .xlsx", "текст.xlsx", new TextEncoder().encode("Класс;ФИО\n5А;Иванов\n"), /не является книгой Excel/],
    ["not an .xlsx by name", "список.csv", new TextEncoder().encode("Класс;ФИО\n"), /не книга Excel/],
    ["password-protected (OLE header)", "пароль.xlsx", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), /защищён паролем/],
    ["empty file", "пусто.xlsx", new Uint8Array(0), /пуст/],
  ];
  test.each(cases)("%s", async (_label, name, bytes, message) => {
    if (bytes) await fs.writeFile(path.join(dir, name), bytes);
    const listing = await listDir(dir);
    for (const argv of [["check", name], ["codes", name], ["sheets", name], ["upload", name, "--out", "формы"], ["remove-names", name, "--yes"]]) {
      const r = await vpr(dir, ...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe("");
    }
    expect(await listDir(dir)).toEqual(listing);
  });

  test("a folder instead of a file; English messages with --lang en", async () => {
    await fs.mkdir(path.join(dir, "папка.xlsx"));
    expect((await vpr(dir, "check", "папка.xlsx")).err).toContain("папка");
    const en = await vpr(dir, "check", "missing.xlsx", "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.err).toBe('File "missing.xlsx" not found.');
    await fs.writeFile(path.join(dir, "p.xlsx"), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect((await vpr(dir, "check", "p.xlsx", "--lang", "en")).err).toContain("password-protected");
  });

  test("an unreadable official form: exit 2", async () => {
    await writeSampleInputs(path.join(dir, "b.xlsx"));
    await fs.writeFile(path.join(dir, "бланк.xlsx"), "not a form");
    const r = await vpr(dir, "upload", "b.xlsx", "--out", "формы", "--form", "бланк.xlsx");
    expect(r.code).toBe(2);
    await expect(fs.access(path.join(dir, "формы"))).rejects.toThrow();
  });
});

describe("codes --codes FILE: the pool from FIS OKO", () => {
  const pool = Array.from({ length: 150 }, (_, i) => 60001 + i);

  test("a .txt pool goes onto «Коды» and the codes come from it", async () => {
    await writeSampleInputs(path.join(dir, "b.xlsx"));
    await fs.writeFile(path.join(dir, "коды.txt"), ["Код", ...pool, pool[0]].join("\r\n"));
    const r = await vpr(dir, "codes", "b.xlsx", "--codes", "коды.txt", "--seed", "9");
    expect(r.code).toBe(0);
    expect(r.out).toContain("записано кодов из файла: 150");
    expect(r.err).toContain("Повторы в файле кодов пропущены: 1");
    const b = await openFile(path.join(dir, "b.xlsx"));
    const sheet = (await b.read(["Коды"])).sheets["Коды"].values;
    expect(sheet.slice(1).map((row) => row[0])).toEqual(pool);
    const codes = await rosterCodes(b);
    expect(codes.every((c) => pool.includes(c as number))).toBe(true);

    // «Коды» now holds codes: another file is refused, the same one is fine.
    await fs.writeFile(path.join(dir, "другие.csv"), "70001\n70002\n");
    const before = await fs.readFile(path.join(dir, "b.xlsx"));
    const refused = await vpr(dir, "codes", "b.xlsx", "--codes", "другие.csv");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("уже есть коды (150)");
    expect(await fs.readFile(path.join(dir, "b.xlsx"))).toEqual(before);
    const same = await vpr(dir, "codes", "b.xlsx", "--codes", "коды.txt");
    expect(same.code).toBe(0);
    expect(same.out).toContain("уже есть на листе «Коды»");
  });

  test("an .xlsx pool, a workbook without «Коды», and a pool too small", async () => {
    const { FileBackend } = await import("../../src/workbook/file/FileBackend");
    const codesBook = FileBackend.empty();
    await codesBook.apply({ sheets: [{ name: "Лист1", mode: "create", values: [["Код"], ...pool.slice(0, 10).map((c) => [c])] }], cellWrites: [] });
    await fs.writeFile(path.join(dir, "коды.xlsx"), await codesBook.toBytes());
    await writeSampleInputs(path.join(dir, "b.xlsx"));
    await editFileInExcelJS(path.join(dir, "b.xlsx"), (wb) => wb.removeWorksheet(wb.getWorksheet("Коды")!.id));
    const r = await vpr(dir, "codes", "b.xlsx", "--codes", "коды.xlsx");
    expect(r.code).toBe(1); // 10 codes for 117 students
    expect(r.out).toContain("кодов на листе «Коды» не хватило (10)");
    expect(await listDir(dir)).toEqual(["b.xlsx", "коды.xlsx"]);
  });

  test("an .xlsx list as FIS OKO gives it (a title, «№», «Класс», «Код участника»): only the code column is read", async () => {
    const rows = [["Список кодов участников ВПР"], [], ["№", "Класс", "Код участника"], ...pool.map((c, i) => [i + 1, i < 75 ? "4А" : "5Б", c])];
    await fs.writeFile(path.join(dir, "коды.xlsx"), await xlsxWith({ Лист1: rows }));
    await writeSampleInputs(path.join(dir, "b.xlsx"));
    const r = await vpr(dir, "codes", "b.xlsx", "--codes", "коды.xlsx", "--seed", "9");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Кодов в «коды.xlsx»: 150 (лист «Лист1», столбец «Код участника» (C)).");
    const sheet = (await (await openFile(path.join(dir, "b.xlsx"))).read(["Коды"])).sheets["Коды"].values;
    expect(sheet.slice(1).map((row) => row[0])).toEqual(pool);

    // A class typed into the code column: file, sheet and cell; nothing written.
    await fs.writeFile(path.join(dir, "плохие.xlsx"), await xlsxWith({ Коды: [["№", "Класс", "Код"], [1, "4А", 40001], [2, "4А", "4А"]] }));
    await writeSampleInputs(path.join(dir, "c.xlsx"));
    const before = await fs.readFile(path.join(dir, "c.xlsx"));
    const bad = await vpr(dir, "codes", "c.xlsx", "--codes", "плохие.xlsx");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Файл «плохие.xlsx», лист «Коды», ячейка C3: «4А» — не код участника");
    expect(await fs.readFile(path.join(dir, "c.xlsx"))).toEqual(before);
  });

  test("a headerless .xlsx list: the first column", async () => {
    await fs.writeFile(path.join(dir, "коды.xlsx"), await xlsxWith({ Лист1: pool.map((c) => [c]) }));
    await writeSampleInputs(path.join(dir, "b.xlsx"));
    const r = await vpr(dir, "codes", "b.xlsx", "--codes", "коды.xlsx", "--seed", "9", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain('Codes in "коды.xlsx": 150 (sheet «Лист1», column A, no header).');
  });

  test("a file with things that are not codes: exit 2", async () => {
    await writeSampleInputs(path.join(dir, "b.xlsx"));
    await fs.writeFile(path.join(dir, "коды.txt"), "40001\nабв\n12\n");
    const r = await vpr(dir, "codes", "b.xlsx", "--codes", "коды.txt");
    expect(r.code).toBe(2);
    expect(r.err).toContain("2: «абв»");
    expect(r.err).toContain("3: «12»");
    expect((await vpr(dir, "codes", "b.xlsx", "--codes", "нет.txt")).code).toBe(2);
    expect((await vpr(dir, "codes", "b.xlsx", "--codes", "коды.pdf")).code).toBe(2);
  });
});
