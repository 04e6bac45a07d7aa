// The one check of a write plan, before any back end sees it: every refusal is a PlanError whose
// Russian message names the sheet and the range or cell; a valid plan passes untouched.
import { seededRandom } from "../../src/core";
import type { NewWorkbookPlan, SheetPlan, WorkbookBackend, WritePlan } from "../../src/workbook/backend";
import { OfficeBackend } from "../../src/workbook/office/OfficeBackend";
import { makeCodes, makeScoreSheets, readAll } from "../../src/workbook/operations";
import { MAX_INLINE_LIST, PlanError, applyWritePlan, checkNewWorkbookPlan, checkWritePlan } from "../../src/workbook/planCheck";
import { sampleSchool, sampleWorkbookPlan } from "../../src/workbook/sample";
import { createFakeExcel } from "../fakes/fakeExcel";

const SHEET = "4А Математика";

/** A sheet plan that uses every field, all valid. */
const VALID: SheetPlan = {
  name: SHEET,
  mode: "create",
  values: [
    ["Код", "Вариант", "1 (1б)", "2 (2б)", "Итого"],
    [50001, 1, 1, 2, null],
    [50002, 2, "X", 0, null],
  ],
  formulas: [{ range: "E2:E3", formulas: [["=SUM(C2:D2)"]], results: [[3], [0]], fillDown: true }],
  columnWidths: [10, 10, 8, 8, 8],
  freezeRows: 1,
  freezeColumns: 1,
  validations: [
    { range: "C2:C3", list: ["0", "1", "X"], errorMessage: "Допустимо: 0, 1 или X", prompt: "Балл за задание 1" },
    { range: "$A$2:$A$3", whole: [50001, 51500], errorStyle: "warning" },
    { range: "B2:B3", listSource: "Классы!$A$2:$A$10" },
  ],
  highlights: [{ range: "C2:D3", formula: '=AND(C2<>"",C2<>"X",C2>C$1)', fill: "#FFC7CE" }],
  styles: [
    { range: "A1:E1", bold: true, wrap: true, fill: "#DDEBF7", horizontal: "center", vertical: "middle", border: "thin", rowHeight: 30 },
    { range: "A2:A3", numberFormat: "0", fontSize: 12 },
  ],
  print: { area: "A1:E3", repeatRows: "1:1", pageBreaksAfterRows: [2], landscape: true, header: "Конфиденциально", fitToWidth: true },
  tabColor: "#2E75B6",
};

const plan = (sheets: SheetPlan[], rest: Partial<WritePlan> = {}): WritePlan => ({ sheets, cellWrites: [], ...rest });
const sheet = (change: Partial<SheetPlan>): SheetPlan => ({ ...VALID, ...change });

/** The error `fn` throws, which must be a PlanError. */
function refusal(fn: () => void): PlanError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    return error as PlanError;
  }
  throw new Error("the plan was not refused");
}

/** A Russian message: Cyrillic words, none of the English the back ends used to throw. */
function expectRussian(message: string): void {
  expect(message).toMatch(/[а-яё]{4}/i);
  expect(message).not.toMatch(/\b(sheet|formula|must|cannot|range|plan|twice|exists?|invalid|number)\b/i);
}

describe("checkWritePlan", () => {
  test("a valid plan that uses every field passes, against an empty or a full workbook", () => {
    expect(() => checkWritePlan(plan([VALID], { activate: SHEET }), [])).not.toThrow();
    expect(() => checkWritePlan(plan([{ ...VALID, mode: "replace" }], { cellWrites: [{ sheet: "Ученики", address: "D2", value: 50001 }] }), ["Ученики", SHEET])).not.toThrow();
    expect(() => checkWritePlan(plan([]), [])).not.toThrow();
  });

  test("the planners' own plans pass", async () => {
    const school = sampleSchool(7);
    expect(() => checkWritePlan(sampleWorkbookPlan(school), [])).not.toThrow();
    // makeCodes and makeScoreSheets go through applyWritePlan: a refusal would throw here.
    const fake = createFakeExcel();
    fake.workbook.addSheet("Лист1"); // Excel always has a sheet
    const backend = new OfficeBackend({ run: fake.run, isSetSupported: () => true });
    await applyWritePlan(backend, sampleWorkbookPlan(school), (await readAll(backend)).sheetNames);
    expect((await makeCodes(backend, { random: seededRandom(1) })).status).toBe("done");
    expect((await makeScoreSheets(backend)).status).toBe("done");
  });

  // [case, plan, workbook's sheets, where (range or cell) the message names, what it says]
  const cases: [string, WritePlan, string[], string, RegExp][] = [
    ["a filled-down block with more than its first row", plan([sheet({ formulas: [{ range: "E2:E3", formulas: [["=1"], ["=2"]], fillDown: true }] })]), [], "диапазон E2:E3", /нужно одна строка из 1 формул, протягиваемая вниз/],
    ["cached results for fewer rows than the range", plan([sheet({ formulas: [{ range: "E2:E3", formulas: [["=1"]], results: [[1]], fillDown: true }] })]), [], "диапазон E2:E3", /результатов 1 строк, а в диапазоне 2/],
    ["a formula without =", plan([sheet({ formulas: [{ range: "H2:H3", formulas: [["SUM(A1)"], ["=1"]] }] })]), [], "диапазон H2:H3", /формула «SUM\(A1\)» должна начинаться со знака «=»/],
    ["an empty formula", plan([sheet({ formulas: [{ range: "H2", formulas: [["="]] }] })]), [], "диапазон H2", /пуста/],
    ["a formula block smaller than its range", plan([sheet({ formulas: [{ range: "A1:A3", formulas: [["=1"]] }] })]), [], "диапазон A1:A3", /1×1.*3×1/],
    ["a formula block with a short row", plan([sheet({ formulas: [{ range: "A1:B2", formulas: [["=1", "=2"], ["=3"]] }] })]), [], "диапазон A1:B2", /2×1.*2×2/],
    ["a formula block with a bad range", plan([sheet({ formulas: [{ range: "H2:H", formulas: [["=1"]] }] })]), [], "диапазон H2:H", /не разобран/],
    ["a reversed range", plan([sheet({ styles: [{ range: "C3:A1", bold: true }] })]), [], "оформление диапазона C3:A1", /конец стоит раньше начала/],
    ["a non-finite result", plan([sheet({ formulas: [{ range: "H2:H3", formulas: [["=1"], ["=2"]], results: [[1], [Infinity]] }] })]), [], "диапазон H2:H3", /Infinity.*H3/],
    ["a non-finite value", plan([sheet({ values: [["Код"], [NaN]] })]), [], "ячейка A2", /NaN/],
    ["a list item with a comma", plan([sheet({ validations: [{ range: "C2:C31", list: ["0", "1,5"] }] })]), [], "проверка данных в диапазоне C2:C31", /«1,5» содержит запятую/],
    ["an inline list over 255 characters", plan([sheet({ validations: [{ range: "C2:C31", list: Array.from({ length: 100 }, (_, i) => `з${i}`) }] })]), [], "проверка данных в диапазоне C2:C31", new RegExp(`длиннее ${MAX_INLINE_LIST} знаков`)],
    ["an empty list", plan([sheet({ validations: [{ range: "C2:C31", list: [] }] })]), [], "проверка данных в диапазоне C2:C31", /пуст/],
    ["a validation with no rule", plan([sheet({ validations: [{ range: "C2:C31", prompt: "Балл" }] })]), [], "проверка данных в диапазоне C2:C31", /не задано правило/],
    ["a validation with two rules", plan([sheet({ validations: [{ range: "C2:C31", list: ["1"], whole: [0, 1] }] })]), [], "проверка данных в диапазоне C2:C31", /больше одного правила/],
    ["a validation with a bad range", plan([sheet({ validations: [{ range: "C2:C3:C4", whole: [0, 1] }] })]), [], "проверка данных в диапазоне C2:C3:C4", /не разобран/],
    ["whole bounds the wrong way round", plan([sheet({ validations: [{ range: "A2", whole: [5, 1] }] })]), [], "проверка данных в диапазоне A2", /границы/],
    ["a highlight formula without =", plan([sheet({ highlights: [{ range: "C2:D3", formula: "C2>1", fill: "#FFC7CE" }] })]), [], "условное форматирование диапазона C2:D3", /должна начинаться со знака «=»/],
    ["a highlight colour not #RRGGBB", plan([sheet({ highlights: [{ range: "C2:D3", formula: "=C2>1", fill: "red" }] })]), [], "условное форматирование диапазона C2:D3", /цвет «red».*#RRGGBB/],
    ["a style colour not #RRGGBB", plan([sheet({ styles: [{ range: "A1:E1", fill: "DDEBF7" }] })]), [], "оформление диапазона A1:E1", /#RRGGBB/],
    ["a tab colour not #RRGGBB", plan([sheet({ tabColor: "#2E75B" })]), [], "цвет ярлычка", /#RRGGBB/],
    ["a style range past the sheet", plan([sheet({ styles: [{ range: "XFE1", bold: true }] })]), [], "оформление диапазона XFE1", /за пределы листа/],
    ["a bad print area", plan([sheet({ print: { area: "A1:E" } })]), [], "область печати A1:E", /не разобран/],
    ["repeatRows not like 1:1", plan([sheet({ print: { repeatRows: "A1" } })]), [], "сквозные строки A1", /«1:1»/],
    ["a page break after row 0", plan([sheet({ print: { pageBreaksAfterRows: [0] } })]), [], "разрыв страницы после строки 0", /≥ 1/],
    ["a non-finite column width", plan([sheet({ columnWidths: [10, NaN] })]), [], "столбец B", /ширина NaN/],
    ["a sheet name over 31 characters", plan([sheet({ name: "Ж".repeat(32) })]), [], "", /длиннее 31 знака/],
    ["a sheet name with a slash", plan([sheet({ name: "4А/4Б" })]), [], "", /знак «\/»/],
    ["a sheet name with a leading apostrophe", plan([sheet({ name: "'4А" })]), [], "", /апостроф/],
    ["the sheet name History", plan([sheet({ name: "History" })]), [], "", /оставляет за собой/],
    ["a sheet written twice, in another case", plan([sheet({ name: "4а математика" }), VALID]), [], "", /дважды/],
    ["a create of a sheet that exists, in another case", plan([VALID]), ["4а МАТЕМАТИКА"], "", /уже есть/],
    ["a replace of a sheet that does not exist", plan([sheet({ mode: "replace" })]), ["Ученики"], "", /нет, заменить/],
  ];

  test.each(cases)("refuses %s, naming the sheet and the place", (_, p, sheetNames, where, problem) => {
    const error = refusal(() => checkWritePlan(p, sheetNames));
    const name = p.sheets[p.sheets.length - 1].name; // the twice case names the second
    expect(error.sheet).toBe(name);
    expect(error.message.startsWith(`План записи: лист «${name}»${where ? `, ${where}` : ""} — `)).toBe(true);
    expect(error.message).toMatch(problem);
    expect(error.message.endsWith(".")).toBe(true);
    expectRussian(error.message);
  });

  test("the message reads as in the contract's example", () => {
    const error = refusal(() => checkWritePlan(plan([sheet({ formulas: [{ range: "H2:H31", formulas: Array.from({ length: 30 }, () => ["SUM(A1)"]) }] })]), []));
    expect(error.message).toBe("План записи: лист «4А Математика», диапазон H2:H31 — формула «SUM(A1)» должна начинаться со знака «=».");
  });

  const cellCases: [string, WritePlan, string[], string, RegExp][] = [
    ["a cell write to a sheet neither existing nor created", plan([], { cellWrites: [{ sheet: "Ученики", address: "D2", value: 1 }] }), ["Коды"], "ячейка D2", /нет в книге/],
    ["a cell write with a bad address", plan([], { cellWrites: [{ sheet: "Ученики", address: "D", value: 1 }] }), ["Ученики"], "ячейка D", /адрес «D» не разобран/],
    ["a cell write with a range for an address", plan([], { cellWrites: [{ sheet: "Ученики", address: "D2:D3", value: 1 }] }), ["Ученики"], "ячейка D2:D3", /не разобран/],
    ["a cell write of a non-finite number", plan([], { cellWrites: [{ sheet: "Ученики", address: "D2", value: -Infinity }] }), ["Ученики"], "ячейка D2", /-Infinity/],
  ];

  test.each(cellCases)("refuses %s, naming the sheet and the cell", (_, p, sheetNames, where, problem) => {
    const error = refusal(() => checkWritePlan(p, sheetNames));
    expect(error.message.startsWith(`План записи: лист «Ученики», ${where} — `)).toBe(true);
    expect(error.message).toMatch(problem);
    expectRussian(error.message);
  });

  test("a cell write to a sheet the plan creates passes, in any case", () => {
    expect(() => checkWritePlan(plan([VALID], { cellWrites: [{ sheet: "4а математика", address: "F2", value: "x" }] }), [])).not.toThrow();
    expect(() => checkWritePlan(plan([], { cellWrites: [{ sheet: "ученики", address: "$D$2", value: null }] }), ["Ученики"])).not.toThrow();
  });

  test("activating a missing sheet is refused", () => {
    const error = refusal(() => checkWritePlan(plan([VALID], { activate: "5А Математика" }), []));
    expect(error.message).toMatch(/^План записи: лист «5А Математика» — сделать лист активным нельзя/);
    expectRussian(error.message);
    expect(() => checkWritePlan(plan([], { activate: "4а математика" }), [SHEET])).not.toThrow();
  });
});

describe("applyWritePlan", () => {
  const recording = (): WorkbookBackend & { applied: WritePlan[] } => {
    const applied: WritePlan[] = [];
    return { kind: "file", formulaStyle: "standard", applied, read: async () => ({ sheetNames: [], sheets: {} }), apply: async (p) => void applied.push(p) };
  };

  test("a refused plan never reaches the back end; a valid one does, as it is", async () => {
    const backend = recording();
    const bad = plan([VALID, sheet({ name: "4а математика" })]);
    await expect(applyWritePlan(backend, bad, [])).rejects.toBeInstanceOf(PlanError);
    expect(backend.applied).toEqual([]);
    const good = plan([VALID]);
    await applyWritePlan(backend, good, []);
    expect(backend.applied).toEqual([good]);
  });

  test("in Excel, a refused plan costs no run and no sync", async () => {
    const fake = createFakeExcel();
    const backend = new OfficeBackend({ run: fake.run, isSetSupported: () => true });
    const s: SheetPlan = { name: "Лист", mode: "create", values: [[1]] };
    await expect(applyWritePlan(backend, plan([s, { ...s, name: "лист" }]), [])).rejects.toThrow(/дважды/);
    await expect(applyWritePlan(backend, plan([{ name: "Л", mode: "create", values: [], formulas: [{ range: "A1:A3", formulas: [["=1"]] }] }]), [])).rejects.toThrow(PlanError);
    expect(fake.stats.runs).toBe(0);
    expect(fake.stats.syncs).toBe(0);
  });
});

describe("checkNewWorkbookPlan", () => {
  const sheetOf = (name: string, change: Partial<Omit<SheetPlan, "mode">> = {}): Omit<SheetPlan, "mode"> => ({ name, values: [["Код"], [1]], ...change });
  const book = (...sheets: Omit<SheetPlan, "mode">[]): NewWorkbookPlan => ({ sheets, properties: { title: "ВПР" } });

  test("a valid workbook passes", () => {
    expect(() => checkNewWorkbookPlan(book(sheetOf("Форма"), sheetOf("Классы")))).not.toThrow();
  });

  test("a workbook needs a sheet, each named once", () => {
    const none = refusal(() => checkNewWorkbookPlan(book()));
    expect(none.message).toMatch(/^План новой книги: нет ни одного листа/);
    expectRussian(none.message);
    const twice = refusal(() => checkNewWorkbookPlan(book(sheetOf("Форма"), sheetOf("ФОРМА"))));
    expect(twice.message).toMatch(/^План новой книги: лист «ФОРМА» — лист записывается дважды/);
  });

  test("the sheet checks apply", () => {
    const error = refusal(() => checkNewWorkbookPlan(book(sheetOf("Форма", { validations: [{ range: "E2:E100", list: ["м", "ж,"] }] }))));
    expect(error.message).toMatch(/^План новой книги: лист «Форма», проверка данных в диапазоне E2:E100 — значение списка «ж,» содержит запятую\.$/);
    expectRussian(error.message);
  });
});
