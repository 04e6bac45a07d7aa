// `vpr codes --codes FILE`: codes from FIS OKO imported into the sheet «Коды» — the coordinator's
// input sheet, so it is written only when it is absent or holds no code; otherwise the CLI refuses.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cellAddress, type Finding } from "../core";
import type { CellValue, CellWrite, Snapshot, WritePlan } from "../workbook/backend";
import { POOL, POOL_SHEET, headerKey } from "../workbook/contract";
import { readPool } from "../workbook/inputs";
import { existingName } from "../workbook/ownership";
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

export type PoolImport = { kind: "write"; plan: WritePlan } | { kind: "same" } | { kind: "not-empty"; existing: number } | { kind: "foreign" };

/** Decide how the codes go onto «Коды»: a new sheet, cell writes into an empty column, or a refusal. */
export function planPoolImport(snapshot: Snapshot, codes: number[]): PoolImport {
  const name = existingName(snapshot, POOL_SHEET);
  if (!name) {
    return {
      kind: "write",
      plan: { sheets: [{ name: POOL_SHEET, mode: "create", values: [[POOL.code], ...codes.map((c) => [c])], columnWidths: [10], freezeRows: 1 }], cellWrites: [] },
    };
  }
  const values = snapshot.sheets[name]?.values ?? [];
  const existing = readPool(snapshot, [] as Finding[]);
  if (existing.length > 0) {
    const same = existing.length === codes.length && new Set([...existing, ...codes]).size === codes.length;
    return same ? { kind: "same" } : { kind: "not-empty", existing: existing.length };
  }
  const empty = values.every((r) => r.every((v) => v === null || (typeof v === "string" && v.trim() === "")));
  const headerCol = (values[0] ?? []).findIndex((h) => headerKey(h) === headerKey(POOL.code));
  if (!empty && headerCol < 0) return { kind: "foreign" };
  const col = Math.max(0, headerCol);
  if (values.slice(1).some((r) => r[col] !== null && r[col] !== undefined && String(r[col]).trim() !== "")) return { kind: "foreign" };
  const cellWrites: CellWrite[] = codes.map((value, i) => ({ sheet: name, address: cellAddress(i + 1, col), value }));
  if (empty) cellWrites.unshift({ sheet: name, address: "A1", value: POOL.code });
  return { kind: "write", plan: { sheets: [], cellWrites } };
}
