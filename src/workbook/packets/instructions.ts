// The packet's first sheet, «Инструкция»: what the expert types and where the file goes back.
// Only the work, the classes and the sheets are named — never a student or a teacher.
import { ABSENT, variantsOf, type WorkDefinition } from "../../core";
import type { CellValue, SheetPlan } from "../backend";
import { HEADER_FILL } from "../contract";
import { INSTRUCTIONS_SHEET } from "./packetNames";

/** A1 of the instructions sheet: also what tells a packet from any other workbook. */
export const INSTRUCTIONS_TITLE = "Баллы экспертов ВПР: инструкция";

/** `works`: the packet's works (one, unless two classes of a grade write the subject by different works). */
export function instructionsSheet(works: readonly WorkDefinition[], classes: readonly string[], sheets: readonly string[]): Omit<SheetPlan, "mode"> {
  const variants = [...new Set(works.flatMap((w) => variantsOf(w)))].join(" или ");
  const lines: string[] = [
    INSTRUCTIONS_TITLE,
    ...works.map((work) => `Работа: ${work.subject}, ${work.grade} класс (${work.id}).`),
    `${classes.length === 1 ? "Класс" : "Классы"}: ${classes.join(", ")}.`,
    `Листы для баллов: ${sheets.map((s) => `«${s}»`).join(", ")}.`,
    "",
    "Что вписывать",
    "1. Каждая строка — одна работа; она названа только кодом участника (столбец «Код»). ФИО в этом файле нет и не должно быть.",
    `2. «Вариант»: ${variants}. Если ученик не писал работу — «${ABSENT}», баллы в этой строке не ставьте.`,
    "3. Балл за задание — целое число от 0 до максимума, который указан в заголовке столбца: «5 (2б)» — задание 5, не больше 2 баллов.",
    "4. X (латинская или русская буква) — ученик не приступал к заданию.",
    "5. Столбцы «Итого», «Отметка» и «Проверка» считаются сами; в готовой строке «Проверка» показывает OK. «ошибка» — балл больше максимума или не число.",
    "",
    "Что не менять",
    "Коды, заголовки столбцов и названия листов: по ним баллы вернутся в книгу координатора. Не добавляйте и не удаляйте строки и листы.",
    "",
    "Как вернуть",
    "Сохраните файл в формате .xlsx (Excel, LibreOffice или Р7-Офис) и верните его координатору. Баллы, которые уже есть в книге координатора и отличаются от ваших, он увидит списком и решит, какие оставить.",
  ];
  const values: CellValue[][] = lines.map((l) => [l]);
  return {
    name: INSTRUCTIONS_SHEET,
    values,
    columnWidths: [110],
    styles: [
      { range: "A1", bold: true, fontSize: 14, fill: HEADER_FILL },
      { range: `A2:A${lines.length}`, wrap: true, vertical: "top" },
      ...lines.flatMap((l, i) => (l === "Что вписывать" || l === "Что не менять" || l === "Как вернуть" ? [{ range: `A${i + 1}`, bold: true }] : [])),
    ],
  };
}
