// The discrepancy report as a workbook: «Расхождения» (the figures, the distribution of primary-score
// changes and the share of works changed per item, each with a native chart, the schools and
// classes, the items most often changed), «Работы» (every work compared, those whose mark changed
// filled) and «Замечания» (the rows left out, with file, sheet and cell). Codes only, no names.
import type { DiscrepancyReport, WorkDiscrepancy } from "../../core";
import type { CellValue, NewWorkbookPlan, SheetPlan } from "../backend";
import { HEADER_FILL } from "../contract";
import { LOW_FILL, SheetBuilder, columnRange } from "../analysis/sheetBuilder";

export const REPORT_SHEET = "Расхождения";
export const REPORT_WORKS_SHEET = "Работы";
export const REPORT_NOTES_SHEET = "Замечания";
/** Bar colours of the two charts (the LibreOffice test looks for them in the pixels). */
export const CHANGE_COLOR = "#4472C4";
export const SHARE_COLOR = "#ED7D31";
export const DISTRIBUTION_TITLE = "Изменение первичного балла после перепроверки";
export const SHARE_TITLE = "Доля работ с изменённым баллом по заданиям, %";

const dash = (v: number | null): CellValue => (v === null ? "—" : v);
const signed = (v: number | null): CellValue => (v === null ? "—" : v > 0 ? `+${v}` : v);

export function reportWorkbook(report: DiscrepancyReport, title = "ВПР: расхождения после перепроверки"): NewWorkbookPlan {
  const sheets: Omit<SheetPlan, "mode">[] = [summarySheet(report), worksSheet(report.works)];
  if (report.findings.length > 0) sheets.push(notesSheet(report));
  return { sheets, properties: { title, creator: "ВПР: координатор" } };
}

function summarySheet(report: DiscrepancyReport): Omit<SheetPlan, "mode"> {
  const b = new SheetBuilder();
  const s = report.summary;
  b.title("Расхождения исходных баллов и баллов комиссии");
  b.note("Изменение = балл комиссии − исходный балл. Работы, которых нет на одной из сторон, в отчёт не вошли (лист «Замечания»).");
  b.blank();
  b.rows([
    ["Работ сопоставлено", s.works],
    ["Первичный балл изменился", s.changed],
    ["  повышен", s.up],
    ["  понижен", s.down],
    ["Отметка изменилась", s.markChanged],
    ["  повышена", s.markUp],
    ["  понижена", s.markDown],
    ["Среднее изменение первичного балла", signed(s.meanChange)],
    ["Среднее абсолютное изменение", dash(s.meanAbsChange)],
  ]);
  b.blank();

  const dist = Object.entries(s.distribution);
  if (dist.length > 0) {
    b.heading("Распределение изменений первичного балла");
    b.header(["Изменение", "Работ"]);
    const first = b.rows(dist.map(([c, n]) => [Number(c) > 0 ? `+${c}` : c, n]));
    b.chart({ type: "column", title: DISTRIBUTION_TITLE, categories: columnRange(first, 0, dist.length), series: [{ name: "Работ", values: columnRange(first, 1, dist.length), color: CHANGE_COLOR }], categoryTitle: "Изменение, баллов", valueTitle: "Работ" });
  }

  if (report.items.length > 0) {
    b.heading("Задания");
    b.header(["Задание", "Работа", "Макс.", "Работ", "Изменено", "Доля изменённых, %", "Повышено", "Понижено", "Среднее изменение", "Среднее абсолютное"]);
    const first = b.rows(report.items.map((i) => [`${i.workId} ${i.label}`, i.workId, i.max, i.works, i.changed, dash(i.changedShare), i.up, i.down, signed(i.meanChange), dash(i.meanAbsChange)]));
    report.items.forEach((i, k) => {
      if (i.changed > 0) b.style(first + k, 5, 1, 1, { fill: LOW_FILL });
    });
    b.chart({ type: "bar", title: SHARE_TITLE, categories: columnRange(first, 0, report.items.length), series: [{ name: "Доля изменённых, %", values: columnRange(first, 5, report.items.length), color: SHARE_COLOR }], valueMax: 100, valueTitle: "%" });
  }

  if (report.mostChanged.length > 0) {
    b.heading("Чаще всего менялись");
    b.header(["Задание", "Изменено", "Доля изменённых, %", "Среднее изменение"]);
    b.rows(report.mostChanged.map((i) => [`${i.workId} ${i.label}`, `${i.changed} из ${i.works}`, dash(i.changedShare), signed(i.meanChange)]));
    b.blank();
  }

  if (report.groups.length > 0) {
    b.heading("Школы и классы");
    b.header(["Школа", "Класс", "Работ", "Балл изменился", "Среднее изменение", "Среднее абсолютное", "Отметка изменилась"]);
    b.rows(
      report.groups.map((g) => [g.school, g.class ?? "вся школа", g.works, g.changed, signed(g.meanChange), dash(g.meanAbsChange), g.markChanged]),
      (i) => report.groups[i].class === null,
    );
  }
  return b.build(REPORT_SHEET, [26, 14, 10, 10, 10, 12, 10, 10, 12, 12], { print: { landscape: true, fitToWidth: true, header: REPORT_SHEET } });
}

export const WORKS_HEADER = ["Школа", "Работа", "Предмет", "Параллель", "Класс", "Код", "Исходный балл", "Балл комиссии", "Изменение", "Исходная отметка", "Отметка комиссии", "Отметка изменилась", "Изменённые задания"];

function worksSheet(works: readonly WorkDiscrepancy[]): Omit<SheetPlan, "mode"> {
  const values: CellValue[][] = [
    WORKS_HEADER,
    ...works.map((w) => [
      w.school,
      w.workId,
      w.subject,
      w.grade,
      w.class,
      w.code,
      w.originalTotal,
      w.recheckTotal,
      signed(w.change),
      w.originalMark,
      w.recheckMark,
      w.markChanged === null ? "—" : w.markChanged ? "да" : "нет",
      w.itemChanges.map((c) => `${c.label}: ${c.original} → ${c.recheck}`).join("; "),
    ]),
  ];
  const flagged = works.flatMap((w, i) => (w.markChanged ? [{ range: `A${i + 2}:M${i + 2}`, fill: LOW_FILL }] : []));
  return {
    name: REPORT_WORKS_SHEET,
    values,
    columnWidths: [10, 12, 20, 10, 8, 9, 10, 10, 10, 10, 10, 11, 40],
    freezeRows: 1,
    styles: [{ range: "A1:M1", bold: true, wrap: true, fill: HEADER_FILL, vertical: "middle", rowHeight: 32 }, ...flagged],
    print: { landscape: true, fitToWidth: true, repeatRows: "1:1", header: REPORT_WORKS_SHEET },
  };
}

function notesSheet(report: DiscrepancyReport): Omit<SheetPlan, "mode"> {
  const values: CellValue[][] = [["Что не вошло в отчёт и почему"], ...report.findings.map((f) => [f.message])];
  return { name: REPORT_NOTES_SHEET, values, columnWidths: [140], styles: [{ range: "A1", bold: true, fill: HEADER_FILL }, { range: `A2:A${values.length}`, wrap: true, vertical: "top" }] };
}
