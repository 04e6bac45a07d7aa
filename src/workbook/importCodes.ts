// Import of the code list downloaded from FIS OKO into «Коды» (column A, under the header «Код»).
// The list is written only into an empty code column: codes already there are never replaced or
// mixed with a new list. One read of «Коды», one apply.
import { cellAddress, hasErrors, type Finding } from "../core";
import type { Snapshot, WorkbookBackend, WritePlan } from "./backend";
import { HEADER_FILL, POOL, POOL_SHEET, cellText as text, headerKey } from "./contract";
import type { OperationResult } from "./operations";
import { applyWritePlan } from "./planCheck";


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
