// The folder walk of the municipal reader — the one Node-only part of src/workbook/municipal: the
// .xlsx files of a folder (subfolders too, a school per folder is common), in name order, each
// read from disk only when its turn comes, so one file's bytes are in memory at a time.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import "../../file/node/nativeInflate";
import { osErrorMessage } from "../../file/node/osErrors";
import { compareFileNames, readSources, type FolderRead, type SourceInput } from "../readSources";
import type { SourceOptions } from "../readSource";

async function walk(dir: string, base: string, out: string[]): Promise<void> {
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, base, out);
    else if (e.isFile()) out.push(path.relative(base, p));
  }
}

/** Every file under `dir`, relative to it with "/" separators, in name order. */
export async function folderFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  await walk(dir, dir, out);
  return out.map((p) => p.split(path.sep).join("/")).sort(compareFileNames);
}

/** Reads a folder (or the files listed) with readSources; file names in problems are relative to the folder. */
export async function readFolder(dirOrFiles: string | readonly string[], options: SourceOptions = {}, onFile?: (done: number, name: string) => void): Promise<FolderRead> {
  let inputs: SourceInput[];
  if (typeof dirOrFiles === "string") {
    const dir = dirOrFiles;
    inputs = (await folderFiles(dir)).map((name) => ({ name, bytes: () => readBytes(path.join(dir, name), name) }));
  } else inputs = dirOrFiles.map((p) => ({ name: path.basename(p), bytes: () => readBytes(p, path.basename(p)) }));
  return readSources(inputs, options, onFile);
}

async function readBytes(file: string, shown: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new Error(osErrorMessage((e as NodeJS.ErrnoException).code, shown, "read"));
  }
}
