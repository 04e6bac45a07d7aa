// Hostile inputs in the coordinator's sheets (roster, code pool, plan, criteria, settings, the
// sheets themselves). Each case: the Russian finding with its sheet and cell, and no user cell
// changed (only «Ученики»!Код may gain codes where it was empty). Catalogue: docs/HOSTILE_INPUTS.md.
import type { WorkDefinition } from "../../src/core";
import type { CellValue } from "../../src/workbook/backend";
import { criteriaBlock } from "../../src/workbook/newWorkbook";
import { errorsOf, expectFinding, expectNoFindingAt, inputsBackend, readyBackend, run, type } from "./helpers";
import { editInExcelJS } from "../helpers/editInExcelJS";

const R = "Ученики";
const codesOf = (values: CellValue[][], col = 3) => values.slice(1).map((r) => r[col]);

describe("hostile roster", () => {
  test("H40 the same name twice in a class: a warning, both get codes", async () => {
    const b = await inputsBackend((s) => {
      s[R][3][1] = s[R][2][1];
    });
    const { findings, status, after } = await run(b, "codes");
    expect(status).toBe("done");
    expectFinding(findings, { code: "roster.duplicate-name", sheet: R, cell: "B4", severity: "warning", message: /^ученик «.+» уже есть в классе 4А \(строка 3\); если это разные ученики, всё в порядке$/ });
    expect(codesOf(after.sheets[R].values).every((c) => typeof c === "number")).toBe(true);
  });

  test("H41 Ё and Е spellings of one name are the same name", async () => {
    const b = await inputsBackend((s) => {
      s[R][2][1] = "Ёлкин Артём Петрович";
      s[R][3][1] = "Елкин  Артем Петрович";
    });
    const { findings, status } = await run(b, "codes");
    expect(status).toBe("done");
    expectFinding(findings, { code: "roster.duplicate-name", sheet: R, cell: "B4", severity: "warning", message: /^ученик «Елкин Артем Петрович» уже есть в классе 4А \(строка 3\)/ });
  });

  test("H42 two students with the same code: blocked, nothing written", async () => {
    const b = await inputsBackend((s) => {
      s[R][1][3] = 40001;
      s[R][2][3] = 40001;
    });
    const { findings, status, before, after } = await run(b, "codes");
    expect(status).toBe("blocked");
    expectFinding(findings, { code: "roster.duplicate-code", sheet: R, cell: "D3", message: /^код 40001 уже выдан ученику в строке 2: у каждого ученика должен быть свой код$/ });
    expect(after).toEqual(before);
  });

  test("H43 Latin look-alike in a class name (4A with a Latin A): read as 4А with a warning, the cell stays as typed", async () => {
    const b = await inputsBackend((s) => {
      s[R][1][0] = "4A";
    });
    const { findings, status, after } = await run(b, "codes");
    expect(status).toBe("done");
    expectFinding(findings, { code: "roster.class-normalised", sheet: R, cell: "A2", severity: "warning", message: /^класс «4A» прочитан как «4А»$/ });
    expect(after.sheets[R].values[1][0]).toBe("4A");
    expect(String(after.sheets[R].values[1][3])).toMatch(/^4\d{4}$/);
    expect(after.sheetNames).toContain("Протокол 4А");
    expect(after.sheetNames.filter((n) => n.startsWith("Протокол 4"))).toEqual(["Протокол 4А", "Протокол 4Б"]);
  });

  test("H44 a class letter that is not Russian", async () => {
    const b = await inputsBackend((s) => {
      s[R][1][0] = "4Z";
    });
    const { findings, status } = await run(b, "codes");
    expect(status).toBe("blocked");
    expectFinding(findings, { code: "roster.class", sheet: R, cell: "A2", message: /^класс «4Z»: буква класса должна быть русской$/ });
  });

  test("H45 a class typed «4 а» (space, lower case): read as 4А with a warning", async () => {
    const b = await inputsBackend((s) => {
      s[R][1][0] = "4 а";
    });
    const { findings, status } = await run(b, "codes");
    expect(status).toBe("done");
    expectFinding(findings, { code: "roster.class-normalised", sheet: R, cell: "A2", severity: "warning", message: /^класс «4 а» прочитан как «4А»$/ });
  });

  test("H46 empty rows in the middle of the roster: skipped, no code written into them", async () => {
    const b = await inputsBackend((s) => {
      s[R].splice(4, 0, [null, null, null, null, null, null], [null, "   ", null, null, null, null]);
    });
    const { findings, status, after } = await run(b, "codes");
    expect(status).toBe("done");
    expect(errorsOf(findings)).toEqual([]);
    expectNoFindingAt(findings, R, "A5");
    expectNoFindingAt(findings, R, "B6");
    const codes = codesOf(after.sheets[R].values);
    expect(codes[3]).toBeNull();
    expect(codes[4]).toBeNull();
    expect(codes.filter((c) => c !== null)).toHaveLength(26);
  });

  test("H47 merged class cells (one «4А» over three rows): the covered rows have no class", async () => {
    let b = await inputsBackend();
    b = await editInExcelJS(b, (wb) => { wb.getWorksheet(R)!.mergeCells("A2:A4"); });
    const { findings, status } = await run(b, "codes");
    expect(status).toBe("blocked");
    expectFinding(findings, { code: "roster.class", sheet: R, cell: "A3", message: /^класс «» не распознан: ожидается номер и буква, например «5А»$/ });
    expectFinding(findings, { code: "roster.class", sheet: R, cell: "A4", message: /не распознан/ });
  });

  test("H48 roster header moved one column (a «№» column inserted at A): codes go into the moved «Код» column", async () => {
    const b = await inputsBackend((s) => {
      s[R] = s[R].map((row, i) => [i === 0 ? "№" : i, ...row]);
    });
    const { findings, status, after } = await run(b, "codes");
    expect(status).toBe("done");
    expect(errorsOf(findings)).toEqual([]);
    expect(after.sheets[R].values[0][4]).toBe("Код");
    expect(codesOf(after.sheets[R].values, 4).every((c) => typeof c === "number")).toBe(true);
    expect(codesOf(after.sheets[R].values, 3).every((c) => c === "м" || c === "ж")).toBe(true);
  });

  test("H49 roster without the «Код» column", async () => {
    const b = await inputsBackend((s) => {
      s[R] = s[R].map((row) => [row[0], row[1], row[2], row[4], row[5]]);
    });
    const { findings, status } = await run(b, "codes");
    expect(status).toBe("blocked");
    expectFinding(findings, { code: "header.missing", sheet: R, cell: "A1", message: /^в первой строке листа нет столбца «Код»; нужны столбцы «Класс», «ФИО», «Пол», «Код»$/ });
  });

  test("H50 an extra roster column is read as a subject's previous marks: a text in it is a warning", async () => {
    const b = await inputsBackend((s) => {
      s[R] = s[R].map((row, i) => [...row, i === 0 ? "Примечание" : i === 1 ? "переведён" : null]);
    });
    const { findings, status } = await run(b, "codes");
    expect(status).toBe("done");
    expectFinding(findings, { code: "roster.mark", sheet: R, cell: "G2", severity: "warning", message: /^отметка «переведён» по предмету «Примечание» должна быть от 2 до 5; в форму попадёт пустая ячейка$/ });
  });

  test("H51 a previous mark out of 2–5", async () => {
    const b = await inputsBackend((s) => {
      s[R][1][5] = 6;
    });
    const { findings } = await run(b, "codes");
    expectFinding(findings, { code: "roster.mark", sheet: R, cell: "F2", severity: "warning", message: /^отметка «6» по предмету «Математика» должна быть от 2 до 5/ });
  });

  test("H52 gender written out", async () => {
    const b = await inputsBackend((s) => {
      s[R][1][2] = "мужской";
    });
    const { findings } = await run(b, "codes");
    expectFinding(findings, { code: "roster.gender", sheet: R, cell: "C2", severity: "warning", message: /^пол «мужской» не распознан: укажите «м» или «ж»/ });
  });

  test("H53 a roster code that is not a number", async () => {
    const b = await inputsBackend((s) => {
      s[R][1][3] = "4001А";
    });
    const { findings, status } = await run(b, "codes");
    expect(status).toBe("blocked");
    expectFinding(findings, { code: "roster.code", sheet: R, cell: "D2", message: /^код «4001А» должен быть целым положительным числом$/ });
  });
});

describe("hostile code pool", () => {
  const pool = (codes: CellValue[]) => (s: Record<string, CellValue[][]>) => {
    s["Коды"] = [["Код"], ...codes.map((c) => [c])];
  };

  test("H54 a code pool smaller than the roster: blocked, no code written", async () => {
    const b = await inputsBackend(pool([50001, 50002, 50003]));
    const { findings, status, before, after } = await run(b, "codes");
    expect(status).toBe("blocked");
    const f = expectFinding(findings, { code: "codes.pool-exhausted", sheet: R, message: /^кодов на листе «Коды» не хватило \(3\): добавьте коды из ФИС ОКО$/ });
    expect(f.cell).toMatch(/^D\d+$/);
    expect(after).toEqual(before);
  });

  test("H55 duplicate codes in the pool: the repeat is skipped with a warning", async () => {
    const codes = Array.from({ length: 30 }, (_, i) => 70001 + i);
    const b = await inputsBackend(pool([...codes.slice(0, 5), 70003, ...codes.slice(5)]));
    const { findings, status, after } = await run(b, "codes");
    expect(status).toBe("done");
    expectFinding(findings, { code: "pool.duplicate", sheet: "Коды", cell: "A7", severity: "warning", message: /^код 70003 встречается в списке кодов второй раз; повтор пропущен$/ });
    const given = codesOf(after.sheets[R].values);
    expect(new Set(given).size).toBe(given.length);
  });

  test("H56 codes of the wrong length in the pool", async () => {
    const codes = Array.from({ length: 30 }, (_, i) => 70001 + i);
    const b = await inputsBackend(pool([123, 1234567, ...codes]));
    const { findings, after } = await run(b, "codes");
    expectFinding(findings, { code: "pool.length", sheet: "Коды", cell: "A2", severity: "warning", message: /^код 123 из 3 цифр: коды ВПР состоят из 4–6 цифр; код пропущен$/ });
    expectFinding(findings, { code: "pool.length", sheet: "Коды", cell: "A3", severity: "warning", message: /^код 1234567 из 7 цифр/ });
    expect(codesOf(after.sheets[R].values)).not.toContain(123);
  });

  test("H57 text in the pool", async () => {
    const codes = Array.from({ length: 30 }, (_, i) => 70001 + i);
    const b = await inputsBackend(pool(["код?", ...codes]));
    const { findings } = await run(b, "codes");
    expectFinding(findings, { code: "pool.invalid", sheet: "Коды", cell: "A2", severity: "warning", message: /^«код\?» не код участника: код — целое число; строка пропущена$/ });
  });
});

describe("hostile plan and criteria", () => {
  const P = "План";

  test("H58 a class with 0 students in the plan", async () => {
    const b = await readyBackend();
    await type(b, P, { A12: "7В", B12: "Математика", C12: "MA8-2021" });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "plan.class-unknown", sheet: P, cell: "A12", message: /^класса 7В нет в списке учеников на листе «Ученики»$/ });
  });

  test("H59 a plan naming an unknown work", async () => {
    const b = await readyBackend();
    await type(b, P, { C3: "MA4-2099" });
    const { findings, files } = await run(b, "upload");
    // The grade-4 Maths form would lack 4А: it waits; the other works' forms are built.
    expect(files.map((f) => f.fileName)).not.toContain("780999_4_Математика.xlsx");
    expect(files.map((f) => f.fileName)).toContain("780999_4_Русский язык.xlsx");
    expectFinding(findings, { code: "plan.work-unknown", sheet: P, cell: "C3", message: /^работа «MA4-2099» не описана ни на листе «Критерии», ни во встроенном каталоге$/ });
  });

  test("H60 a Latin look-alike class in the plan (5A)", async () => {
    const b = await readyBackend();
    await type(b, P, { A7: "5A" });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "plan.class-normalised", sheet: P, cell: "A7", severity: "warning", message: /^класс «5A» прочитан как «5А»$/ });
    expect(errorsOf(findings)).toEqual([]);
  });

  const longWork = (id: string, subject: string): WorkDefinition => ({ id, subject, grade: 4, year: "2026", source: "тест", items: [{ label: "1", max: 2, part: 1 }] });

  test("H61 a subject so long that «класс предмет» exceeds 31 characters: the sheet name is cut to 31 and still found", async () => {
    const subject = "Основы религиозных культур и светской этики";
    const b = await inputsBackend((s) => {
      s["Критерии"].push([], ...criteriaBlock(longWork("ORK4-2026", subject)));
      s[P].push(["4А", subject, "ORK4-2026", "20.04.2026"]);
    });
    await run(b, "codes");
    const made = await run(b, "scoreSheets");
    expect(made.status).toBe("done");
    const name = made.after.sheetNames.find((n) => n.startsWith("4А Основы"))!;
    expect(name).toBe("4А Основы религиозных культур и");
    expect(name.length).toBeLessThanOrEqual(31);
    const { findings } = await run(b, "check");
    expect(findings.filter((f) => f.code === "sheet.scores-missing" && f.sheet?.startsWith("4А Основы"))).toEqual([]);
    expectFinding(findings, { code: "row.blank", sheet: name, cell: "B2", message: /строка не заполнена/ });
  });

  test("H62 two long subjects that share the first 31 characters of the sheet name", async () => {
    const a = "Основы религиозных культур и светской этики";
    const z = "Основы религиозных культур и народов России";
    const b = await inputsBackend((s) => {
      s["Критерии"].push([], ...criteriaBlock(longWork("ORK4-A", a)), [], ...criteriaBlock(longWork("ORK4-B", z)));
      s[P].push(["4А", a, "ORK4-A", ""], ["4А", z, "ORK4-B", ""]);
    });
    await run(b, "codes");
    const { findings, status } = await run(b, "scoreSheets");
    expect(status).toBe("blocked");
    expectFinding(findings, { code: "plan.sheet-clash", sheet: P, cell: "A13", message: /^у класса 4А две работы по предмету «Основы религиозных культур и народов России» \(ORK4-A и ORK4-B\): лист «4А Основы религиозных культур и» может быть только один$/ });
  });

  test("H63 a criteria block with a maximum of 0", async () => {
    const b = await readyBackend();
    const rows = (await b.read(["Критерии"])).sheets["Критерии"].values;
    const start = rows.findIndex((r) => r[0] === "Работа" && r[1] === "HI6-ДЕМО");
    const maxRow = rows.findIndex((r, i) => i > start && r[0] === "Максимум") + 1;
    await type(b, "Критерии", { [`B${maxRow}`]: 0 });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "criteria.max", sheet: "Критерии", cell: `B${maxRow}`, message: /^работа «HI6-ДЕМО», задание 1: максимум «0» должен быть целым числом не меньше 1$/ });
  });

  test("H64 the coordinator's own sheet already named like a score sheet is never replaced", async () => {
    const b = await inputsBackend((s) => {
      s["4А Математика"] = [["Мои заметки"], ["не трогать"]];
    });
    await run(b, "codes");
    const { findings, status, before, after } = await run(b, "scoreSheets");
    expect(status).toBe("blocked");
    expectFinding(findings, { code: "sheet.not-owned", sheet: "4А Математика", message: /^лист «4А Математика» уже есть, но создан не надстройкой; надстройка его не трогает — переименуйте его/ });
    expect(after.sheets["4А Математика"]).toEqual(before.sheets["4А Математика"]);
  });
});

describe("hostile settings and sheets", () => {
  test("H65 a school code of 5 digits blocks the upload", async () => {
    const b = await readyBackend();
    await type(b, "Настройки", { B2: "47016" });
    const { findings, files } = await run(b, "upload");
    expect(files).toEqual([]);
    expectFinding(findings, { code: "settings.school", sheet: "Настройки", cell: "B2", message: /^код ОО «47016» должен состоять ровно из 6 цифр$/ });
  });

  test("H66 a «не приступал» letter that is neither X nor Х", async () => {
    const b = await readyBackend();
    await type(b, "Настройки", { B5: "Y" });
    const { findings } = await run(b, "upload");
    expectFinding(findings, { code: "settings.x", sheet: "Настройки", cell: "B5", message: /^символ «Y» не подходит: укажите латинскую X или кириллическую Х$/ });
  });

  test("H67 the roster sheet renamed: «нет листа «Ученики»», nothing written", async () => {
    let b = await inputsBackend();
    b = await editInExcelJS(b, (wb) => { wb.getWorksheet(R)!.name = "Ученики (2)"; });
    const { findings, status, before, after } = await run(b, "codes");
    expect(status).toBe("blocked");
    const f = expectFinding(findings, { code: "sheet.missing", sheet: R, message: /^нет листа «Ученики» со списком учеников$/ });
    expect(f.cell).toBeUndefined();
    expect(after).toEqual(before);
  });

  test("H68 the plan sheet deleted", async () => {
    let b = await inputsBackend();
    await run(b, "codes");
    b = await editInExcelJS(b, (wb) => { wb.removeWorksheet(wb.getWorksheet("План")!.id); });
    const { findings, status } = await run(b, "scoreSheets");
    expect(status).toBe("blocked");
    expectFinding(findings, { code: "sheet.missing", sheet: "План", message: /^нет листа «План»: укажите, какие классы пишут какие работы$/ });
  });

  test("H69 the settings sheet deleted: the upload refuses", async () => {
    let b = await readyBackend();
    b = await editInExcelJS(b, (wb) => { wb.removeWorksheet(wb.getWorksheet("Настройки")!.id); });
    const { findings, files } = await run(b, "upload");
    expect(files).toEqual([]);
    expectFinding(findings, { code: "sheet.missing", sheet: "Настройки", message: /^нет листа «Настройки»: создайте рабочую книгу заново или верните лист$/ });
  });

  test("H70 a score sheet deleted", async () => {
    let b = await readyBackend();
    b = await editInExcelJS(b, (wb) => { wb.removeWorksheet(wb.getWorksheet("6А История")!.id); });
    const { findings, files } = await run(b, "upload");
    expect(files.map((f) => f.fileName)).not.toContain("780999_6_История.xlsx");
    expect(files).toHaveLength(7);
    expectFinding(findings, { code: "sheet.scores-missing", sheet: "6А История", message: /^нет листа «6А История» для работы HI6-ДЕМО: создайте листы для баллов$/ });
  });
});
