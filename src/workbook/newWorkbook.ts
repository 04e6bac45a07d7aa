// "New workbook": the five input sheets with headers, hints and validation lists, and
// «Критерии» filled from the built-in catalogue for the chosen works. Never replaces a sheet.
import { DEFAULT_OBJECTIVITY, DEFAULT_THRESHOLDS, cellAddress, findWork, type Finding, type WorkDefinition } from "../core";
import type { CellValue, SheetPlan, Snapshot, WritePlan } from "./backend";
import { CRITERIA, CRITERIA_SHEET, HEADER_FILL, PLAN, PLAN_SHEET, POOL, POOL_SHEET, ROSTER, ROSTER_SHEET, SETTINGS, SETTINGS_SHEET, headerKey } from "./contract";
import { existingName } from "./ownership";
import { RETENTION_DEFAULT_DAYS, RETENTION_MAX_DAYS } from "./settings";

export interface NewWorkbookOptions {
  school?: string;
  schoolName?: string;
  year?: string;
  /** Work ids from the built-in catalogue to put on «Критерии». */
  works?: string[];
  /** Extra rows for the lists' validation ranges (how many students the sheets expect at most). */
  capacity?: number;
}

export function criteriaBlock(work: WorkDefinition): CellValue[][] {
  const rows: CellValue[][] = [
    [CRITERIA.work, work.id],
    [CRITERIA.subject, work.subject],
    [CRITERIA.grade, work.grade],
    [CRITERIA.year, work.year],
    [CRITERIA.source, work.source],
    [CRITERIA.items, ...work.items.map((i) => i.label)],
    [CRITERIA.maxima, ...work.items.map((i) => i.max)],
  ];
  if (work.items.some((i) => i.part === 2)) rows.push([CRITERIA.parts, ...work.items.map((i) => i.part)]);
  if (work.items.some((i) => i.level)) rows.push([CRITERIA.level, ...work.items.map((i) => i.level ?? null)]);
  rows.push(work.scale ? [CRITERIA.scale, work.scale.min3, work.scale.min4, work.scale.min5] : [CRITERIA.scale]);
  return rows;
}

export function planNewWorkbook(snapshot: Snapshot, options: NewWorkbookOptions = {}): { plan: WritePlan; findings: Finding[]; skipped: string[] } {
  const findings: Finding[] = [];
  const capacity = options.capacity ?? 2000;
  const works: WorkDefinition[] = [];
  for (const id of options.works ?? []) {
    const w = findWork(id);
    if (w) works.push(w);
    else findings.push({ severity: "error", code: "catalogue.unknown", message: `работы «${id}» нет во встроенном каталоге; опишите её на листе «${CRITERIA_SHEET}» сами` });
  }
  const header = (cols: number) => ({ range: `A1:${String.fromCharCode(64 + cols)}1`, bold: true, fill: HEADER_FILL, wrap: true });
  const sheets: Omit<SheetPlan, "mode">[] = [
    {
      name: SETTINGS_SHEET,
      values: [
        [...SETTINGS.header, "Подсказка"],
        [SETTINGS.school, options.school ?? null, "6 цифр, как в ФИС ОКО"],
        [SETTINGS.schoolName, options.schoolName ?? null, "Полное наименование"],
        [SETTINGS.year, options.year ?? String(new Date().getFullYear()), "Год проведения работ"],
        [SETTINGS.xLetter, "X", "Что ставить в форму за невыполненное задание: X (латинская) или Х (русская)"],
        [SETTINGS.retentionDays, RETENTION_DEFAULT_DAYS, "Сколько дней после последней работы по плану хранить работы и протоколы с ФИО (порядок проведения ВПР — 90); потом надстройка напомнит удалить ФИО"],
        [SETTINGS.basicThreshold, DEFAULT_THRESHOLDS.basic, "Анализ: базовое задание ниже этого процента выполнения отмечается (рекомендации ФИОКО 2026 — 60)"],
        [SETTINGS.advancedThreshold, DEFAULT_THRESHOLDS.advanced, "Анализ: задание повышенного или высокого уровня ниже этого процента отмечается (ФИОКО 2026 — 30)"],
        [SETTINGS.journalMismatch, DEFAULT_OBJECTIVITY.journalMismatchPercent, "Самопроверка объективности: класс отмечается, если отметку по журналу не подтвердили больше этой доли писавших (муниципалитеты назначают перепроверку при 50 %)"],
      ],
      columnWidths: [26, 30, 60],
      styles: [header(3), { range: "C2:C6", italic: true }],
      validations: [
        { range: "B2", whole: [100000, 999999], errorMessage: "Код ОО — 6 цифр", prompt: "6 цифр" },
        { range: "B5", list: ["X", "Х"], errorMessage: "Латинская X или русская Х" },
        { range: "B6", whole: [1, RETENTION_MAX_DAYS], errorMessage: `Целое число дней от 1 до ${RETENTION_MAX_DAYS}`, prompt: "Дней хранения" },
      ],
    },
    {
      name: ROSTER_SHEET,
      values: [[ROSTER.className, ROSTER.name, ROSTER.gender, ROSTER.code, "Русский язык", "Математика"]],
      columnWidths: [8, 36, 6, 9, 14, 14],
      freezeRows: 1,
      styles: [header(6), { range: `D2:D${capacity + 1}`, numberFormat: "0" }],
      validations: [
        { range: `C2:C${capacity + 1}`, list: ["м", "ж"], errorMessage: "Пол: «м» или «ж»" },
        { range: `D2:D${capacity + 1}`, whole: [1, 999999], prompt: "Заполняет надстройка: код не меняется после выдачи", errorMessage: "Код — целое число" },
        { range: `E2:F${capacity + 1}`, list: ["2", "3", "4", "5"], prompt: "Отметка за предыдущий период (необязательно); другие предметы — столбцом с названием предмета", errorMessage: "Отметка от 2 до 5" },
      ],
    },
    {
      name: POOL_SHEET,
      values: [[POOL.code, "Подсказка"], [null, "Вставьте коды из ФИС ОКО по одному в строке. Если лист пуст, коды создаются по образцу: номер класса и четыре цифры (40001–41500 для 4 класса)."]],
      columnWidths: [10, 80],
      styles: [header(2), { range: "B2", italic: true, wrap: true }],
      validations: [{ range: `A2:A${capacity + 1}`, whole: [1000, 999999], errorMessage: "Код участника — целое число из 4–6 цифр" }],
    },
    {
      name: PLAN_SHEET,
      values: [[PLAN.className, PLAN.subject, PLAN.work, PLAN.date]],
      columnWidths: [8, 24, 14, 12],
      freezeRows: 1,
      styles: [header(4)],
    },
    {
      name: CRITERIA_SHEET,
      values: [
        ["Описания работ: блок на работу, блоки разделены пустой строкой. Максимумы и шкалы меняются каждый год — сверяйте с критериями ФИОКО."],
        [],
        ...works.flatMap((w, i) => [...criteriaBlock(w), ...(i < works.length - 1 ? [[]] : [])]),
      ],
      columnWidths: [12, ...Array.from({ length: 25 }, () => 7)],
      styles: [{ range: "A1", italic: true }],
    },
  ];
  const skipped: string[] = [];
  const planned: SheetPlan[] = [];
  for (const s of sheets) {
    const existing = existingName(snapshot, s.name);
    if (existing) skipped.push(existing);
    else planned.push({ ...s, values: padRows(s.values), mode: "create" });
  }
  return { plan: { sheets: planned, cellWrites: [], activate: planned.some((p) => p.name === SETTINGS_SHEET) ? SETTINGS_SHEET : undefined }, findings, skipped };
}

/** Rectangular values: every row as long as the longest. */
export function padRows(values: CellValue[][]): CellValue[][] {
  const width = Math.max(0, ...values.map((r) => r.length));
  return values.map((r) => (r.length === width ? r : [...r, ...Array<CellValue>(width - r.length).fill(null)]));
}

/**
 * Adds built-in works to an existing «Критерии» below what is there (cell writes into empty rows
 * only); works already described on the sheet are left alone and listed in `present`.
 */
export function planAddWorks(snapshot: Snapshot, ids: readonly string[]): { plan: WritePlan; findings: Finding[]; added: string[]; present: string[] } {
  const findings: Finding[] = [];
  const sheet = existingName(snapshot, CRITERIA_SHEET);
  if (!sheet) {
    findings.push({ sheet: CRITERIA_SHEET, severity: "error", code: "sheet.missing", message: `нет листа «${CRITERIA_SHEET}»: сначала создайте рабочую книгу` });
    return { plan: { sheets: [], cellWrites: [] }, findings, added: [], present: [] };
  }
  const rows = snapshot.sheets[sheet]?.values ?? [];
  const described = new Set(rows.filter((r) => headerKey(r[0]) === headerKey(CRITERIA.work)).map((r) => String(r[1] ?? "").trim().toUpperCase()));
  const added: string[] = [];
  const present: string[] = [];
  const blocks: CellValue[][] = [];
  for (const id of ids) {
    const w = findWork(id);
    if (!w) findings.push({ severity: "error", code: "catalogue.unknown", message: `работы «${id}» нет во встроенном каталоге` });
    else if (described.has(w.id.toUpperCase())) present.push(w.id);
    else {
      blocks.push([], ...criteriaBlock(w));
      added.push(w.id);
    }
  }
  const start = rows.length;
  const cellWrites = blocks.flatMap((r, i) => r.map((value, c) => ({ sheet, address: cellAddress(start + i, c), value })).filter((w) => w.value !== null));
  return { plan: { sheets: [], cellWrites }, findings, added, present };
}
