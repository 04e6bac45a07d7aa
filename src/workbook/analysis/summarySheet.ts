// «Анализ»: the school summary — one table per work with a row per class and the grade's row, and
// the marks by class as a chart. Add-in owned: rebuilt by every analysis.
import type { SheetPlan } from "../backend";
import type { AnalysisData } from "./analysisData";
import { addGroupTable, GROUP_COLUMN_WIDTHS } from "./groupTable";
import { SheetBuilder } from "./sheetBuilder";
import { scaleText, SUMMARY_SHEET, SUMMARY_TITLE } from "./analysisSheets";

export function summarySheet(data: AnalysisData, today: string): Omit<SheetPlan, "mode"> {
  const b = new SheetBuilder();
  const school = [data.schoolName, data.school ? `код ОО ${data.school}` : ""].filter(Boolean).join(", ");
  b.title(`${SUMMARY_TITLE}${school ? ` — ${school}` : ""}${data.year ? `, ${data.year}` : ""}`);
  b.note(`Построено ${today} по листам для баллов. Лист надстройки: пересоздаётся при каждом анализе — свои заметки ведите на других листах. Подробно по каждой работе — листы «Анализ …».`);
  if (data.changesSinceUpload !== null)
    b.add(
      [
        data.changesSinceUpload === 0
          ? "Баллы не менялись после последней загрузки форм (лист «Журнал баллов»)."
          : `Изменений баллов после последней загрузки форм: ${data.changesSinceUpload} — каждое перечисляет проверка (лист «Журнал баллов»).`,
      ],
      data.changesSinceUpload === 0 ? { italic: true } : { bold: true },
    );
  if (data.flags.length > 0) b.add([`Признаков необъективности: ${data.flags.length} — лист «Самопроверка объективности».`], { bold: true });
  b.blank();
  if (data.works.length === 0) b.add(["Нет работ с листами для баллов: сначала заполните «План» и создайте листы для баллов."]);
  for (const w of data.works) {
    const s = w.statistics;
    b.heading(`${s.subject}, ${s.grade} класс — работа ${s.workId}, максимум ${s.maxTotal} баллов; ${scaleText(s.scale)}`);
    addGroupTable(b, s, true);
  }
  return b.build(SUMMARY_SHEET, GROUP_COLUMN_WIDTHS, {
    freezeRows: 1,
    print: { landscape: true, fitToWidth: true, header: "Анализ результатов ВПР" },
  });
}
