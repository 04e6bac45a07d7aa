// The protocol's first sheet, «Инструкция»: what the commission types, where, and what it must not
// change (the report reads the file back by sheet, header and code).
import { ABSENT, variantsOf } from "../../core";
import type { CellValue, SheetPlan } from "../backend";
import { HEADER_FILL } from "../contract";
import type { CommissionSheet } from "./commission";
import { COMMISSION_INSTRUCTIONS_SHEET, COMMISSION_TITLE, COMMISSION_WORKS_SHEET, SCHOOL_HEADER } from "./commissionLayout";

const HEADINGS = new Set(["Что вписывать", "Что не менять", "Как вернуть"]);

export function commissionInstructions(sheets: readonly CommissionSheet[]): Omit<SheetPlan, "mode"> {
  const total = sheets.reduce((n, s) => n + s.rows, 0);
  const lines: string[] = [
    COMMISSION_TITLE,
    `Работ на перепроверку: ${total}.`,
    ...sheets.map((s) => `Лист «${s.name}»: ${s.work.subject}, ${s.work.grade} класс (${s.work.id}), работ: ${s.rows}, школ: ${s.schools.length}.`),
    "",
    "Что вписывать",
    `1. Каждая строка — одна работа: код участника (столбец «Код»), вариант и код школы (столбец «${SCHOOL_HEADER}» справа). Скан работы называется «<код школы>_<код участника>_вар.<вариант>.pdf». ФИО в этом файле нет.`,
    "2. Исходные баллы школы здесь не показаны намеренно: оцените работу заново по критериям.",
    "3. Балл за задание — целое число от 0 до максимума из заголовка столбца: «5 (2б)» — задание 5, не больше 2 баллов. X (латинская или русская) — ученик не приступал к заданию.",
    `4. Вариант уже вписан по выборке (${[...new Set(sheets.flatMap((s) => variantsOf(s.work)))].join(" или ")}); если на скане другой — исправьте. У работ из двух частей вариант второй части впишите со скана.`,
    "5. «Итого», «Отметка» и «Проверка» считаются сами. «нет баллов» — строка ещё не заполнена; «ошибка» — балл больше максимума или не число; в готовой строке — OK.",
    `6. Если работы нет (скан не пришёл) — оставьте строку пустой или впишите в вариант «${ABSENT}»: в отчёт она не попадёт и будет названа.`,
    "",
    "Что не менять",
    `Коды, коды школ, заголовки столбцов, названия листов и лист «${COMMISSION_WORKS_SHEET}»: по ним баллы комиссии сопоставляются с исходными. Строки и листы не добавляйте и не удаляйте.`,
    "",
    "Как вернуть",
    "Сохраните файл в формате .xlsx (Excel, LibreOffice или Р7-Офис) и передайте его тому, кто составляет отчёт о расхождениях (vpr recheck report).",
  ];
  const values: CellValue[][] = lines.map((l) => [l]);
  return {
    name: COMMISSION_INSTRUCTIONS_SHEET,
    values,
    columnWidths: [110],
    styles: [
      { range: "A1", bold: true, fontSize: 14, fill: HEADER_FILL },
      { range: `A2:A${lines.length}`, wrap: true, vertical: "top" },
      ...lines.flatMap((l, i) => (HEADINGS.has(l) ? [{ range: `A${i + 1}`, bold: true }] : [])),
    ],
  };
}
