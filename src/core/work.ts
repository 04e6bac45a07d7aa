// Work definitions: what a ВПР work is made of. Structures change every year, so they are data.
import type { ItemLevel } from "./analysis/thresholds";

/** One scored item of a work: `5.1`, `3(2)`, `1К1`. */
export interface Item {
  label: string;
  /** Maximum score (максимальный балл), a whole number ≥ 1. */
  max: number;
  /** Which part of a two-part work the item belongs to; 1 for one-part works. */
  part: 1 | 2;
  /** Level from the «Уровень» row of «Критерии» (Б базовый, П повышенный, В высокий), when given. */
  level?: ItemLevel;
}

/** Minimum totals for the marks 3, 4 and 5; anything below `min3` is a 2. */
export interface MarkScale {
  min3: number;
  min4: number;
  min5: number;
}

export interface WorkDefinition {
  /** Short id used on «План» and «Критерии», e.g. "RU4-2026". */
  id: string;
  /** Subject as the school writes it, e.g. "Математика". Subjects are data, not an enum. */
  subject: string;
  /** Grade (параллель), 1–11. */
  grade: number;
  /** Year or years the structure is known for, as text: "2026", "2022–2023". */
  year: string;
  /** Where the structure comes from. */
  source: string;
  items: Item[];
  scale?: MarkScale;
  /** Variant numbers the form accepts. Default [1, 2]. */
  variants?: number[];
}

export const DEFAULT_VARIANTS: readonly number[] = [1, 2];

export const variantsOf = (work: WorkDefinition): readonly number[] => work.variants ?? DEFAULT_VARIANTS;

export const maxTotal = (work: WorkDefinition): number => work.items.reduce((s, i) => s + i.max, 0);

export const isTwoPart = (work: WorkDefinition): boolean => work.items.some((i) => i.part === 2);

/** Parts present in the work, in order: [1] or [1, 2]. */
export const partsOf = (work: WorkDefinition): (1 | 2)[] => (isTwoPart(work) ? [1, 2] : [1]);

/** Checks a definition typed by a user or read from a sheet; returns Russian problems, empty when fine. */
export function definitionProblems(work: WorkDefinition): string[] {
  const problems: string[] = [];
  if (!/^[\p{L}\p{N}._-]{1,40}$/u.test(work.id)) problems.push(`идентификатор работы «${work.id}» должен состоять из букв, цифр, точки, дефиса или подчёркивания (до 40 знаков)`);
  if (!work.subject.trim()) problems.push("не указан предмет");
  if (!Number.isInteger(work.grade) || work.grade < 1 || work.grade > 11) problems.push(`класс (параллель) должен быть числом от 1 до 11, а указано «${work.grade}»`);
  if (work.items.length === 0) problems.push("нет ни одного задания");
  const seen = new Set<string>();
  for (const item of work.items) {
    if (!Number.isInteger(item.max) || item.max < 1 || item.max > 99) problems.push(`максимум задания ${item.label} должен быть целым числом от 1 до 99, а указано «${item.max}»`);
    if (seen.has(item.label)) problems.push(`задание ${item.label} указано дважды`);
    seen.add(item.label);
  }
  // Part 2 items must follow all part 1 items: the form puts «Вариант (часть 2)» before them.
  const firstPart2 = work.items.findIndex((i) => i.part === 2);
  if (firstPart2 >= 0 && work.items.slice(firstPart2).some((i) => i.part === 1)) problems.push("задания части 1 должны идти перед заданиями части 2");
  if (work.scale) {
    const { min3, min4, min5 } = work.scale;
    const total = maxTotal(work);
    if (![min3, min4, min5].every((n) => Number.isInteger(n) && n >= 0)) problems.push("границы шкалы должны быть целыми неотрицательными числами");
    else if (!(min3 < min4 && min4 < min5 && min5 <= total)) problems.push(`границы шкалы должны возрастать и не превышать максимум ${total}: указано ${min3} / ${min4} / ${min5}`);
  }
  return problems;
}
