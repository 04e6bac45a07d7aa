// A sheet with one chart of each kind the plans make: the score distribution coloured by mark
// (overlapping columns), marks per class (stacked columns), per cent of each task done (horizontal
// bars, axis to 100) and two lines (one in the application's colours). One column of the data is a formula block, so the chart caches
// must carry formula results too. Fictional numbers.
import type { ChartPlan, SheetPlan } from "../../../src/workbook/backend";

export const SHEET = "Анализ 4А";

export const COLORS = { two: "#C00000", three: "#FFC000", four: "#00B050", five: "#0070C0", line: "#7030A0" } as const;

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const COUNTS = [0, 1, 1, 2, 3, 4, 5, 4, 3, 2, 1];
/** Mark of a score: 0–3 → «2», 4–5 → «3», 6–8 → «4», 9–10 → «5». */
const MARK = (s: number) => (s <= 3 ? 0 : s <= 5 ? 1 : s <= 8 ? 2 : 3);

const CLASSES = ["4А", "4Б", "4В", "4Г"];
const MARKS_BY_CLASS = [
  [2, 6, 10, 7],
  [4, 8, 9, 4],
  [1, 5, 12, 8],
  [3, 7, 8, 6],
];
const TASKS = ["1", "2", "3", "4", "5", "6"];
const DONE = [92, 81, 64, 55, 38, 20];
const DONE_BEFORE = [88, 85, 60, 58, 45, 30];

/** Rows 1–15: a title, then three tables side by side (A–E, G–K, M–O). */
function values(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = Array.from({ length: 15 }, () => Array<string | number | null>(15).fill(null));
  rows[0][0] = "Результаты 4А (вымышленные)";
  ["Балл", "«2»", "«3»", "«4»", "«5»"].forEach((h, c) => (rows[2][c] = h));
  SCORES.forEach((s, i) => {
    rows[3 + i][0] = s;
    for (let m = 0; m < 4; m++) rows[3 + i][1 + m] = MARK(s) === m ? COUNTS[i] : null;
  });
  ["Класс", "«2»", "«3»", "«4»", "«5»"].forEach((h, c) => (rows[2][6 + c] = h));
  CLASSES.forEach((k, i) => {
    rows[3 + i][6] = k;
    MARKS_BY_CLASS[i].forEach((n, m) => (rows[3 + i][7 + m] = n));
  });
  ["Задание", "% выполнения", "% в 2025 г."].forEach((h, c) => (rows[2][12 + c] = h));
  TASKS.forEach((t, i) => (rows[3 + i][12] = t));
  // N4:N9 is a formula block (results below); O holds plain numbers.
  TASKS.forEach((_, i) => (rows[3 + i][14] = DONE_BEFORE[i]));
  return rows;
}

export const CHARTS: ChartPlan[] = [
  {
    type: "column",
    title: "Распределение баллов",
    categories: "A4:A14",
    series: [
      { name: "«2»", values: "B4:B14", color: COLORS.two },
      { name: "«3»", values: "C4:C14", color: COLORS.three },
      { name: "«4»", values: "D4:D14", color: COLORS.four },
      { name: "«5»", values: "E4:E14", color: COLORS.five },
    ],
    anchor: { from: { row: 16, col: 0 }, to: { row: 31, col: 6 } },
    overlap: true,
    categoryTitle: "Первичный балл",
    valueTitle: "Учеников",
  },
  {
    type: "column",
    title: "Отметки по классам",
    categories: "G4:G7",
    series: [
      { name: "«2»", values: "H4:H7", color: COLORS.two },
      { name: "«3»", values: "I4:I7", color: COLORS.three },
      { name: "«4»", values: "J4:J7", color: COLORS.four },
      { name: "«5»", values: "K4:K7", color: COLORS.five },
    ],
    anchor: { from: { row: 16, col: 8 }, to: { row: 31, col: 14 } },
    stacked: true,
    valueTitle: "Учеников",
  },
  {
    type: "bar",
    title: "Выполнение заданий",
    categories: "M4:M9",
    series: [{ name: "% выполнения", values: "N4:N9", color: COLORS.five }],
    anchor: { from: { row: 33, col: 0 }, to: { row: 48, col: 6 } },
    valueMax: 100,
    categoryTitle: "Задание",
    valueTitle: "% выполнения",
  },
  {
    type: "line",
    title: "Выполнение по годам",
    categories: "M4:M9",
    series: [
      { name: "2025", values: "O4:O9", color: COLORS.line },
      { name: "2026", values: "N4:N9" },
    ],
    anchor: { from: { row: 33, col: 8 }, to: { row: 48, col: 14 } },
    categoryTitle: "Задание",
  },
];

/** The sheet with the charts given (all four by default), for create or replace. */
export function chartSheet(mode: SheetPlan["mode"], charts: ChartPlan[] = CHARTS): SheetPlan {
  return {
    name: SHEET,
    mode,
    values: values(),
    formulas: [{ range: "N4:N9", formulas: DONE.map((_, i) => [`=ROUND(${DONE[i]}*1,0)`]), results: DONE.map((d) => [d]) }],
    columnWidths: Array<number>(15).fill(9),
    charts,
    print: { landscape: true, fitToWidth: true },
  };
}
