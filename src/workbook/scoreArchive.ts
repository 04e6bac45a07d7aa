// «Архив баллов»: where typed scores go when the work's description changed under them — only with
// the coordinator's consent, and before the score sheet changes. The add-in made it, but what it
// holds was typed by people: rows are only ever added (a merge), never rewritten.
import { cellAddress, sameSheetName, type Finding } from "../core";
import type { SheetMerge, SheetPlan, Snapshot } from "./backend";
import { HEADER_FILL, OWNED_TAB, headerKey } from "./contract";
import type { OwnedSheetKind } from "./ownedSheet";
import type { DisplacedScore } from "./scoreSheetMerge";

export const ARCHIVE_SHEET = "Архив баллов";
export const ARCHIVE_HEADER = ["Дата", "Лист", "Ячейка", "Код", "Столбец", "Значение"] as const;

/** «Архив баллов»: ours by name and header; rows are only ever added. */
export const ARCHIVE_SHEET_KIND: OwnedSheetKind = {
  kind: "archive",
  title: "архив баллов",
  named: (name) => sameSheetName(name, ARCHIVE_SHEET),
  signed: (sheet) => isArchiveHeader(sheet.values[0]),
  holdsTypedData: true,
  step: "scoreSheets",
};

export const isArchiveHeader = (row: readonly unknown[] | undefined): boolean => ARCHIVE_HEADER.every((h, i) => headerKey(row?.[i]) === headerKey(h));

/** The archive rows for `displaced`, dated `date` (yyyy-mm-dd): a new sheet, or rows added to the one there. */
export function archiveScores(snapshot: Snapshot, displaced: readonly DisplacedScore[], date: string, findings: Finding[]): { sheet?: SheetPlan; merge?: SheetMerge } {
  const rows = displaced.map((d) => [date, d.sheet, d.cell, d.code, d.column, d.value]);
  const existing = snapshot.sheetNames.find((n) => sameSheetName(n, ARCHIVE_SHEET));
  if (!existing) {
    return {
      sheet: {
        name: ARCHIVE_SHEET,
        mode: "create",
        values: [[...ARCHIVE_HEADER], ...rows],
        columnWidths: [12, 24, 9, 9, 24, 12],
        freezeRows: 1,
        styles: [{ range: `A1:${cellAddress(0, ARCHIVE_HEADER.length - 1)}`, bold: true, fill: HEADER_FILL }],
        tabColor: OWNED_TAB,
      },
    };
  }
  const values = snapshot.sheets[existing]?.values ?? [];
  if (!isArchiveHeader(values[0])) {
    findings.push({ sheet: existing, severity: "error", code: "sheet.not-owned", message: `лист «${existing}» уже есть, но это не архив баллов надстройки: переименуйте его, чтобы баллы можно было перенести` });
    return {};
  }
  const start = values.length;
  return { merge: { name: existing, cells: rows.flatMap((r, i) => r.map((value, col) => ({ row: start + i, col, value }))) } };
}
