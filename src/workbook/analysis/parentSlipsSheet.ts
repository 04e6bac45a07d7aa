// «Результаты для родителей»: a slip per student and work — the work, the score out of the
// maximum, the mark, and every item with its points — to print, cut and hand to parents. Names
// stay in this workbook; remove-names clears the ФИО cell of every slip.
import { rangeAddress, type ResultRow } from "../../core";
import type { CellStyle, CellValue, SheetPlan } from "../backend";
import type { AnalysisData } from "./analysisData";
import { PARENT_SLIPS_SHEET, PARENT_SLIPS_TITLE, SLIP_NAME_LABEL } from "./analysisSheets";
import { CONFIDENTIAL_HEADER } from "./resultsSheet";
import { classRank, RU } from "./resultsSheet";

/** Items per line of a slip: eleven columns fit an A4 page in portrait. */
const ITEMS_PER_LINE = 10;
const WIDTH = ITEMS_PER_LINE + 1;
/** Slips per printed page: a slip never breaks across pages. */
const SLIPS_PER_PAGE = 4;

const markText = (r: ResultRow): string => (r.mark === null ? "—" : String(r.mark));


export function parentSlipsSheet(data: AnalysisData, today: string): Omit<SheetPlan, "mode"> {
  const values: CellValue[][] = [row([`${PARENT_SLIPS_TITLE} — ${data.schoolName || "школа"}${data.year ? `, ${data.year}` : ""} (построено ${today})`])];
  const styles: CellStyle[] = [{ range: "A1", bold: true, fontSize: 12 }];
  const breaks: number[] = [];
  // Per work, made once: the item label rows («5.1 (1б)»), shared by every slip of the work.
  const labelRows = data.works.map((w) => {
    const rows: CellValue[][] = [];
    for (let start = 0; start < w.work.items.length; start += ITEMS_PER_LINE) rows.push(row(["Задание", ...w.work.items.slice(start, start + ITEMS_PER_LINE).map((it) => `${it.label} (${it.max}б)`)]));
    return rows;
  });
  const slips: { work: number; index: number; className: string; name: string; subject: string }[] = [];
  data.works.forEach((w, work) =>
    w.rows.forEach((r, index) => {
      if (r.status === "wrote") slips.push({ work, index, className: r.className, name: w.students[index].name, subject: w.work.subject });
    }),
  );
  const classOrder = classRank(data);
  slips.sort((a, b) => classOrder(a.className) - classOrder(b.className) || RU.compare(a.name, b.name) || RU.compare(a.subject, b.subject));
  values.push(row([]));
  slips.forEach((s, i) => {
    const w = data.works[s.work];
    const r = w.rows[s.index];
    values.push(
      row([SLIP_NAME_LABEL, s.name, null, null, null, null, null, null, `Класс: ${r.className}`]),
      row(["Работа", `ВПР: ${w.work.subject}, ${w.work.grade} класс`, null, null, null, null, null, null, `Код: ${r.code}`]),
      row(["Баллы", `${r.total} из ${w.statistics.maxTotal}`, null, null, null, null, null, null, `Отметка: ${markText(r)}`]),
    );
    const grid = values.length;
    labelRows[s.work].forEach((labels, chunk) => {
      values.push(labels.slice());
      const points = row(["Баллы"]);
      for (let k = 0; k < ITEMS_PER_LINE; k++) {
        const score = r.scores[chunk * ITEMS_PER_LINE + k];
        if (score !== undefined) points[k + 1] = score;
      }
      values.push(points);
    });
    // One bordered grid of the items, then a dashed line to cut along: two styles per slip.
    styles.push({ range: rangeAddress(grid, 0, values.length - grid, WIDTH), border: "thin", horizontal: "center" });
    values.push(row([]));
    styles.push({ range: rangeAddress(values.length - 1, 0, 1, WIDTH), border: "dashed", rowHeight: 6 });
    if ((i + 1) % SLIPS_PER_PAGE === 0 && i + 1 < slips.length) breaks.push(values.length);
  });
  if (slips.length === 0) values.push(row(["Нет учеников с внесёнными баллами."]));
  // Labels in bold: column A, one range for the whole sheet rather than one per slip.
  if (values.length > 2) styles.push({ range: rangeAddress(2, 0, values.length - 2, 1), bold: true });
  return {
    name: PARENT_SLIPS_SHEET,
    values,
    columnWidths: [10, ...Array<number>(ITEMS_PER_LINE).fill(7)],
    styles,
    print: { area: `A1:${rangeAddress(values.length - 1, WIDTH - 1, 1, 1)}`, fitToWidth: true, pageBreaksAfterRows: breaks, header: CONFIDENTIAL_HEADER },
  };
}

/** A row of the sheet's full width. */
function row(cells: CellValue[]): CellValue[] {
  while (cells.length < WIDTH) cells.push(null);
  return cells;
}
