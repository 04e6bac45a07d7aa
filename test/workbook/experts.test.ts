// Who checks whom: «Эксперты» and «План»!Проверял on the sample school's whole flow. Each warning
// on constructed workbooks that must and must not trigger it, tolerant headers and spellings,
// unreadable cells, and that none of it ever holds back an upload form.
import type { Finding } from "../../src/core";
import type { Snapshot } from "../../src/workbook/backend";
import { checkWorkbook } from "../../src/workbook/check";
import { readClasses, readYears } from "../../src/workbook/experts/expertsSheet";
import { yearsText } from "../../src/workbook/experts/expertsRule";
import { couldBe, findTeacher } from "../../src/workbook/experts/teacherName";
import { splitNames } from "../../src/workbook/experts/checkers";
import { removeNames } from "../../src/workbook/removeNames";
import { planUploads } from "../../src/workbook/upload";
import { EXPERTS_ROWS, EXPERT_NAMES, sampleFlow, typeExperts, withExperts, type ExpertsEdit } from "../helpers/experts";

let base: Snapshot;
beforeAll(async () => {
  base = await (await sampleFlow()).read(null);
});

const expertsOf = (edit: ExpertsEdit): Finding[] => checkWorkbook(withExperts(base, edit)).findings.filter((f) => f.code.startsWith("experts."));
const brief = (fs: Finding[]) => fs.map((f) => `${f.code} ${f.sheet}!${f.cell}`);

describe("the sample flow itself", () => {
  test("has no error, and without «Эксперты» or «Проверял» the rule says nothing", () => {
    const all = checkWorkbook(base).findings;
    expect(all.filter((f) => f.severity === "error")).toEqual([]);
    expect(all.filter((f) => f.code.startsWith("experts."))).toEqual([]);
    // A column without names and a sheet without a column: nothing to compare.
    expect(expertsOf({ experts: EXPERTS_ROWS, checkedBy: {} })).toEqual([]);
    expect(expertsOf({ experts: EXPERTS_ROWS, checkedBy: {}, header: null })).toEqual([]);
  });

  test("two checkers who teach neither the class nor lack experience: nothing", () => {
    expect(expertsOf({ experts: EXPERTS_ROWS, checkedBy: { "8А Математика": "Гребнева Т.А., Шаповалов Э.Ю." } })).toEqual([]);
  });
});

describe("experts.own-class", () => {
  test("a teacher checks the class they teach the subject in", () => {
    const found = expertsOf({ experts: EXPERTS_ROWS, checkedBy: { "4А Математика": "Гребнева Т.А., Шаповалов Э.Ю." } });
    expect(brief(found)).toEqual(["experts.own-class План!E3"]);
    expect(found[0].severity).toBe("warning");
    expect(found[0].message).toContain(`«${EXPERT_NAMES[0]}»`);
    expect(found[0].message).toContain("преподаёт предмет «Математика» в 4А (лист «Эксперты», C2)");
    expect(found[0].message).toContain("не привлекать к проверке работ класса учителя, который преподаёт в нём этот предмет");
    expect(found[0].message).toContain("«План»!E3");
  });

  test("suggests a colleague who does not teach the class and has the experience", () => {
    const found = expertsOf({ experts: EXPERTS_ROWS, checkedBy: { "4Б Математика": "Шаповалов Э.Ю., Вишнякова Л.И." } });
    const own = found.find((f) => f.code === "experts.own-class")!;
    expect(own.cell).toBe("E6");
    expect(own.message).toContain(`например: ${EXPERT_NAMES[0]}`);
    expect(own.message).not.toContain(`например: ${EXPERT_NAMES[2]}`);
  });

  test("a teacher of another subject in that class, or of the subject in another class: no warning", () => {
    const rows = [...EXPERTS_ROWS, [EXPERT_NAMES[3], "Математика", "6А", 20]];
    expect(expertsOf({ experts: rows, checkedBy: { "4А Математика": "Костромин А.Л., Шаповалов" } })).toEqual([]);
  });
});

describe("experts.experience", () => {
  test("less than 3 years: one warning per teacher and form, on the experience cell, with every class", () => {
    const found = expertsOf({ experts: EXPERTS_ROWS, checkedBy: { "4А Математика": "Вишнякова Л.И., Шаповалов", "4Б Математика": "Вишнякова Л. И.; Гребнева" } });
    expect(brief(found.filter((f) => f.code === "experts.experience"))).toEqual(["experts.experience Эксперты!D4"]);
    const f = found.find((x) => x.code === "experts.experience")!;
    expect(f.message).toContain("преподаёт предмет «Математика» 2 года");
    expect(f.message).toContain("работы 4А, 4Б (лист «План», E3, E6)");
    expect(f.message).toContain("не менее 3 лет");
  });

  test("3 years, or an empty cell: no warning; 2,5 years: a warning that says so", () => {
    const withYears = (y: string | number | null) => EXPERTS_ROWS.map((r, i) => (i === 3 ? [r[0], r[1], r[2], y] : r));
    const checkedBy = { "5А Математика": "Вишнякова Лидия Игнатьевна, Гребнева" };
    expect(expertsOf({ experts: withYears(3), checkedBy })).toEqual([]);
    expect(expertsOf({ experts: withYears("3 года"), checkedBy })).toEqual([]);
    expect(expertsOf({ experts: withYears(null), checkedBy })).toEqual([]);
    const short = expertsOf({ experts: withYears("2,5"), checkedBy });
    expect(brief(short)).toEqual(["experts.experience Эксперты!D4"]);
    expect(short[0].message).toContain("«Математика» 2,5 года");
  });
});

describe("experts.single", () => {
  test("one checker where the school has more teachers of the subject", () => {
    const found = expertsOf({ experts: EXPERTS_ROWS, checkedBy: { "8А Математика": "Гребнева Тамара Аркадьевна" } });
    expect(brief(found)).toEqual(["experts.single План!E10"]);
    expect(found[0].message).toContain("проверяет один человек");
    expect(found[0].message).toContain("учителей этого предмета на листе «Эксперты»: 3");
    expect(found[0].message).toContain("работы проверяет комиссия");
    expect(found[0].message).toContain(`например: ${EXPERT_NAMES[1]}`);
  });

  test("the only teacher of the subject, or two checkers: no warning", () => {
    expect(expertsOf({ experts: EXPERTS_ROWS, checkedBy: { "5А Русский язык": "Костромин А.Л." } })).toEqual([]);
    expect(expertsOf({ experts: EXPERTS_ROWS, checkedBy: { "8А Математика": "Гребнева Т.А.; Шаповалов Э.Ю." } })).toEqual([]);
    // The same teacher written twice is still one person.
    expect(brief(expertsOf({ experts: EXPERTS_ROWS, checkedBy: { "8А Математика": "Гребнева Т.А., Гребнева Тамара Аркадьевна" } }))).toEqual(["experts.single План!E10"]);
  });
});

describe("experts.unknown", () => {
  test("a checker who is not on «Эксперты»: one gentle warning per name, with every cell", () => {
    const found = expertsOf({ experts: EXPERTS_ROWS, checkedBy: { "8А Математика": "Гребнева, Неизвестнова О.О.", "4А Математика": "Неизвестнова О. О., Шаповалов" } });
    expect(brief(found)).toEqual(["experts.unknown План!E3"]);
    expect(found[0].message).toContain("«Неизвестнова О. О.» из столбца «Проверял» (лист «План», E3, E10) нет на листе «Эксперты»");
    expect(found[0].message).toContain("Добавьте строку");
  });

  test("a teacher on «Эксперты» without the subject they check", () => {
    const found = expertsOf({ experts: EXPERTS_ROWS, checkedBy: { "5А Русский язык": "Гребнева Т.А., Костромин" } });
    expect(brief(found)).toEqual(["experts.unknown План!E7"]);
    expect(found[0].message).toContain("нет строки с этим предметом");
  });

  test("initials that fit two teachers: asks for the full name", () => {
    const rows = [...EXPERTS_ROWS, ["Гребнева Таисия Олеговна", "Математика", "6А", 5]];
    const found = expertsOf({ experts: rows, checkedBy: { "8А Математика": "Гребнева Т., Шаповалов" } });
    expect(brief(found)).toEqual(["experts.unknown План!E10"]);
    expect(found[0].message).toContain("подходит к нескольким учителям");
  });

  test("«Проверял» filled and no «Эксперты»: one warning on the column's header", () => {
    const found = expertsOf({ experts: null, checkedBy: { "4А Математика": "Гребнева", "8А Математика": "Шаповалов" } });
    expect(brief(found)).toEqual(["experts.unknown План!E1"]);
    expect(found[0].message).toContain("листа «Эксперты» в книге нет");
  });

  test("«Эксперты» in the sheet list but not read: the rule says nothing", () => {
    const snap = withExperts(base, { experts: EXPERTS_ROWS, checkedBy: { "4А Математика": "Гребнева" } });
    const partial: Snapshot = { sheetNames: snap.sheetNames, sheets: Object.fromEntries(Object.entries(snap.sheets).filter(([n]) => n !== "Эксперты")) };
    expect(checkWorkbook(partial).findings.filter((f) => f.code.startsWith("experts."))).toEqual([]);
  });
});

describe("read tolerantly", () => {
  test("headers in any case, with punctuation; classes «4 а», «5A»; subject «матем.»; Ё; initials before the surname", () => {
    const rows = [
      ["  Ф.И.О. ", "ПРЕДМЕТ", "классы ", "Стаж (лет)"],
      ["Гребнёва Тамара Аркадьевна", "матем.", "4 а", "12 лет"],
      [EXPERT_NAMES[1], "Математика", "4 б; 5A", 8],
      [EXPERT_NAMES[2], "математика", "8А", 2],
    ];
    const found = expertsOf({ experts: rows, header: "проверял ", sheetName: "эксперты", checkedBy: { "4А Математика": "Т.А. Гребнева\nВишнякова", "5А Математика": "ШАПОВАЛОВ Э. Ю., Гребнева" } });
    expect(brief(found).sort()).toEqual(["experts.experience эксперты!D4", "experts.own-class План!E3", "experts.own-class План!E8"]);
  });

  test("unit readers", () => {
    expect(readClasses("4а, 4 Б; 5A")).toEqual({ classes: ["4А", "4Б", "5А"], unreadable: [] });
    expect(readClasses("4А 4Б")).toEqual({ classes: ["4А", "4Б"], unreadable: [] });
    expect(readClasses("4А, четвёртые")).toEqual({ classes: ["4А"], unreadable: ["четвёртые"] });
    expect([readYears(5), readYears("2,5"), readYears("10 лет"), readYears("1 год"), readYears("много"), readYears(-1), readYears(null)]).toEqual([5, 2.5, 10, 1, null, null, null]);
    expect([yearsText(1), yearsText(2), yearsText(3), yearsText(11), yearsText(21), yearsText(2.5)]).toEqual(["1 год", "2 года", "3 года", "11 лет", "21 год", "2,5 года"]);
    expect(splitNames(" Гребнева Т.А. ,Шаповалов;\nГребнева Т.А.")).toEqual(["Гребнева Т.А.", "Шаповалов"]);
    expect(couldBe("Гребнева Т. А.", "Гребнёва Тамара Аркадьевна")).toBe(true);
    expect(couldBe("Гребнева Т.Б.", "Гребнева Тамара Аркадьевна")).toBe(false);
    expect(couldBe("Гребнев Т.А.", "Гребнева Тамара Аркадьевна")).toBe(false);
    expect(findTeacher("гребнева", [{ name: "Гребнева Т.А." }, { name: "Шаповалов Э.Ю." }]).found?.name).toBe("Гребнева Т.А.");
  });

  test("unreadable cells: a warning naming sheet and cell, the rest of the row still read", () => {
    const rows = [...EXPERTS_ROWS.slice(0, 2), [EXPERT_NAMES[1], "Математика", "четвёртые, 5А", "много"], ["", "Математика", "6А", 4], ["Орлов И.И.", "", "6А", 4]];
    const found = expertsOf({ experts: rows, checkedBy: { "4А Математика": 5, "5А Математика": "Шаповалов, Гребнева" } });
    expect(brief(found)).toEqual(["experts.cell Эксперты!C3", "experts.cell Эксперты!D3", "experts.cell Эксперты!A4", "experts.cell Эксперты!B5", "experts.cell План!E3", "experts.own-class План!E8"]);
    expect(found[0].message).toContain("классы «четвёртые» не распознаны");
    expect(found[1].message).toContain("стаж «много»");
    expect(found[4].message).toContain("стоит «5», а не ФИО");
    expect(found.every((f) => f.severity === "warning")).toBe(true);
  });

  test("no «ФИО» column: one warning on A1, and no checker is called unknown", () => {
    const rows = [["Учительница", "Предмет", "Классы"], ["Гребнева Т.А.", "Математика", "4А"]];
    const found = expertsOf({ experts: rows, checkedBy: { "4А Математика": "Гребнева" } });
    expect(brief(found)).toEqual(["experts.header Эксперты!A1"]);
    expect(found[0].message).toContain("нет столбца «ФИО»");
    const noYears = expertsOf({ experts: [["ФИО", "Предмет", "Классы"], ...EXPERTS_ROWS.slice(1).map((r) => r.slice(0, 3))], checkedBy: { "4А Математика": "Вишнякова, Шаповалов" } });
    expect(brief(noYears)).toEqual(["experts.header Эксперты!A1"]);
    expect(noYears[0].message).toContain("«Стаж, лет» — не проверить стаж экспертов");
  });
});

describe("never blocks an upload", () => {
  const every = { "4А Математика": "Гребнева Т.А.", "4Б Математика": "Вишнякова, Неизвестнова", "5А Математика": 7 };
  test("all the warnings at once: the same forms are built, the warnings are told with their forms", () => {
    const snap = withExperts(base, { experts: EXPERTS_ROWS, checkedBy: every });
    const checked = checkWorkbook(snap);
    const codes = new Set(checked.findings.filter((f) => f.code.startsWith("experts.")).map((f) => f.code));
    expect([...codes].sort()).toEqual(["experts.cell", "experts.experience", "experts.own-class", "experts.single", "experts.unknown"]);
    expect(checked.findings.filter((f) => f.severity === "error")).toEqual([]);
    const before = planUploads(base).files.map((f) => f.fileName);
    const after = planUploads(snap);
    expect(after.files.map((f) => f.fileName)).toEqual(before);
    expect(before).toContain("780999_4_Математика.xlsx");
    const form = after.forms.find((f) => f.grade === 4 && f.subject === "Математика")!;
    expect(form.ready).toBe(true);
    expect(form.notes.map((f) => f.code)).toEqual(expect.arrayContaining(["experts.own-class", "experts.single", "experts.experience", "experts.unknown"]));
    // Scoped to its form: 4 Математика's warnings are not told with 8 Физика.
    expect(after.forms.find((f) => f.grade === 8 && f.subject === "Физика")!.notes.filter((f) => f.code.startsWith("experts."))).toEqual([]);
  });
});

describe("remove-names keeps teachers' names", () => {
  test("«Эксперты» and «План»!Проверял stay as typed; students' names go", async () => {
    const b = await sampleFlow(11);
    await typeExperts(b, { experts: EXPERTS_ROWS, checkedBy: { "4А Математика": "Гребнева Т.А., Шаповалов" } });
    const before = await b.read(null);
    const result = await removeNames(b);
    expect(result.status).toBe("done");
    expect(result.summary.sheets.map((s) => s.name)).not.toContain("Эксперты");
    const after = await b.read(null);
    expect(after.sheets["Эксперты"].values).toEqual(before.sheets["Эксперты"].values);
    expect(after.sheets["План"].values).toEqual(before.sheets["План"].values);
    expect(after.sheets["Ученики"].values.slice(1).every((r) => r[1] === null)).toBe(true);
  });
});
