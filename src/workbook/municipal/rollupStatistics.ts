// «Статистика» of the roll-up: per work the analysis's groups table with a row per school and the
// municipality's row last, then the marks in per cent of those who wrote per school with a stacked
// column chart (per cent, not counts: schools differ in size and the municipality would dwarf them).
// A work without a scale shows the mean primary score per school instead.
import type { CellValue, SheetPlan } from "../backend";
import { GROUP_COLUMN_WIDTHS, MARK_COLORS, addGroupTable } from "../analysis/groupTable";
import { SheetBuilder, columnRange } from "../analysis/sheetBuilder";
import { schoolLabel, type MunicipalWork, type RollupData, type SchoolGroup } from "./rollupData";

export const STATISTICS_SHEET = "Статистика";
export const MUNICIPALITY_LABEL = "Муниципалитет";
export const MEAN_COLOR = "#4472C4";
export const marksChartTitle = (w: Pick<MunicipalWork, "subject" | "grade">): string => `${w.subject}, ${w.grade} класс: отметки по школам, %`;
export const meanChartTitle = (w: Pick<MunicipalWork, "subject" | "grade">): string => `${w.subject}, ${w.grade} класс: средний первичный балл по школам`;

/** The whole-school rows and the municipality's, in that order. */
const schoolGroups = (w: MunicipalWork): SchoolGroup[] => [...w.groups.filter((g) => g.school !== null && g.class === null), ...w.groups.filter((g) => g.school === null)];

export function statisticsSheet(data: RollupData): Omit<SheetPlan, "mode"> {
  const b = new SheetBuilder();
  const label = schoolLabel(data);
  b.title("Статистика по школам и муниципалитету");
  b.note("Строка на школу и итог муниципалитета. Средний балл — первичный; отметки — по шкале из книги с «Критериями», без неё только баллы. Меньше 10 писавших — выводы делать нельзя.");
  b.blank();
  if (data.works.length === 0) b.add(["Нет прочитанных работ."], { bold: true });
  for (const w of data.works) {
    const groups = schoolGroups(w);
    b.heading(`${w.subject}, ${w.grade} класс (максимум ${w.maxTotal}${w.scale ? `; «3» с ${w.scale[0]}, «4» с ${w.scale[1]}, «5» с ${w.scale[2]}` : "; шкалы нет"})`);
    const rowLabel = (g: SchoolGroup): string => (g.school ? label(g.school) : MUNICIPALITY_LABEL);
    addGroupTable(b, { ...w, groups }, false, (g) => rowLabel(g as SchoolGroup), "Школа");
    const schools = groups.filter((g) => g.school !== null);
    if (schools.length === 0) continue;
    if (w.scale) {
      b.header(["Школа", "«2», %", "«3», %", "«4», %", "«5», %"]);
      const rows: CellValue[][] = schools.map((g) => [rowLabel(g), g.marksPercent?.["2"] ?? null, g.marksPercent?.["3"] ?? null, g.marksPercent?.["4"] ?? null, g.marksPercent?.["5"] ?? null]);
      const first = b.rows(rows);
      b.style(first, 1, rows.length, 4, { numberFormat: "0.0" });
      b.blank();
      b.chart({
        type: "column",
        stacked: true,
        title: marksChartTitle(w),
        categories: columnRange(first, 0, rows.length),
        series: ["2", "3", "4", "5"].map((m, i) => ({ name: `«${m}»`, values: columnRange(first, 1 + i, rows.length), color: MARK_COLORS[i] })),
        valueMax: 100,
        valueTitle: "% писавших",
      });
    } else {
      b.header(["Школа", "Средний балл"]);
      const first = b.rows(schools.map((g) => [rowLabel(g), g.meanScore]));
      b.blank();
      b.chart({ type: "column", title: meanChartTitle(w), categories: columnRange(first, 0, schools.length), series: [{ name: "Средний балл", values: columnRange(first, 1, schools.length), color: MEAN_COLOR }], valueMax: w.maxTotal, valueTitle: "Балл" });
    }
  }
  return b.build(STATISTICS_SHEET, [34, ...GROUP_COLUMN_WIDTHS.slice(1)], { print: { landscape: true, fitToWidth: true, header: STATISTICS_SHEET } });
}
