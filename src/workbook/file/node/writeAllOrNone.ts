// Several files into one folder, all or none (the upload forms): every target is checked first
// (lock files, read-only, a folder in the way), all files are written into a temporary folder
// inside the target folder, then moved into place. Targets that exist are first moved aside, so a
// failure half-way puts them back. On failure the folder is left as it was and the error names
// the file that blocked.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { tempName, writeNewFile } from "./atomicWrite";
import { FileError, errnoCode } from "./FileError";
import { checkWritable } from "./locks";
import { osError, osErrorMessage } from "./osErrors";

export interface NamedBytes {
  /** A plain file name, no folder. */
  name: string;
  bytes: Uint8Array;
}

export interface WrittenFile {
  name: string;
  path: string;
  size: number;
}

/** The one step that can fail after the checks (a file opened meanwhile on Windows): replaceable in tests. */
export interface AllOrNoneOps {
  rename: (from: string, to: string) => Promise<void>;
}

const defaultOps: AllOrNoneOps = { rename: (from, to) => fs.rename(from, to) };

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

function checkNames(dir: string, files: readonly NamedBytes[]): void {
  const seen = new Map<string, string>();
  for (const f of files) {
    const target = path.join(dir, f.name);
    if (f.name === "" || f.name === "." || f.name === ".." || path.basename(f.name) !== f.name || /[\\/]/.test(f.name)) {
      throw new FileError({ problem: "os", code: "EINVAL", action: "write", path: target, folder: dir }, osErrorMessage("EINVAL", target, "write"));
    }
    const key = f.name.toLocaleLowerCase("ru");
    const other = seen.get(key);
    if (other !== undefined) {
      throw new FileError({ problem: "duplicate", path: target, folder: dir }, `Два файла с одним именем «${f.name}» и «${other}» в папке «${dir}»: ни один файл не записан. Сообщите об ошибке разработчикам.`);
    }
    seen.set(key, f.name);
  }
}

/**
 * Write `files` into `dir` (made when missing), all or none. Returns what was written. Throws a
 * FileError with `folder` set; the folder then holds exactly what it held before (a folder that did
 * not exist is not left behind).
 */
export async function writeAllOrNone(dir: string, files: readonly NamedBytes[], ops: AllOrNoneOps = defaultOps): Promise<WrittenFile[]> {
  const abs = path.resolve(dir);
  checkNames(abs, files);

  // 1. Every target first: nothing is written while one of them is blocked.
  if (await exists(abs)) {
    for (const f of files) {
      try {
        await checkWritable(path.join(abs, f.name));
      } catch (e) {
        throw osError(e, path.join(abs, f.name), "write").inFolder(abs);
      }
    }
  }

  // 2. The folder, and a temporary folder inside it.
  let created: string | undefined;
  try {
    created = await fs.mkdir(abs, { recursive: true });
  } catch (e) {
    throw osError(e, abs, "mkdir").inFolder(abs);
  }
  const removeCreated = async () => {
    if (created) await fs.rm(created, { recursive: true, force: true }).catch(() => undefined);
  };
  const tmp = tempName(abs, "");
  const aside = path.join(tmp, "прежние");
  try {
    await fs.mkdir(aside, { recursive: true });
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    await removeCreated();
    throw osError(e, files.length > 0 ? path.join(abs, files[0].name) : abs, "write").inFolder(abs);
  }

  // 3. Every file into the temporary folder.
  for (const f of files) {
    try {
      await writeNewFile(path.join(tmp, f.name), f.bytes);
    } catch (e) {
      await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      await removeCreated();
      throw osError(e, path.join(abs, f.name), "write").inFolder(abs);
    }
  }

  // 4. Into place: an existing target is moved aside first, so it can be put back.
  const movedAside: string[] = [];
  const placed: string[] = [];
  for (const f of files) {
    const target = path.join(abs, f.name);
    try {
      if (await exists(target)) {
        await ops.rename(target, path.join(aside, f.name));
        movedAside.push(f.name);
      }
      await ops.rename(path.join(tmp, f.name), target);
      placed.push(f.name);
    } catch (e) {
      const error = osError(e, target, "write");
      const stranded: string[] = [];
      for (const name of placed.reverse()) await fs.unlink(path.join(abs, name)).catch(() => undefined);
      for (const name of movedAside.reverse()) {
        try {
          await fs.rename(path.join(aside, name), path.join(abs, name));
        } catch (back) {
          if (errnoCode(back) !== "ENOENT") stranded.push(name);
        }
      }
      if (stranded.length > 0) {
        // Never delete the only copy of a previous version: say where it is.
        throw new FileError(
          { ...error.info(), folder: undefined },
          `${error.message} Прежние версии файлов ${stranded.map((n) => `«${n}»`).join(", ")} не удалось вернуть на место: они в папке «${aside}». Перенесите их обратно вручную.`,
          { cause: e },
        );
      }
      await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      await removeCreated();
      throw error.inFolder(abs);
    }
  }

  await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  return files.map((f) => ({ name: f.name, path: path.join(abs, f.name), size: f.bytes.byteLength }));
}
