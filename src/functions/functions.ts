// Custom functions (namespace VPR): thin wrappers over src/core. See README.md beside this file.
//
// Rules every function here keeps (Excel quirks):
// - A range parameter is `any[][]`; a 1-D `T[]` parameter would be a repeating argument.
// - An empty cell arrives as 0 in Excel desktop and as "" or null in Excel on the web. A typed 0
//   and an empty cell are therefore indistinguishable on desktop: no function flags an empty cell
//   as an error, and functions that count cells (PERCENT) count a desktop empty cell as a 0.
// - Functions return "" rather than null (null shows as 0 in some hosts).
// - Errors are #VALUE! with a Russian message (shown in the cell's error tooltip).
// - Importing this module touches no Office global; `CustomFunctions` is looked up only when an
//   error is thrown, so the module runs under Node (jest, CLI).
import {
  allowedScoresText,
  findWork,
  markFor,
  maxTotal,
  parseItemHeader,
  parseScore,
  scaleFromMinima,
  scanFileName,
  type HeaderParse,
} from "../core";

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes untyped cell values. */

// ---------------------------------------------------------------------------------------------
// Helpers (exported for tests; not custom functions: they carry no @customfunction tag)

/** The error a custom function throws: #VALUE! with the message in Excel, a plain Error elsewhere. */
export function invalidValue(message: string): Error {
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (cf && typeof cf.Error === "function" && cf.ErrorCode) {
    return new cf.Error(cf.ErrorCode.invalidValue, message) as unknown as Error;
  }
  return new Error(message);
}

/** Cells of a range argument in reading order (row by row). A scalar counts as one cell. */
export function cellsOf(range: unknown): unknown[] {
  if (!Array.isArray(range)) return [range];
  const out: unknown[] = [];
  for (const row of range) {
    if (Array.isArray(row)) for (const v of row) out.push(v);
    else out.push(row);
  }
  return out;
}

/** Empty as far as the web host tells us: null, undefined or blank text. (Desktop sends 0.) */
const isEmptyCell = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

const capitalize = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Joins per-item problems into one sentence: "Задание 3: …; задание 5: …". */
const sentence = (parts: readonly string[]): string => capitalize(parts.join("; "));

/** Core messages use ": " inside; inside our "задание N: …" list a dash reads better. */
const inner = (message: string): string => message.replace(/: /g, " — ");

/** Header parses are cached: a sheet recalculates the same header texts thousands of times. */
const headerCache = new Map<string, HeaderParse>();
function cachedHeader(text: string): HeaderParse {
  let r = headerCache.get(text);
  if (!r) {
    if (headerCache.size > 2000) headerCache.clear();
    r = parseItemHeader(text);
    headerCache.set(text, r);
  }
  return r;
}

interface MaxCell {
  label: string;
  max: number;
}

/**
 * Reads one maximum: a whole number 1–99 (also as text), labelled by its position, or an item
 * header "5.1 (1б)", labelled by the header. Throws #VALUE! naming the position otherwise.
 */
function readMax(v: unknown, position: number): MaxCell {
  let n: number = NaN;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const s = v.trim();
    if (/^\d{1,2}$/.test(s)) n = Number(s);
    else if (s !== "") {
      const h = cachedHeader(s);
      if (h.ok) return { label: h.label, max: h.max };
      throw invalidValue(`Максимум ${position}: ${h.message}`);
    }
  }
  if (Number.isInteger(n) && n >= 1 && n <= 99) return { label: String(position), max: n };
  const shown = isEmptyCell(v) || v === 0 ? "пусто или 0" : `«${String(v)}»`;
  throw invalidValue(`Максимум ${position}: ${shown}; максимум задания — целое число от 1 до 99 или заголовок вида «5.1 (1б)»`);
}

/** Message for a score cell that is not a valid score (never called for empty cells or X). */
function scoreProblem(v: unknown, max: number | null): string | null {
  const cell = parseScore(v);
  switch (cell.kind) {
    case "empty":
    case "x":
      return null;
    case "absent":
      return "«отсутствовал» пишется в ячейку варианта, а в ячейку задания — балл или X";
    case "invalid":
      return cell.code === "score.text" || cell.code === "score.bool"
        ? `${inner(cell.message)}${max === null ? "; допустимо целое число или X" : `; допустимо ${allowedScoresText(max)}`}`
        : inner(cell.message);
    case "score":
      return max !== null && cell.value > max ? `балл ${cell.value} больше максимума ${max}` : null;
  }
}

/** Value of a score cell for sums: the score, 0 for X and empty; null when not a score. */
function scoreValue(v: unknown): number | null {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  const cell = parseScore(v);
  if (cell.kind === "score") return cell.value;
  if (cell.kind === "x" || cell.kind === "empty") return 0;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Custom functions

// An empty cell is an error only beside typed scores and only where the host tells it apart (the
// web: null or ""); in Excel desktop an empty cell arrives as 0, like a typed 0. Lenient readings (a number typed as text, "2,0") are accepted silently; checkRow warns about them.
/**
 * Checks item scores against the items' maxima: "OK" or a Russian list of the bad items.
 * @customfunction VALIDATE
 * @param scores Item scores of one student: whole numbers, X (Latin or Cyrillic) or empty cells.
 * @param maxima Maximum of each item, in the same order: numbers, or the form's header row ("5.1 (1б)").
 * @returns "OK" or the list of problems, e.g. "Задание 3: балл 3 больше максимума 2".
 */
export function VALIDATE(scores: any[][], maxima: any[][]): string {
  const values = cellsOf(scores);
  const maxCells = cellsOf(maxima);
  if (values.length !== maxCells.length) {
    throw invalidValue(`В диапазоне баллов ${values.length} яч., а в диапазоне максимумов ${maxCells.length}: выделите одинаковое число ячеек`);
  }
  let problems: string[] | null = null;
  // An empty cell in a row where other scores are typed was forgotten — where the host tells empty
  // from 0 (Excel on the web: null or ""; desktop Excel sends 0, and the check still finds it). A row
  // with no score at all (a student who was absent) is not this function's to judge.
  const partial = values.some((v) => !isEmptyCell(v)) && values.some((v) => v === null || v === undefined || v === "");
  for (let i = 0; i < values.length; i++) {
    const m = maxCells[i];
    // Fast path: a plain maximum and a plain whole score within it.
    const max = typeof m === "number" && m >= 1 && m <= 99 && Number.isInteger(m) ? m : -1;
    const v = values[i];
    if (max > 0 && typeof v === "number" && v >= 0 && v <= max && Number.isInteger(v)) continue;
    const item = max > 0 ? { label: String(i + 1), max } : readMax(m, i + 1);
    const problem = partial && (v === null || v === undefined || v === "") ? `балл не проставлен; поставьте ${allowedScoresText(item.max)}` : scoreProblem(v, item.max);
    if (problem) (problems ??= []).push(`задание ${item.label}: ${problem}`);
  }
  return problems ? sentence(problems) : "OK";
}

/**
 * Primary total of a row of item scores: the sum of the scores, X and empty cells counting 0.
 * @customfunction TOTAL
 * @param scores Item scores of one student.
 * @returns The sum of the scores; #VALUE! when a cell is not a score.
 */
export function TOTAL(scores: any[][]): number {
  const values = cellsOf(scores);
  let total = 0;
  let problems: string[] | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number" && v >= 0 && Number.isInteger(v)) {
      total += v;
      continue;
    }
    const n = scoreValue(v);
    if (n !== null) total += n;
    else (problems ??= []).push(`ячейка ${i + 1}: ${scoreProblem(v, null)}`);
  }
  if (problems) throw invalidValue(sentence(problems));
  return total;
}

// A total given as "" or null (web empty cell) gives ""; on desktop an empty cell is 0 and gives 2.
/**
 * Mark 2–5 for a primary total: the scale is three minimum totals (for 3, 4, 5) or a built-in work id.
 * @customfunction MARK
 * @param total Primary total (the result of TOTAL); an empty cell gives an empty result.
 * @param scale Three cells with the minimum totals for 3, 4 and 5, or a built-in work id such as "RU4-2026".
 * @returns The mark 2, 3, 4 or 5, or "" when the total is empty.
 */
export function MARK(total: any, scale: any[][]): number | string {
  if (isEmptyCell(total)) return "";
  const t = typeof total === "number" ? total : typeof total === "string" && /^\s*\d+\s*$/.test(total) ? Number(total) : NaN;
  if (!Number.isFinite(t) || t < 0) throw invalidValue(`Итого «${String(total)}» — не число баллов: ожидается целое неотрицательное число`);

  const cells = cellsOf(scale).filter((v) => !isEmptyCell(v));
  if (cells.length === 1 && typeof cells[0] === "string" && !/^\s*\d+\s*$/.test(cells[0])) {
    const id = cells[0].trim();
    const work = findWork(id);
    if (!work) throw invalidValue(`Работа «${id}» не найдена во встроенном каталоге: укажите три минимальных балла для отметок 3, 4 и 5`);
    if (!work.scale) throw invalidValue(`У работы ${work.id} нет шкалы отметок: укажите три минимальных балла для отметок 3, 4 и 5`);
    const max = maxTotal(work);
    if (t > max) throw invalidValue(`Итого ${t} больше максимума работы ${work.id} (${max})`);
    return markFor(t, work.scale);
  }
  const s = scaleFromMinima(cellsOf(scale));
  if (!s) {
    throw invalidValue("Шкала должна состоять из трёх возрастающих целых чисел — минимальных баллов для отметок 3, 4 и 5 (например 10, 16, 21) — или быть кодом работы, например «RU4-2026»");
  }
  return markFor(t, s);
}

/**
 * Maxima read from item headers of the official form ("5.1 (1б)" → 1), as one row.
 * @customfunction MAXFROMHEADER
 * @param headers Item headers, e.g. "1 (1б)", "5.1 (1б)", "3(2) (2б)", "1К1 (1б)".
 * @returns One row with the maximum of each header.
 */
export function MAXFROMHEADER(headers: any[][]): number[][] {
  const row: number[] = [];
  const problems: string[] = [];
  cellsOf(headers).forEach((v, i) => {
    const h = typeof v === "string" ? cachedHeader(v) : parseItemHeader(v);
    if (h.ok) row.push(h.max);
    else problems.push(`столбец ${i + 1}: ${inner(h.message)}`);
  });
  if (problems.length) throw invalidValue(sentence(problems));
  return [row];
}

// Participants are the non-empty cells; X counts as a participant with 0. In Excel desktop an empty
// cell arrives as 0 and is counted: select only the rows of students who wrote the work.
/**
 * Item completion (выполнение задания) in percent: sum of scores / (participants × maximum) × 100.
 * @customfunction PERCENT
 * @param item_scores Scores of one item, one cell per participant.
 * @param max Maximum of the item: a number or its header, e.g. "5.1 (1б)".
 * @returns Completion in percent (0–100), or "" when there are no participants.
 */
export function PERCENT(item_scores: any[][], max: any): number | string {
  const maxCells = cellsOf(max);
  if (maxCells.length !== 1) throw invalidValue(`Максимум задания — одна ячейка, а выделено ${maxCells.length}`);
  const m = readMax(maxCells[0], 1).max;
  let sum = 0;
  let participants = 0;
  let problems: string[] | null = null;
  const values = cellsOf(item_scores);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number" && v >= 0 && v <= m && Number.isInteger(v)) {
      sum += v;
      participants++;
      continue;
    }
    const problem = scoreProblem(v, m);
    if (problem) {
      (problems ??= []).push(`ячейка ${i + 1}: ${problem}`);
      continue;
    }
    const cell = parseScore(v);
    if (cell.kind === "empty") continue;
    participants++;
    if (cell.kind === "score") sum += cell.value;
  }
  if (problems) throw invalidValue(sentence(problems));
  if (participants === 0) return "";
  return (sum / (participants * m)) * 100;
}

/**
 * File name of a scanned work sent for re-check: <school code>_<participant code>_вар.<variant>.pdf.
 * @customfunction SCANNAME
 * @param school Six-digit school code (код ОО), e.g. 470167.
 * @param code Participant code, e.g. 5008.
 * @param variant Variant number, e.g. 1.
 * @returns The file name, e.g. "470167_5008_вар.1.pdf".
 */
export function SCANNAME(school: any, code: any, variant: any): string {
  const r = scanFileName(school, code, variant);
  if (!r.ok) throw invalidValue(capitalize(r.message));
  return r.value;
}
