// «Журнал баллов»: the add-in's record of what each upload carried, one row per score row of every
// form built (docs/OBJECTIVITY.md). Rows are only ever appended, one block per
// upload, so the sheet is merged into (`WritePlan.merges`), never replaced: the rows of earlier
// uploads stay byte for byte, and only the seal cell is rewritten.
import { cellAddress, sameSheetName } from "../../core";
import type { CellValue, SheetSnapshot } from "../backend";
import { headerKey } from "../contract";
import type { OwnedSheetKind } from "../ownedSheet";

export const LOG_SHEET = "Журнал баллов";
export const LOG_HEADER = ["Загрузка", "Дата", "Лист", "Класс", "Предмет", "Работа", "Код", "Варианты", "Баллы", "Хеш строки"] as const;

/** Column of each field (0-based), in LOG_HEADER order. */
export const LOG_COL = { upload: 0, date: 1, sheet: 2, className: 3, subject: 4, work: 5, code: 6, variants: 7, scores: 8, hash: 9 } as const;
/** The seal: its label and the hash of the whole log, in the header row right of the columns. */
export const SEAL_LABEL = "Печать журнала";
export const SEAL_LABEL_COL = LOG_HEADER.length + 1;
export const SEAL_COL = SEAL_LABEL_COL + 1;
export const SEAL_CELL = cellAddress(0, SEAL_COL);

export const isLogHeader = (row: readonly CellValue[] | undefined): boolean => LOG_HEADER.every((h, i) => headerKey(row?.[i]) === headerKey(h));

export const isLogSheetName = (name: string): boolean => sameSheetName(name, LOG_SHEET);

/**
 * Ours by name and header. It holds only what the add-in wrote, yet rows are appended, never
 * rewritten (holdsTypedData: merged into), so no upload can drop the record of an earlier one.
 */
export const FINGERPRINT_SHEET_KIND: OwnedSheetKind = {
  kind: "fingerprint",
  title: "журнал баллов",
  named: isLogSheetName,
  signed: (sheet: SheetSnapshot) => isLogHeader(sheet.values[0]),
  holdsTypedData: true,
  step: "upload",
};

/** Column widths of a new log (characters). */
export const LOG_WIDTHS = [10, 11, 22, 7, 18, 12, 9, 12, 60, 18, 2, 15, 18];
