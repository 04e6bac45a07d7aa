// The Node-only file I/O of the file back end (src/workbook/file/node/): opening, safe saving
// (locks, read-only, changed on disk), dated backups, atomic and all-or-none writes, and every OS
// error as a Russian sentence naming the path.
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { FileBackend, UnreadableWorkbookError } from "../../../src/workbook/file/FileBackend";
import {
  FileError,
  KEEP_BACKUPS,
  KNOWN_OS_ERRORS,
  backupPath,
  fitToExtension,
  listBackups,
  lockFileCandidates,
  newWorkbookAt,
  openWorkbookFile,
  osError,
  osErrorMessage,
  saveOpenedWorkbook,
  saveWorkbookAs,
  writeAllOrNone,
  writeFileAtomic,
} from "../../../src/workbook/file/node";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "vpr-file-"));
});
afterEach(async () => {
  await fs.chmod(dir, 0o755).catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

async function workbookBytes(value: string): Promise<Uint8Array> {
  const b = FileBackend.empty();
  await b.apply({ sheets: [{ name: "Настройки", mode: "create", values: [["Параметр", "Значение"], ["Код ОО", value]] }], cellWrites: [] });
  return b.toBytes();
}

/** The value the test workbooks carry in «Настройки»!B2. */
async function valueOf(file: string): Promise<unknown> {
  const { backend } = await openWorkbookFile(file);
  return (await backend.read(["Настройки"])).sheets["Настройки"].values[1][1];
}

/** Every entry of a folder: name → bytes (hex) and mode, to compare "exactly as before". */
async function folderState(d: string): Promise<Record<string, { bytes: string; mode: number } | "dir">> {
  const out: Record<string, { bytes: string; mode: number } | "dir"> = {};
  for (const name of (await fs.readdir(d)).sort()) {
    const p = path.join(d, name);
    const st = await fs.lstat(p);
    out[name] = st.isDirectory() ? "dir" : { bytes: (await fs.readFile(p)).toString("hex"), mode: st.mode & 0o7777 };
  }
  return out;
}

const reason = async (p: Promise<unknown>, r: string, text: RegExp) => {
  await expect(p).rejects.toBeInstanceOf(UnreadableWorkbookError);
  await expect(p).rejects.toMatchObject({ reason: r, message: expect.stringMatching(text) });
};

const refused = async (p: Promise<unknown>, problem: string, text: RegExp): Promise<FileError> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(FileError);
  expect((e as FileError).problem).toBe(problem);
  expect((e as FileError).message).toMatch(text);
  return e as FileError;
};

describe("openWorkbookFile", () => {
  test("reads a workbook and stamps it", async () => {
    const f = path.join(dir, "Книга координатора.xlsx");
    const bytes = await workbookBytes("470167");
    await fs.writeFile(f, bytes);
    const { backend, stamp } = await openWorkbookFile(f);
    expect((await backend.read(["Настройки"])).sheets["Настройки"].values[1]).toEqual(["Код ОО", "470167"]);
    expect(stamp).toMatchObject({ path: f, exists: true, size: bytes.byteLength, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
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
    await reason(openWorkbookFile(f), "locked", /нет прав на чтение/);
  });
  test("an over-long file name is «too long», not «busy»", async () => {
    const f = path.join(dir, `${"Очень длинное имя ".repeat(20)}.xlsx`);
    const e = await refused(openWorkbookFile(f), "os", /слишком длинные/);
    expect(e.code).toBe("ENAMETOOLONG");
    expect(e.message).toContain(f);
    expect(e.message).not.toMatch(/занят/);
  });
});

describe("every OS error is a Russian sentence naming the path", () => {
  const file = "/школа/2026/Книга.xlsx";
  const expected: Record<string, RegExp> = {
    EACCES: /нет прав на запись в файл или в папку «\/школа\/2026»/,
    EPERM: /операция запрещена: файл занят другой программой или нет прав/,
    EROFS: /диск доступен только для чтения/,
    EBUSY: /файл занят другой программой\. Закройте его/,
    ETXTBSY: /файл занят другой программой/,
    EEXIST: /файл или папка с таким именем уже есть/,
    EISDIR: /на этом месте папка, а не файл/,
    ENOTDIR: /часть пути — файл, а не папка/,
    ENOENT: /папка «\/школа\/2026» не существует/,
    ENAMETOOLONG: /имя файла или путь к нему слишком длинные/,
    ENOSPC: /на диске не осталось места/,
    EDQUOT: /превышена дисковая квота/,
    EMFILE: /открыто слишком много файлов/,
    ENFILE: /открыто слишком много файлов/,
    EXDEV: /нельзя переместить на другой диск/,
    EINVAL: /недопустимое имя файла/,
  };
  test.each([...KNOWN_OS_ERRORS])("%s", (code) => {
    const e = osError(Object.assign(new Error(`${code}: english text, open '${file}'`), { code }), file, "write");
    expect(e).toBeInstanceOf(FileError);
    expect(e).toMatchObject({ problem: "os", code, path: file, action: "write" });
    expect(e.message.startsWith(`Не удалось сохранить «${file}»: `)).toBe(true);
    expect(e.message).toMatch(expected[code]);
    expect(e.message).toMatch(/(повторите|Проверьте[^.]*)\.$/);
    // Russian only: no English from Node, not even the code (Excel and LibreOffice are names).
    expect(e.message.replace(file, "").replace(/Excel|LibreOffice/g, "")).not.toMatch(/[A-Za-z]{2,}/);
  });
  test("any other code: the general sentence with the code; reading has its own wording", () => {
    expect(osErrorMessage("EIO", file, "write")).toBe(`Не удалось сохранить «${file}»: ошибка операционной системы (EIO). Проверьте файл и папку и повторите; если ошибка не проходит, сообщите о ней разработчикам.`);
    expect(osErrorMessage("EACCES", file, "read")).toMatch(/^Не удалось прочитать «.*»: нет прав на чтение/);
    expect(osErrorMessage("ENOENT", file, "read")).toMatch(/файл не найден/);
    expect(osErrorMessage("EACCES", "/a/b", "mkdir")).toMatch(/^Не удалось создать папку «\/a\/b»/);
  });
  test("real OS errors: EACCES (read-only folder), EISDIR, ENOTDIR, ENOENT, ENAMETOOLONG", async () => {
    await fs.mkdir(path.join(dir, "папка.xlsx"));
    await refused(writeFileAtomic(path.join(dir, "папка.xlsx"), new Uint8Array([1])), "os", /на этом месте папка/);
    await fs.writeFile(path.join(dir, "файл"), "x");
    await refused(writeFileAtomic(path.join(dir, "файл", "a.xlsx"), new Uint8Array([1])), "os", /часть пути — файл/);
    await refused(writeFileAtomic(path.join(dir, "нет", "a.xlsx"), new Uint8Array([1])), "os", /папка «.*нет» не существует/);
    await refused(writeFileAtomic(path.join(dir, `${"я".repeat(200)}.xlsx`), new Uint8Array([1])), "os", /слишком длинные/);
    if (process.getuid?.() !== 0) {
      await fs.chmod(dir, 0o555);
      await refused(writeFileAtomic(path.join(dir, "a.xlsx"), new Uint8Array([1])), "os", /нет прав на запись/);
    }
    expect((await fs.readdir(dir)).sort()).toEqual(["папка.xlsx", "файл"]);
  });
});

describe("writeFileAtomic", () => {
  test("writes the bytes, keeps the file's permissions and leaves no temporary file", async () => {
    const f = path.join(dir, "out.xlsx");
    await writeFileAtomic(f, new Uint8Array([1, 2, 3]));
    expect([...(await fs.readFile(f))]).toEqual([1, 2, 3]);
    await fs.chmod(f, 0o640);
    await writeFileAtomic(f, new Uint8Array([4]));
    expect([...(await fs.readFile(f))]).toEqual([4]);
    expect((await fs.stat(f)).mode & 0o777).toBe(0o640);
    expect(await fs.readdir(dir)).toEqual(["out.xlsx"]);
  });
  test("a missing folder is a clear error and leaves nothing", async () => {
    await expect(writeFileAtomic(path.join(dir, "нет", "out.xlsx"), new Uint8Array([1]))).rejects.toThrow(/папка «.*» не существует/);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe("saving over the opened file: refused when unsafe, nothing written", () => {
  let file: string;
  let before: Awaited<ReturnType<typeof folderState>>;
  beforeEach(async () => {
    file = path.join(dir, "Книга координатора.xlsx");
    await fs.writeFile(file, await workbookBytes("1"));
  });
  const unchanged = async () => expect(await folderState(dir)).toEqual(before);

  test("a read-only workbook: refused; bytes and mode untouched, no backup", async () => {
    await fs.chmod(file, 0o444);
    const opened = await openWorkbookFile(file);
    before = await folderState(dir);
    const e = await refused(saveOpenedWorkbook(opened.stamp, await workbookBytes("2")), "read-only", /только для чтения\. Снимите флажок «Только чтение»/);
    expect(e.message).toContain(file);
    await unchanged();
    expect((await fs.stat(file)).mode & 0o777).toBe(0o444);
  });

  test("open in LibreOffice (.~lock.NAME# beside it): refused", async () => {
    const opened = await openWorkbookFile(file);
    await fs.writeFile(path.join(dir, ".~lock.Книга координатора.xlsx#"), ",Учитель,pc,01.03.2026 10:00,file:///home/u/.config/libreoffice/4;");
    before = await folderState(dir);
    const e = await refused(saveOpenedWorkbook(opened.stamp, await workbookBytes("2")), "locked-libreoffice", /открыт в LibreOffice\. Закройте файл в LibreOffice \(рядом лежит «\.~lock\.Книга координатора\.xlsx#»\) и повторите/);
    expect(e.lockFile).toBe(path.join(dir, ".~lock.Книга координатора.xlsx#"));
    await unchanged();
  });

  test("open in Excel (~$NAME beside it): refused", async () => {
    const opened = await openWorkbookFile(file);
    await fs.writeFile(path.join(dir, "~$Книга координатора.xlsx"), "Учитель");
    before = await folderState(dir);
    await refused(saveOpenedWorkbook(opened.stamp, await workbookBytes("2")), "locked-excel", /открыт в Excel\. Закройте файл в Excel \(рядом лежит «~\$Книга координатора\.xlsx»\)/);
    await unchanged();
  });

  test("open in Excel, long name (~$ + the name without its first two characters): refused", async () => {
    expect(lockFileCandidates(file).map((l) => path.basename(l.path))).toEqual([".~lock.Книга координатора.xlsx#", "~$Книга координатора.xlsx", "~$ига координатора.xlsx"]);
    const opened = await openWorkbookFile(file);
    await fs.writeFile(path.join(dir, "~$ига координатора.xlsx"), "Учитель");
    before = await folderState(dir);
    await refused(saveOpenedWorkbook(opened.stamp, await workbookBytes("2")), "locked-excel", /~\$ига координатора\.xlsx/);
    await unchanged();
  });

  test("changed on disk between open and save (saved in Excel meanwhile): refused, the other program's version kept", async () => {
    const opened = await openWorkbookFile(file);
    await fs.writeFile(file, await workbookBytes("сохранено в Excel"));
    before = await folderState(dir);
    await refused(saveOpenedWorkbook(opened.stamp, await workbookBytes("2")), "changed", /изменён другой программой после того, как программа его открыла/);
    await unchanged();
    expect(await valueOf(file)).toBe("сохранено в Excel");
  });

  test("deleted between open and save: refused; created meanwhile where a new workbook goes: refused", async () => {
    const opened = await openWorkbookFile(file);
    await fs.rm(file);
    await refused(saveOpenedWorkbook(opened.stamp, await workbookBytes("2")), "changed", /удалён, переименован или перемещён/);
    expect(await fs.readdir(dir)).toEqual([]);
    const fresh = newWorkbookAt(file);
    await fs.writeFile(file, "чужой файл");
    await refused(saveOpenedWorkbook(fresh.stamp, await workbookBytes("2")), "appeared", /появился, пока программа работала/);
    expect(await fs.readFile(file, "utf8")).toBe("чужой файл");
  });

  test("touched but not changed (same bytes, new time): saved", async () => {
    const opened = await openWorkbookFile(file);
    await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
    const r = await saveOpenedWorkbook(opened.stamp, await workbookBytes("2"));
    expect(await valueOf(file)).toBe("2");
    expect(r.backup).not.toBeNull();
  });

  test("--out to a file open in LibreOffice, read-only, or a folder: refused", async () => {
    const out = path.join(dir, "копия.xlsx");
    await fs.writeFile(path.join(dir, ".~lock.копия.xlsx#"), "x");
    await refused(saveWorkbookAs(out, await workbookBytes("2")), "locked-libreoffice", /LibreOffice/);
    await fs.rm(path.join(dir, ".~lock.копия.xlsx#"));
    await fs.writeFile(out, "old");
    await fs.chmod(out, 0o400);
    await refused(saveWorkbookAs(out, await workbookBytes("2")), "read-only", /только для чтения/);
    await fs.mkdir(path.join(dir, "папка.xlsx"));
    await refused(saveWorkbookAs(path.join(dir, "папка.xlsx"), await workbookBytes("2")), "not-a-file", /находится папка/);
  });
});

describe("dated backups", () => {
  const at = (s: number) => new Date(2026, 2, 14, 10, 15, s);

  test("three saves keep three dated backups; the version before the first run is still there", async () => {
    const f = path.join(dir, "Книга.xlsx");
    await fs.writeFile(f, await workbookBytes("исходная"));
    let opened = await openWorkbookFile(f);
    for (const [i, v] of ["1", "2", "3"].entries()) {
      const r = await saveOpenedWorkbook(opened.stamp, await workbookBytes(v), { now: at(i) });
      expect(r.backup).toBe(backupPath(f, at(i)));
      opened = { ...opened, stamp: r.stamp };
    }
    expect((await fs.readdir(dir)).sort()).toEqual(["Книга.bak-20260314-101500.xlsx", "Книга.bak-20260314-101501.xlsx", "Книга.bak-20260314-101502.xlsx", "Книга.xlsx"]);
    expect(await valueOf(path.join(dir, "Книга.bak-20260314-101500.xlsx"))).toBe("исходная");
    expect(await valueOf(path.join(dir, "Книга.bak-20260314-101501.xlsx"))).toBe("1");
    expect(await valueOf(path.join(dir, "Книга.bak-20260314-101502.xlsx"))).toBe("2");
    expect(await valueOf(f)).toBe("3");
    expect(await listBackups(f)).toEqual([2, 1, 0].map((s) => backupPath(f, at(s))));
  });

  test("saves in one second get -2, -3; pruned to the newest 5 after the save; a new file has none", async () => {
    const f = path.join(dir, "Книга.xlsx");
    let opened = newWorkbookAt(f);
    const first = await saveOpenedWorkbook(opened.stamp, await workbookBytes("0"), { now: at(0) });
    expect(first.backup).toBeNull();
    opened = { ...opened, stamp: first.stamp };
    const made: string[] = [];
    for (let i = 1; i <= 7; i++) {
      const r = await saveOpenedWorkbook(opened.stamp, await workbookBytes(String(i)), { now: at(0) });
      made.push(r.backup!);
      opened = { ...opened, stamp: r.stamp };
      expect(r.backups).toEqual(made.slice(-KEEP_BACKUPS).reverse());
    }
    expect(made.map((m) => path.basename(m))).toEqual(["Книга.bak-20260314-101500.xlsx", ...[2, 3, 4, 5, 6, 7].map((n) => `Книга.bak-20260314-101500-${n}.xlsx`)]);
    const left = (await fs.readdir(dir)).filter((n) => n.includes(".bak-"));
    expect(left.sort()).toEqual(made.slice(-5).map((m) => path.basename(m)).sort());
    // The newest backup holds the version before the last save; the oldest kept one, the 3rd.
    expect(await valueOf(made[6])).toBe("6");
    expect(await valueOf(made[2])).toBe("2");
  });

  test("a failed save keeps every older backup and leaves no new one", async () => {
    const f = path.join(dir, "Книга.xlsx");
    await fs.writeFile(f, await workbookBytes("0"));
    let opened = await openWorkbookFile(f);
    for (let i = 0; i < 5; i++) opened = { ...opened, stamp: (await saveOpenedWorkbook(opened.stamp, await workbookBytes(String(i + 1)), { now: at(i) })).stamp };
    const before = await folderState(dir);
    await fs.writeFile(path.join(dir, "~$Книга.xlsx"), "x");
    await expect(saveOpenedWorkbook(opened.stamp, await workbookBytes("9"), { now: at(9) })).rejects.toBeInstanceOf(FileError);
    await fs.rm(path.join(dir, "~$Книга.xlsx"));
    expect(await folderState(dir)).toEqual(before);
  });

  test(".xlsm keeps its extension, and its workbook part is declared macro-enabled", async () => {
    const f = path.join(dir, "Книга.xlsm");
    await fs.writeFile(f, await workbookBytes("0"));
    const opened = await openWorkbookFile(f);
    const r = await saveOpenedWorkbook(opened.stamp, await workbookBytes("1"), { now: at(0) });
    expect(path.basename(r.backup!)).toBe("Книга.bak-20260314-101500.xlsm");
    const types = await (await JSZip.loadAsync(await fs.readFile(f))).file("[Content_Types].xml")!.async("string");
    expect(types).toContain('ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
    expect(await valueOf(f)).toBe("1");
    // .xlsx bytes stay as they are.
    const xlsx = await workbookBytes("2");
    expect(await fitToExtension(xlsx, "a.xlsx")).toBe(xlsx);
  });
});

describe("writeAllOrNone: several files into one folder, all or none", () => {
  const names = ["1.xlsx", "2.xlsx", "3.xlsx", "4.xlsx", "5.xlsx"];
  const batch = (tag: string) => names.map((name) => ({ name, bytes: new TextEncoder().encode(`${tag} ${name}`) }));
  let out: string;
  beforeEach(async () => {
    out = path.join(dir, "формы");
    await fs.mkdir(out);
    for (const n of names) await fs.writeFile(path.join(out, n), `старая ${n}`);
    await fs.writeFile(path.join(out, "чужой.txt"), "не трогать");
  });

  test("writes every file, replaces the old ones, leaves nothing temporary", async () => {
    const written = await writeAllOrNone(out, batch("новая"));
    expect(written.map((w) => w.name)).toEqual(names);
    expect((await fs.readdir(out)).sort()).toEqual([...names, "чужой.txt"].sort());
    for (const n of names) expect(await fs.readFile(path.join(out, n), "utf8")).toBe(`новая ${n}`);
  });

  test.each([
    ["open in LibreOffice", "locked-libreoffice", async (t: string) => fs.writeFile(path.join(path.dirname(t), `.~lock.${path.basename(t)}#`), "x"), /открыт в LibreOffice/],
    ["open in Excel", "locked-excel", async (t: string) => fs.writeFile(path.join(path.dirname(t), `~$${path.basename(t)}`), "x"), /открыт в Excel/],
    ["read-only", "read-only", async (t: string) => fs.chmod(t, 0o444), /только для чтения/],
    ["a folder in the way", "not-a-file", async (t: string) => (await fs.rm(t), await fs.mkdir(t)), /находится папка/],
  ] as const)("a blocked target in the middle (%s): the folder exactly as before, the message names the file", async (_label, problem, block, text) => {
    const blocked = path.join(out, "3.xlsx");
    await block(blocked);
    const before = await folderState(out);
    const e = await refused(writeAllOrNone(out, batch("новая")), problem, text);
    expect(e.message).toContain(blocked);
    expect(e.folder).toBe(out);
    expect(await folderState(out)).toEqual(before);
  });

  test("a failure half-way through the moves (a file opened meanwhile): everything put back", async () => {
    const before = await folderState(out);
    let calls = 0;
    const rename = async (from: string, to: string) => {
      if (to === path.join(out, "4.xlsx") && ++calls === 1) throw Object.assign(new Error("EBUSY: resource busy or locked"), { code: "EBUSY" });
      await fs.rename(from, to);
    };
    const e = await refused(writeAllOrNone(out, batch("новая"), { rename }), "os", /файл занят другой программой/);
    expect(e.message).toContain(path.join(out, "4.xlsx"));
    expect(await folderState(out)).toEqual(before);
  });

  test("a folder that did not exist is not left behind on failure", async () => {
    const fresh = path.join(dir, "новая", "папка");
    const rename = async () => {
      throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
    };
    await refused(writeAllOrNone(fresh, batch("x"), { rename }), "os", /на диске не осталось места/);
    await expect(fs.access(path.join(dir, "новая"))).rejects.toThrow();
    expect(await writeAllOrNone(fresh, batch("x"))).toHaveLength(5);
    expect((await fs.readdir(fresh)).sort()).toEqual(names);
  });

  test("a name with a folder in it, or two names that differ only in case: refused before anything is written", async () => {
    const before = await folderState(out);
    await refused(writeAllOrNone(out, [{ name: "../x.xlsx", bytes: new Uint8Array([1]) }]), "os", /недопустимое имя/);
    await refused(writeAllOrNone(out, [{ name: "А.xlsx", bytes: new Uint8Array([1]) }, { name: "а.xlsx", bytes: new Uint8Array([2]) }]), "duplicate", /одним именем/);
    expect(await folderState(out)).toEqual(before);
  });
});

describe("Node stays in src/workbook/file/node/ (and the municipal folder walk, src/workbook/municipal/node/)", () => {
  test("no other module the task pane bundles uses fs, path, os, crypto, Buffer or process", async () => {
    const root = path.resolve(__dirname, "../../../src");
    const offenders: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await fs.readdir(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) {
          if (p !== path.join(root, "workbook", "file", "node") && p !== path.join(root, "workbook", "municipal", "node")) await walk(p);
        } else if (/\.tsx?$/.test(e.name)) {
          const code = (await fs.readFile(p, "utf8")).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
          if (/from "(node:)?(fs|path|os|crypto|child_process)(\/promises)?"|require\("|\bBuffer\b|\bprocess\./.test(code)) offenders.push(path.relative(root, p));
        }
      }
    };
    for (const d of ["core", "workbook", "taskpane", "functions"]) await walk(path.join(root, d));
    expect(offenders).toEqual([]);
  });
});
