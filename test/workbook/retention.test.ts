// The keeping period of works and protocols: the setting on «Настройки» (90 days by default,
// validated in settings.ts only), the date of the last work in «План», and the reminder to remove
// the names once that date plus the period has passed.
import { seededRandom } from "../../src/core";
import type { Snapshot } from "../../src/workbook/backend";
import { planNewWorkbook } from "../../src/workbook/newWorkbook";
import { makeCodes, removeNames } from "../../src/workbook/operations";
import { formatDate, lastWorkDate, readDate, retentionStatus } from "../../src/workbook/retention";
import { sampleSchool, sampleWorkbookPlan } from "../../src/workbook/sample";
import { RETENTION_DEFAULT_DAYS, planSettings, readRetention, retentionProblem, saveSettings, settingsProblems } from "../../src/workbook/settings";
import { MemoryBackend } from "../taskpane/memoryBackend";

const school = sampleSchool(11, { "4А": 3, "5А": 2 });
const day = (iso: string) => new Date(`${iso}T12:00:00`);

async function bookWithCodes(): Promise<MemoryBackend> {
  const b = new MemoryBackend(sampleWorkbookPlan(school));
  expect((await makeCodes(b, { random: seededRandom(1) })).status).toBe("done");
  return b;
}

describe("the retention setting on «Настройки»", () => {
  test("a new workbook has the row with 90 days, and 90 is the period the regulations give", () => {
    expect(RETENTION_DEFAULT_DAYS).toBe(90);
    const { plan } = planNewWorkbook({ sheetNames: [], sheets: {} }, { year: "2026" });
    const settings = plan.sheets.find((s) => s.name === "Настройки")!;
    expect(settings.values[5].slice(0, 2)).toEqual(["Хранить работы и протоколы, дней", 90]);
    expect(settings.validations).toContainEqual(expect.objectContaining({ range: "B6", whole: [1, 3650] }));
  });

  test("read from the row, wherever it is; empty or missing: 90; not a period: 90 with a warning on its cell", () => {
    const snap = (value: unknown): Snapshot => ({ sheetNames: ["Настройки"], sheets: { Настройки: { values: [["Параметр", "Значение"], ["Код ОО", 470167], [" хранить работы и протоколы,  дней ", value as never]] } } });
    expect(readRetention(snap(120))).toEqual({ days: 120, typed: "120", cell: "B3", finding: null });
    expect(readRetention(snap(" 45 "))).toMatchObject({ days: 45, finding: null });
    expect(readRetention(snap(null))).toEqual({ days: 90, typed: "", cell: "B3", finding: null });
    expect(readRetention({ sheetNames: [], sheets: {} })).toEqual({ days: 90, typed: "", cell: null, finding: null });
    for (const bad of ["девяносто", 0, -5, 12.5, 4000]) {
      const r = readRetention(snap(bad));
      expect(r.days).toBe(90);
      expect(r.finding).toMatchObject({ sheet: "Настройки", cell: "B3", severity: "warning", code: "settings.retention" });
      expect(r.finding!.message).toContain("укажите целое число дней от 1 до 3650");
    }
  });

  test("one validation for the form, the planner and the sheet", async () => {
    expect(retentionProblem("")).toBeNull();
    expect(retentionProblem("180")).toBeNull();
    expect(retentionProblem(180)).toBeNull();
    expect(retentionProblem("0")).toContain("от 1 до 3650");
    expect(settingsProblems({ retentionDays: "abc" })).toEqual([{ field: "retentionDays", message: retentionProblem("abc") }]);
    const book = new MemoryBackend(planNewWorkbook({ sheetNames: [], sheets: {} }, { year: "2026" }).plan);
    const snap = await book.read(["Настройки"]);
    expect(planSettings(snap, { retentionDays: "120" }).plan.cellWrites).toEqual([{ sheet: "Настройки", address: "B6", value: 120 }]);
    expect(planSettings(snap, { retentionDays: "90" }).plan.cellWrites).toEqual([]);
    const refused = await saveSettings(book, { retentionDays: "0" });
    expect(refused.status).toBe("blocked");
    expect(refused.findings.map((f) => [f.cell, f.code])).toEqual([["B6", "settings.retentionDays"]]);
  });
});

describe("dates of the works", () => {
  test.each([
    [46128, "16.04.2026"], // an Excel date
    [46128.75, "16.04.2026"],
    ["16.04.2026", "16.04.2026"],
    ["6.4.2026", "06.04.2026"],
    ["16.04.26", "16.04.2026"],
    ["16/04/2026", "16.04.2026"],
    ["2026-04-16", "16.04.2026"],
    ["2026-04-16T00:00:00", "16.04.2026"],
    ["16 апреля 2026", "16.04.2026"],
    ["3 мая 2026 г.", "03.05.2026"],
    ["1 марта 2026", "01.03.2026"],
  ])("%p is %s", (v, expected) => {
    expect(formatDate(readDate(v)!)).toBe(expected);
  });

  test.each([["31.02.2026"], ["весной"], [""], [null], [0], ["16.04"]])("%p is not a date", (v) => {
    expect(readDate(v)).toBeNull();
  });

  test("the last work is the latest date in «План»!Дата; unreadable dates are passed over", () => {
    const snap: Snapshot = { sheetNames: ["План"], sheets: { План: { values: [["Класс", "Предмет", "Работа", "Дата"], ["4А", "", "", "14.04.2026"], ["4А", "", "", 46135], ["5А", "", "", "позже"]] } } };
    expect(formatDate(lastWorkDate(snap)!)).toBe("23.04.2026");
    expect(lastWorkDate({ sheetNames: [], sheets: {} })).toBeNull();
  });
});

describe("the reminder", () => {
  // The sample plan's last work is on 23.04.2026: with 90 days, kept until 22.07.2026.
  test("not before the date passes; after it, while names are left; not once they are removed", async () => {
    const b = await bookWithCodes();
    const on = retentionStatus(await b.read(null), day("2026-07-22"));
    expect(on).toMatchObject({ days: 90, lastWork: "23.04.2026", keepUntil: "22.07.2026", expired: false, remind: false, namesBlocked: false });
    expect(on.namesLeft).toBe(2 * 5); // roster and protocols
    const after = retentionStatus(await b.read(null), day("2026-07-23"));
    expect(after).toMatchObject({ expired: true, remind: true });
    expect((await removeNames(b)).status).toBe("done");
    expect(retentionStatus(await b.read(null), day("2026-07-23"))).toMatchObject({ expired: true, namesLeft: 0, remind: false });
  });

  test("the school's own period moves the date", async () => {
    const b = await bookWithCodes();
    b.setCell("Настройки", "B6", 365);
    expect(retentionStatus(await b.read(null), day("2026-07-23"))).toMatchObject({ days: 365, keepUntil: "23.04.2027", expired: false, remind: false });
    b.setCell("Настройки", "B6", "много");
    const bad = retentionStatus(await b.read(null), day("2026-07-23"));
    expect(bad).toMatchObject({ days: 90, remind: true });
    expect(bad.findings.map((f) => f.cell)).toEqual(["B6"]);
  });

  test("no date in the plan: no reminder; names without codes: remove-names is not offered", async () => {
    const b = new MemoryBackend(sampleWorkbookPlan(school));
    const status = retentionStatus(await b.read(null), day("2030-01-01"));
    expect(status).toMatchObject({ expired: true, remind: true, namesBlocked: true });
    (await b.read(["План"])).sheets["План"].values.forEach((_, r) => r > 0 && b.setCell("План", `D${r + 1}`, null));
    expect(retentionStatus(await b.read(null), day("2030-01-01"))).toMatchObject({ lastWork: null, keepUntil: null, expired: false, remind: false });
  });
});
