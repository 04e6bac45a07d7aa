// The sheets the analysis owns, declared once: names, signatures (how an existing sheet is told
// to be ours) and the texts they share. ../ownedSheets.ts lists these declarations.
import { safeSheetName } from "../../core";
import type { SheetSnapshot } from "../backend";
import { cellText, headerKey } from "../contract";
import type { OwnedSheetKind } from "../ownedSheet";

export const SUMMARY_SHEET = "Анализ";
export const SUMMARY_TITLE = "Анализ результатов ВПР";
export const WORK_SHEET_PREFIX = "Анализ ";
export const WORK_TITLE_PREFIX = "Анализ ВПР:";
export const RESULTS_SHEET = "Результаты учеников";
export const OBJECTIVITY_SHEET = "Самопроверка объективности";
export const OBJECTIVITY_TITLE = "Самопроверка объективности";
export const PARENT_SLIPS_SHEET = "Результаты для родителей";
export const PARENT_SLIPS_TITLE = "Результаты ВПР для родителей";
/** Label of a slip's name row: remove-names clears the cell to its right. */
export const SLIP_NAME_LABEL = "ФИО";

export const workSheetName = (grade: number, subject: string): string => safeSheetName(`${WORK_SHEET_PREFIX}${grade} ${subject}`);

export const scaleText = (scale: [number, number, number] | null): string =>
  scale ? `шкала: «3» от ${scale[0]}, «4» от ${scale[1]}, «5» от ${scale[2]}` : "шкала не указана на листе «Критерии»: отметки не считаются";

/** The header of «Результаты учеников»: its signature, and the ФИО column remove-names clears. */
export const RESULTS_HEADER = ["ФИО", "Класс", "Код", "Предмет", "Первичный балл", "Отметка", "Отметка по журналу", "Разница", "Участие"] as const;

const startsWith = (sheet: SheetSnapshot, text: string): boolean => cellText(sheet.values[0]?.[0]).startsWith(text);

export const isResultsHeader = (row: readonly unknown[] | undefined): boolean => RESULTS_HEADER.every((h, i) => headerKey(row?.[i]) === headerKey(h));
export const isParentSlipsTitle = (row: readonly unknown[] | undefined): boolean => cellText(row?.[0]).startsWith(PARENT_SLIPS_TITLE);

export const ANALYSIS_SHEET_KIND: OwnedSheetKind = {
  kind: "analysis",
  title: "листы анализа",
  named: (name) => name === SUMMARY_SHEET || name.startsWith(WORK_SHEET_PREFIX),
  signed: (sheet, name) => (name === SUMMARY_SHEET ? startsWith(sheet, SUMMARY_TITLE) : startsWith(sheet, WORK_TITLE_PREFIX)),
  holdsTypedData: false,
  step: "analysis",
};

export const RESULTS_SHEET_KIND: OwnedSheetKind = {
  kind: "results",
  title: "результаты учеников",
  named: (name) => name === RESULTS_SHEET,
  signed: (sheet) => isResultsHeader(sheet.values[0]),
  holdsTypedData: false,
  step: "analysis",
};

export const PARENT_SLIPS_SHEET_KIND: OwnedSheetKind = {
  kind: "parentSlips",
  title: "результаты для родителей",
  named: (name) => name === PARENT_SLIPS_SHEET,
  signed: (sheet) => isParentSlipsTitle(sheet.values[0]),
  holdsTypedData: false,
  step: "analysis",
};

export const OBJECTIVITY_SHEET_KIND: OwnedSheetKind = {
  kind: "objectivity",
  title: "самопроверка объективности",
  named: (name) => name === OBJECTIVITY_SHEET,
  signed: (sheet) => startsWith(sheet, OBJECTIVITY_TITLE),
  holdsTypedData: false,
  step: "analysis",
};
