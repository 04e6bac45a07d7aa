import { importCodes, parseCodeList, planImportCodes } from "../../src/workbook/importCodes";
import { planNewWorkbook } from "../../src/workbook/newWorkbook";
import { readPool } from "../../src/workbook/inputs";
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
