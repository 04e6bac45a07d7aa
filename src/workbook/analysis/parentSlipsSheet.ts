// «Результаты для родителей»: a slip per student and work — the work, the score out of the
// maximum, the mark, and every item with its points — to print, cut and hand to parents. Names
// stay in this workbook; remove-names clears the ФИО cell of every slip.
import { rangeAddress } from "../../core";
import type { CellStyle, CellValue, SheetPlan } from "../backend";
import type { AnalysisData } from "./analysisData";
import { PARENT_SLIPS_SHEET, PARENT_SLIPS_TITLE, SLIP_NAME_LABEL } from "./analysisSheets";
import { CONFIDENTIAL_HEADER } from "./resultsSheet";
import { byClassAndName } from "./resultsSheet";

/** Items per line of a slip: eleven columns fit an A4 page in portrait. */
const ITEMS_PER_LINE = 10;
const WIDTH = ITEMS_PER_LINE + 1;
/**
 * Rows a printed A4 page holds at the fitted width (LibreOffice and Excel alike: ~45 rows of 15 pt);
 * a slip that would cross the page's end starts the next page, so none is cut in two.
 */
const ROWS_PER_PAGE = 42;


export function parentSlipsSheet(data: AnalysisData, today: string): Omit<SheetPlan, "mode"> {
  const values: CellValue[][] = [row([`${PARENT_SLIPS_TITLE} — ${data.schoolName || "школа"}${data.year ? `, ${data.year}` : ""} (построено ${today})`])];
  const styles: CellStyle[] = [{ range: "A1", bold: true, fontSize: 12 }];
  const breaks: number[] = [];
  // Per work, made once: the item label rows («5.1 (1б)»), the same (frozen) row in every slip of
  // the work — a sheet of slips for a large school is millions of cells, and back ends only read.
  const labelRows = data.works.map((w) => {
    const rows: CellValue[][] = [];
    for (let start = 0; start < w.work.items.length; start += ITEMS_PER_LINE) rows.push(Object.freeze(row(["Задание", ...w.work.items.slice(start, start + ITEMS_PER_LINE).map((it) => `${it.label} (${it.max}б)`)])) as CellValue[]);
    return rows;
  });
  // Per work, made once: its title and the «N из M» of every possible score.
  const titles = data.works.map((w) => `ВПР: ${w.work.subject}, ${w.work.grade} класс`);
  const scoreTexts = data.works.map((w) => Array.from({ length: w.statistics.maxTotal + 1 }, (_, n) => `${n} из ${w.statistics.maxTotal}`));
  const slips = byClassAndName(data, (r) => r.status === "wrote");
  values.push(row([]));
  let pageStart = values.length;
  slips.forEach((s) => {
    const w = data.works[s.work];
    const height = 2 + 2 * labelRows[s.work].length + 1;
    if (values.length - pageStart + height > ROWS_PER_PAGE && values.length > pageStart) {
      breaks.push(values.length);
      pageStart = values.length;
    }
    const r = w.rows[s.index];
    values.push(
      [SLIP_NAME_LABEL, w.students[s.index].name, null, null, null, null, "Класс", r.className, null, "Код", r.code],
      ["Работа", titles[s.work], null, null, null, null, "Баллы", scoreTexts[s.work][r.total ?? 0], null, "Отметка", r.mark ?? "—"],
    );
    const grid = values.length;
    labelRows[s.work].forEach((labels, chunk) => {
      values.push(labels);
      const points: CellValue[] = ["Баллы", null, null, null, null, null, null, null, null, null, null];
      for (let k = 0; k < ITEMS_PER_LINE; k++) {
        const score = r.scores[chunk * ITEMS_PER_LINE + k];
        if (score !== undefined) points[k + 1] = score;
      }
      values.push(points);
    });
    // One style per slip (a bordered grid of the items): each style is several requests in Excel.
    // The empty row under it separates the slips for cutting.
    styles.push({ range: rangeAddress(grid, 0, values.length - grid, WIDTH), border: "thin", horizontal: "center" });
    values.push(CUT_LINE);
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

/** The empty row under each slip (one frozen row, shared). */
const CUT_LINE = Object.freeze(Array<CellValue>(ITEMS_PER_LINE + 1).fill(null)) as CellValue[];

/** A row of the sheet's full width. */
function row(cells: CellValue[]): CellValue[] {
  while (cells.length < WIDTH) cells.push(null);
  return cells;
}
