// Which column of a source holds what, from its header row. Three dialects: the upload form (ours
// and the official one filled by others: `Код | Вариант… | 1 (2б) … | Класс… | Пол | Отметка…`),
// the FIS OKO export of 2021 (`логин школы | … | код обучающегося | … | вариант | балл за 1 | …`)
// and the export of 2020 (`groups | user | id | code | otc | gender | klass | var-1 | var-2 | sum |
// a-1-grade | …`). Name-like columns are found in any of them: a source must never carry names.
import { parseItemHeader } from "../../core";
import type { CellValue } from "../backend";
import { cellText, headerKey } from "../contract";
import { isNameHeader } from "../removeNames";

export type SourceLayout = "form" | "export-2021" | "export-2020";

export interface SourceColumns {
  layout: SourceLayout;
  code: number;
  /** One per part (forms may have two); the 2020 export's var-1 and var-2. */
  variants: number[];
  /** `max` from the header «1 (2б)»; null for exports (Критерии or the data give it). */
  items: { col: number; label: string; max: number | null }[];
  className: number;
  gender: number;
  journal: number;
  /** Exports: columns that may hold the school's login `sch123456` (2020: groups, user). */
  school: number[];
  /** Headers that look like names («ФИО», «Фамилия», «Ученик»…), with their columns. */
  names: { col: number; header: string }[];
}

const EXPORT_ITEM = /^балл за (.+)$/;
const EXPORT_2020_ITEM = /^a-(.+)-grade$/;

/** The columns of `row` when it is a header of one of the three dialects, else null. */
export function sourceColumns(row: readonly CellValue[]): SourceColumns | null {
  const keys = row.map(headerKey);
  const names = row.flatMap((h, col) => (isNameHeader(h) ? [{ col, header: cellText(h) }] : []));
  const cols: SourceColumns = { layout: "form", code: -1, variants: [], items: [], className: -1, gender: -1, journal: -1, school: [], names };
  if (keys.includes("логин школы") || keys.includes("код обучающегося")) {
    cols.layout = "export-2021";
    keys.forEach((k, c) => {
      const item = EXPORT_ITEM.exec(k);
      if (k === "логин школы") cols.school.push(c);
      else if (k === "код обучающегося") cols.code = c;
      else if (k === "вариант") cols.variants.push(c);
      else if (k === "класс") cols.className = c;
      else if (k === "пол") cols.gender = c;
      else if (k.startsWith("отметка")) cols.journal = c;
      else if (item) cols.items.push({ col: c, label: item[1].trim(), max: null });
    });
  } else if (keys.includes("code") && keys.some((k) => EXPORT_2020_ITEM.test(k))) {
    cols.layout = "export-2020";
    keys.forEach((k, c) => {
      const item = EXPORT_2020_ITEM.exec(k);
      if (k === "groups" || k === "user") cols.school.push(c);
      else if (k === "code") cols.code = c;
      else if (/^var-\d+$/.test(k)) cols.variants.push(c);
      else if (k === "klass") cols.className = c;
      else if (k === "gender") cols.gender = c;
      else if (k === "otc") cols.journal = c;
      else if (item) cols.items.push({ col: c, label: item[1].trim(), max: null });
    });
  } else if (keys[0] === "код" && keys.some((k) => k.startsWith("вариант"))) {
    cols.code = 0;
    row.forEach((h, c) => {
      const k = keys[c];
      if (c === 0 || k === "") return;
      if (k.startsWith("вариант")) cols.variants.push(c);
      else if (k.startsWith("класс")) cols.className = c;
      else if (k === "пол") cols.gender = c;
      else if (k.startsWith("отметка")) cols.journal = c;
      else if (cols.className < 0) {
        const parsed = parseItemHeader(h);
        if (parsed.ok) cols.items.push({ col: c, label: parsed.label, max: parsed.max });
      }
    });
  } else return null;
  return cols.code >= 0 && cols.items.length > 0 ? cols : null;
}
