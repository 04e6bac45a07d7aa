// Opening a workbook from disk: the FileBackend and the stamp a later save compares against.
import { promises as fs, type Stats } from "node:fs";
import * as path from "node:path";
import { FileBackend } from "../FileBackend";
import { MESSAGES, UnreadableWorkbookError } from "../errors";
import { errnoCode } from "./FileError";
import { osError, osErrorMessage } from "./osErrors";
import { absentStamp, stampOf, type FileStamp } from "./stamp";

export interface OpenedWorkbook {
  backend: FileBackend;
  /** What the file was at open; `saveOpenedWorkbook` refuses when the file is no longer that. */
  stamp: FileStamp;
}

/** Codes that mean "you may not read it" or "someone holds it": the workbook is unreadable for now. */
const LOCKED = new Set(["EACCES", "EPERM", "EBUSY", "ETXTBSY"]);

function readFailure(e: unknown, file: string): Error {
  const code = errnoCode(e);
  if (code === "ENOENT" || code === "ENOTDIR") return new UnreadableWorkbookError("missing", `Файл «${file}» не найден.`, { cause: e });
  if (code && LOCKED.has(code)) return new UnreadableWorkbookError("locked", osErrorMessage(code, file, "read"), { cause: e });
  return osError(e, file, "read");
}

/** The bytes of a file; a failure is a FileError (or UnreadableWorkbookError) in Russian naming it. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    const b = await fs.readFile(file);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    throw readFailure(e, file);
  }
}

/**
 * Read an .xlsx (or .xlsm) from disk. A file that is not a workbook is an UnreadableWorkbookError
 * (reason + Russian message); an OS error other than "missing"/"no access" is a FileError.
 */
export async function openWorkbookFile(file: string): Promise<OpenedWorkbook> {
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    throw readFailure(e, file);
  }
  if (!stat.isFile()) throw new UnreadableWorkbookError("not-a-file", `«${file}» — это папка, а не файл .xlsx.`);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xls") throw new UnreadableWorkbookError("xls", MESSAGES.xls);
  if (ext !== ".xlsx" && ext !== ".xlsm") {
    throw new UnreadableWorkbookError("not-xlsx", `«${path.basename(file)}» — не книга Excel: нужен файл с расширением .xlsx.`);
  }
  const bytes = await readFileBytes(file);
  const stamp = stampOf(file, stat, bytes);
  try {
    return { backend: await FileBackend.fromBytes(bytes), stamp };
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) {
      throw new UnreadableWorkbookError(e.reason, `«${path.basename(file)}»: ${e.message}`, { cause: e });
    }
    throw e;
  }
}

/** A workbook to be made at `file`, which does not exist yet; the save refuses if it appears meanwhile. */
export function newWorkbookAt(file: string): OpenedWorkbook {
  return { backend: FileBackend.empty(), stamp: absentStamp(file) };
}
