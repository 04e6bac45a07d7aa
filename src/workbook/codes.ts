// Codes: every student without a code gets one (written into «Ученики»!Код only), then the
// printable slips and one paper protocol per class are regenerated. Existing codes never change.
import { assignCodes, cellAddress, safeSheetName, type Finding, type Random } from "../core";
import type { CellValue, CellWrite, SheetPlan, Snapshot, WritePlan } from "./backend";
import { OWNED_TAB, HEADER_FILL, PROTOCOL_HEADER, PROTOCOL_PREFIX, ROSTER_SHEET, SLIPS_SHEET, isProtocolHeader } from "./contract";
import { compareClassNames, readPool, readRoster, type Student } from "./inputs";
import { existingName, placeSheet } from "./ownership";

export interface CodesPlan {
  plan: WritePlan;
  findings: Finding[];
  /** How many students got a new code. */
  assigned: number;
  /** Students with a code after the plan is applied, with their codes (for the protocols). */
  students: Student[];
}

export const protocolSheetName = (className: string): string => safeSheetName(`${PROTOCOL_PREFIX}${className}`);

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
  const sheets: SheetPlan[] = [];
  const slips = placeSheet(snapshot, buildSlips(students), "slips", findings);
  if (slips) sheets.push(slips);
  for (const cls of roster.classes) {
    const name = protocolSheetName(cls);
    const previous = previousProtocolMarks(snapshot, name);
    const sheet = placeSheet(snapshot, buildProtocol(name, cls, students.filter((s) => s.className === cls), previous), "protocol", findings);
    if (sheet) sheets.push(sheet);
  }
  return { plan: { sheets, cellWrites }, findings, assigned: assigned.size, students };
}

/** What the organiser already typed in «Присутствовал» / «Подпись», by code, so a re-run keeps it. */
export function previousProtocolMarks(snapshot: Snapshot, name: string): Map<number, [CellValue, CellValue]> {
  const out = new Map<number, [CellValue, CellValue]>();
  const existing = existingName(snapshot, name);
  const rows = existing ? snapshot.sheets[existing]?.values ?? [] : [];
  if (!isProtocolHeader(rows[0])) return out;
  for (const row of rows.slice(1)) {
    if (typeof row[2] === "number" && (row[3] !== null || row[4] !== null)) out.set(row[2], [row[3] ?? null, row[4] ?? null]);
  }
  return out;
}

export function buildProtocol(name: string, className: string, students: Student[], previous: Map<number, [CellValue, CellValue]> = new Map()): Omit<SheetPlan, "mode"> {
  const rows: CellValue[][] = [[...PROTOCOL_HEADER]];
  students.forEach((s, i) => {
    const [present, signature] = (s.code !== null && previous.get(s.code)) || [null, null];
    rows.push([i + 1, s.name, s.code, present, signature]);
  });
  const last = rows.length;
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
    validations: students.length > 0 ? [{ range: `D2:D${last}`, list: ["да", "нет"], errorMessage: "«да» или «нет»" }] : [],
    print: { area: `A1:E${last}`, repeatRows: "1:1", header: `Конфиденциально. Протокол соответствия кодов и ФИО участников ВПР, класс ${className}` },
    tabColor: OWNED_TAB,
  };
}

/**
 * Slips to cut and hand out: class, protocol number and code — never a name, because slips travel
 * with the works. The organiser finds the student by the protocol number.
 */
export function buildSlips(students: Student[]): Omit<SheetPlan, "mode"> {
  const byClass = new Map<string, Student[]>();
  const protocolNumber = new Map<Student, number>();
  const perClass = new Map<string, number>();
  for (const s of students) {
    // Same numbering as buildProtocol: roster order within the class.
    const n = (perClass.get(s.className) ?? 0) + 1;
    perClass.set(s.className, n);
    protocolNumber.set(s, n);
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
    const list = byClass.get(cls)!;
    titleRows.push(rows.length);
    rows.push([`Коды участников ВПР — класс ${cls} (разрежьте по линиям)`, null, null]);
    slipBlocks.push([rows.length, rows.length + Math.ceil(list.length / SLIP_COLUMNS) - 1]);
    for (let i = 0; i < list.length; i += SLIP_COLUMNS) {
      rows.push(
        Array.from({ length: SLIP_COLUMNS }, (_, k) => {
          const s = list[i + k];
          if (!s) return null;
          return `${cls}, № ${protocolNumber.get(s)} по протоколу\nКод участника: ${s.code}`;
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
    print: { area: `A1:C${rows.length}`, pageBreaksAfterRows: breaks },
    tabColor: OWNED_TAB,
  };
}
