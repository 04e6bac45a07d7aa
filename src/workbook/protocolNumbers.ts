// Protocol numbers: what was printed stays true. A student's number («№ 3 по протоколу») is read
// back from what the add-in printed — the class's protocol sheet first, the slips second — and
// never changes; students without a number (late ones) take the next numbers of their class in
// the order they got their code. The roster's row order plays no part once a number is given, so
// a sorted roster or a student inserted in the middle of a class renumbers nobody. A student who
// left the class keeps their line. Pure: a snapshot in, lines out.
import { cellAddress, nameKey, readCode, type Finding } from "../core";
import type { CellValue, Snapshot } from "./backend";
import { PROTOCOL_HEADER, ROSTER_SHEET, SLIPS_SHEET, cellText, isProtocolHeader } from "./contract";
import type { Student } from "./inputs";
import { existingName } from "./ownership";

/** Columns of the contract's protocol: № | ФИО | Код | Присутствовал | Подпись. */
const NUMBER = 0;
const NAME = 1;
const CODE = 2;
const PRESENT = 3;
const SIGNATURE = 4;
const WIDTH = PROTOCOL_HEADER.length;

/** One line of a protocol sheet as it is in the workbook. */
export interface PrintedLine {
  /** 0-based sheet row. */
  row: number;
  code: number;
  /** The number in «№», or null when the cell holds no whole number ≥ 1. */
  number: number | null;
  /** The whole row as it is, padded to the sheet's width. */
  cells: CellValue[];
}

/**
 * A protocol sheet as the add-in printed it and the organiser filled it in. Empty (no lines)
 * when the sheet is absent or is not the add-in's.
 */
export interface PrintedProtocol {
  /** The sheet's name in the workbook, when it exists and is a protocol. */
  sheet: string | null;
  /** Lines with a code, in sheet order; a code written twice: its first line. */
  lines: PrintedLine[];
  /** Header cells after «Подпись» (columns the organiser added), as typed. */
  extraHeader: CellValue[];
  /** Rows that hold something but no code (a note under the table, a line written by hand), as typed, with their 0-based sheet row. */
  notes: { row: number; cells: CellValue[] }[];
}

export const emptyPrinted = (): PrintedProtocol => ({ sheet: null, lines: [], extraHeader: [], notes: [] });

const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || cellText(v) === "";

/** A whole number ≥ 1 typed as a number or as digits; else null. */
function readNumber(v: CellValue | undefined): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1 ? v : null;
  if (typeof v === "string" && /^\s*\d{1,6}\s*$/.test(v)) {
    const n = Number(v.trim());
    return n >= 1 ? n : null;
  }
  return null;
}

/** The protocol sheet `name` as it is in the workbook (the sheet is looked up ignoring case). */
export function readPrintedProtocol(snapshot: Snapshot, name: string): PrintedProtocol {
  const existing = existingName(snapshot, name);
  const rows = existing ? snapshot.sheets[existing]?.values ?? [] : [];
  const out = emptyPrinted();
  if (!existing || !isProtocolHeader(rows[0])) return out;
  out.sheet = existing;
  const width = rows.reduce<number>((w, row) => Math.max(w, lastFilled(row)), WIDTH);
  const pad = (row: readonly CellValue[]) => Array.from({ length: width }, (_, c) => row[c] ?? null);
  out.extraHeader = pad(rows[0]).slice(WIDTH);
  const seen = new Set<number>();
  for (let r = 1; r < rows.length; r++) {
    const cells = pad(rows[r]);
    if (cells.every(isBlank)) continue;
    const code = readCode(cells[CODE]);
    if (code === null || seen.has(code)) {
      out.notes.push({ row: r, cells });
      continue;
    }
    seen.add(code);
    out.lines.push({ row: r, code, number: readNumber(cells[NUMBER]), cells });
  }
  return out;
}

function lastFilled(row: readonly CellValue[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlank(row[c])) return c + 1;
  return 0;
}

/** What the slips say: class → code → protocol number, from «Коды для выдачи» («4А, № 3 по протоколу / Код участника: 41004»). */
export function readPrintedSlips(snapshot: Snapshot): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  const existing = existingName(snapshot, SLIPS_SHEET);
  for (const row of (existing ? snapshot.sheets[existing]?.values : undefined) ?? []) {
    for (const v of row) {
      const m = typeof v === "string" ? /^\s*(.+?),\s*№\s*(\d+)\s+по протоколу\s+Код участника:\s*(\d+)\s*$/.exec(v) : null;
      if (!m) continue;
      const cls = cellText(m[1]);
      const byCode = out.get(cls) ?? new Map<number, number>();
      out.set(cls, byCode);
      if (!byCode.has(Number(m[3]))) byCode.set(Number(m[3]), Number(m[2]));
    }
  }
  return out;
}

/** One line of the protocol to write. */
export interface ProtocolLine {
  number: number;
  code: number | null;
  /** The student on «Ученики» in this class, or null when the line's code left the class. */
  student: Student | null;
  /** The line as it was (null for a new line). */
  printed: PrintedLine | null;
}

export interface NumberedProtocol {
  /** Sorted by number. */
  lines: ProtocolLine[];
  findings: Finding[];
}

export interface NumberingInput {
  className: string;
  /** The protocol sheet's name (for findings). */
  sheet: string;
  /** Students of this class on «Ученики», in roster order. */
  students: readonly Student[];
  printed: PrintedProtocol;
  /** What the slips say for this class: code → number. */
  slips?: ReadonlyMap<number, number>;
  /** Every student of the roster, to say where a student who left the class went. */
  roster?: readonly Student[];
  /** Codes given in this run: they come after the codes the roster already had. */
  fresh?: ReadonlySet<number>;
}

/**
 * Numbers of one class. Every number already given stays with its code: the protocol's «№» first,
 * then the slips. The others take the numbers after the highest one ever printed for the class
 * (protocol, slips or a line written by hand), in the order they got their code: lines of the
 * protocol that lost their number, then students who had a code before this run, then those who
 * get one now (roster order within each: codes are given in roster order), then students still
 * without a code. A line whose code left the class stays, with a warning; nobody is renumbered.
 */
export function numberProtocol({ className, sheet, students, printed, slips = new Map(), roster = students, fresh = new Set() }: NumberingInput): NumberedProtocol {
  const findings: Finding[] = [];
  const numberOf = new Map<number, number>();
  const holder = new Map<number, number>(); // number → code
  let highest = 0;
  for (const n of slips.values()) highest = Math.max(highest, n);
  for (const l of printed.lines) highest = Math.max(highest, l.number ?? 0);
  for (const r of printed.notes) highest = Math.max(highest, readNumber(r.cells[NUMBER]) ?? 0);

  const twice: { line: PrintedLine; first: number }[] = [];
  for (const line of printed.lines) {
    if (line.number === null) continue;
    const first = holder.get(line.number);
    if (first !== undefined) {
      twice.push({ line, first });
      continue;
    }
    numberOf.set(line.code, line.number);
    holder.set(line.number, line.code);
  }
  const fromSlip = new Set<number>();
  for (const [code, n] of slips) {
    if (numberOf.has(code) || holder.has(n)) continue;
    numberOf.set(code, n);
    holder.set(n, code);
    fromSlip.add(code);
  }
  const next = (code: number | null): number => {
    highest += 1;
    if (code !== null) numberOf.set(code, highest);
    return highest;
  };
  const printedCodes = new Set(printed.lines.map((l) => l.code));
  for (const l of printed.lines) if (!numberOf.has(l.code)) next(l.code);
  for (const s of students) if (s.code !== null && !fresh.has(s.code) && !numberOf.has(s.code)) next(s.code);
  for (const s of students) if (s.code !== null && !numberOf.has(s.code)) next(s.code);

  const byCode = new Map<number, Student>();
  for (const s of students) if (s.code !== null) byCode.set(s.code, s);
  const lines: ProtocolLine[] = printed.lines.map((l) => ({ number: numberOf.get(l.code)!, code: l.code, student: byCode.get(l.code) ?? null, printed: l }));
  for (const s of students) {
    if (s.code !== null && printedCodes.has(s.code)) continue;
    lines.push({ number: s.code === null ? next(null) : numberOf.get(s.code)!, code: s.code, student: s, printed: null });
  }
  lines.sort((a, b) => a.number - b.number);

  // Findings name the cell where the line will be: row i + 2 of the new sheet.
  const rowOf = new Map<number, number>();
  lines.forEach((l, i) => {
    if (l.code !== null) rowOf.set(l.code, i + 1);
  });
  for (const { line, first } of twice) {
    const now = numberOf.get(line.code)!;
    findings.push({
      sheet,
      cell: cellAddress(rowOf.get(line.code)!, NUMBER),
      severity: "warning",
      code: "protocol.number-twice",
      message: `номер ${line.number} стоял и у кода ${first}, и у кода ${line.code}: он остался у кода ${first}, код ${line.code} получил № ${now}${fromSlip.has(line.code) ? " — как на его листке" : " — проверьте, какой номер на его листке"}`,
    });
  }
  const rosterByCode = new Map<number, Student>();
  for (const s of roster) if (s.code !== null) rosterByCode.set(s.code, s);
  lines.forEach((line, i) => {
    if (!line.student && line.code !== null) {
      const elsewhere = rosterByCode.get(line.code);
      findings.push({
        sheet,
        cell: cellAddress(i + 1, CODE),
        severity: "warning",
        code: "protocol.student-left",
        message:
          elsewhere && elsewhere.className !== className
            ? `код ${line.code} (№ ${line.number}) теперь у ученика класса ${elsewhere.className} (лист «${ROSTER_SHEET}», строка ${elsewhere.row + 1}): его строка осталась в этом протоколе с прежним номером, в протоколе ${elsewhere.className} у него свой номер`
            : `ученика с кодом ${line.code} (№ ${line.number}) больше нет в классе ${className} на листе «${ROSTER_SHEET}»: его строка осталась в протоколе с прежним номером, номера других учеников не изменились`,
      });
    }
    const was = line.printed ? cellText(line.printed.cells[NAME]) : "";
    if (line.student && was !== "" && line.student.name !== "" && nameKey(was) !== nameKey(line.student.name)) {
      findings.push({
        sheet,
        cell: cellAddress(i + 1, NAME),
        severity: "warning",
        code: "protocol.name-changed",
        message: `в протоколе у кода ${line.code} было ФИО «${was}», на листе «${ROSTER_SHEET}» (строка ${line.student.row + 1}) — «${line.student.name}»: в протокол записано ФИО из списка учеников`,
      });
    }
  });
  return { lines, findings };
}

/** The cells of the contract's columns of a protocol line: №, ФИО, Код, Присутствовал, Подпись. */
export function protocolCells(line: ProtocolLine, keepLeftName: boolean): CellValue[] {
  const was = line.printed?.cells ?? [];
  const name = line.student ? line.student.name : keepLeftName ? was[NAME] ?? null : null;
  return [line.number, name, line.code, was[PRESENT] ?? null, was[SIGNATURE] ?? null];
}
