// One file written whole or not at all: a temporary file in the same folder, flushed to disk, then
// renamed over the target. A crash leaves the old file or the new one, never half of one.
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { osError } from "./osErrors";

/** A short hidden name in `dir` (short, so a long target name does not fail on the temporary one). */
export const tempName = (dir: string, suffix = ".tmp"): string => path.join(dir, `.vpr-${process.pid}-${randomBytes(4).toString("hex")}${suffix}`);

/** Write `bytes` into a new file `file` (which must not exist) and flush it to disk. */
export async function writeNewFile(file: string, bytes: Uint8Array, mode?: number): Promise<void> {
  const handle = await fs.open(file, "wx", mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Write `file` through a temporary file and a rename. The file keeps the permissions it had (a new
 * one gets the default). Every failure is a FileError naming `file`; no temporary file is left.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = tempName(dir);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(file)).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    await writeNewFile(tmp, bytes);
    if (mode !== undefined) await fs.chmod(tmp, mode).catch(() => undefined);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw osError(e, file, "write");
  }
}
