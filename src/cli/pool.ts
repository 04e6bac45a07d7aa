// `vpr codes --codes FILE`: the code list from FIS OKO, read by the same reader as the task pane's
// import (src/workbook/importCodes.ts: readCodeListFile for an .xlsx, readCodeListText for a
// .txt/.csv). Writing it into «Коды» is the workbook's planImportCodes, also shared with the pane.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { columnLetter } from "../core";
import { readCodeListFile, readCodeListText, type CodeListRead } from "../workbook/importCodes";
import { CliError, EXIT_UNUSABLE, openWorkbook, resolvePath, type Ctx } from "./io";
import type { CodeListWhere } from "./messages";

/** At most this many bad cells are listed; the rest are counted. */
const SHOWN = 10;

/** The codes of a .txt/.csv/.xlsx list (each once), the repeats dropped, and where they were read. */
export async function readCodesFile(ctx: Ctx, file: string): Promise<{ codes: number[]; duplicates: number; from: CodeListWhere }> {
  const ext = path.extname(file).toLowerCase();
  let read: CodeListRead;
  if (ext === ".xlsx" || ext === ".xlsm") {
    read = await readCodeListFile(await openWorkbook(ctx, file), file);
  } else if (ext === ".txt" || ext === ".csv" || ext === "") {
    let text: string;
    try {
      text = await fs.readFile(resolvePath(ctx, file), "utf8");
    } catch {
      throw new CliError(EXIT_UNUSABLE, ctx.t.codesFileMissing(file));
    }
    read = readCodeListText(text, file);
  } else {
    throw new CliError(EXIT_UNUSABLE, ctx.t.codesFileType(file));
  }
  const errors = read.findings.filter((f) => f.severity === "error");
  if (read.codes.length === 0 && errors.every((f) => f.code === "pool.empty")) throw new CliError(EXIT_UNUSABLE, ctx.t.codesFileEmpty(file));
  if (errors.length > 0) {
    const lines = errors.slice(0, SHOWN).map((f) => f.message);
    throw new CliError(EXIT_UNUSABLE, ctx.t.codesFileBad(file, errors.length > SHOWN ? [...lines, ctx.t.codesFileMore(errors.length - SHOWN)] : lines));
  }
  const { sheet, column, header } = read.source;
  return { codes: read.codes, duplicates: read.duplicates, from: { sheet, column: sheet === null ? String(column + 1) : columnLetter(column), header } };
}
