// Saving a workbook over the file it was opened from, safely: refused while the file is open in
// LibreOffice or Excel, read-only, or changed on disk since it was opened; otherwise a dated backup
// of the previous version, an atomic write, and the oldest backups pruned once the save succeeded.
import { promises as fs } from "node:fs";
import { writeFileAtomic } from "./atomicWrite";
import { KEEP_BACKUPS, makeBackup, pruneBackups } from "./backups";
import { fitToExtension } from "./extension";
import { checkWritable } from "./locks";
import { checkStamp, stampOf, type FileStamp } from "./stamp";

export interface SaveResult {
  path: string;
  /** The backup made of the previous version, or null when there was none (a new file). */
  backup: string | null;
  /** Every dated backup left, newest first (at most KEEP_BACKUPS). */
  backups: string[];
  /** Old backups deleted after the save. */
  pruned: string[];
  /** Old backups that could not be deleted (left in place). */
  pruneFailed: string[];
  /** The file as it is now: a further save compares against this. */
  stamp: FileStamp;
}

export interface SaveOptions {
  keep?: number;
  now?: Date;
}

/**
 * Save `bytes` over `stamp.path`, the file opened before (or create it when it did not exist).
 * Throws a FileError, writing nothing, when the file is open in LibreOffice or Excel, read-only,
 * a folder, or no longer what was opened.
 */
export async function saveOpenedWorkbook(stamp: FileStamp, bytes: Uint8Array, options: SaveOptions = {}): Promise<SaveResult> {
  const file = stamp.path;
  await checkWritable(file);
  await checkStamp(stamp);
  const data = await fitToExtension(bytes, file);
  const backup = stamp.exists ? await makeBackup(file, options.now) : null;
  try {
    await writeFileAtomic(file, data);
  } catch (e) {
    // Nothing was written: the backup of an unchanged file is not kept either.
    if (backup) await fs.rm(backup, { force: true }).catch(() => undefined);
    throw e;
  }
  const stat = await fs.stat(file).catch(() => ({ mtimeMs: 0 }));
  const { kept, removed, failed } = stamp.exists ? await pruneBackups(file, options.keep ?? KEEP_BACKUPS) : { kept: [], removed: [], failed: [] };
  return { path: file, backup, backups: kept, pruned: removed, pruneFailed: failed, stamp: stampOf(file, stat, data) };
}

/**
 * Write `bytes` to `file`, another file than the one opened (`--out`): refused while `file` is open
 * in LibreOffice or Excel, read-only or a folder; no backup (the input is left as it was).
 */
export async function saveWorkbookAs(file: string, bytes: Uint8Array): Promise<void> {
  await checkWritable(file);
  await writeFileAtomic(file, await fitToExtension(bytes, file));
}
