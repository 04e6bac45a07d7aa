// Hostile files on disk, through the command line: a read-only workbook, one open in LibreOffice or
// Excel, one changed by another program while a command ran, an upload folder with one form open,
// OS errors, repeated runs and their backups, an .xlsm; and web mode's check that the opened file
// did not change before «Сохранить». Catalogue: docs/HOSTILE_INPUTS.md.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { seededRandom } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { sampleScoreWrites } from "../../src/workbook/sample";
import { rememberSource, sourceChanged } from "../../src/taskpane/sourceFile";
import { edit, listDir, tempDir, vpr, writeSampleInputs } from "../cli/helpers";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every entry of a folder, recursively: name → bytes (hex) and mode. */
async function folderState(d: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await fs.readdir(d)).sort()) {
    const p = path.join(d, name);
    const st = await fs.lstat(p);
    if (st.isDirectory()) for (const [k, v] of Object.entries(await folderState(p))) out[`${name}/${k}`] = v;
    else out[name] = `${(st.mode & 0o7777).toString(8)} ${(await fs.readFile(p)).toString("hex")}`;
  }
  return out;
}

/** Every command that writes the workbook, on `name`. */
const writers = (name: string) => [["codes", name], ["sheets", name], ["remove-names", name, "--yes"]];

/**
 * No errno code, no Node English: the user reads Russian only. Paths in «…» are taken out first:
 * the temporary folder's random name («vpr-cli-EXcbOu») may itself look like an errno code.
 */
const russianOnly = (text: string) => {
  const words = text.replace(/«[^»]*»/g, "«…»");
  expect(words).not.toMatch(/\bE[A-Z]{3,}\b|no such file|permission denied|operation not permitted|resource busy/i);
};

async function workbookWithScores(file: string): Promise<void> {
  await writeSampleInputs(file);
  expect((await vpr(path.dirname(file), "codes", path.basename(file), "--seed", "1")).code).toBe(0);
  expect((await vpr(path.dirname(file), "sheets", path.basename(file))).code).toBe(0);
  await edit(file, async (b) => b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) }));
  for (const n of await listDir(path.dirname(file))) if (n.includes(".bak-")) await fs.rm(path.join(path.dirname(file), n));
}

describe("files on disk", () => {
  test("H90 a read-only workbook: every write command refuses (exit 2); the file, its mode and the folder untouched", async () => {
    await writeSampleInputs(path.join(dir, "школа.xlsx"));
    await fs.chmod(path.join(dir, "школа.xlsx"), 0o444);
    const before = await folderState(dir);
    for (const argv of writers("школа.xlsx")) {
      const r = await vpr(dir, ...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`Файл «${path.join(dir, "школа.xlsx")}» только для чтения. Снимите флажок «Только чтение» в свойствах файла или сохраните результат в другой файл и повторите. Ничего не записано.`);
      expect(await folderState(dir)).toEqual(before);
    }
    expect((await fs.stat(path.join(dir, "школа.xlsx"))).mode & 0o777).toBe(0o444);
    // Reading is fine, and --out to another file works.
    expect((await vpr(dir, "check", "школа.xlsx")).code).toBe(1);
    expect((await vpr(dir, "codes", "школа.xlsx", "--out", "копия.xlsx")).code).toBe(0);
  });

  test("H91 a workbook open in LibreOffice (.~lock.NAME# beside it): refused, nothing written; English with --lang en", async () => {
    await writeSampleInputs(path.join(dir, "школа.xlsx"));
    await fs.writeFile(path.join(dir, ".~lock.школа.xlsx#"), ",Учитель,pc,14.03.2026 10:15,file:///C:/Users/u/AppData/Roaming/LibreOffice/4;");
    const before = await folderState(dir);
    for (const argv of writers("школа.xlsx")) {
      const r = await vpr(dir, ...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain("открыт в LibreOffice. Закройте файл в LibreOffice (рядом лежит «.~lock.школа.xlsx#») и повторите. Если LibreOffice уже закрыт, удалите «.~lock.школа.xlsx#» и повторите. Ничего не записано.");
    }
    const en = await vpr(dir, "codes", "школа.xlsx", "--lang", "en");
    expect(en.err).toContain('is open in LibreOffice. Close it in LibreOffice (the lock file ".~lock.школа.xlsx#" lies beside it)');
    expect(await folderState(dir)).toEqual(before);
  });

  test("H92 a workbook open in Excel (~$NAME, or ~$ + the name without its first two characters): refused, nothing written", async () => {
    await writeSampleInputs(path.join(dir, "школа-470167.xlsx"));
    for (const lock of ["~$школа-470167.xlsx", "~$ола-470167.xlsx"]) {
      await fs.writeFile(path.join(dir, lock), "Учитель");
      const before = await folderState(dir);
      const r = await vpr(dir, "sheets", "школа-470167.xlsx");
      expect(r.code).toBe(2);
      expect(r.err).toContain(`открыт в Excel. Закройте файл в Excel (рядом лежит «${lock}») и повторите.`);
      expect(await folderState(dir)).toEqual(before);
      await fs.rm(path.join(dir, lock));
    }
  });

  test("H93 the workbook changed on disk while the command ran (saved in Excel meanwhile): refused, the other program's version kept", async () => {
    const file = path.join(dir, "школа.xlsx");
    await writeSampleInputs(file);
    const theirs = Buffer.from(await fs.readFile(file));
    theirs.write("PK", 0); // any other bytes: the version «saved in Excel»
    const toBytes = FileBackend.prototype.toBytes;
    jest.spyOn(FileBackend.prototype, "toBytes").mockImplementationOnce(async function (this: FileBackend) {
      await fs.writeFile(file, Buffer.concat([theirs, Buffer.from([0])]));
      return toBytes.call(this);
    });
    const r = await vpr(dir, "codes", "школа.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain("изменён другой программой после того, как программа его открыла (например, его сохранили в Excel). Чтобы не потерять те изменения, запись отменена: закройте файл в другой программе и повторите — будет открыта новая версия. Ничего не записано.");
    expect(await fs.readFile(file)).toEqual(Buffer.concat([theirs, Buffer.from([0])]));
    expect(await listDir(dir)).toEqual(["школа.xlsx"]);
  });

  test("H94 upload with one form open in LibreOffice, in the middle of the list: no form written or replaced, the message names it", async () => {
    const file = path.join(dir, "школа.xlsx");
    await workbookWithScores(file);
    expect((await vpr(dir, "upload", "школа.xlsx", "--out", "формы")).code).toBe(0);
    const forms = await listDir(path.join(dir, "формы"));
    expect(forms).toHaveLength(8);
    // Last year's stale form beside them, and the roster changed so every form would change.
    await fs.writeFile(path.join(dir, "формы", "780999_7_Биология.xlsx"), "прошлогодняя");
    await edit(file, async (b) => b.apply({ sheets: [], cellWrites: [{ sheet: "4А Математика", address: "C2", value: 0 }] }));
    const blocked = forms[4];
    await fs.writeFile(path.join(dir, "формы", `.~lock.${blocked}#`), "x");
    const before = await folderState(path.join(dir, "формы"));
    const r = await vpr(dir, "upload", "школа.xlsx", "--out", "формы");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Файл «${path.join(dir, "формы", blocked)}» открыт в LibreOffice.`);
    expect(r.err).toMatch(/Ничего не записано: в папке «формы» всё осталось как было\.$/);
    expect(await folderState(path.join(dir, "формы"))).toEqual(before);
    // Closed: the next run writes them all.
    await fs.rm(path.join(dir, "формы", `.~lock.${blocked}#`));
    expect((await vpr(dir, "upload", "школа.xlsx", "--out", "формы")).code).toBe(0);
    expect(await listDir(path.join(dir, "формы"))).toEqual([...forms, "780999_7_Биология.xlsx"].sort());
  });

  test("H95 OS errors: a Russian sentence naming the path and what to do, never Node's English", async () => {
    await workbookWithScores(path.join(dir, "школа.xlsx"));
    const cases: [string[], RegExp][] = [
      [["codes", "школа.xlsx", "--out", path.join("нет-папки", "out.xlsx")], /^Не удалось сохранить «.*out\.xlsx»: папка «.*нет-папки» не существует\. Создайте её или укажите другую и повторите\. Ничего не записано\.$/],
      [["check", `${"Очень длинное имя книги ".repeat(12)}.xlsx`], /^Не удалось прочитать «.*»: имя файла или путь к нему слишком длинные\. Сократите имя файла/],
      [["codes", "школа.xlsx", "--out", `${"я".repeat(200)}.xlsx`], /^Не удалось сохранить «.*»: имя файла или путь к нему слишком длинные/],
    ];
    await fs.writeFile(path.join(dir, "файл"), "не папка");
    await fs.mkdir(path.join(dir, "папка.xlsx"));
    cases.push([["upload", "школа.xlsx", "--out", path.join("файл", "формы")], /^Не удалось создать папку «.*файл\/формы»: (часть пути — файл, а не папка|файл или папка с таким именем уже есть)/]);
    cases.push([["codes", "школа.xlsx", "--out", "папка.xlsx"], /^На месте файла «.*папка\.xlsx» находится папка\. Переименуйте папку или выберите другое имя файла и повторите\./]);
    const listing = await listDir(dir);
    for (const [argv, message] of cases) {
      const r = await vpr(dir, ...argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/занят/);
      russianOnly(r.err);
    }
    expect(await listDir(dir)).toEqual(listing);
    if (process.getuid?.() !== 0) {
      await fs.chmod(dir, 0o555);
      const r = await vpr(dir, "codes", "школа.xlsx");
      await fs.chmod(dir, 0o755);
      expect(r.err).toMatch(/нет прав на запись/);
      russianOnly(r.err);
    }
  });

  test("H96 repeated runs: dated backups beside the workbook, the version before the first run kept, at most 5, listed in the output", async () => {
    const file = path.join(dir, "школа.xlsx");
    await writeSampleInputs(file);
    const original = await fs.readFile(file);
    const outputs: string[] = [];
    for (let i = 0; i < 3; i++) outputs.push((await vpr(dir, "codes", "школа.xlsx", "--seed", String(i))).out);
    let backups = (await listDir(dir)).filter((n) => n !== "школа.xlsx");
    expect(backups).toHaveLength(3);
    for (const b of backups) expect(b).toMatch(/^школа\.bak-\d{8}-\d{6}(-\d+)?\.xlsx$/);
    const oldest = backups.find((b) => outputs[0].includes(`Прежняя версия сохранена рядом: ${b}`))!;
    expect(await fs.readFile(path.join(dir, oldest))).toEqual(original);
    expect(outputs[2]).toMatch(/Резервные копии \(хранятся последние 5, новые первыми\): школа\.bak-.*, школа\.bak-.*, школа\.bak-/);
    for (let i = 3; i < 7; i++) await vpr(dir, "codes", "школа.xlsx", "--seed", String(i));
    backups = (await listDir(dir)).filter((n) => n !== "школа.xlsx");
    expect(backups).toHaveLength(5);
    expect(backups).not.toContain(oldest);
  });

  test("H97 an .xlsm workbook is saved as .xlsm (macro-enabled workbook part), its backups too", async () => {
    await writeSampleInputs(path.join(dir, "школа.xlsm"));
    const r = await vpr(dir, "codes", "школа.xlsm");
    expect(r.code).toBe(0);
    const names = await listDir(dir);
    expect(names).toEqual([expect.stringMatching(/^школа\.bak-\d{8}-\d{6}\.xlsm$/), "школа.xlsm"]);
    const types = await (await JSZip.loadAsync(await fs.readFile(path.join(dir, "школа.xlsm")))).file("[Content_Types].xml")!.async("string");
    expect(types).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect((await vpr(dir, "check", "школа.xlsm")).code).toBe(1);
  });

  test("H98 web mode: the opened .xlsx changed on disk before «Сохранить» (Chromium's NotReadableError)", async () => {
    let savedInExcel = false;
    const picked = Object.assign(new Blob(["книга"]), {
      lastModified: 1,
      arrayBuffer: async () => {
        if (savedInExcel) throw new DOMException("The requested file could not be read", "NotReadableError");
        return new TextEncoder().encode("книга").buffer as ArrayBuffer;
      },
    });
    const source = rememberSource(picked, new Uint8Array(await picked.arrayBuffer()));
    expect(await sourceChanged(source)).toBe(false);
    savedInExcel = true;
    expect(await sourceChanged(source)).toBe(true);
  });
});
