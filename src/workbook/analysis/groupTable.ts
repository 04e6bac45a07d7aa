// The table of groups (a row per class, then the grade) that the summary and each work's sheet
// share, and its chart of marks by class.
import type { GroupStatistics, WorkStatistics } from "../../core";
import type { CellValue } from "../backend";
import { columnRange, type SheetBuilder } from "./sheetBuilder";

export const GRADE_LABEL = "Параллель";

export const GROUP_HEADER = [
  "Класс",
  "Учеников",
  "Писали",
  "Отсутствовали",
  "Средний балл",
  "Медиана",
  "«2»",
  "«3»",
  "«4»",
  "«5»",
  "Успеваемость, %",
  "Качество, %",
  "Средняя отметка",
  "Понизили",
  "Подтвердили",
  "Повысили",
  "Примечание",
];

/** 0-based columns of the marks «2»–«5» in GROUP_HEADER. */
const MARK_COLUMN = 6;

const SIZE_NOTE = { small: "меньше 10 писавших: выводы делать нельзя", rough: "меньше 20 писавших: ориентировочно", ok: "" } as const;

export const groupLabel = (g: GroupStatistics): string => g.class ?? GRADE_LABEL;

function groupRow(g: GroupStatistics, label: (g: GroupStatistics) => string): CellValue[] {
  const m = g.marks;
  const notes = [SIZE_NOTE[g.size], g.notEntered > 0 ? `не внесено строк: ${g.notEntered}` : "", g.invalid > 0 ? `строк с ошибками: ${g.invalid}` : "", g.partlyAbsent > 0 ? `писали одну часть: ${g.partlyAbsent}` : ""].filter(Boolean);
  return [
    label(g),
    g.students,
    g.wrote,
    g.absent,
    g.meanScore,
    g.medianScore,
    m?.["2"] ?? null,
    m?.["3"] ?? null,
    m?.["4"] ?? null,
    m?.["5"] ?? null,
    g.successRate,
    g.qualityRate,
    g.meanMark,
    g.journal?.lower ?? null,
    g.journal?.same ?? null,
    g.journal?.higher ?? null,
    notes.join("; "),
  ];
}

/**
 * The groups' table (and, when the work has a scale, the marks by class as stacked columns).
 * `label` names a row (the municipal roll-up's groups are schools); `first` heads its column.
 */
export function addGroupTable(b: SheetBuilder, w: WorkStatistics, withChart: boolean, label: (g: GroupStatistics) => string = groupLabel, first = GROUP_HEADER[0]): number {
  b.header([first, ...GROUP_HEADER.slice(1)]);
  const firstRow = b.rows(
    w.groups.map((g) => groupRow(g, label)),
    (i) => w.groups[i].class === null,
  );
  const n = w.groups.length;
  b.style(firstRow, 4, n, 2, { numberFormat: "0.00" });
  b.style(firstRow, 10, n, 2, { numberFormat: "0.0" });
  b.style(firstRow, 12, n, 1, { numberFormat: "0.00" });
  if (withChart && w.scale) {
    b.blank();
    b.chart({
      type: "column",
      stacked: true,
      title: `${w.subject}, ${w.grade} класс: отметки по классам`,
      categories: columnRange(firstRow, 0, n),
      series: ["2", "3", "4", "5"].map((mark, i) => ({ name: `«${mark}»`, values: columnRange(firstRow, MARK_COLUMN + i, n), color: MARK_COLORS[i] })),
      valueTitle: "Учеников",
    });
  } else b.blank();
  return firstRow;
}

/** «2» red, «3» amber, «4» light green, «5» green: the same in every chart. */
export const MARK_COLORS = ["#E06666", "#F6B26B", "#93C47D", "#38761D"];

export const GROUP_COLUMN_WIDTHS = [12, 9, 8, 12, 9, 9, 6, 6, 6, 6, 12, 10, 10, 9, 11, 9, 40];
