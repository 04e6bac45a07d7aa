// «Результаты учеников»: per student and work the primary score, mark, journal mark and the
// difference — for teachers, sortable (a plain table from A1, header in row 1). It holds names:
// it lives only in the coordinator's workbook (never in an upload or an export), prints with a
// confidential header, and remove-names clears its ФИО column.
import { compareClassNames } from "../inputs";
import type { AnalysisData as Data } from "./analysisData";
import type { CellValue, SheetPlan } from "../backend";
import type { AnalysisData } from "./analysisData";
import { RESULTS_HEADER, RESULTS_SHEET } from "./analysisSheets";
import { HEADER_FILL } from "../contract";
import type { ResultRow } from "../../core";

const STATUS_TEXT: Record<ResultRow["status"], string> = {
  wrote: "писал(а)",
  absent: "отсутствовал(а)",
  partlyAbsent: "писал(а) одну часть",
  notEntered: "баллы не внесены",
  invalid: "в строке ошибка",
};

export const CONFIDENTIAL_HEADER = "Конфиденциально: содержит ФИО. Только для школы, не передаётся.";

export function resultsSheet(data: AnalysisData): Omit<SheetPlan, "mode"> {
  const rows: { cells: CellValue[]; key: [string, string, number] }[] = [];
  for (const w of data.works) {
    w.rows.forEach((r, i) => {
      const student = w.students[i];
      const diff = r.mark !== null && r.journal !== null ? r.mark - r.journal : null;
      rows.push({
        key: [r.className, student.name, w.work.grade],
        cells: [student.name, r.className, r.code, w.work.subject, w.work.id, r.total, w.statistics.maxTotal, r.mark, r.journal, diff, STATUS_TEXT[r.status]],
      });
    });
  }
  const classOrder = classRank(data);
  rows.sort((a, b) => classOrder(a.key[0]) - classOrder(b.key[0]) || RU.compare(a.key[1], b.key[1]) || RU.compare(String(a.cells[3]), String(b.cells[3])));
  const values: CellValue[][] = [[...RESULTS_HEADER], ...rows.map((r) => r.cells)];
  const last = values.length;
  return {
    name: RESULTS_SHEET,
    values,
    columnWidths: [32, 8, 8, 20, 12, 10, 10, 9, 11, 9, 20],
    freezeRows: 1,
    styles: [
      { range: `A1:K1`, bold: true, wrap: true, fill: HEADER_FILL, border: "thin", vertical: "middle" },
      ...(last > 1 ? [{ range: `A2:K${last}`, border: "thin" as const }] : []),
    ],
    print: { area: `A1:K${last}`, repeatRows: "1:1", landscape: true, fitToWidth: true, header: CONFIDENTIAL_HEADER },
  };
}

/** One collator for every sort by name: localeCompare per comparison is many times slower. */
export const RU = new Intl.Collator("ru");

/** Classes of every work in order (4А < 4Б < 10А), as a rank to sort by. */
export function classRank(data: Data): (className: string) => number {
  const classes = [...new Set(data.works.flatMap((w) => w.classes))].sort(compareClassNames);
  const rank = new Map(classes.map((c, i) => [c, i]));
  return (c) => rank.get(c) ?? classes.length;
}
