// «Результаты для родителей»: a slip per student and work — the work, the score out of the
// maximum, the mark, and every item with its points — to print, cut and hand to parents. Names
// stay in this workbook; remove-names clears the ФИО cell of every slip.
import { rangeAddress, type ResultRow } from "../../core";
import type { CellStyle, CellValue, SheetPlan } from "../backend";
import type { AnalysisData } from "./analysisData";
import { PARENT_SLIPS_SHEET, PARENT_SLIPS_TITLE } from "./analysisSheets";
import { CONFIDENTIAL_HEADER } from "./resultsSheet";
import { compareClassNames } from "../inputs";

/** Items per line of a slip: eleven columns fit an A4 page in portrait. */
const ITEMS_PER_LINE = 10;
const WIDTH = ITEMS_PER_LINE + 1;
/** Label of the slip's name row: remove-names clears the cell to its right. */
export const SLIP_NAME_LABEL = "ФИО";
/** Slips per printed page: a slip never breaks across pages. */
const SLIPS_PER_PAGE = 4;

const markText = (r: ResultRow): string => (r.mark === null ? "—" : String(r.mark));

export function parentSlipsSheet(data: AnalysisData, today: string): Omit<SheetPlan, "mode"> {
  const values: CellValue[][] = [[`${PARENT_SLIPS_TITLE} — ${data.schoolName || "школа"}${data.year ? `, ${data.year}` : ""} (построено ${today})`]];
  const styles: CellStyle[] = [{ range: "A1", bold: true, fontSize: 12 }];
  const breaks: number[] = [];
  const slips: { className: string; name: string; subject: string; make: () => void }[] = [];
  for (const w of data.works) {
    w.rows.forEach((r, i) => {
      if (r.status !== "wrote") return;
      const student = w.students[i];
      slips.push({
        className: r.className,
        name: student.name,
        subject: w.work.subject,
        make: () => {
          const top = values.length;
          values.push([SLIP_NAME_LABEL, student.name, null, null, null, null, null, "Класс", r.className]);
          values.push(["Работа", `ВПР: ${w.work.subject}, ${w.work.grade} класс`, null, null, null, null, null, "Код", r.code]);
          values.push(["Баллы", `${r.total} из ${w.statistics.maxTotal}`, null, null, null, null, null, "Отметка", markText(r)]);
          styles.push({ range: rangeAddress(top, 0, 3, 1), bold: true }, { range: rangeAddress(top, 7, 3, 1), bold: true }, { range: rangeAddress(top + 2, 1, 1, 1), bold: true });
          for (let start = 0; start < w.work.items.length; start += ITEMS_PER_LINE) {
            const chunk = w.work.items.slice(start, start + ITEMS_PER_LINE);
            const labels = values.length;
            values.push(["Задание", ...chunk.map((it) => it.label)]);
            values.push(["Баллы", ...chunk.map((it, k) => `${r.scores[start + k] ?? 0} из ${it.max}`)]);
            styles.push({ range: rangeAddress(labels, 0, 2, chunk.length + 1), border: "thin", horizontal: "center" }, { range: rangeAddress(labels, 0, 2, 1), bold: true, horizontal: "left" });
          }
          // A dashed line to cut along.
          values.push([]);
          styles.push({ range: rangeAddress(values.length - 1, 0, 1, WIDTH), border: "dashed", rowHeight: 6 });
        },
      });
    });
  }
  slips.sort((a, b) => compareClassNames(a.className, b.className) || a.name.localeCompare(b.name, "ru") || a.subject.localeCompare(b.subject, "ru"));
  values.push([]);
  slips.forEach((s, i) => {
    s.make();
    if ((i + 1) % SLIPS_PER_PAGE === 0 && i + 1 < slips.length) breaks.push(values.length);
  });
  if (slips.length === 0) values.push(["Нет учеников с внесёнными баллами."]);
  const padded = values.map((r) => (r.length < WIDTH ? [...r, ...Array<CellValue>(WIDTH - r.length).fill(null)] : r));
  return {
    name: PARENT_SLIPS_SHEET,
    values: padded,
    columnWidths: [10, ...Array<number>(ITEMS_PER_LINE).fill(7)],
    styles,
    print: { area: `A1:${rangeAddress(padded.length - 1, WIDTH - 1, 1, 1)}`, fitToWidth: true, pageBreaksAfterRows: breaks, header: CONFIDENTIAL_HEADER },
  };
}
