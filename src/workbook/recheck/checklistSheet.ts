// «Перепроверка»: the coordinator's checklist of the school's works on a re-check list — class,
// subject, work, code, variant, the scan's file name — with two columns the coordinator ticks
// («Скан готов», «Отправлено»). No names: the list is by code.
//
// A re-run merges (WritePlan.merges), never regenerates, by one rule: rows are matched by work and
// code; a matched row keeps its place and only our columns A–F are refreshed; the ticks and every
// column right of them are never written; works new on the list are appended below; a row whose
// work left the list stays as it is and a warning names it (the coordinator deletes it if wanted).
import { cellAddress, sameSheetName, type Finding } from "../../core";
import type { CellValue, SheetPlan, SheetSnapshot, Snapshot, WritePlan } from "../backend";
import { HEADER_FILL, OWNED_TAB, cellText, headerKey } from "../contract";
import { mergeDiff } from "../mergeDiff";
import type { OwnedSheetKind } from "../ownedSheet";
import { existingName, looksOwned } from "../ownership";
import type { ListedWork } from "./schoolWorks";

export const CHECKLIST_SHEET = "Перепроверка";
export const CHECKLIST_HEADER = ["Класс", "Предмет", "Работа", "Код", "Вариант", "Файл скана", "Скан готов", "Отправлено"] as const;
/** Columns we write (A–F); the ticks (G, H) are the coordinator's. */
const OURS = 6;
const COL = { work: 2, code: 3 } as const;

const isChecklistHeader = (row: readonly CellValue[] | undefined): boolean => CHECKLIST_HEADER.every((h, i) => headerKey(row?.[i]) === headerKey(h));

/** Ours by name and header; the coordinator types ticks into it, so it is merged into, never replaced. */
export const CHECKLIST_SHEET_KIND: OwnedSheetKind = {
  kind: "recheck",
  title: "чек-лист перепроверки",
  named: (name) => sameSheetName(name, CHECKLIST_SHEET),
  signed: (sheet: SheetSnapshot) => isChecklistHeader(sheet.values[0]),
  holdsTypedData: true,
  step: "recheck",
};

const rowKey = (work: unknown, code: unknown): string => `${cellText(work).toLowerCase()}|${cellText(code)}`;

const ourCells = (w: ListedWork): CellValue[] => [w.entry.class, w.entry.subject, w.entry.workId, w.entry.code, w.entry.variant, w.scanName];

export interface ChecklistPlan {
  plan: WritePlan;
  findings: Finding[];
  /** Rows written or refreshed (the school's works that need a scan). */
  rows: number;
}

/** Works with a paper to scan: a student who did not write has none. */
const toScan = (works: readonly ListedWork[]): ListedWork[] => works.filter((w) => w.status !== "absent");

export function planChecklist(snapshot: Snapshot, works: readonly ListedWork[]): ChecklistPlan {
  const findings: Finding[] = [];
  const listed = toScan(works);
  const existing = existingName(snapshot, CHECKLIST_SHEET);
  if (existing === undefined) {
    const values: CellValue[][] = [[...CHECKLIST_HEADER], ...listed.map((w) => [...ourCells(w), null, null])];
    const sheet = { ...sheetLooks(values.length), values };
    return { plan: { sheets: [{ ...sheet, mode: "create" }], cellWrites: [], activate: CHECKLIST_SHEET }, findings, rows: listed.length };
  }
  if (!looksOwned(snapshot, existing, "recheck")) {
    findings.push({ sheet: existing, cell: "A1", severity: "error", code: "sheet.not-owned", message: `лист «${existing}» уже есть, но создан не надстройкой (в первой строке нет заголовков ${CHECKLIST_HEADER.map((h) => `«${h}»`).join(", ")}); надстройка его не трогает — переименуйте его, чтобы она могла создать свой чек-лист` });
    return { plan: { sheets: [], cellWrites: [] }, findings, rows: 0 };
  }
  const old = snapshot.sheets[existing]!.values;
  // Desired values: the sheet as it is, our columns refreshed in matched rows, new works below.
  const desired: CellValue[][] = old.map((r) => r.slice(0, OURS));
  const at = new Map<string, number>();
  old.forEach((r, i) => {
    if (i > 0 && cellText(r[COL.code]) !== "") at.set(rowKey(r[COL.work], r[COL.code]), i);
  });
  const kept = new Set<number>();
  for (const w of listed) {
    const i = at.get(rowKey(w.entry.workId, w.entry.code));
    if (i !== undefined) {
      desired[i] = ourCells(w);
      kept.add(i);
    } else desired.push(ourCells(w));
  }
  for (const [, i] of at) {
    if (kept.has(i)) continue;
    findings.push({ sheet: existing, cell: cellAddress(i, COL.code), severity: "warning", code: "recheck.checklist-left", message: `работы ${cellText(old[i][COL.work])} с кодом ${cellText(old[i][COL.code])} нет в новом списке: строка ${i + 1} оставлена как есть (с отметками) — удалите её сами, если она не нужна` });
  }
  const merge = mergeDiff(existing, snapshot.sheets[existing]!, { ...sheetLooks(desired.length), name: existing, values: desired });
  return { plan: { sheets: [], merges: [merge], cellWrites: [], activate: existing }, findings, rows: listed.length };
}

/** Everything but the values: widths, header format, the tick drop-downs and the green of a row done. */
function sheetLooks(rows: number): Omit<SheetPlan, "mode" | "values"> {
  const last = Math.max(rows, 2);
  const ticks = `G2:H${last}`;
  return {
    name: CHECKLIST_SHEET,
    columnWidths: [8, 20, 12, 9, 9, 30, 12, 12],
    freezeRows: 1,
    tabColor: OWNED_TAB,
    styles: [
      { range: "A1:H1", bold: true, wrap: true, fill: HEADER_FILL, vertical: "middle" },
      { range: `A2:H${last}`, border: "thin" },
    ],
    // «да» offered, anything else allowed: a tick is whatever the coordinator types.
    validations: [{ range: ticks, list: ["да"], errorStyle: "warning", errorMessage: "Отметьте «да», когда готово", prompt: "«да», когда готово" }],
    highlights: [{ range: `A2:H${last}`, formula: `=AND($G2<>"",$H2<>"")`, fill: "#E2EFDA" }],
    print: { area: `A1:H${last}`, repeatRows: "1:1", landscape: true, fitToWidth: true },
  };
}
