// Planner rules on plain arrays: no workbook, no back end.
import { projectPlan } from "../../src/workbook/project";
import { findWork, seededRandom, uploadHeader } from "../../src/core";
import type { CellValue, Snapshot } from "../../src/workbook/backend";
import { checkWorkbook } from "../../src/workbook/check";
import { planCodes } from "../../src/workbook/codes";
import { readInputs } from "../../src/workbook/inputs";
import { planNewWorkbook } from "../../src/workbook/newWorkbook";
import { planScoreSheets } from "../../src/workbook/scoreSheets";
import { matchOfficialForm, planUploads, toFormRow } from "../../src/workbook/upload";

function workbook(sheets: Record<string, CellValue[][]>): Snapshot {
  return { sheetNames: Object.keys(sheets), sheets: Object.fromEntries(Object.entries(sheets).map(([n, v]) => [n, { values: v }])) };
}

const settings = [["Параметр", "Значение"], ["Код ОО", "780999"], ["Год", "2026"], ["Символ «не приступал»", "Х"]];
const roster = (rows: CellValue[][]) => [["Класс", "ФИО", "Пол", "Код", "Математика"], ...rows];
const plan = [["Класс", "Предмет", "Работа", "Дата"], ["4А", "Математика", "MA4-2023", null]];

/** The workbook after a plan (sheets, merges, cell writes), as the back ends leave it. */
const apply = (snapshot: Snapshot, p: ReturnType<typeof planCodes>["plan"]): Snapshot => projectPlan(snapshot, p);

describe("new workbook", () => {
  test("creates only missing input sheets and never replaces one", () => {
    const { plan: p, skipped } = planNewWorkbook(workbook({ Ученики: [["мой список"]] }), { works: ["RU4-2026"] });
    expect(skipped).toEqual(["Ученики"]);
    expect(p.sheets.map((s) => s.name)).toEqual(["Настройки", "Коды", "План", "Критерии"]);
    expect(p.sheets.every((s) => s.mode === "create")).toBe(true);
    const criteria = p.sheets.find((s) => s.name === "Критерии")!.values;
    expect(criteria.some((r) => r[0] === "Работа" && r[1] === "RU4-2026")).toBe(true);
    expect(criteria.find((r) => r[0] === "Максимум")!.slice(1, 13)).toEqual([2, 1, 2, 3, 2, 1, 1, 2, 3, 3, 1, 3]);
  });
  test("an unknown work id is reported", () => {
    expect(planNewWorkbook(workbook({}), { works: ["XX9-2030"] }).findings[0].message).toMatch(/XX9-2030/);
  });
});

describe("inputs", () => {
  test("class names are normalised with a warning and the cell is left as typed", () => {
    const s = workbook({ Настройки: settings, Ученики: roster([["4а", "Ёлкина Вера", "ж", null, 4], ["4A", "Елкина  Вера", "ж", null, null]]), План: plan });
    const inputs = readInputs(s);
    expect(inputs.roster.students.map((x) => x.className)).toEqual(["4А", "4А"]);
    expect(inputs.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "Ученики", cell: "A2", severity: "warning", message: "класс «4а» прочитан как «4А»" }),
        expect.objectContaining({ sheet: "Ученики", cell: "B3", code: "roster.duplicate-name", severity: "warning" }),
      ]),
    );
    expect(s.sheets["Ученики"].values[1][0]).toBe("4а");
  });
  test("school code must be six digits; the plan must name known classes and works", () => {
    const s = workbook({
      Настройки: [["Параметр", "Значение"], ["Код ОО", "78099"]],
      Ученики: roster([["4А", "Иванов Иван", "м", null, null]]),
      План: [...plan, ["5Б", "Математика", "MA4-2023", null], ["4А", "Химия", "CH9-2030", null]],
    });
    const f = readInputs(s).findings;
    expect(f).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "Настройки", cell: "B2", severity: "error", message: "код ОО «78099» должен состоять ровно из 6 цифр" }),
        expect.objectContaining({ sheet: "План", cell: "A3", code: "plan.class-unknown" }),
        expect.objectContaining({ sheet: "План", cell: "C4", code: "plan.work-unknown" }),
      ]),
    );
  });
  test("criteria blocks: a two-part work, headers without a maxima row, bad maxima named by cell", () => {
    const s = workbook({
      Критерии: [
        ["Работа", "R5"], ["Предмет", "Русский язык"], ["Класс", 5], ["Задания", "1К1", "2"], ["Максимум", 3, 2], ["Часть", 1, 2], ["Шкала", 2, 3, 4], [],
        ["Работа", "H6"], ["Предмет", "История"], ["Класс", 6], ["Задания", "1 (1б)", "2.1 (2б)"], [],
        ["Работа", "B7"], ["Предмет", "Биология"], ["Класс", 7], ["Задания", "1", "2"], ["Максимум", 1, "два"],
      ],
    });
    const findings: ReturnType<typeof readInputs>["findings"] = [];
    const inputs = readInputs(s);
    findings.push(...inputs.findings);
    expect(inputs.works.map((w) => w.id)).toEqual(["R5", "H6"]);
    expect(inputs.works[0].items.map((i) => i.part)).toEqual([1, 2]);
    expect(inputs.works[1].items).toEqual([{ label: "1", max: 1, part: 1 }, { label: "2.1", max: 2, part: 1 }]);
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: "Критерии", cell: "C18", code: "criteria.max" })]));
  });
});

describe("codes", () => {
  const base = () => workbook({ Настройки: settings, Ученики: roster([["4А", "Иванов Иван", "м", null, 5], ["4А", "Петрова Анна", "ж", 40777, 4], ["5А", "Сидоров Пётр", "м", null, null]]), План: plan });
  test("writes only empty roster code cells, keeps existing codes, makes slips and protocols without touching user sheets", () => {
    const r = planCodes(base(), seededRandom(5));
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.plan.cellWrites.map((w) => w.address)).toEqual(["D2", "D4"]);
    expect(r.plan.cellWrites.every((w) => w.sheet === "Ученики")).toBe(true);
    expect(r.plan.sheets.map((s) => s.name)).toEqual(["Коды для выдачи", "Протокол 4А", "Протокол 5А"]);
    const slips = r.plan.sheets[0].values.flat().join(" ");
    expect(slips).not.toMatch(/Иванов|Петрова|Сидоров/);
    expect(slips).toContain("40777");
    expect(r.plan.sheets[0].print?.pageBreaksAfterRows).toHaveLength(1);
    expect(r.plan.sheets[1].print?.header).toMatch(/Конфиденциально/);
  });
  test("a user sheet named like ours is never replaced", () => {
    const s = base();
    s.sheetNames.push("Протокол 4А");
    s.sheets["Протокол 4А"] = { values: [["мои заметки"]] };
    const r = planCodes(s, seededRandom(5));
    expect(r.plan.sheets.map((x) => x.name)).not.toContain("Протокол 4А");
    expect(r.findings).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: "Протокол 4А", code: "sheet.not-owned", severity: "error" })]));
  });
  test("a second run changes no code and keeps what the organiser typed in the protocol", () => {
    let s = apply(base(), planCodes(base(), seededRandom(5)).plan);
    s.sheets["Протокол 4А"].values[1][3] = "да";
    const again = planCodes(s, seededRandom(99));
    expect(again.plan.cellWrites).toEqual([]);
    // The protocol holds the organiser's marks: merged into, never rebuilt.
    expect(again.plan.sheets.find((x) => x.name === "Протокол 4А")).toBeUndefined();
    expect(again.plan.merges!.map((m) => m.name)).toContain("Протокол 4А");
    s = apply(s, again.plan);
    expect(s.sheets["Протокол 4А"].values[1][3]).toBe("да");
  });
  test("a pool smaller than the roster is an error naming the student's cell", () => {
    const s = base();
    s.sheetNames.push("Коды");
    s.sheets["Коды"] = { values: [["Код"], [40001]] };
    const r = planCodes(s, seededRandom(1));
    expect(r.plan.cellWrites).toEqual([]);
    expect(r.findings).toEqual([expect.objectContaining({ sheet: "Ученики", code: "codes.pool-exhausted" })]);
  });
});

describe("score sheets, check and upload", () => {
  const coded = () => {
    const s = workbook({ Настройки: settings, Ученики: roster([["4А", "Иванов Иван", "м", 40001, 5], ["4А", "Петрова Анна", "ж", 40002, 4]]), План: plan });
    return apply(s, planScoreSheets(s, "standard").plan as never);
  };
  test("a score sheet has codes only, items headed label (Nб), lists and highlights", () => {
    const s = coded();
    const sheet = s.sheets["4А Математика"].values;
    expect(sheet[0]).toEqual(["Код", "Вариант", ...findWork("MA4-2023")!.items.map((i) => `${i.label} (${i.max}б)`), "Итого", "Отметка", "Проверка"]);
    expect(sheet.slice(1).map((r) => r[0])).toEqual([40001, 40002]);
    expect(JSON.stringify(sheet)).not.toMatch(/Иванов|Петрова/);
    // A re-run is a merge: the same rules over the same rows.
    const p = planScoreSheets(s, "standard").plan.merges![0];
    expect(p.validations?.find((v) => v.range === "E2:E3")?.list).toEqual(["0", "1", "2", "X", "Х"]);
    expect(p.highlights?.[0].formula).toMatch(/^=IF\(C2="",FALSE/);
  });
  test("a re-run is a merge: typed scores, a row whose code left the class and the user's own column are not touched; a new student gets a row at the bottom", () => {
    const s = coded();
    const values = s.sheets["4А Математика"].values;
    values[1][1] = 1;
    values[1][2] = 1;
    values[0][21] = "Комментарий";
    values[1][21] = "переписать";
    values.push([49999, 2, 1, ...Array(17).fill(null)]);
    // A late student in the roster.
    s.sheets["Ученики"].values.push(["4А", "Сидоров Олег", "м", 40003, 3]);
    const again = planScoreSheets(s, "standard");
    expect(again.plan.sheets).toEqual([]);
    const merge = again.plan.merges![0];
    expect(merge.name).toBe("4А Математика");
    // Written: our header texts and the new code under the last row; nothing else.
    const written = merge.cells.filter((c) => c.row > 0);
    expect(written).toEqual([{ row: 4, col: 0, value: 40003 }]);
    expect(merge.cells.filter((c) => c.row === 0).map((c) => c.col)).toEqual([...Array(20).keys()].map((i) => i));
    expect(merge.formulas![0].range).toBe("R2:T5"); // Итого, Отметка, Проверка over every row, the new one too
    expect(again.findings).toEqual([expect.objectContaining({ code: "scores.orphan-kept", severity: "warning" })]);
  });
  test("an item removed from the work: typed scores in its column stop the re-run, listed cell by cell; with consent they go to «Архив баллов» and the sheet is rebuilt", () => {
    const s = coded();
    const values = s.sheets["4А Математика"].values;
    const header = values[0] as string[];
    values[1][2] = 1; // item 1
    values[1][3] = 2; // item 2
    values[0][21] = "Комментарий";
    values[1][21] = "переписать";
    // The coordinator's own work definition without item 2: the «2 (2б)» column has nowhere to go.
    const old = header[3];
    header[3] = "2 (2б) старое";
    const blocked = planScoreSheets(s, "standard");
    expect(blocked.plan.sheets).toEqual([]);
    expect(blocked.findings).toEqual([expect.objectContaining({ code: "scores.displaced", severity: "error", sheet: "4А Математика", cell: "D2", message: expect.stringMatching(/балл «2» \(код 40001, столбец «2 \(2б\) старое»\)/) })]);
    const moved = planScoreSheets(s, "standard", { archive: true, today: "2026-04-20" });
    const archive = moved.plan.sheets.find((p) => p.name === "Архив баллов")!;
    expect(archive.values).toEqual([["Дата", "Лист", "Ячейка", "Код", "Столбец", "Значение"], ["2026-04-20", "4А Математика", "D2", 40001, "2 (2б) старое", 2]]);
    const rebuilt = moved.plan.sheets.find((p) => p.name === "4А Математика")!;
    expect(rebuilt.mode).toBe("replace");
    expect(rebuilt.values[0][3]).toBe(old);
    expect(rebuilt.values[1].slice(0, 4)).toEqual([40001, null, 1, null]);
    // The user's own column is carried after ours.
    expect(rebuilt.values[0][20]).toBe("Комментарий");
    expect(rebuilt.values[1][20]).toBe("переписать");
  });
  test("check names every bad cell; upload refuses while errors remain, then writes the chosen X", () => {
    const s = coded();
    const v = s.sheets["4А Математика"].values;
    const items = findWork("MA4-2023")!.items;
    v[1] = [40001, 1, ...items.map(() => 1), null, null, null];
    v[1][2] = 3; // item 1, max 1
    v[1][3] = "x";
    v[2] = [40002, "отсутствовал", ...items.map(() => null), null, null, null];
    const checked = checkWorkbook(s);
    expect(checked.findings).toEqual([expect.objectContaining({ sheet: "4А Математика", cell: "C2", code: "score.over-max", message: "задание 1: балл 3 больше максимума 1; допустимо целое число от 0 до 1 или X" })]);
    expect(planUploads(s).files).toEqual([]);
    v[1][2] = 1;
    const up = planUploads(s);
    expect(up.findings).toEqual([]);
    const [file] = up.files;
    expect(file.fileName).toBe("780999_4_Математика.xlsx");
    expect(file.header).toEqual(uploadHeader(findWork("MA4-2023")!));
    expect(file.rows[0]).toEqual([40001, 1, 1, "Х", ...items.slice(2).map(() => 1), "4А", "м", 5]);
    expect(file.rows[1]).toEqual([40002, "отсутствовал", ...items.map(() => null), "4А", "ж", 4]);
    expect(JSON.stringify(file.workbook)).not.toMatch(/Иванов|Петрова/);
  });
  test("the official form's header is compared with the work and rows follow its column order", () => {
    const work = findWork("MA4-2023")!;
    const header = uploadHeader(work);
    const swapped = [...header];
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    const ok = matchOfficialForm(swapped, work);
    expect(ok.findings).toEqual([]);
    expect(toFormRow(header.map((_, i) => i), ok).slice(0, 4)).toEqual([0, 1, 3, 2]);
    const wrong = matchOfficialForm(header.map((h) => (h === "3 (2б)" ? "3 (1б)" : h)), work);
    expect(wrong.findings.map((f) => f.message)).toEqual(["в бланке «3 (1б)», а в описании работы «3 (2б)»: исправьте максимум на листе «Критерии» или возьмите другой бланк", "в бланке есть столбец «3 (1б)», которого нет в описании работы"]);
  });
});

describe("adding built-in works to «Критерии»", () => {
  test("appends blocks below the coordinator's rows and skips works already described", async () => {
    const { planAddWorks } = await import("../../src/workbook/newWorkbook");
    const s = workbook({ Критерии: [["Работа", "RU4-2026"], ["Предмет", "Русский язык"]] });
    const r = planAddWorks(s, ["RU4-2026", "MA4-2023"]);
    expect(r.added).toEqual(["MA4-2023"]);
    expect(r.present).toEqual(["RU4-2026"]);
    expect(r.plan.sheets).toEqual([]);
    expect(r.plan.cellWrites[0]).toEqual({ sheet: "Критерии", address: "A4", value: "Работа" });
    expect(r.plan.cellWrites.every((w) => Number(w.address.slice(1)) > 2)).toBe(true);
  });
});
