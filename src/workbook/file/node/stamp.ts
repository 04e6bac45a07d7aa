// What a file was when it was opened (size, modification time, a hash of the bytes read), so that a
// save can refuse to overwrite a version it never saw: the user saved the file in Excel meanwhile.
import { createHash } from "node:crypto";
import { promises as fs, type Stats } from "node:fs";
import { FileError, errnoCode } from "./FileError";
import { osError } from "./osErrors";

export interface FileStamp {
  /** The file, as opened. */
  path: string;
  /** False when the file did not exist yet (a new workbook is to be made there). */
  exists: boolean;
  size: number;
  mtimeMs: number;
  /** SHA-256 of the bytes read at open, hex. */
  sha256: string;
}

export const hashBytes = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The stamp of `bytes` just read from `file` (the size is the bytes', not a stat's taken earlier). */
export const stampOf = (file: string, stat: Pick<Stats, "mtimeMs">, bytes: Uint8Array): FileStamp => ({
  path: file,
  exists: true,
  size: bytes.byteLength,
  mtimeMs: stat.mtimeMs,
  sha256: hashBytes(bytes),
});

/** The stamp of a file that is not there yet. */
export const absentStamp = (file: string): FileStamp => ({ path: file, exists: false, size: 0, mtimeMs: 0, sha256: "" });

export const changedError = (file: string, cause?: unknown): FileError =>
  new FileError(
    { problem: "changed", path: file },
    `Файл «${file}» изменён другой программой после того, как программа его открыла (например, его сохранили в Excel). Чтобы не потерять те изменения, запись отменена: закройте файл в другой программе и повторите — будет открыта новая версия.`,
    { cause },
  );

export const deletedError = (file: string): FileError =>
  new FileError(
    { problem: "changed", path: file },
    `Файл «${file}» удалён, переименован или перемещён после того, как программа его открыла. Проверьте, где он теперь, и повторите.`,
  );

export const appearedError = (file: string): FileError =>
  new FileError(
    { problem: "appeared", path: file },
    `Файл «${file}» появился, пока программа работала (его создала другая программа). Чтобы не затереть его, запись отменена: проверьте этот файл и повторите.`,
  );

/**
 * Throws a FileError when the file on disk is no longer what `stamp` saw: deleted, created, or
 * changed in content. A new modification time with the same bytes (a save without changes) is fine.
 */
export async function checkStamp(stamp: FileStamp): Promise<void> {
  let stat: Stats;
  try {
    stat = await fs.stat(stamp.path);
  } catch (e) {
    if (errnoCode(e) !== "ENOENT") throw osError(e, stamp.path, "read");
    if (stamp.exists) throw deletedError(stamp.path);
    return;
  }
  if (!stamp.exists) throw appearedError(stamp.path);
  if (stat.size !== stamp.size) throw changedError(stamp.path);
  let now: Uint8Array;
  try {
    now = await fs.readFile(stamp.path);
  } catch (e) {
    throw osError(e, stamp.path, "read");
  }
  if (hashBytes(now) !== stamp.sha256) throw changedError(stamp.path);
}
