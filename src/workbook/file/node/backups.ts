// Dated backups beside the workbook: `NAME.bak-YYYYMMDD-HHMMSS.xlsx` (local time; `-2`, `-3` when
// two saves fall in one second), the newest KEEP_BACKUPS kept. A second bad run never overwrites
// the version before the first one.
import { constants, promises as fs } from "node:fs";
import * as path from "node:path";
import { errnoCode } from "./FileError";
import { osError } from "./osErrors";

export const KEEP_BACKUPS = 5;

const two = (n: number) => String(n).padStart(2, "0");

/** `YYYYMMDD-HHMMSS` in local time. */
export const backupStamp = (d: Date): string =>
  `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;

function parts(file: string): { dir: string; stem: string; ext: string } {
  const ext = path.extname(file);
  return { dir: path.dirname(file), stem: path.basename(file, ext), ext: ext || ".xlsx" };
}

/** `<dir>/<name>.bak-YYYYMMDD-HHMMSS[-n]<ext>`; the extension stays (.xlsm keeps .xlsm). */
export function backupPath(file: string, when: Date, n = 1): string {
  const { dir, stem, ext } = parts(file);
  return path.join(dir, `${stem}.bak-${backupStamp(when)}${n > 1 ? `-${n}` : ""}${ext}`);
}

/** The backup name of the versions before this one: `<name>.bak<ext>`, one file overwritten on every save. */
export function legacyBackupPath(file: string): string {
  const { dir, stem, ext } = parts(file);
  return path.join(dir, `${stem}.bak${ext}`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Order key of a backup name of `file` (stamp, then n), or null for any other name. */
function backupKey(file: string, name: string): [string, number] | null {
  const { stem, ext } = parts(file);
  const m = new RegExp(`^${escape(stem)}\\.bak-(\\d{8}-\\d{6})(?:-(\\d+))?${escape(ext)}$`).exec(name);
  return m ? [m[1], m[2] ? Number(m[2]) : 1] : null;
}

/** The dated backups of `file` that exist, newest first. */
export async function listBackups(file: string): Promise<string[]> {
  const { dir } = parts(file);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, key: backupKey(file, name) }))
    .filter((e): e is { name: string; key: [string, number] } => e.key !== null)
    .sort((a, b) => (a.key[0] === b.key[0] ? b.key[1] - a.key[1] : a.key[0] < b.key[0] ? 1 : -1))
    .map((e) => path.join(dir, e.name));
}

/**
 * Copy `file` to a new dated backup beside it and return its path. Never overwrites: a name taken
 * already (two saves in one second) gets `-2`, `-3`, …
 */
export async function makeBackup(file: string, now: Date = new Date()): Promise<string> {
  // After the next one up of this second: a name freed by pruning is never reused, so the order
  // of the names stays the order of the saves.
  const stamp = backupStamp(now);
  const taken = (await listBackups(file)).map((b) => backupKey(file, path.basename(b))!).filter((k) => k[0] === stamp);
  const start = taken.length > 0 ? Math.max(...taken.map((k) => k[1])) + 1 : 1;
  for (let n = start; ; n++) {
    const target = backupPath(file, now, n);
    try {
      await fs.copyFile(file, target, constants.COPYFILE_EXCL);
      return target;
    } catch (e) {
      if (errnoCode(e) === "EEXIST" && n < start + 1000) continue;
      await fs.rm(target, { force: true }).catch(() => undefined);
      throw osError(e, target, "backup");
    }
  }
}

/**
 * Delete all but the newest `keep` dated backups. Call it only after the new save succeeded, so the
 * version before a failed save is never pruned. Never throws: what could not be deleted is listed.
 */
export async function pruneBackups(file: string, keep: number = KEEP_BACKUPS): Promise<{ kept: string[]; removed: string[]; failed: string[] }> {
  const all = await listBackups(file);
  const removed: string[] = [];
  const failed: string[] = [];
  for (const old of all.slice(keep)) {
    try {
      await fs.unlink(old);
      removed.push(old);
    } catch {
      failed.push(old);
    }
  }
  return { kept: all.slice(0, keep), removed, failed };
}
