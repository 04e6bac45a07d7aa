// Is it safe to write over this file? Not when LibreOffice or Excel has it open (their lock file
// lies beside it), not when it is read-only, not when a folder stands where the file goes.
import { constants, promises as fs, type Stats } from "node:fs";
import * as path from "node:path";
import { FileError, errnoCode } from "./FileError";
import { osError } from "./osErrors";

export interface LockFile {
  kind: "libreoffice" | "excel";
  /** Full path of the lock file. */
  path: string;
}

/**
 * Where LibreOffice and Excel put their lock file for `file`: `.~lock.NAME#` (LibreOffice) and
 * `~$NAME` (Excel; for long names Excel replaces the first two characters: `~$` + NAME.slice(2)).
 */
export function lockFileCandidates(file: string): LockFile[] {
  const dir = path.dirname(file);
  const name = path.basename(file);
  const stem = path.basename(name, path.extname(name));
  const out: LockFile[] = [
    { kind: "libreoffice", path: path.join(dir, `.~lock.${name}#`) },
    { kind: "excel", path: path.join(dir, `~$${name}`) },
  ];
  if (stem.length > 2) out.push({ kind: "excel", path: path.join(dir, `~$${name.slice(2)}`) });
  return out;
}

/** The first lock file that exists beside `file`, or null. */
export async function findLockFile(file: string): Promise<LockFile | null> {
  for (const lock of lockFileCandidates(file)) {
    try {
      await fs.lstat(lock.path);
      return lock;
    } catch {
      // absent (or unreadable folder: the write itself will say so)
    }
  }
  return null;
}

/** No write bit at all: read-only for everyone (what the «Только чтение» attribute gives on Windows). */
export const isReadOnlyMode = (mode: number): boolean => (mode & 0o222) === 0;

export function lockedError(file: string, lock: LockFile): FileError {
  const name = path.basename(lock.path);
  const info = { problem: lock.kind === "libreoffice" ? ("locked-libreoffice" as const) : ("locked-excel" as const), path: file, lockFile: lock.path };
  return lock.kind === "libreoffice"
    ? new FileError(info, `Файл «${file}» открыт в LibreOffice. Закройте файл в LibreOffice (рядом лежит «${name}») и повторите. Если LibreOffice уже закрыт, удалите «${name}» и повторите.`)
    : new FileError(info, `Файл «${file}» открыт в Excel. Закройте файл в Excel (рядом лежит «${name}») и повторите. Если Excel уже закрыт, удалите «${name}» и повторите.`);
}

export const readOnlyError = (file: string): FileError =>
  new FileError(
    { problem: "read-only", path: file },
    `Файл «${file}» только для чтения. Снимите флажок «Только чтение» в свойствах файла или сохраните результат в другой файл и повторите.`,
  );

export const notAFileError = (file: string): FileError =>
  new FileError({ problem: "not-a-file", path: file }, `На месте файла «${file}» находится папка. Переименуйте папку или выберите другое имя файла и повторите.`);

/**
 * Throws a FileError when writing `file` would be unsafe: a lock file of LibreOffice or Excel beside
 * it, a read-only file, a folder in its place, no permission to write it. A file that does not
 * exist is fine (its folder is the write's business). Returns the file's stat, or null when absent.
 */
export async function checkWritable(file: string): Promise<Stats | null> {
  const lock = await findLockFile(file);
  if (lock) throw lockedError(file, lock);
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    if (errnoCode(e) === "ENOENT") return null;
    throw osError(e, file, "write");
  }
  if (!stat.isFile()) throw notAFileError(file);
  if (isReadOnlyMode(stat.mode)) throw readOnlyError(file);
  try {
    await fs.access(file, constants.W_OK);
  } catch (e) {
    throw osError(e, file, "write");
  }
  return stat;
}
