// "Remove names" after results are back: ФИО cleared in the roster and in the protocols, codes kept.
import { cellAddress, type Finding } from "../core";
import type { CellWrite, SheetPlan, Snapshot, WritePlan } from "./backend";
import { ROSTER_SHEET } from "./contract";
import { buildProtocol, previousProtocolMarks, protocolSheetName } from "./codes";
import { readRoster } from "./inputs";
import { existingName, looksOwned } from "./ownership";

export function planRemoveNames(snapshot: Snapshot): { plan: WritePlan; findings: Finding[]; cleared: number } {
  const findings: Finding[] = [];
  const roster = readRoster(snapshot, findings);
  const blocking = findings.filter((f) => f.code === "sheet.missing" || f.code === "header.missing");
  if (blocking.length > 0 || roster.nameColumn === null) return { plan: { sheets: [], cellWrites: [] }, findings: blocking, cleared: 0 };
  const cellWrites: CellWrite[] = roster.students.filter((s) => s.name !== "").map((s) => ({ sheet: ROSTER_SHEET, address: cellAddress(s.row, roster.nameColumn!), value: null }));
  const sheets: SheetPlan[] = [];
  for (const cls of roster.classes) {
    const name = existingName(snapshot, protocolSheetName(cls));
    if (!name || !looksOwned(snapshot, name, "protocol")) continue;
    const previous = previousProtocolMarks(snapshot, name);
    const students = roster.students.filter((s) => s.className === cls).map((s) => ({ ...s, name: "" }));
    sheets.push({ ...buildProtocol(name, cls, students, previous), mode: "replace" });
  }
  return { plan: { sheets, cellWrites }, findings: [], cleared: cellWrites.length };
}
