import { importCodes, isCodeListHeader, parseCodeList, planImportCodes, readCodeListFile, readCodeListText } from "../../src/workbook/importCodes";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { planNewWorkbook } from "../../src/workbook/newWorkbook";
import { readPool } from "../../src/workbook/inputs";
import { BARE_LIST, FIS_OKO_LIST, xlsxWith } from "../helpers/codeListXlsx";
import { MemoryBackend } from "../taskpane/memoryBackend";

const fresh = (): MemoryBackend => new MemoryBackend(planNewWorkbook({ sheetNames: [], sheets: {} }).plan);

describe("code list import", () => {
  test("parses pasted lists: any separator, a header line, repeats dropped with a warning", () => {
    const { codes, findings } = parseCodeList("Код участника\n40001\r\n40002; 40003,40002\t40004\n");
    expect(codes).toEqual([40001, 40002, 40003, 40004]);
    expect(findings).toEqual([{ severity: "warning", code: "pool.duplicate", message: "код 40002 встречается в списке второй раз; повтор пропущен" }]);
    expect(parseCodeList("40001 4000x 12").findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([
      "«4000x» не код участника: код — целое число из 4–6 цифр",
      "«12» не код участника: код — целое число из 4–6 цифр",
    ]);
    expect(parseCodeList("  ").findings[0].code).toBe("pool.empty");
  });

  test("writes into the empty «Коды» column under its header; the pool reads them back", async () => {
    const book = fresh();
    const r = await importCodes(book, [40001, 40002, 40003]);
    expect(r).toMatchObject({ status: "done", imported: 3, cellsWritten: 3 });
    expect([book.reads, book.applies]).toEqual([1, 1]);
    const snap = await book.read(["Коды"]);
    expect(readPool(snap, [])).toEqual([40001, 40002, 40003]);
    // The hint in column B stays.
    expect(snap.sheets["Коды"].values[1][1]).toMatch(/^Вставьте коды/);
  });

  test("refuses when codes are already there, in Russian, and writes nothing", async () => {
    const book = fresh();
    await importCodes(book, [40001]);
    const r = await importCodes(book, [50001, 50002]);
    expect(r.status).toBe("blocked");
    expect(r.findings[0]).toMatchObject({ sheet: "Коды", cell: "A2", code: "pool.not-empty" });
    expect(r.findings[0].message).toMatch(/^на листе «Коды» уже есть коды \(1\): новый список не записан/);
    expect(book.applies).toBe(1);
  });

  test("creates «Коды» when the sheet is missing; refuses bad or repeated codes", () => {
    const plan = planImportCodes({ sheetNames: [], sheets: {} }, [40001, 40002]);
    expect(plan.plan.sheets).toHaveLength(1);
    expect(plan.plan.sheets[0]).toMatchObject({ name: "Коды", mode: "create", values: [["Код"], [40001], [40002]] });
    expect(planImportCodes({ sheetNames: [], sheets: {} }, [12]).findings[0].code).toBe("pool.invalid");
    expect(planImportCodes({ sheetNames: [], sheets: {} }, [40001, 40001]).findings[0].code).toBe("pool.duplicate");
    expect(planImportCodes({ sheetNames: [], sheets: {} }, []).findings[0].code).toBe("pool.empty");
  });
});

describe("a code list file (the one reader of the pane and `vpr codes --codes`)", () => {
  const read = async (sheets: Parameters<typeof xlsxWith>[0], file = "коды.xlsx") => readCodeListFile(await FileBackend.fromBytes(await xlsxWith(sheets)), file);

  test("an .xlsx with a title, a header and other columns: only «Код участника» is read, empty cells skipped, repeats dropped", async () => {
    const r = await read({ Лист1: FIS_OKO_LIST });
    expect(r.findings).toEqual([]);
    // «№» (1, 2, 3, 4) and «Класс» are not read.
    expect(r.codes).toEqual([40011, 40012, 40013]);
    expect(r.duplicates).toBe(1);
    expect(r.source).toEqual({ file: "коды.xlsx", sheet: "Лист1", column: 2, header: "Код участника" });
  });

  test("the header is found however it is typed, wherever the column is", () => {
    for (const h of ["Код", "код", " КОД ", "Код участника", "код  участника:", "Код_участника", "Код участника ВПР"]) expect(isCodeListHeader(h)).toBe(true);
    for (const h of ["Коды участников", "Код ОО", "Класс", "№", null, 40001]) expect(isCodeListHeader(h)).toBe(false);
  });

  test("the sheet with the «Код» header is read, not the first one", async () => {
    const r = await read({ Инструкция: [["Загрузите список в ФИС ОКО"]], Коды: [["Класс", "Код"], ["5А", 50001]] });
    expect(r.codes).toEqual([50001]);
    expect(r.source.sheet).toBe("Коды");
  });

  test("a cell in the «Код» column that is not a code: file, sheet and cell, in Russian", async () => {
    const rows = [...FIS_OKO_LIST, [5, "4Б", "4Б"], [6, "4Б", 123]];
    const r = await read({ Лист1: rows });
    expect(r.findings.map((f) => [f.severity, f.code, f.message])).toEqual([
      ["error", "pool.invalid", "Файл «коды.xlsx», лист «Лист1», ячейка C9: «4Б» — не код участника (код — целое число из 4–6 цифр)"],
      ["error", "pool.invalid", "Файл «коды.xlsx», лист «Лист1», ячейка C10: «123» — не код участника (код — целое число из 4–6 цифр)"],
    ]);
    // A finding about another file names no cell of the open workbook.
    expect(r.findings.every((f) => f.sheet === undefined && f.cell === undefined)).toBe(true);
  });

  test("no header: the first column (a title line above it allowed); a header row without «Код» is refused", async () => {
    expect((await read({ Лист1: BARE_LIST })).codes).toEqual([40011, 40012, 40013]);
    const titled = await read({ Лист1: [["Коды"], ...BARE_LIST] });
    expect([titled.codes, titled.source.header]).toEqual([[40011, 40012, 40013], null]);
    // Codes that start in column B.
    expect((await read({ Лист1: [[null, 40011], [null, 40012]] })).codes).toEqual([40011, 40012]);
    const noCode = await read({ Лист1: [["№", "Класс", "Номер"], [1, "4А", 40011]] });
    expect(noCode.codes).toEqual([]);
    expect(noCode.findings.map((f) => f.message)).toEqual([
      "Файл «коды.xlsx», лист «Лист1», строка 1: заголовки «№», «Класс», «Номер», но нет столбца «Код». Подпишите столбец с кодами «Код» (или «Код участника») или оставьте в файле один столбец кодов",
    ]);
    expect((await read({ Лист1: [] })).findings[0]).toMatchObject({ code: "pool.empty", message: "Файл «коды.xlsx», лист «Лист1»: список пуст — нет ни одного кода" });
    expect((await read({ Лист1: [["№", "Код"], [1, null]] })).findings[0].message).toBe("Файл «коды.xlsx», лист «Лист1»: нет ни одного кода в столбце «Код» (B)");
  });

  test(".txt and .csv: the same reader, by line and field", () => {
    const csv = readCodeListText("\uFEFF№;Класс;Код\r\n1;4А;40011\r\n2;4А;\"40012\"\r\n3;4Б;абв\r\n", "коды.csv");
    expect(csv.codes).toEqual([40011, 40012]);
    expect(csv.findings.map((f) => f.message)).toEqual(["Файл «коды.csv», строка 4, поле 3: «абв» — не код участника (код — целое число из 4–6 цифр)"]);
    const txt = readCodeListText("Код участника\n40001\n\n40002 40003\n40001\n", "коды.txt");
    expect([txt.codes, txt.duplicates, txt.findings]).toEqual([[40001, 40002, 40003], 1, []]);
  });
});
