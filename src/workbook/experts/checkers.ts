// Who checked each class's work: the optional column «Проверял» of «План», one or several names
// separated by commas, «;» or line breaks. Only the plan rows the inputs reader accepted are read
// (a row with an unknown class or work already has its error); a cell that holds no name (a
// number, TRUE) is a warning naming its cell.
import { cellAddress, collapseSpaces, type Finding } from "../../core";
import type { Snapshot } from "../backend";
import { PLAN, PLAN_SHEET, cellText, headerKey } from "../contract";
import type { ScheduleRow } from "../inputs";
import { existingName } from "../ownership";

export interface CheckedBy {
  plan: ScheduleRow;
  /** The «Проверял» cell of the plan row (A1). */
  cell: string;
  /** The names written, spaces collapsed, each once. */
  names: string[];
}

export interface Checkers {
  /** 0-based column of «Проверял»; null when «План» has none (nothing to check). */
  column: number | null;
  /** Plan rows whose «Проверял» holds at least one name. */
  rows: CheckedBy[];
  findings: { finding: Finding; plan: ScheduleRow }[];
}

// «Проверял», «Проверяли», «Проверяющий», «Кто проверял», «Эксперт(ы)» — case, spaces and Ё aside.
const isCheckedByHeader = (v: unknown): boolean => {
  const k = headerKey(v);
  return k.startsWith("провер") || k === "кто проверял" || k === "эксперт" || k === "эксперты";
};

/** The names of one cell: «Петрова А.С., Сидоров И.И.; Орлова» → three names. */
export const splitNames = (text: string): string[] => [...new Set(text.split(/[,;\n]+/).map(collapseSpaces).filter(Boolean))];

export function readCheckers(snapshot: Snapshot, schedule: readonly ScheduleRow[]): Checkers {
  const sheet = existingName(snapshot, PLAN_SHEET);
  const values = sheet ? snapshot.sheets[sheet]?.values ?? [] : [];
  const header = values[0] ?? [];
  const exact = header.findIndex((h) => headerKey(h) === headerKey(PLAN.checkedBy));
  const column = exact >= 0 ? exact : header.findIndex(isCheckedByHeader);
  const out: Checkers = { column: column >= 0 ? column : null, rows: [], findings: [] };
  if (column < 0) return out;
  for (const plan of schedule) {
    const raw = values[plan.row]?.[column] ?? null;
    const cell = cellAddress(plan.row, column);
    if (typeof raw === "number" || typeof raw === "boolean") {
      out.findings.push({ plan, finding: { sheet: sheet ?? PLAN_SHEET, cell, severity: "warning", code: "experts.cell", message: `в столбце «${PLAN.checkedBy}» для класса ${plan.className} (${plan.work.id}) стоит «${cellText(raw)}», а не ФИО: впишите, кто проверял работу, — одно или несколько ФИО через запятую` } });
      continue;
    }
    const names = typeof raw === "string" ? splitNames(raw) : [];
    if (names.length > 0) out.rows.push({ plan, cell, names });
  }
  return out;
}
