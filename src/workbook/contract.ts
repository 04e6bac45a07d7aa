// The workbook contract (docs/WORKBOOK.md): sheet names and column headers users see.
// Changing a text here changes the contract: update docs/WORKBOOK.md in the same commit.

import { collapseSpaces } from "../core";

export const SETTINGS_SHEET = "Настройки";
export const ROSTER_SHEET = "Ученики";
export const POOL_SHEET = "Коды";
export const PLAN_SHEET = "План";
export const CRITERIA_SHEET = "Критерии";
export const INPUT_SHEETS = [SETTINGS_SHEET, ROSTER_SHEET, POOL_SHEET, PLAN_SHEET, CRITERIA_SHEET] as const;
/** Optional input sheet (not in INPUT_SHEETS: a workbook without it is complete): the teachers who may check, read by ./experts. */
export const EXPERTS_SHEET = "Эксперты";
export const EXPERTS = { name: "ФИО", subject: "Предмет", classes: "Классы", years: "Стаж, лет" } as const;

export const SLIPS_SHEET = "Коды для выдачи";
export const PROTOCOL_PREFIX = "Протокол ";

export const SETTINGS = {
  header: ["Параметр", "Значение"],
  school: "Код ОО",
  schoolName: "Наименование ОО",
  year: "Год",
  xLetter: "Символ «не приступал»",
  /** Days to keep the works and the protocols after the last work of «План» (settings.ts validates it). */
  retentionDays: "Хранить работы и протоколы, дней",
  /** Per cent below which the analysis marks a basic item (FIOKO 2026: 60); core/analysis/thresholds.ts validates it. */
  basicThreshold: "Порог выполнения базовых заданий, %",
  /** The same for advanced and high items (FIOKO 2026: 30). */
  advancedThreshold: "Порог выполнения заданий повышенного уровня, %",
  /** Objectivity self-check: a group is flagged when more than this share did not confirm the journal mark (seed 001 §6.3: 50). */
  journalMismatch: "Порог несовпадения с журналом, %",
} as const;

export const ROSTER = { className: "Класс", name: "ФИО", gender: "Пол", code: "Код" } as const;
/** `checkedBy` is optional: who checked the class's work (names separated by commas or «;»), read by ./experts. */
export const PLAN = { className: "Класс", subject: "Предмет", work: "Работа", date: "Дата", checkedBy: "Проверял" } as const;
export const POOL = { code: "Код" } as const;

export const CRITERIA = {
  work: "Работа",
  subject: "Предмет",
  grade: "Класс",
  year: "Год",
  source: "Источник",
  items: "Задания",
  maxima: "Максимум",
  parts: "Часть",
  scale: "Шкала",
  /** Optional: Б / П / В per item (базовый, повышенный, высокий) — the analysis marks items below their level's threshold. */
  level: "Уровень",
} as const;

export const PROTOCOL_HEADER = ["№", "ФИО", "Код", "Присутствовал", "Подпись"] as const;
export const SCORE_TAIL = ["Итого", "Отметка", "Проверка"] as const;

/** Fill of cells the check finds wrong, and tab colour of the sheets the add-in owns. */
export const ERROR_FILL = "#F8CBAD";
export const OWNED_TAB = "#2B579A";
export const HEADER_FILL = "#DDEBF7";

/** A cell as trimmed text with runs of spaces collapsed; "" for an empty cell. */
export const cellText = (v: unknown): string => (v === null || v === undefined ? "" : collapseSpaces(String(v)));

/** Header comparison tolerant of case, spaces, Ё and no-break spaces. */
export const headerKey = (v: unknown): string =>
  (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v)).replace(/[\s\u00a0]+/g, " ").trim().toLowerCase().replace(/ё/g, "е");

/** The protocol sheet's signature: its header row. */
export const isProtocolHeader = (row: readonly unknown[] | undefined): boolean => PROTOCOL_HEADER.every((h, i) => headerKey(row?.[i]) === headerKey(h));
