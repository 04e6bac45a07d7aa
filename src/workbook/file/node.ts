// Node-only file I/O for the file back end (the CLI). Never import this from the task pane.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { FileBackend } from "./FileBackend";
import { MESSAGES, UnreadableWorkbookError } from "./errors";

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

function withCause(message: string, cause: unknown): Error {
  return Object.assign(new Error(message), { cause });
}

function busy(file: string, cause: unknown): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    "locked",
    `Файл «${file}» занят другой программой или к нему нет доступа. Закройте его в Excel или LibreOffice и повторите.`,
    { cause },
  );
}

/** Read an .xlsx from disk into a FileBackend. Every failure is an UnreadableWorkbookError in Russian. */
export async function openWorkbookFile(file: string): Promise<FileBackend> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    if (code(e) === "ENOENT" || code(e) === "ENOTDIR") {
      throw new UnreadableWorkbookError("missing", `Файл «${file}» не найден.`, { cause: e });
    }
    throw busy(file, e);
  }
  if (!stat.isFile()) throw new UnreadableWorkbookError("not-a-file", `«${file}» — это папка, а не файл .xlsx.`);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xls") throw new UnreadableWorkbookError("xls", MESSAGES.xls);
  if (ext !== ".xlsx" && ext !== ".xlsm") {
    throw new UnreadableWorkbookError("not-xlsx", `«${path.basename(file)}» — не книга Excel: нужен файл с расширением .xlsx.`);
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw busy(file, e);
  }
  try {
    return await FileBackend.fromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) {
      throw new UnreadableWorkbookError(e.reason, `«${path.basename(file)}»: ${e.message}`, { cause: e });
    }
    throw e;
  }
}

/** Write to a temporary file in the same folder, then rename over the target: never a half-written file. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await fs.open(tmp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (["EBUSY", "EPERM", "EACCES"].includes(code(e) ?? "")) {
      throw withCause(`Не удалось сохранить «${file}»: файл открыт в другой программе или нет прав на запись. Закройте его и повторите.`, e);
    }
    if (code(e) === "ENOENT") throw withCause(`Не удалось сохранить «${file}»: папка не существует.`, e);
    throw e;
  }
}

/** "<dir>/<name>.bak.xlsx" for "<dir>/<name>.xlsx". */
export function backupPath(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.bak${ext || ".xlsx"}`);
}

/**
 * Save over `file`, first copying its previous version to `<name>.bak.xlsx` (replacing an older
 * backup). Returns the backup path, or null when there was no previous file.
 */
export async function saveWithBackup(file: string, bytes: Uint8Array): Promise<string | null> {
  let backup: string | null = null;
  try {
    await fs.access(file);
    backup = backupPath(file);
  } catch {
    backup = null;
  }
  if (backup) {
    try {
      await fs.copyFile(file, backup);
    } catch (e) {
      throw withCause(`Не удалось сделать резервную копию «${backup}»; файл не изменён.`, e);
    }
  }
  await writeFileAtomic(file, bytes);
  return backup;
}
