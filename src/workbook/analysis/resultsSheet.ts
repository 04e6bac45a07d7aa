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
  wrote: "писал",
  absent: "отсутствовал",
  partlyAbsent: "одна часть",
  notEntered: "не внесено",
  invalid: "ошибка",
};

export const CONFIDENTIAL_HEADER = "Конфиденциально: содержит ФИО. Только для школы, не передаётся.";

export function resultsSheet(data: AnalysisData): Omit<SheetPlan, "mode"> {
  const order = byClassAndName(data);
  const values: CellValue[][] = [[...RESULTS_HEADER]];
  for (const { work, index } of order) {
    const w = data.works[work];
    const r = w.rows[index];
    const diff = r.mark !== null && r.journal !== null ? r.mark - r.journal : null;
    values.push([w.students[index].name, r.className, r.code, w.work.subject, r.total, r.mark, r.journal, diff, STATUS_TEXT[r.status]]);
  }
  const last = values.length;
  return {
    name: RESULTS_SHEET,
    values,
    columnWidths: [32, 8, 8, 20, 10, 9, 11, 9, 14],
    freezeRows: 1,
    styles: [
      { range: `A1:I1`, bold: true, wrap: true, fill: HEADER_FILL, border: "thin", vertical: "middle" },
      ...(last > 1 ? [{ range: `A2:I${last}`, border: "thin" as const }] : []),
    ],
    print: { area: `A1:I${last}`, repeatRows: "1:1", landscape: true, fitToWidth: true, header: CONFIDENTIAL_HEADER },
  };
}

/** One collator for every sort by name: localeCompare per comparison is many times slower. */
export const RU = new Intl.Collator("ru");

const nameRanks = new WeakMap<Data, Map<string, number>>();
/** Every student's name ranked once in Russian order (both sheets by name sort by it). */
export function nameRank(data: Data): (name: string) => number {
  let ranks = nameRanks.get(data);
  if (!ranks) {
    const names = [...new Set(data.works.flatMap((w) => w.students.map((s) => s.name)))].sort(RU.compare);
    ranks = new Map(names.map((n, i) => [n, i]));
    nameRanks.set(data, ranks);
  }
  const r = ranks;
  return (name) => r.get(name) ?? 0;
}

/**
 * Every result row (work, row index) in the order the sheets by name show them: by class, then
 * name in Russian order, then work. `keep` picks the rows (default: all). Sorted by one numeric
 * key per row: no comparison of strings inside the sort.
 */
export function byClassAndName(data: Data, keep: (r: ResultRow) => boolean = () => true): { work: number; index: number }[] {
  const classOrder = classRank(data);
  const byName = nameRank(data);
  const works = data.works.length;
  // Ranks of names are below the number of rows of all works together.
  const names = 1 + data.works.reduce((n, w) => n + w.students.length, 0);
  const out: { work: number; index: number; key: number }[] = [];
  data.works.forEach((w, work) =>
    w.rows.forEach((r, index) => {
      if (keep(r)) out.push({ work, index, key: (classOrder(r.className) * names + byName(w.students[index].name)) * works + work });
    }),
  );
  return out.sort((a, b) => a.key - b.key);
}

/** Classes of every work in order (4А < 4Б < 10А), as a rank to sort by. */
export function classRank(data: Data): (className: string) => number {
  const classes = [...new Set(data.works.flatMap((w) => w.classes))].sort(compareClassNames);
  const rank = new Map(classes.map((c, i) => [c, i]));
  return (c) => rank.get(c) ?? classes.length;
}
