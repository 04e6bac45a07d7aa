// «Самопроверка объективности»: every sign found, with its numbers and what it means, and for each
// flagged work a table of its classes (journal not confirmed, share of «5», mean mark) with a
// chart. Add-in owned, rebuilt by every analysis (docs/OBJECTIVITY.md).
import { columnLetter, type ObjectivityFlag, type ObjectivitySign } from "../../core";
import type { SheetPlan } from "../backend";
import type { AnalysisData } from "../analysis/analysisData";
import { OBJECTIVITY_SHEET, OBJECTIVITY_TITLE } from "../analysis/analysisSheets";
import { GRADE_LABEL, groupLabel } from "../analysis/groupTable";
import { fitRows } from "../analysis/rowHeight";
import { columnRange, SheetBuilder } from "../analysis/sheetBuilder";

export const SIGN_TITLES: Record<ObjectivitySign, string> = {
  "journal-mismatch": "Несовпадение с журналом",
  "boundary-peak": "Пик у границы отметки",
  "high-results": "Высокие результаты",
  "item-anomaly": "Необычное выполнение заданий",
};

const WIDTHS = [18, 10, 22, 70, 40, 10];

const numbersText = (f: ObjectivityFlag): string =>
  Object.entries(f.numbers)
    .map(([k, v]) => `${k}: ${v === null ? "—" : v}`)
    .join("; ");

export function objectivitySheet(data: AnalysisData, today: string): Omit<SheetPlan, "mode"> {
  const b = new SheetBuilder();
  b.title(`${OBJECTIVITY_TITLE} — ${data.schoolName || "школа"}${data.year ? `, ${data.year}` : ""}`);
  b.note(`Построено ${today}. Признаки, по которым муниципалитет и ФИС ОКО отбирают школы для перепроверки и наблюдения:`);
  b.note("не ошибки, а места, которые стоит посмотреть до загрузки. Группы меньше 10 писавших не проверяются, меньше 20 — признак ориентировочный.");
  b.blank();
  if (data.flags.length === 0) {
    b.add([data.works.length === 0 ? "Нет работ с листами для баллов." : "Признаков необъективности не найдено."], { bold: true });
  } else {
    b.heading(`Найдено признаков: ${data.flags.length}`);
    b.header(["Работа", "Класс", "Признак", "Что видно и что посмотрит инспектор", "Цифры", "Мало писавших"]);
    const rows = data.flags.map((f) => [`${f.subject}, ${f.grade} класс`, f.class ?? GRADE_LABEL, SIGN_TITLES[f.code], f.message, numbersText(f), f.small ? "да" : null]);
    const first = b.rows(rows);
    b.style(first, 0, rows.length, WIDTHS.length, {
      wrap: true,
      vertical: "top",
    });
    // LibreOffice keeps a written row's height: a message of several lines gets its own.
    fitRows(b, first, rows, WIDTHS, [3, 4]);
    b.blank();
  }
  // A table and a chart per flagged work.
  const flagged = data.works.filter((w) => data.flags.some((f) => f.workId === w.work.id));
  for (const w of flagged) {
    const s = w.statistics;
    b.heading(`${s.subject}, ${s.grade} класс: классы рядом`);
    b.header(["Класс", "Писали", "Не подтвердили журнал, %", "«5», %", "Средняя отметка", "Признаков"]);
    const first = b.row;
    b.rows(
      s.groups.map((g) => {
        const j = g.journal;
        const compared = j ? j.lower + j.same + j.higher : 0;
        const mismatch = j && compared > 0 ? Math.round(((j.lower + j.higher) / compared) * 1000) / 10 : null;
        return [groupLabel(g), g.wrote, mismatch, g.marksPercent?.["5"] ?? null, g.meanMark, data.flags.filter((f) => f.workId === s.workId && f.class === g.class).length];
      }),
      (i) => s.groups[i].class === null,
    );
    b.style(first, 2, s.groups.length, 2, { numberFormat: "0.0" });
    b.blank();
    if (s.scale)
      b.chart(
        {
          type: "column",
          title: `${s.subject}, ${s.grade} класс: не подтвердили журнал и «5», %`,
          categories: columnRange(first, 0, s.groups.length),
          series: [
            {
              name: "Не подтвердили журнал, %",
              values: columnRange(first, 2, s.groups.length),
              color: "#C00000",
            },
            {
              name: "«5», %",
              values: columnRange(first, 3, s.groups.length),
              color: "#38761D",
            },
          ],
          valueMax: 100,
          valueTitle: "%",
        },
        4,
      );
  }
  return b.build(OBJECTIVITY_SHEET, WIDTHS, {
    freezeRows: 1,
    // The print area keeps the notes' overflow off the page, so fitting to width does not shrink the tables.
    print: {
      landscape: true,
      fitToWidth: true,
      header: OBJECTIVITY_TITLE,
      area: `A1:${columnLetter(WIDTHS.length - 1)}${Math.max(1, b.row)}`,
    },
  });
}
