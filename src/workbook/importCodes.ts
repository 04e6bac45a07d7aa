// The code list downloaded from FIS OKO: read from a file (readCodeListFile for an .xlsx,
// readCodeListText for a .txt/.csv — the one reader of the task pane and of `vpr codes --codes`)
// or from pasted text (parseCodeList), and imported into «Коды» (column A, under the header «Код»).
// The list is written only into an empty code column: codes already there are never replaced or
// mixed with a new list. One read of «Коды», one apply.
import { cellAddress, columnLetter, hasErrors, type Finding } from "../core";
import type { CellValue, Snapshot, WorkbookBackend, WritePlan } from "./backend";
import { HEADER_FILL, POOL, POOL_SHEET, cellText as text, headerKey } from "./contract";
import type { OperationResult } from "./operations";
import { applyWritePlan } from "./planCheck";

/** What a code list file gave: the codes (each once, in file order) and where they were read. */
export interface CodeListRead {
  codes: number[];
  /** Repeats dropped. */
  duplicates: number;
  /** Errors in Russian, each naming the file, the sheet and the cell: a cell that is not a code, no column «Код», no code at all. */
  findings: Finding[];
  /** Where the codes are: the sheet (null for a text file), the column, its header (null: a list without a header). */
  source: { file: string; sheet: string | null; column: number; header: string | null };
}

/** How far down a header row is looked for (titles and notes above it are skipped). */
const HEADER_ROWS = 30;
const CODE_TEXT = /^\d{4,6}$/;

/** «Код», «код участника», «Код участника ВПР», «КОД:»: the column a code list keeps its codes in. */
export const isCodeListHeader = (v: CellValue | undefined): boolean => {
  const key = headerKey(v).replace(/[_\-]+/g, " ").replace(/[\s:.*]+$/, "");
  return key === "код" || key.startsWith("код участник");
};

/** A cell's codes: a whole number of 4–6 digits, or several separated by spaces; null when it is not. */
function cellCodes(v: CellValue): number[] | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1000 && v <= 999999 ? [v] : null;
  if (typeof v !== "string") return null;
  const tokens = v.trim().split(/\s+/);
  return tokens.every((t) => CODE_TEXT.test(t)) ? tokens.map(Number) : null;
}

const filled = (v: CellValue | undefined): boolean => text(v) !== "";

/**
 * The one reader of a code list laid out in rows (a sheet of an .xlsx, or the lines of a .txt/.csv):
 * the header row with a «Код» column is looked for in the first rows, and only that column is read
 * («№», «Класс» and any other column are ignored); empty cells are skipped; a cell that is not a
 * code is an error naming file, sheet and cell. Without a header row the codes are the first
 * column (a title line above them is allowed); a header row without «Код» is an error.
 */
export function readCodeListRows(rows: readonly (readonly CellValue[])[], file: string, sheet: string | null): CodeListRead {
  const findings: Finding[] = [];
  const codes: number[] = [];
  const seen = new Set<number>();
  let duplicates = 0;
  const where = sheet === null ? `Файл «${file}»` : `Файл «${file}», лист «${sheet}»`;
  const at = (r: number, c: number) => (sheet === null ? `${where}, строка ${r + 1}${c > 0 ? `, поле ${c + 1}` : ""}` : `${where}, ячейка ${cellAddress(r, c)}`);
  const error = (code: "pool.invalid" | "pool.empty", message: string) => findings.push({ severity: "error", code, message });

  let headerRow = -1;
  let col = -1;
  for (let r = 0; r < Math.min(rows.length, HEADER_ROWS) && headerRow < 0; r++) {
    const c = (rows[r] ?? []).findIndex((v) => isCodeListHeader(v));
    if (c >= 0) [headerRow, col] = [r, c];
  }
  let start = headerRow + 1;
  if (headerRow < 0) {
    const first = rows.findIndex((row) => row.some(filled));
    if (first < 0) {
      error("pool.empty", `${where}: список пуст — нет ни одного кода`);
      return { codes, duplicates, findings, source: { file, sheet, column: 0, header: null } };
    }
    const texts = rows[first].filter(filled);
    // A row of several headings, none of them «Код»: which column holds the codes is unknown.
    if (texts.length > 1 && texts.every((v) => cellCodes(v) === null && !/^\d/.test(text(v)))) {
      const shown = texts.slice(0, 6).map((v) => `«${text(v)}»`).join(", ");
      error("pool.invalid", `${where}, строка ${first + 1}: заголовки ${shown}, но нет столбца «${POOL.code}». Подпишите столбец с кодами «${POOL.code}» (или «Код участника») или оставьте в файле один столбец кодов`);
      return { codes, duplicates, findings, source: { file, sheet, column: 0, header: null } };
    }
    col = Math.min(...rows.map((row) => row.findIndex(filled)).filter((c) => c >= 0));
    start = first;
    // A title line above a headerless list («Коды», «Список кодов участников») is not a code.
    const title = rows[first][col];
    if (filled(title) && cellCodes(title as CellValue) === null && !/^\d/.test(text(title))) start = first + 1;
  }
  for (let r = start; r < rows.length; r++) {
    const v = rows[r]?.[col] ?? null;
    if (!filled(v) || (headerRow >= 0 && isCodeListHeader(v))) continue; // empty, or the header repeated (a list printed in pages)
    const found = cellCodes(v);
    if (found === null) {
      error("pool.invalid", `${at(r, col)}: «${text(v)}» — не код участника (код — целое число из 4–6 цифр)`);
      continue;
    }
    for (const code of found) {
      if (seen.has(code)) duplicates++;
      else {
        seen.add(code);
        codes.push(code);
      }
    }
  }
  const header = headerRow >= 0 ? text(rows[headerRow][col]) : null;
  if (codes.length === 0 && findings.length === 0) {
    error("pool.empty", `${where}: нет ни одного кода${header !== null ? ` в столбце «${header}» (${columnLetter(col)})` : ""}`);
  }
  return { codes, duplicates, findings, source: { file, sheet, column: col, header } };
}

/** A .txt or .csv code list: one row a line, fields split by tab, «;» or «,». */
export function readCodeListText(input: string, file: string): CodeListRead {
  const rows = input
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => line.split(/[\t;,]/).map((f) => f.trim().replace(/^"(.*)"$/, "$1").trim() as CellValue));
  return readCodeListRows(rows, file, null);
}

/**
 * A code list saved as a workbook (.xlsx): the first sheet with a «Код» header row, else the first
 * sheet that holds anything, read by readCodeListRows.
 */
export async function readCodeListFile(book: WorkbookBackend, file: string): Promise<CodeListRead> {
  const snapshot = await book.read(null);
  const sheets = snapshot.sheetNames.map((name) => ({ name, values: snapshot.sheets[name]?.values ?? [] }));
  const chosen =
    sheets.find((s) => s.values.slice(0, HEADER_ROWS).some((row) => row.some((v) => isCodeListHeader(v)))) ?? sheets.find((s) => s.values.some((row) => row.some(filled))) ?? sheets[0];
  if (!chosen) return readCodeListRows([], file, null);
  return readCodeListRows(chosen.values, file, chosen.name);
}


/**
 * Codes from pasted text or a .txt/.csv file: any run of digits separated by spaces, new lines,
 * commas, semicolons or tabs. Every code has 4–6 digits; repeats are dropped with a warning.
 */
export function parseCodeList(input: string): { codes: number[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const codes: number[] = [];
  const seen = new Set<number>();
  const tokens = input.split(/[\s,;]+/).filter((t) => t !== "");
  for (const token of tokens) {
    // A header such as «Код» or «Код участника» is not a code and not a problem.
    if (/^код/i.test(token) || /^участник/i.test(token)) continue;
    if (!/^\d{4,6}$/.test(token)) {
      findings.push({ severity: "error", code: "pool.invalid", message: `«${token}» не код участника: код — целое число из 4–6 цифр` });
      continue;
    }
    const code = Number(token);
    if (seen.has(code)) {
      findings.push({ severity: "warning", code: "pool.duplicate", message: `код ${code} встречается в списке второй раз; повтор пропущен` });
      continue;
    }
    seen.add(code);
    codes.push(code);
  }
  if (codes.length === 0 && !hasErrors(findings)) findings.push({ severity: "error", code: "pool.empty", message: "в списке нет ни одного кода" });
  return { codes, findings };
}

/**
 * Plans writing a code list into «Коды». `same` is true when the sheet already holds exactly these
 * codes (nothing to write, not a problem: importing twice is harmless).
 */
export function planImportCodes(snapshot: Snapshot, codes: readonly number[]): { plan: WritePlan; findings: Finding[]; same: boolean } {
  const findings: Finding[] = [];
  const plan: WritePlan = { sheets: [], cellWrites: [] };
  const result = (same = false) => ({ plan, findings, same });
  if (codes.length === 0) {
    findings.push({ sheet: POOL_SHEET, severity: "error", code: "pool.empty", message: "в списке нет ни одного кода" });
    return result();
  }
  const bad = codes.find((c) => !Number.isInteger(c) || c < 1000 || c > 999999);
  if (bad !== undefined) {
    findings.push({ sheet: POOL_SHEET, severity: "error", code: "pool.invalid", message: `«${bad}» не код участника: код — целое число из 4–6 цифр` });
    return result();
  }
  if (new Set(codes).size !== codes.length) {
    findings.push({ sheet: POOL_SHEET, severity: "error", code: "pool.duplicate", message: "в списке есть повторяющиеся коды" });
    return result();
  }
  const sheet = snapshot.sheets[POOL_SHEET];
  if (!sheet) {
    plan.sheets.push({
      name: POOL_SHEET,
      mode: "create",
      values: [[POOL.code], ...codes.map((c) => [c])],
      columnWidths: [10],
      styles: [{ range: "A1", bold: true, fill: HEADER_FILL }],
    });
    return result();
  }
  const rows = sheet.values;
  const headerCol = (rows[0] ?? []).findIndex((h) => headerKey(h) === headerKey(POOL.code));
  const col = headerCol >= 0 ? headerCol : 0;
  const start = headerCol >= 0 ? 1 : 0;
  const present = rows.slice(start).map((r) => text(r[col])).filter((t) => t !== "");
  const filled = present.length;
  if (filled === codes.length && new Set([...present, ...codes.map(String)]).size === codes.length) return result(true);
  if (filled > 0) {
    findings.push({
      sheet: POOL_SHEET,
      cell: cellAddress(start, col),
      severity: "error",
      code: "pool.not-empty",
      message: `на листе «${POOL_SHEET}» уже есть коды (${filled}): новый список не записан. Чтобы заменить список, очистите столбец «${POOL.code}» и загрузите список снова`,
    });
    return result();
  }
  plan.cellWrites = codes.map((value, i) => ({ sheet: POOL_SHEET, address: cellAddress(start + i, col), value }));
  return result();
}

/** Writes the codes into «Коды» when its code column is empty; otherwise refuses (status "blocked"). */
export async function importCodes(backend: WorkbookBackend, codes: readonly number[]): Promise<OperationResult & { imported: number }> {
  // Every sheet, though only «Коды» is needed: the face then draws the new state from this read
  // projected through the plan (projectPlan) instead of reading again.
  const snapshot = await backend.read(null);
  const { plan, findings } = planImportCodes(snapshot, codes);
  if (hasErrors(findings)) return { status: "blocked", findings, created: [], replaced: [], cellsWritten: 0, imported: 0 };
  await applyWritePlan(backend, plan, snapshot.sheetNames);
  return { status: "done", findings, created: plan.sheets.map((s) => s.name), replaced: [], cellsWritten: plan.cellWrites.length, imported: codes.length };
}
