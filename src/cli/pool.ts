// `vpr codes --codes FILE`: reading the code list from a file. Writing it into «Коды» is the
// workbook's planImportCodes, shared with the task pane.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cellAddress } from "../core";
import type { CellValue } from "../workbook/backend";
import { POOL, headerKey } from "../workbook/contract";
import { CliError, EXIT_UNUSABLE, openWorkbook, resolvePath, type Ctx } from "./io";

const CODE = /^\d{4,6}$/;

/** Codes from a .txt/.csv (the first field of each line) or an .xlsx (first sheet, column «Код» or A). */
export async function readCodesFile(ctx: Ctx, file: string): Promise<{ codes: number[]; duplicates: number }> {
  const ext = path.extname(file).toLowerCase();
  let cells: { where: string; value: CellValue }[];
  if (ext === ".xlsx" || ext === ".xlsm") {
    const book = await openWorkbook(ctx, file);
    const first = (await book.read([])).sheetNames[0];
    const values = first ? (await book.read([first])).sheets[first]?.values ?? [] : [];
    const headerCol = (values[0] ?? []).findIndex((h) => headerKey(h) === headerKey(POOL.code));
    const col = Math.max(0, headerCol);
    cells = values.map((row, r) => ({ where: cellAddress(r, col), value: row[col] ?? null }));
  } else if (ext === ".txt" || ext === ".csv" || ext === "") {
    let text: string;
    try {
      text = await fs.readFile(resolvePath(ctx, file), "utf8");
    } catch {
      throw new CliError(EXIT_UNUSABLE, ctx.t.codesFileMissing(file));
    }
    cells = text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .map((line, i) => ({ where: String(i + 1), value: line.split(/[;,\t]/)[0].replace(/^"|"$/g, "").trim() }));
  } else {
    throw new CliError(EXIT_UNUSABLE, ctx.t.codesFileType(file));
  }
  const codes: number[] = [];
  const bad: string[] = [];
  let firstSeen = false;
  for (const { where, value } of cells) {
    const text = value === null ? "" : String(value).trim();
    if (text === "") continue;
    const isFirst = !firstSeen;
    firstSeen = true;
    if (CODE.test(text)) codes.push(Number(text));
    else if (!(isFirst && /\D/.test(text) && !/^\d/.test(text))) bad.push(`${where}: «${text}»`); // a text header line is allowed
  }
  if (bad.length > 0) throw new CliError(EXIT_UNUSABLE, ctx.t.codesFileBad(file, bad.slice(0, 10).concat(bad.length > 10 ? ["…"] : [])));
  if (codes.length === 0) throw new CliError(EXIT_UNUSABLE, ctx.t.codesFileEmpty(file));
  const unique = [...new Set(codes)];
  return { codes: unique, duplicates: codes.length - unique.length };
}
