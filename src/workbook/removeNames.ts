// "Remove names" after results are back: every cell of personal data the add-in knows of is
// cleared — the roster's name columns however the names are split (ФИО, or Фамилия / Имя /
// Отчество), on every row, also rows the roster reader skips (a class «выбыл», «4Б класс», a
// mistyped code) — and the ФИО column of every protocol sheet, recognised by its header whatever
// its name (a class renamed or gone leaves a stale «Протокол 4В»). Codes, protocol numbers, the
// organisers' marks, scores and formatting stay: cells are cleared one by one, no sheet is rebuilt.
//
// Refused while a listed student has a name and no code: the protocol is the only link between a
// name and a code, and after this operation it is gone for ever. Faces ask before anything is
// written (the pane's dialog, the CLI's --yes), showing what `summary` says will be cleared.
import { cellAddress, hasErrors, nameKey, parseClassName, type Finding } from "../core";
import type { CellValue, CellWrite, Snapshot, WorkbookBackend, WritePlan } from "./backend";
import { ROSTER, ROSTER_SHEET, cellText as text, headerKey, isProtocolHeader } from "./contract";
import type { OperationResult } from "./operations";
import { existingName } from "./ownership";
import { applyWritePlan } from "./planCheck";
import { RESULTS_HEADER, SLIP_NAME_LABEL, isParentSlipsTitle, isResultsHeader } from "./analysis/analysisSheets";

/**
 * Sheets the add-in makes that hold names, each recognised by its header row (never by its name, so
 * a renamed or stale one is found too), with the 0-based columns that hold the names. A new sheet
 * with names (e.g. results by name) adds a line here and remove-names clears it.
 */
export const SHEETS_WITH_NAMES: readonly {
  kind: string;
  matches: (header: readonly CellValue[] | undefined) => boolean;
  nameColumns: readonly number[];
  /** Rows whose name columns hold a name (default: every row below the header). */
  nameRow?: (row: readonly CellValue[]) => boolean;
  width: number;
}[] = [
  // width: the add-in's own columns; what someone added to the right is searched for names too.
  { kind: "protocol", matches: isProtocolHeader, nameColumns: [1], width: 5 },
  { kind: "results", matches: isResultsHeader, nameColumns: [0], width: RESULTS_HEADER.length },
  // Slips for parents: the cell right of «ФИО» on each slip's first row.
  { kind: "parentSlips", matches: isParentSlipsTitle, nameColumns: [1], nameRow: (row) => headerKey(row[0]) === headerKey(SLIP_NAME_LABEL), width: 11 },
];

/** Words that make a roster header a name column, after case, Ё, spaces and punctuation are folded. */
const NAME_WORDS = new Set(["фамилия", "имя", "отчество"]);
const NAME_HEADERS = new Set(["ученик", "учащийся", "обучающийся", "участник"]);

/**
 * True for a roster header that names a column of names: «ФИО», «Ф.И.О.», «ФИО ученика», «ФИО
 * родителя», «Фамилия», «Имя», «Отчество», «Фамилия, имя, отчество», «Имя (полностью)», «Ученик» —
 * in any case, with extra spaces, Ё or Е.
 */
export function isNameHeader(header: unknown): boolean {
  const words = headerKey(header)
    .replace(/[.,;:()«»"'/\\_-]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return false;
  if (NAME_WORDS.has(words[0])) return true;
  // «Ф.И.О.», «Ф И О» and «ФИО» alike, whoever's they are («ФИО ученика», «ФИО родителя»).
  if (words.some((_, i) => words.slice(0, i + 1).join("") === "фио")) return true;
  return words.length === 1 && NAME_HEADERS.has(words[0]);
}

export interface RemoveNamesSummary {
  /** Roster name columns by header, as typed, with how many cells each will lose. */
  roster: { header: string; cells: number }[];
  /** Sheets with names other than the roster (protocols), by name, with how many cells. */
  sheets: { name: string; cells: number }[];
  /** Every cell to clear. */
  total: number;
}

export interface RemoveNamesPlan {
  /** Empty when blocked. */
  plan: WritePlan;
  findings: Finding[];
  /** What holds names now, blocked or not. */
  summary: RemoveNamesSummary;
  /** Cells the plan clears: summary.total, or 0 when blocked. */
  cleared: number;
}

const filled = (v: CellValue | undefined): boolean => v !== null && v !== undefined && text(v) !== "";

export function planRemoveNames(snapshot: Snapshot): RemoveNamesPlan {
  const findings: Finding[] = [];
  const summary: RemoveNamesSummary = { roster: [], sheets: [], total: 0 };
  const cellWrites: CellWrite[] = [];
  // Blocked: nothing to write, but the summary still says what holds names (the pane's step, the reminder).
  const done = (): RemoveNamesPlan => {
    const blocked = hasErrors(findings);
    return { plan: { sheets: [], cellWrites: blocked ? [] : cellWrites }, findings, summary, cleared: blocked ? 0 : cellWrites.length };
  };

  const rosterName = existingName(snapshot, ROSTER_SHEET) ?? ROSTER_SHEET;
  const roster = snapshot.sheets[rosterName];
  if (!roster) {
    findings.push({ sheet: ROSTER_SHEET, severity: "error", code: "sheet.missing", message: `нет листа «${ROSTER_SHEET}»: без списка учеников нельзя проверить, что у всех есть коды, поэтому ФИО не удаляются` });
  }
  const rows = roster?.values ?? [];
  const header = rows[0] ?? [];
  const nameColumns = header.map((h, c) => (isNameHeader(h) ? c : -1)).filter((c) => c >= 0);
  const column = (name: string): number | null => {
    const c = header.findIndex((h) => headerKey(h) === headerKey(name));
    return c >= 0 ? c : null;
  };
  const classColumn = column(ROSTER.className);
  const codeColumn = column(ROSTER.code);
  if (roster && nameColumns.length === 0) {
    findings.push({ sheet: rosterName, cell: "A1", severity: "error", code: "header.missing", message: `в первой строке листа нет столбца с ФИО («${ROSTER.name}» или «Фамилия», «Имя», «Отчество»): надстройка не знает, какие ячейки стирать` });
  }
  if (roster && codeColumn === null) {
    findings.push({ sheet: rosterName, cell: "A1", severity: "error", code: "header.missing", message: `в первой строке листа нет столбца «${ROSTER.code}»: пока коды не выданы, ФИО удалять нельзя — связь ФИО и кода будет потеряна навсегда` });
  }

  const perColumn = new Map<number, number>(nameColumns.map((c) => [c, 0]));
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const names = nameColumns.filter((c) => filled(row[c]));
    if (names.length === 0) continue;
    for (const c of names) {
      cellWrites.push({ sheet: rosterName, address: cellAddress(r, c), value: null });
      perColumn.set(c, perColumn.get(c)! + 1);
    }
    // A listed student — a row the roster reader takes: its class reads as a class and its code
    // cell is empty or a code — must have a code. Rows the reader skips (class «выбыл», «4Б класс»,
    // a mistyped code) are cleared but do not hold the operation back: they have no code to keep.
    const cls = classColumn === null ? null : parseClassName(row[classColumn]);
    if (codeColumn === null || (cls && !cls.ok)) continue;
    // A code, or a mistyped one the reader skips: either way nothing more to check.
    if (filled(row[codeColumn])) continue;
    const who = names.map((c) => text(row[c])).join(" ");
    findings.push({
      sheet: rosterName,
      cell: cellAddress(r, codeColumn),
      severity: "error",
      code: "names.code-missing",
      message: `у ученика «${who}»${cls ? ` (${cls.value})` : ""} нет кода: сначала выдайте коды (шаг «Коды участников» или vpr codes), потом удаляйте ФИО — иначе связь ФИО и кода будет потеряна навсегда`,
    });
  }
  summary.roster = nameColumns.map((c) => ({ header: text(header[c]), cells: perColumn.get(c)! })).filter((c) => c.cells > 0);
  // Every roster name as typed, whole and split columns joined, for the cells added elsewhere.
  const rosterNames = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const parts = nameColumns.map((c) => rows[r][c]).filter(filled).map((v) => text(v));
    parts.forEach((p) => p.includes(" ") && rosterNames.add(nameKey(p)));
    if (parts.length > 1) rosterNames.add(nameKey(parts.join(" ")));
  }

  for (const name of snapshot.sheetNames) {
    if (name === rosterName) continue;
    const values = snapshot.sheets[name]?.values;
    const kind = values && SHEETS_WITH_NAMES.find((k) => k.matches(values[0]));
    if (!values || !kind) continue;
    // Columns someone added to the sheet count too: one headed like a name column is cleared
    // whole, and anywhere else a cell that reads as a roster name is cleared.
    const added = (values[0] ?? []).map((h, c) => (c >= kind.width && isNameHeader(h) ? c : -1)).filter((c) => c >= 0);
    const columns = [...kind.nameColumns, ...added];
    let cells = 0;
    for (let r = 1; r < values.length; r++) {
      for (let c = 0; c < values[r].length; c++) {
        const v = values[r][c];
        if (!filled(v)) continue;
        const isName = (columns.includes(c) && (!kind.nameRow || kind.nameRow(values[r]))) || (c >= kind.width && typeof v === "string" && rosterNames.has(nameKey(v)));
        if (!isName) continue;
        cellWrites.push({ sheet: name, address: cellAddress(r, c), value: null });
        cells++;
      }
    }
    if (cells > 0) summary.sheets.push({ name, cells });
  }
  summary.total = cellWrites.length;
  return done();
}

export interface RemoveNamesOptions {
  /**
   * Asked with what would be cleared, before anything is written; false cancels and nothing is
   * written. Absent: go ahead (tests and the CLI after --yes); the pane always asks.
   */
  confirm?: (summary: RemoveNamesSummary) => Promise<boolean> | boolean;
}

/** One read, the plan, the question, one checked apply. Nothing to clear: "done" with no write and no question. */
export async function removeNames(backend: WorkbookBackend, options: RemoveNamesOptions = {}): Promise<OperationResult & { summary: RemoveNamesSummary }> {
  const snapshot = await backend.read(null);
  const { plan, findings, summary, cleared } = planRemoveNames(snapshot);
  const base = { findings, created: [], replaced: [], summary };
  if (hasErrors(findings)) return { ...base, status: "blocked", cellsWritten: 0 };
  if (cleared === 0) return { ...base, status: "done", cellsWritten: 0 };
  if (options.confirm && !(await options.confirm(summary))) return { ...base, status: "cancelled", cellsWritten: 0 };
  await applyWritePlan(backend, plan, snapshot.sheetNames);
  return { ...base, status: "done", cellsWritten: cleared };
}
