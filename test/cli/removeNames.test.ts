// `vpr remove-names`: refused before codes (exit 1), only says what it would clear without --yes
// (exit 2, nothing written), clears with --yes; and the reminder in the summary of `check` and
// `upload` once the keeping period of the protocols has passed.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { seededRandom } from "../../src/core";
import { sampleScoreWrites } from "../../src/workbook/sample";
import { edit, listDir, openFile, school, tempDir, vpr, writeSampleInputs } from "./helpers";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const n = school.students.length;

describe("vpr remove-names", () => {
  test("before codes: refused (exit 1) with a finding per student, with or without --yes; nothing written", async () => {
    const file = path.join(dir, "школа.xlsx");
    await writeSampleInputs(file);
    const before = await fs.readFile(file);
    for (const argv of [["remove-names", "школа.xlsx"], ["remove-names", "школа.xlsx", "--yes"]]) {
      const r = await vpr(dir, ...argv);
      expect(r.code).toBe(1);
      expect(r.err).toContain("Операция не выполнена");
      expect(r.out).toContain(`Ошибки (${n}):`);
      expect(r.out).toContain(`'Ученики'!D2: у ученика «${school.students[0].name}» (${school.students[0].className}) нет кода: сначала выдайте коды`);
    }
    expect(await fs.readFile(file)).toEqual(before);
    expect(await listDir(dir)).toEqual(["школа.xlsx"]);
  });

  test("without --yes: says what would be cleared and that the backup keeps the names (exit 2); nothing written; with --yes: cleared", async () => {
    const file = path.join(dir, "школа.xlsx");
    await writeSampleInputs(file);
    expect((await vpr(dir, "codes", "школа.xlsx", "--seed", "1")).code).toBe(0);
    for (const b of (await listDir(dir)).filter((f) => f.includes(".bak-"))) await fs.rm(path.join(dir, b));
    const before = await fs.readFile(file);

    const asked = await vpr(dir, "remove-names", "школа.xlsx");
    expect(asked.code).toBe(2);
    expect(asked.err).toContain("Удаление ФИО необратимо. Будут стёрты:");
    expect(asked.err).toContain(`лист «Ученики»: «ФИО» — ${n}`);
    expect(asked.err).toContain("лист «Протокол 4А»: ФИО — 25");
    expect(asked.err).toContain("лист «Протокол 8А»: ФИО — 20");
    expect(asked.err).toContain("Прежняя версия книги будет сохранена рядом (<имя>.bak-ГГГГММДД-ЧЧММСС.xlsx) и, как и прежние резервные копии, будет содержать ФИО");
    expect(asked.err).toContain("повторите с --yes");
    expect(await fs.readFile(file)).toEqual(before);
    expect(await listDir(dir)).toEqual(["школа.xlsx"]);

    const toOther = await vpr(dir, "remove-names", "школа.xlsx", "--out", "без-фио.xlsx", "--lang", "en");
    expect(toOther.code).toBe(2);
    expect(toOther.err).toContain('The input "школа.xlsx" will still hold the names');
    expect(await listDir(dir)).toEqual(["школа.xlsx"]);

    const done = await vpr(dir, "remove-names", "школа.xlsx", "--yes");
    expect(done.code).toBe(0);
    expect(done.out).toContain(`Стёрто ячеек с ФИО: ${2 * n}.`);
    expect(done.err).toMatch(/копия «школа\.bak-\d{8}-\d{6}\.xlsx» содержит ФИО/);
    const after = (await (await openFile(file)).read(null)).sheets;
    expect(after["Ученики"].values.slice(1).every((r) => r[1] === null && typeof r[3] === "number")).toBe(true);

    const nothing = await vpr(dir, "remove-names", "школа.xlsx");
    expect(nothing.code).toBe(0);
    expect(nothing.out).toBe("ФИО в книге нет: стирать нечего.");
  });
});

describe("the reminder to remove the names", () => {
  async function workbook(lastDate: string): Promise<string> {
    const file = path.join(dir, "школа.xlsx");
    await writeSampleInputs(file);
    expect((await vpr(dir, "codes", "школа.xlsx", "--seed", "1")).code).toBe(0);
    expect((await vpr(dir, "sheets", "школа.xlsx")).code).toBe(0);
    await edit(file, async (b) => {
      const plan = (await b.read(["План"])).sheets["План"].values;
      await b.apply({ sheets: [], cellWrites: [...plan.slice(1).map((_, i) => ({ sheet: "План", address: `D${i + 2}`, value: lastDate })), ...sampleScoreWrites(await b.read(null), seededRandom(3))] });
    });
    return file;
  }

  test("check and upload remind once the last work plus the period (90 days) has passed, while names are left", async () => {
    await workbook("15.04.2020");
    const check = await vpr(dir, "check", "школа.xlsx");
    expect(check.out).toContain(`Напоминание: срок хранения протоколов истёк 14.07.2020 (последняя работа по плану — 15.04.2020, хранить 90 дн., лист «Настройки»): удалите ФИО — vpr remove-names "школа.xlsx" --yes. Ячеек с ФИО в книге: ${2 * n}.`);
    const upload = await vpr(dir, "upload", "школа.xlsx", "--out", "формы");
    expect(upload.code).toBe(0);
    expect(upload.out).toContain("срок хранения протоколов истёк 14.07.2020");
    expect((await vpr(dir, "remove-names", "школа.xlsx", "--yes")).code).toBe(0);
    expect((await vpr(dir, "check", "школа.xlsx")).out).not.toContain("срок хранения");
  });

  test("no reminder before the date, nor with a longer period typed on «Настройки»", async () => {
    const file = await workbook("15.04.2099");
    expect((await vpr(dir, "check", "школа.xlsx")).out).not.toContain("срок хранения");
    await edit(file, async (b) => b.apply({ sheets: [], cellWrites: [{ sheet: "План", address: "D2", value: "15.04.2020" }] }));
    expect((await vpr(dir, "check", "школа.xlsx")).out).not.toContain("срок хранения"); // the latest work counts
    await edit(file, async (b) => {
      const plan = (await b.read(["План"])).sheets["План"].values;
      await b.apply({ sheets: [], cellWrites: [...plan.slice(1).map((_, i) => ({ sheet: "План", address: `D${i + 2}`, value: "15.04.2020" })), { sheet: "Настройки", address: "B6", value: 3650 }] });
    });
    expect((await vpr(dir, "check", "школа.xlsx")).out).not.toContain("срок хранения"); // kept until 13.04.2030
  });
});
