// Codes: every student without a code gets one (written into «Ученики»!Код only), then the
// printable slips and one paper protocol per class are written again. Existing codes never change,
// and neither does anything printed: protocol numbers are read back from the protocols and slips
// (./protocolNumbers.ts), typed marks and notes on a protocol stay.
import { assignCodes, cellAddress, columnLetter, safeSheetName, type Finding, type Random } from "../core";
import type { CellValue, CellWrite, SheetMerge, SheetPlan, Snapshot, WritePlan } from "./backend";
import { OWNED_TAB, HEADER_FILL, PROTOCOL_HEADER, PROTOCOL_PREFIX, ROSTER_SHEET, SLIPS_SHEET, isProtocolHeader } from "./contract";
import type { OwnedSheetKind } from "./ownedSheet";
import { clearedCodeFinding, findClearedCodes, unknownCodes } from "./check";
import { compareClassNames, readInputs, readPool, readRoster, type Student } from "./inputs";
import { mergeDiff } from "./mergeDiff";
import { placeSheet } from "./ownership";
import { findScoreSheets, planTargets } from "./scoreSheetLocator";
import { emptyPrinted, numberProtocol, protocolCells, readPrintedProtocol, readPrintedSlips, type PrintedProtocol, type ProtocolLine } from "./protocolNumbers";

export interface CodesPlan {
  plan: WritePlan;
  findings: Finding[];
  /** How many students got a new code. */
  assigned: number;
  /** Students with a code after the plan is applied, with their codes (for the protocols). */
  students: Student[];
}

/** Erased codes, looking only at the score sheets of classes where a student has no code. */
function clearedCodesOf(snapshot: Snapshot, students: readonly Student[]) {
  const open = new Set(students.filter((s) => s.code === null).map((s) => s.className));
  if (open.size === 0) return [];
  const inputs = readInputs(snapshot);
  const targets = planTargets(inputs.schedule.filter((r) => open.has(r.className)));
  return findClearedCodes(snapshot, inputs, unknownCodes(snapshot, inputs, findScoreSheets(snapshot, inputs, targets, { unplanned: false })));
}

export const protocolSheetName = (className: string): string => safeSheetName(`${PROTOCOL_PREFIX}${className}`);

/** «Коды для выдачи»: ours by name (it holds codes only, regenerated from the protocols). */
export const SLIPS_SHEET_KIND: OwnedSheetKind = {
  kind: "slips",
  title: "листки с кодами",
  named: (name) => name === SLIPS_SHEET,
  signed: () => true,
  holdsTypedData: false,
  step: "codes",
};

/** «Протокол <класс>»: ours by header; it holds the organiser's marks, so nothing typed is lost on a re-run. */
export const PROTOCOL_SHEET_KIND: OwnedSheetKind = {
  kind: "protocol",
  title: "протокол",
  named: (name) => name.startsWith(PROTOCOL_PREFIX.trim()),
  signed: (sheet) => isProtocolHeader(sheet.values[0]),
  holdsTypedData: true,
  step: "codes",
};

const SLIP_COLUMNS = 3;

export function planCodes(snapshot: Snapshot, random: Random): CodesPlan {
  const findings: Finding[] = [];
  const roster = readRoster(snapshot, findings);
  const pool = readPool(snapshot, findings);
  const empty: CodesPlan = { plan: { sheets: [], cellWrites: [] }, findings, assigned: 0, students: roster.students };
  if (roster.codeColumn === null || findings.some((f) => f.severity === "error")) return empty;
  if (roster.students.length === 0) {
    findings.push({ sheet: ROSTER_SHEET, cell: "A2", severity: "error", code: "roster.empty", message: "в списке учеников никого нет: заполните лист, начиная со второй строки" });
    return empty;
  }
  // A code erased from the roster while score sheets carry it goes back, never a new one over it.
  // Only the score sheets of classes with a student without a code can hold such a code.
  const cleared = clearedCodesOf(snapshot, roster.students);
  if (cleared.length > 0) {
    findings.push(...cleared.map(clearedCodeFinding));
    return empty;
  }
  const { assigned, unassigned } = assignCodes(
    roster.students.map((s) => ({ key: String(s.row), grade: s.grade, code: s.code })),
    random,
    pool.length > 0 ? pool : undefined,
  );
  for (const key of unassigned) {
    findings.push({
      sheet: ROSTER_SHEET,
      cell: cellAddress(Number(key), roster.codeColumn),
      severity: "error",
      code: "codes.pool-exhausted",
      message: pool.length > 0 ? `кодов на листе «Коды» не хватило (${pool.length}): добавьте коды из ФИС ОКО` : "свободные коды для этого класса закончились (1500 кодов на параллель)",
    });
  }
  if (unassigned.length > 0) return empty;
  const cellWrites: CellWrite[] = [];
  const students = roster.students.map((s) => {
    const code = assigned.get(String(s.row));
    if (code === undefined) return s;
    cellWrites.push({ sheet: ROSTER_SHEET, address: cellAddress(s.row, roster.codeColumn!), value: code });
    return { ...s, code };
  });
  // Protocols first: their numbers are what the slips print.
  const slipNumbers = readPrintedSlips(snapshot);
  const fresh = new Set(assigned.values());
  const protocols: SheetPlan[] = [];
  const merges: SheetMerge[] = [];
  const numbered: ProtocolLine[] = [];
  for (const cls of roster.classes) {
    const name = protocolSheetName(cls);
    const printed = readPrintedProtocol(snapshot, name);
    const inClass = students.filter((s) => s.className === cls);
    const numbers = numberProtocol({ className: cls, sheet: printed.sheet ?? name, students: inClass, printed, slips: slipNumbers.get(cls), roster: students, fresh });
    findings.push(...numbers.findings);
    numbered.push(...numbers.lines.filter((l) => l.student !== null));
    const sheet = placeSheet(snapshot, protocolSheet(name, cls, numbers.lines, printed, { keepLeftNames: true, keepNotes: true }), "protocol", findings);
    if (!sheet) continue;
    // A protocol there holds the organiser's marks and formats: merged into, never regenerated.
    if (sheet.mode === "replace") merges.push(mergeDiff(sheet.name, snapshot.sheets[sheet.name] ?? { values: [] }, sheet));
    else protocols.push(sheet);
  }
  const sheets: SheetPlan[] = [];
  const slips = placeSheet(snapshot, buildSlips(numbered.map((l) => ({ className: l.student!.className, number: l.number, code: l.code }))), "slips", findings);
  if (slips) sheets.push(slips);
  sheets.push(...protocols);
  return { plan: { sheets, merges, cellWrites }, findings, assigned: assigned.size, students };
}

/**
 * The protocol sheet `name` as it is in the workbook: its lines with their numbers and what the
 * organiser typed («Присутствовал», «Подпись», added columns, notes). Pass it to `buildProtocol`.
 */
export const previousProtocolMarks = (snapshot: Snapshot, name: string): PrintedProtocol => readPrintedProtocol(snapshot, name);

export interface ProtocolOptions {
  /** Keep the ФИО printed on the line of a student who left the class (codes: yes; remove-names: no). Default false. */
  keepLeftNames?: boolean;
  /** Keep columns added after «Подпись» and rows without a code (notes under the table). Default false. */
  keepNotes?: boolean;
}

/**
 * A class's protocol: every line already printed keeps its number (see ./protocolNumbers.ts),
 * with what the organiser typed in «Присутствовал» / «Подпись»; new students take the next numbers.
 * Names come from `students` (the roster).
 */
export function buildProtocol(name: string, className: string, students: Student[], previous: PrintedProtocol = emptyPrinted(), options: ProtocolOptions = {}): Omit<SheetPlan, "mode"> {
  const { lines } = numberProtocol({ className, sheet: name, students, printed: previous });
  return protocolSheet(name, className, lines, previous, options);
}

function protocolSheet(name: string, className: string, lines: readonly ProtocolLine[], printed: PrintedProtocol, options: ProtocolOptions): Omit<SheetPlan, "mode"> {
  const extra = options.keepNotes ? printed.extraHeader.length : 0;
  const width = PROTOCOL_HEADER.length + extra;
  const pad = (row: CellValue[]) => (row.length < width ? [...row, ...Array<CellValue>(width - row.length).fill(null)] : row.slice(0, width));
  const rows: CellValue[][] = [pad([...PROTOCOL_HEADER, ...(options.keepNotes ? printed.extraHeader : [])])];
  for (const line of lines) {
    const typed = options.keepNotes ? (line.printed?.cells ?? []).slice(PROTOCOL_HEADER.length, width) : [];
    rows.push(pad([...protocolCells(line, options.keepLeftNames === true), ...typed]));
  }
  const last = rows.length;
  // Notes stay on their row when the table does not reach it; otherwise they move down just enough.
  if (options.keepNotes) {
    for (const note of printed.notes) {
      while (rows.length < note.row) rows.push(pad([]));
      rows.push(pad(note.cells.slice()));
    }
  }
  const lastColumn = columnLetter(width - 1);
  return {
    name,
    values: rows,
    columnWidths: [5, 40, 10, 15, 20],
    freezeRows: 1,
    styles: [
      { range: "A1:E1", bold: true, fill: HEADER_FILL, horizontal: "center" },
      { range: `A1:E${last}`, border: "thin" },
      { range: `A2:E${last}`, rowHeight: 22, vertical: "middle" },
    ],
    validations: lines.length > 0 ? [{ range: `D2:D${last}`, list: ["да", "нет"], errorMessage: "«да» или «нет»" }] : [],
    // A4 (the file writer's paper), every column on the page's width, the header row on every page.
    print: { area: `A1:${lastColumn}${rows.length}`, repeatRows: "1:1", fitToWidth: true, header: `Конфиденциально. Протокол соответствия кодов и ФИО участников ВПР, класс ${className}` },
    tabColor: OWNED_TAB,
  };
}

/** One slip: the class, the protocol number and the code. */
export interface Slip {
  className: string;
  number: number;
  code: number | null;
}

/**
 * Slips to cut and hand out: class, protocol number and code — never a name, because slips travel
 * with the works. The organiser finds the student by the protocol number. Per class in number
 * order (a late student's slip comes last, the others stay where they were), a page break after
 * each class, three slips across the page's width.
 */
export function buildSlips(slips: readonly Slip[]): Omit<SheetPlan, "mode"> {
  const byClass = new Map<string, Slip[]>();
  for (const s of slips) {
    if (s.code === null) continue;
    const list = byClass.get(s.className);
    if (list) list.push(s);
    else byClass.set(s.className, [s]);
  }
  const rows: CellValue[][] = [];
  const breaks: number[] = [];
  // Slip rows of a class are contiguous: one style per class block keeps the request small.
  const slipBlocks: [number, number][] = [];
  const titleRows: number[] = [];
  for (const cls of [...byClass.keys()].sort(compareClassNames)) {
    const list = byClass.get(cls)!.sort((a, b) => a.number - b.number);
    titleRows.push(rows.length);
    rows.push([`Коды участников ВПР — класс ${cls} (разрежьте по линиям)`, null, null]);
    slipBlocks.push([rows.length, rows.length + Math.ceil(list.length / SLIP_COLUMNS) - 1]);
    for (let i = 0; i < list.length; i += SLIP_COLUMNS) {
      rows.push(
        Array.from({ length: SLIP_COLUMNS }, (_, k) => {
          const s = list[i + k];
          return s ? slipText(s) : null;
        }),
      );
    }
    breaks.push(rows.length); // 1-based row number of the class's last row
  }
  breaks.pop();
  if (rows.length === 0) rows.push(["Кодов ещё нет", null, null]);
  return {
    name: SLIPS_SHEET,
    values: rows,
    columnWidths: [30, 30, 30],
    styles: [
      ...slipBlocks.map(([a, b]) => ({ range: `A${a + 1}:C${b + 1}`, border: "dashed" as const, wrap: true, fontSize: 14, horizontal: "center" as const, vertical: "middle" as const, rowHeight: 60 })),
      ...titleRows.map((r) => ({ range: `A${r + 1}`, bold: true })),
    ],
    // A4, the three columns on the page's width, a class per page.
    print: { area: `A1:C${rows.length}`, pageBreaksAfterRows: breaks, fitToWidth: true },
    tabColor: OWNED_TAB,
  };
}

/** The text of a slip; `readPrintedSlips` (./protocolNumbers.ts) reads it back. */
export const slipText = (s: Slip): string => `${s.className}, № ${s.number} по протоколу\nКод участника: ${s.code}`;
