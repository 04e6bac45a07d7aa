// Rows of the upload form (форма сбора результатов): codes, variants, scores — never a name.
import { formatItemHeader } from "./header";
import { isAbsentText, parseScore, ABSENT } from "./score";
import { isTwoPart, type WorkDefinition } from "./work";

export const UPLOAD_SHEET = "Протокол";
export const CLASSES_SHEET = "Классы";
export const CODE_HEADER = "Код";
export const VARIANT_HEADER = "Вариант";
export const variantPartHeader = (part: 1 | 2): string => `Вариант (часть ${part})`;
export const CLASS_HEADER = 'Класс № (список формируется из листа "Классы")';
export const GENDER_HEADER = "Пол";
export const PREV_MARK_HEADER = "Отметка за предыдущий триместр/ четверть/полугодие";

/** The letter the form gets for a task not attempted. */
export type XLetter = "X" | "Х";

/** A column of the form or of a score sheet's leading part: code, a variant of a part, or an item. */
export type FormColumn = { kind: "code" } | { kind: "variant"; part: 1 | 2 } | { kind: "item"; index: number };

/** Code, variant(s) and items in form order: two-part works put «Вариант (часть 2)» before part 2's items. */
export function formColumns(work: WorkDefinition): FormColumn[] {
  const cols: FormColumn[] = [{ kind: "code" }];
  const two = isTwoPart(work);
  cols.push({ kind: "variant", part: 1 });
  work.items.forEach((item, index) => {
    if (two && item.part === 2 && (index === 0 || work.items[index - 1].part === 1)) cols.push({ kind: "variant", part: 2 });
    cols.push({ kind: "item", index });
  });
  return cols;
}

export function columnHeader(work: WorkDefinition, col: FormColumn): string {
  switch (col.kind) {
    case "code":
      return CODE_HEADER;
    case "variant":
      return isTwoPart(work) ? variantPartHeader(col.part) : VARIANT_HEADER;
    case "item":
      return formatItemHeader(work.items[col.index]);
  }
}

export function uploadHeader(work: WorkDefinition): string[] {
  return [...formColumns(work).map((c) => columnHeader(work, c)), CLASS_HEADER, GENDER_HEADER, PREV_MARK_HEADER];
}

export interface UploadStudent {
  code: number;
  className: string;
  gender: "м" | "ж" | null;
  previousMark: 2 | 3 | 4 | 5 | null;
  /** One per part, as typed on the score sheet (already checked). */
  variants: readonly unknown[];
  /** One per item, as typed on the score sheet (already checked). */
  scores: readonly unknown[];
}

export type UploadCell = string | number | null;

/** One row of «Протокол». Scores must have passed checkRow: this only normalises spellings. */
export function uploadRow(work: WorkDefinition, s: UploadStudent, x: XLetter): UploadCell[] {
  const absentPart = (part: 1 | 2) => isAbsentText(s.variants[part - 1]);
  const cells = formColumns(work).map((col): UploadCell => {
    switch (col.kind) {
      case "code":
        return s.code;
      case "variant": {
        const v = s.variants[col.part - 1];
        if (absentPart(col.part)) return ABSENT;
        return typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : (v as UploadCell) ?? null;
      }
      case "item": {
        if (absentPart(work.items[col.index].part)) return null;
        const cell = parseScore(s.scores[col.index]);
        return cell.kind === "x" ? x : cell.kind === "score" ? cell.value : null;
      }
    }
  });
  return [...cells, s.className, s.gender, s.previousMark];
}

/** `<Код ОО>_<параллель>_<предмет>.xlsx`, made safe for every file system. */
export function uploadFileName(school: string, grade: number, subject: string): string {
  const safeSubject = subject.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim();
  return `${school}_${grade}_${safeSubject}.xlsx`;
}
