import type { CellValue, SheetPlan, WritePlan } from "../../../src/workbook/backend";
import { OfficeBackend, normaliseUsedRange, packOps } from "../../../src/workbook/office/OfficeBackend";
import { columnWidthPoints, planOps } from "../../../src/workbook/office/planToOffice";
import { needsTextPrefix, toExcelInput } from "../../../src/workbook/office/text";
import { createFakeExcel, type FakeExcel } from "../../fakes/fakeExcel";

function setup(options: { maxRequestBytes?: number; supported?: boolean } = {}): { fake: FakeExcel; backend: OfficeBackend } {
  const fake = createFakeExcel();
  const backend = new OfficeBackend({
    run: fake.run,
    maxRequestBytes: options.maxRequestBytes,
    isSetSupported: () => options.supported ?? true,
  });
  return { fake, backend };
}

function plan(sheets: SheetPlan[], rest: Partial<WritePlan> = {}): WritePlan {
  return { sheets, cellWrites: [], ...rest };
}

/** A score-sheet-like grid: a header row then `rows` rows of `cols` columns. */
function grid(rows: number, cols: number, seed = 0): CellValue[][] {
  const header = Array.from({ length: cols }, (_, c) => (c === 0 ? "Код" : `${c}.1 (2б)`));
  const body = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c): CellValue => {
      if (c === 0) return 50001 + r + seed;
      if (c === 1) return r % 7 === 0 ? "отсутствовал" : (r % 4) + 1;
      return (r + c + seed) % 5 === 0 ? "X" : (r * c + seed) % 3;
    }),
  );
  return [header, ...body];
}

const SCORES: SheetPlan = {
  name: "5А Математика",
  mode: "create",
  values: [
    ["Код", "Вариант", "1 (1б)", "2 (2б)", "Итого"],
    [50001, 1, 1, 2, null],
    [50002, 2, "X", 0, null],
  ],
  formulas: [{ range: "E2:E3", formulas: [["=SUM(C2:D2)"], ["=SUM(C3:D3)"]] }],
  columnWidths: [10, 10, 8, 8, 8],
  freezeRows: 1,
  validations: [
    { range: "C2:C3", list: ["0", "1", "X"], errorMessage: "Допустимо: 0, 1 или X", prompt: "Балл за задание 1" },
    { range: "A2:A3", whole: [50001, 51500], errorStyle: "warning" },
  ],
  highlights: [{ range: "C2:D3", formula: '=AND(C2<>"",C2<>"X",C2>C$1)', fill: "#FFC7CE" }],
  styles: [
    { range: "A1:E1", bold: true, wrap: true, fill: "#DDEBF7", horizontal: "center", vertical: "middle", border: "thin", rowHeight: 30 },
    { range: "A2:A3", numberFormat: "0" },
    { range: "C2:D3", italic: true, fontSize: 12, border: "dashed" },
  ],
  print: { area: "A1:E3", repeatRows: "1:1", pageBreaksAfterRows: [2], landscape: true, header: "Конфиденциально & лично", fitToWidth: true },
  tabColor: "#2E75B6",
};

describe("OfficeBackend.apply then read", () => {
  test("gives back the plan's values and formulas", async () => {
    const { fake, backend } = setup();
    await backend.apply(plan([SCORES]));
    const snap = await backend.read([SCORES.name], { formulas: true });
    expect(snap.sheetNames).toEqual([SCORES.name]);
    const sheet = snap.sheets[SCORES.name];
    // values: the plan's, except formula cells which hold their (fake) results
    expect(sheet.values.map((r) => r.slice(0, 4))).toEqual(SCORES.values.map((r) => r.slice(0, 4)));
    expect(sheet.formulas).toEqual([
      [null, null, null, null, null],
      [null, null, null, null, "=SUM(C2:D2)"],
      [null, null, null, null, "=SUM(C3:D3)"],
    ]);

    const ws = fake.workbook.sheet(SCORES.name);
    expect(ws.frozenRows).toBe(1);
    expect(ws.columnWidth(0)).toBe(columnWidthPoints(10));
    expect(ws.columnWidth(4)).toBe(columnWidthPoints(8));
    expect(ws.validationAt("C3")?.rule).toEqual({ list: { inCellDropDown: true, source: "0,1,X" } });
    expect(ws.validationAt("C3")?.errorAlert).toMatchObject({ showAlert: true, style: "Stop", message: "Допустимо: 0, 1 или X" });
    expect(ws.validationAt("C3")?.prompt).toMatchObject({ showPrompt: true, message: "Балл за задание 1" });
    expect(ws.validationAt("A2")?.rule).toEqual({ wholeNumber: { formula1: 50001, formula2: 51500, operator: "Between" } });
    expect(ws.validationAt("A2")?.errorAlert?.style).toBe("Warning");
    expect(ws.highlightsAt("D3")).toEqual([
      expect.objectContaining({ range: "C2:D3", formula: '=AND(C2<>"",C2<>"X",C2>C$1)', fill: "#FFC7CE" }),
    ]);
    expect(ws.formatAt("B1", "font.bold")).toBe(true);
    expect(ws.formatAt("B1", "horizontalAlignment")).toBe("Center");
    expect(ws.formatAt("B1", "verticalAlignment")).toBe("Center");
    expect(ws.formatAt("B1", "borders.InsideVertical.style")).toBe("Continuous");
    expect(ws.formatAt("C2", "borders.EdgeTop.style")).toBe("Dash");
    expect(ws.formatAt("C2", "font.size")).toBe(12);
    expect(ws.rowHeights.get(0)).toBe(30);
    expect(ws.numberFormat("A3")).toBe("0");
    expect(ws.value("A3")).toBe(50002);
    expect(ws.printArea).toBe("A1:E3");
    expect(ws.printTitleRows).toBe("$1:$1");
    expect(ws.orientation).toBe("Landscape");
    expect(ws.paperSize).toBe("A4"); // Russian schools print on A4 whatever the printer says
    expect(ws.centerHeader).toBe("Конфиденциально && лично");
    expect(ws.zoom).toEqual({ horizontalFitToPages: 1 });
    expect(ws.pageBreaksAfterRows()).toEqual([2]);
    expect(ws.tabColor).toBe("#2E75B6");
  });

  test("an empty plan costs nothing", async () => {
    const { fake, backend } = setup();
    await backend.apply(plan([]));
    expect(fake.stats.runs).toBe(0);
    expect(fake.stats.syncs).toBe(0);
  });

  test("replace clears old content, validations, highlights, page breaks and freeze", async () => {
    const { fake, backend } = setup();
    const old = fake.workbook.addSheet("5А Математика", [
      ["Код", "старое"],
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    old.setValues("H20", [["лишнее"]]);
    old.setFormula("C2", "=A2+B2", 3);
    old.addValidation("B2:B4", { list: { inCellDropDown: true, source: "1,2" } });
    old.addConditionalFormat("B2:B4", "=B2>1", "#FF0000");
    old.addPageBreakAfter(3);
    old.frozenRows = 2;

    await backend.apply(plan([{ name: "5А Математика", mode: "replace", values: [["Код"], [50001]] }]));

    const snap = await backend.read(["5А Математика"], { formulas: true });
    expect(snap.sheets["5А Математика"]).toEqual({ values: [["Код"], [50001]], formulas: [[null], [null]] });
    expect(old.validations).toEqual([]);
    expect(old.conditionalFormats).toEqual([]);
    expect(old.pageBreaksAfterRows()).toEqual([]);
    expect(old.frozenRows).toBe(0);
  });

  test("creating a sheet that already exists fails clearly, before any content is written", async () => {
    const { fake, backend } = setup();
    fake.workbook.addSheet("Коды для выдачи", [["моё"]]);
    const p = plan([
      { name: "Протокол 5А", mode: "create", values: [["№", "ФИО"]] },
      { name: "Коды для выдачи", mode: "create", values: [["Код"]] },
    ]);
    await expect(backend.apply(p)).rejects.toThrow(/уже есть лист.*«Коды для выдачи»/);
    await expect(backend.apply(p)).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(fake.workbook.sheet("Коды для выдачи").value("A1")).toBe("моё");
    // structure ops run first: the other sheet exists but got no content
    expect(fake.workbook.sheet("Протокол 5А").valuesFromA1()).toEqual([]);
  });

  test("replacing a missing sheet fails clearly", async () => {
    const { backend } = setup();
    await expect(backend.apply(plan([{ name: "Нет такого", mode: "replace", values: [[1]] }]))).rejects.toThrow(
      /лист не найден.*«Нет такого»/,
    );
  });

  test("a failing plan clears nothing: creates and look-ups come before any clear", async () => {
    const { fake, backend } = setup();
    fake.workbook.addSheet("5А Математика", [["старое"]]);
    fake.workbook.addSheet("Коды для выдачи", [["моё"]]);
    const keep = { name: "5А Математика", mode: "replace" as const, values: [["новое"]] };
    await expect(backend.apply(plan([keep, { name: "Коды для выдачи", mode: "create", values: [[1]] }]))).rejects.toThrow(
      /уже есть лист/,
    );
    await expect(backend.apply(plan([keep, { name: "Нет такого", mode: "replace", values: [[1]] }]))).rejects.toThrow(
      /не найден/,
    );
    expect(fake.workbook.sheet("5А Математика").value("A1")).toBe("старое");
  });

  // A plan that cannot be applied is refused before any back end sees it: test/workbook/planCheck.test.ts.
});

describe("text stays text", () => {
  const risky = ["=1+1", "+7 999 123-45-67", "-5", "-", "@home", "'quoted", "00123", "1,5", "5%", "TRUE", "ложь", "12.03.2026", "#N/A", " =x", "5А"];

  test("values starting with = + - @ ' or looking like numbers, dates or booleans read back as the same text", async () => {
    const { fake, backend } = setup();
    await backend.apply(plan([{ name: "Ученики", mode: "create", values: [risky] }]));
    const ws = fake.workbook.sheet("Ученики");
    risky.forEach((s, c) => {
      const address = `${String.fromCharCode(65 + c)}1`;
      expect({ s, formula: ws.formula(address), value: ws.value(address) }).toEqual({ s, formula: null, value: s });
    });
    const snap = await backend.read(["Ученики"], { formulas: true });
    expect(snap.sheets["Ученики"].values).toEqual([risky]);
    expect(snap.sheets["Ученики"].formulas).toEqual([risky.map(() => null)]);
  });

  test("the fake catches a back end that does not escape", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Л");
      ws.getRange("A1:C1").values = [["=1+1", "00123", "TRUE"]];
      await ctx.sync();
    });
    const ws = fake.workbook.sheet("Л");
    expect(ws.formula("A1")).toBe("=1+1");
    expect(ws.value("B1")).toBe(123);
    expect(ws.value("C1")).toBe(true);
  });

  test("cell writes follow the same rule", async () => {
    const { fake, backend } = setup();
    fake.workbook.addSheet("Ученики", [["Класс", "ФИО", "Пол", "Код"], ["5А", "Иванов", "м", null]]);
    await backend.apply(plan([], { cellWrites: [{ sheet: "Ученики", address: "E2", value: "=HYPERLINK(\"x\")" }] }));
    expect(fake.workbook.sheet("Ученики").formula("E2")).toBeNull();
    expect(fake.workbook.sheet("Ученики").value("E2")).toBe('=HYPERLINK("x")');
  });

  test("plain words are written bare, everything else with the apostrophe", () => {
    expect(needsTextPrefix("Иванов Иван")).toBe(false);
    expect(needsTextPrefix("отсутствовал")).toBe(false);
    expect(needsTextPrefix("X")).toBe(false);
    expect(needsTextPrefix("")).toBe(false);
    for (const s of ["=x", "+x", "-x", "@x", "'x", "5А", "1.2", "TRUE", "Истина", "#REF!", " x"]) expect(needsTextPrefix(s)).toBe(true);
    expect(toExcelInput(null)).toBe("");
    expect(toExcelInput(3)).toBe(3);
    expect(toExcelInput(false)).toBe(false);
    expect(() => toExcelInput(NaN)).toThrow(RangeError);
  });
});

describe("OfficeBackend.read", () => {
  test("anchors a used range that starts at C3 to A1", async () => {
    const { fake, backend } = setup();
    const ws = fake.workbook.addSheet("Лист1");
    ws.setValues("C3", [
      ["a", 1],
      [null, true],
    ]);
    ws.setFormula("D5", "=D3*2", 2);
    const snap = await backend.read(["Лист1"], { formulas: true });
    expect(snap.sheets["Лист1"].values).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, "a", 1],
      [null, null, null, true],
      [null, null, null, 2],
    ]);
    expect(snap.sheets["Лист1"].formulas![4]).toEqual([null, null, null, "=D3*2"]);
    expect(snap.sheets["Лист1"].formulas![2]).toEqual([null, null, null, null]);
  });

  test("normalises quoted addresses and single cells", () => {
    expect(normaliseUsedRange("'Лист 1'!B2", [["x"]])).toEqual({ values: [[null, null], [null, "x"]] });
  });

  test("a missing sheet is absent, an empty one is empty, the list is complete; one sync", async () => {
    const { fake, backend } = setup();
    fake.workbook.addSheet("Настройки", [["Параметр", "Значение"], ["Код ОО", 470167]]);
    fake.workbook.addSheet("Пустой");
    fake.workbook.addSheet("Чужой", [["не читаем"]]);
    const snap = await backend.read(["Настройки", "Пустой", "Нет такого"]);
    expect(snap.sheetNames).toEqual(["Настройки", "Пустой", "Чужой"]);
    expect(Object.keys(snap.sheets).sort()).toEqual(["Настройки", "Пустой"]);
    expect(snap.sheets["Пустой"]).toEqual({ values: [] });
    expect(snap.sheets["Настройки"].formulas).toBeUndefined();
    expect(snap.sheets["Настройки"].values[1]).toEqual(["Код ОО", 470167]);
    expect(fake.stats).toMatchObject({ runs: 1, syncs: 1 });
  });
});

describe("round trips", () => {
  const threeSheets = (rows: number): SheetPlan[] =>
    ["5А Математика", "5Б Математика", "5В Математика"].map((name, i) => ({
      name,
      mode: "create" as const,
      values: grid(rows, 25, i),
      formulas: [
        {
          range: `Y2:Y${rows + 1}`,
          formulas: Array.from({ length: rows }, (_, r) => [`=SUM(C${r + 2}:X${r + 2})`]),
        },
      ],
      validations: [{ range: `C2:X${rows + 1}`, list: ["0", "1", "2", "X"] }],
      highlights: [{ range: `C2:X${rows + 1}`, formula: "=C2>2", fill: "#FFC7CE" }],
      styles: [{ range: `A2:A${rows + 1}`, numberFormat: "0" }],
      columnWidths: Array.from({ length: 25 }, () => 6),
      freezeRows: 1,
    }));

  test.each([30, 1_000, 10_000])("apply of 3 sheets × %i rows × 25 columns is one sync, read is one", async (rows) => {
    const { fake, backend } = setup();
    await backend.apply(plan(threeSheets(rows), { activate: "5А Математика" }));
    expect(fake.stats).toMatchObject({ runs: 1, syncs: 1, suspendedSyncs: 1, recalculations: 1 });
    expect(fake.stats.bytesPerSync[0]).toBeLessThan(4_000_000);
    fake.resetStats();
    const snap = await backend.read(["5А Математика", "5Б Математика", "5В Математика"], { formulas: true });
    expect(fake.stats).toMatchObject({ runs: 1, syncs: 1 });
    const values = snap.sheets["5Б Математика"].values;
    expect(values).toHaveLength(rows + 1);
    expect(values[rows].slice(0, 24)).toEqual(grid(rows, 25, 1)[rows].slice(0, 24));
    expect(snap.sheets["5В Математика"].formulas![rows][24]).toBe(`=SUM(C${rows + 1}:X${rows + 1})`);
    expect(fake.workbook.activeSheet).toBe("5А Математика");
  });

  test("a small threshold splits into the minimal number of syncs, never one per row", async () => {
    const rows = 2_000;
    const threshold = 200_000;
    const { fake, backend } = setup({ maxRequestBytes: threshold });
    const sheets = threeSheets(rows);
    await backend.apply(plan(sheets));
    const total = fake.stats.bytesPerSync.reduce((a, b) => a + b, 0);
    expect(fake.stats.runs).toBe(1);
    expect(fake.stats.syncs).toBeGreaterThan(1);
    expect(fake.stats.syncs).toBeLessThanOrEqual(Math.ceil(total / threshold) + 1);
    expect(fake.stats.syncs).toBeLessThan(rows / 10);
    expect(fake.stats.suspendedSyncs).toBe(fake.stats.syncs);
    for (const b of fake.stats.bytesPerSync) expect(b).toBeLessThanOrEqual(threshold);
    if (process.env.VPR_PRINT_SYNCS) console.log({ total, threshold, syncs: fake.stats.syncs, bytesPerSync: fake.stats.bytesPerSync });
    // the split changes nothing in the result
    const snap = await backend.read(sheets.map((s) => s.name));
    sheets.forEach((s) => {
      // JSON comparison: jest's deep equality is slow on 50,000 cells
      expect(JSON.stringify(snap.sheets[s.name].values.map((r) => r.slice(0, 24)))).toBe(
        JSON.stringify(s.values.map((r) => r.slice(0, 24))),
      );
    });
  });

  test("the byte estimate is an upper bound of what the fake measures", () => {
    const ops = planOps(plan(threeSheets(500)), { validation: true, pageLayout: true, seriesOverlap: true });
    const estimate = packOps(ops, Infinity)[0].reduce((n, s) => n + s.bytes, 0);
    return (async () => {
      const { fake, backend } = setup();
      await backend.apply(plan(threeSheets(500)));
      expect(fake.stats.bytesPerSync[0]).toBeLessThanOrEqual(estimate);
      expect(fake.stats.bytesPerSync[0]).toBeGreaterThan(estimate * 0.5);
    })();
  });

  test("cell writes: adjacent cells go as one range, all in one sync", async () => {
    const { fake, backend } = setup();
    fake.workbook.addSheet("Ученики", [["Класс", "ФИО", "Пол", "Код"], ...Array.from({ length: 6 }, () => ["5А", "Ф", "м", null])]);
    await backend.apply(
      plan([], {
        cellWrites: [
          { sheet: "Ученики", address: "D2", value: 50017 },
          { sheet: "Ученики", address: "D3", value: 50003 },
          { sheet: "Ученики", address: "D4", value: 50011 },
          { sheet: "Ученики", address: "D7", value: 50002 },
        ],
      }),
    );
    const ws = fake.workbook.sheet("Ученики");
    expect([ws.value("D2"), ws.value("D3"), ws.value("D4"), ws.value("D5"), ws.value("D7")]).toEqual([50017, 50003, 50011, null, 50002]);
    expect(fake.stats.syncs).toBe(1);
    // suspend + one sheet look-up + two range writes (D2:D4 and D7) + recalculate
    expect(fake.stats.actionsPerSync[0]).toBe(5);
  });

  test("select is one run and one sync", async () => {
    const { fake, backend } = setup();
    fake.workbook.addSheet("Ученики");
    fake.workbook.addSheet("5А Математика");
    await backend.select("5А Математика", "E7");
    expect(fake.workbook.selection).toEqual({ sheet: "5А Математика", address: "E7" });
    expect(fake.workbook.activeSheet).toBe("5А Математика");
    expect(fake.stats).toMatchObject({ runs: 1, syncs: 1 });
  });
});

describe("feature detection", () => {
  test("without ExcelApi 1.8/1.9, validations, print setup and page breaks are skipped, the rest is written", async () => {
    const { fake, backend } = setup({ supported: false });
    await backend.apply(plan([SCORES]));
    const ws = fake.workbook.sheet(SCORES.name);
    expect(ws.value("A2")).toBe(50001);
    expect(ws.validations).toEqual([]);
    expect(ws.printArea).toBeNull();
    expect(ws.pageBreaksAfterRows()).toEqual([]);
    expect(ws.highlightsAt("C2")).toHaveLength(1);
  });
});

// These tests read proxies before load/sync on purpose: that is what they check.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
describe("the fake is strict", () => {
  test("reading before load and sync throws PropertyNotLoaded", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Л", [[1]]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Л").getRange("A1");
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      r.load("values");
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
    });
  });

  test("unmodelled members throw", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Л");
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Л").getRange("A1:B2");
      expect(() => (r as unknown as { hyperlink: unknown }).hyperlink).toThrow(/NotModelled/);
      r.values = [[1]];
      await expect(ctx.sync()).rejects.toThrow(/doesn't match/);
    });
  });
});
/* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */

describe("a read whose answer would pass Excel on the web's limit", () => {
  test("is read in parts — same snapshot, every answer under the limit, no sync per row or sheet", async () => {
    const build = (limit?: number) => {
      const fake = createFakeExcel(limit === undefined ? {} : { maxResponseBytes: limit });
      const big = Array.from({ length: 3000 }, (_, r) => [40001 + r, r % 2 ? "отсутствовал" : 1, ...Array.from({ length: 12 }, (_, c) => (r + c) % 3)]);
      fake.workbook.addSheet("Ученики", [["Класс", "ФИО"], ["4А", "Иванов"]]);
      fake.workbook.addSheet("4А Русский язык", big, "B3");
      fake.workbook.addSheet("4Б Русский язык", big.slice(0, 1200));
      return fake;
    };
    const whole = await new OfficeBackend({ run: build().run, isSetSupported: () => true }).read(null);
    const limited = build(150_000);
    const backend = new OfficeBackend({ run: limited.run, isSetSupported: () => true, maxRequestBytes: 100_000 });
    limited.resetStats();
    const parts = await backend.read(null);
    expect(parts).toEqual(whole);
    // The failed attempt, the sheet list, the used-range sizes, then ~4 MB-style parts (here 100 KB).
    expect(limited.stats.responseBytesPerSync[0]).toBeGreaterThan(150_000); // the refused single sync
    const answers = limited.stats.responseBytesPerSync.slice(1);
    expect(answers.every((b) => b <= 150_000)).toBe(true);
    expect(limited.stats.syncs).toBeLessThan(20);
    expect(limited.stats.syncs).toBeGreaterThan(3);
  });

  test("other errors are not retried", async () => {
    const backend = new OfficeBackend({
      run: async () => {
        throw Object.assign(new Error("boom"), { code: "GeneralException" });
      },
      isSetSupported: () => true,
    });
    await expect(backend.read(null)).rejects.toThrow("boom");
  });
});
