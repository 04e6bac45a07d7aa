import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FileBackend, UnreadableWorkbookError } from "../../../src/workbook/file/FileBackend";
import { backupPath, openWorkbookFile, saveWithBackup, writeFileAtomic } from "../../../src/workbook/file/node";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "vpr-file-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function workbookBytes(value: string): Promise<Uint8Array> {
  const b = FileBackend.empty();
  await b.apply({ sheets: [{ name: "Настройки", mode: "create", values: [["Параметр", "Значение"], ["Код ОО", value]] }], cellWrites: [] });
  return b.toBytes();
}

const reason = async (p: Promise<unknown>, r: string, text: RegExp) => {
  await expect(p).rejects.toBeInstanceOf(UnreadableWorkbookError);
  await expect(p).rejects.toMatchObject({ reason: r, message: expect.stringMatching(text) });
};

describe("openWorkbookFile", () => {
  test("reads a workbook", async () => {
    const f = path.join(dir, "Книга координатора.xlsx");
    await fs.writeFile(f, await workbookBytes("470167"));
    const snap = await (await openWorkbookFile(f)).read(["Настройки"]);
    expect(snap.sheets["Настройки"].values[1]).toEqual(["Код ОО", "470167"]);
  });
  test("missing file", () => reason(openWorkbookFile(path.join(dir, "нет.xlsx")), "missing", /не найден/));
  test("a folder", () => reason(openWorkbookFile(dir), "not-a-file", /папка/));
  test("wrong extension", async () => {
    const f = path.join(dir, "ученики.csv");
    await fs.writeFile(f, "a,b");
    await reason(openWorkbookFile(f), "not-xlsx", /\.xlsx/);
  });
  test(".xls", async () => {
    const f = path.join(dir, "old.xls");
    await fs.writeFile(f, "x");
    await reason(openWorkbookFile(f), "xls", /97–2003/);
  });
  test("empty file", async () => {
    const f = path.join(dir, "empty.xlsx");
    await fs.writeFile(f, "");
    await reason(openWorkbookFile(f), "empty", /empty\.xlsx.*пуст/);
  });
  test("password-protected", async () => {
    const f = path.join(dir, "secret.xlsx");
    const b = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
    Buffer.from("EncryptedPackage", "utf16le").copy(b, 512);
    await fs.writeFile(f, b);
    await reason(openWorkbookFile(f), "encrypted", /паролем/);
  });
  (process.getuid?.() === 0 ? test.skip : test)("unreadable (no permission)", async () => {
    const f = path.join(dir, "locked.xlsx");
    await fs.writeFile(f, await workbookBytes("1"));
    await fs.chmod(f, 0o000);
    await reason(openWorkbookFile(f), "locked", /занят|доступа/);
  });
});

describe("writeFileAtomic / saveWithBackup", () => {
  test("writes the bytes and leaves no temporary file", async () => {
    const f = path.join(dir, "out.xlsx");
    await writeFileAtomic(f, new Uint8Array([1, 2, 3]));
    expect([...(await fs.readFile(f))]).toEqual([1, 2, 3]);
    await writeFileAtomic(f, new Uint8Array([4]));
    expect([...(await fs.readFile(f))]).toEqual([4]);
    expect(await fs.readdir(dir)).toEqual(["out.xlsx"]);
  });
  test("a missing folder is a clear error and leaves nothing", async () => {
    await expect(writeFileAtomic(path.join(dir, "нет", "out.xlsx"), new Uint8Array([1]))).rejects.toThrow(/папка не существует/);
  });
  test("the previous version goes to <name>.bak.xlsx", async () => {
    const f = path.join(dir, "Книга.xlsx");
    expect(await saveWithBackup(f, await workbookBytes("1"))).toBeNull();
    expect(await fs.readdir(dir)).toEqual(["Книга.xlsx"]);
    const bak = await saveWithBackup(f, await workbookBytes("2"));
    expect(bak).toBe(path.join(dir, "Книга.bak.xlsx"));
    expect(backupPath(f)).toBe(bak);
    expect((await (await openWorkbookFile(bak!)).read(["Настройки"])).sheets["Настройки"].values[1][1]).toBe("1");
    expect((await (await openWorkbookFile(f)).read(["Настройки"])).sheets["Настройки"].values[1][1]).toBe("2");
    expect((await fs.readdir(dir)).sort()).toEqual(["Книга.bak.xlsx", "Книга.xlsx"]);
  });
});
