// A write plan is checked once, here, before any back end sees it; back ends only carry out a
// plan that passed. Every refusal is a PlanError with a Russian message naming the sheet and the
// range or cell, because a refused plan is a planner's bug and the message is what gets reported.
// See ./README.md and the contract of each field in ./backend.ts.

import { cellAddress, columnLetter, parseCellAddress, parseRangeAddress } from "../core/address";
import type { CellValue, CellWrite, ChartPlan, NewWorkbookPlan, SheetPlan, WorkbookBackend, WritePlan } from "./backend";

/** Excel refuses an inline list validation longer than this (the list's formula text). */
export const MAX_INLINE_LIST = 255;

/** Excel's sheet size: rows and columns. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** A plan no back end may carry out. The message is Russian and names the sheet and range or cell. */
export class PlanError extends Error {
  constructor(
    message: string,
    /** The sheet the refusal is about, when there is one. */
    readonly sheet?: string,
  ) {
    super(message);
    this.name = "PlanError";
  }
}

/** Throws the refusal for one sheet: `where` is the range or cell («диапазон H2:H31»), if any. */
type Fail = (where: string | undefined, problem: string) => never;

function failer(plan: string, sheet: string): Fail {
  return (where, problem) => {
    const at = where === undefined ? "" : `, ${where}`;
    throw new PlanError(`${plan}: лист «${sheet}»${at} — ${problem}.`, sheet);
  };
}

/** Sheet names compare without regard to case, as in Excel. */
const key = (name: string): string => name.toLocaleLowerCase("ru");

const FORBIDDEN_IN_NAME = /[[\]:*?/\\]/;

function checkName(name: string, fail: Fail): void {
  if (typeof name !== "string" || name === "") fail(undefined, "у листа нет имени");
  if (name.length > 31) fail(undefined, `имя листа длиннее 31 знака (${name.length})`);
  const bad = FORBIDDEN_IN_NAME.exec(name);
  if (bad) fail(undefined, `в имени листа знак «${bad[0]}», а знаки [ ] : * ? / \\ в имени листа запрещены`);
  if (name.startsWith("'") || name.endsWith("'")) fail(undefined, "имя листа не может начинаться или заканчиваться апострофом");
  if (key(name) === "history") fail(undefined, "имя «History» Excel оставляет за собой");
}

const badNumber = (v: unknown): boolean => typeof v === "number" && !Number.isFinite(v);

/** "H2:H31" (or "$H$2:$H$31", or one cell) → its rectangle, inside the sheet and top-left first. */
function checkRange(address: string, where: string, fail: Fail): { row: number; col: number; rows: number; cols: number } {
  let rect: { row: number; col: number; rows: number; cols: number } | undefined;
  try {
    const bare = address.replace(/\$/g, "");
    // "B4:" has an empty end, which parseRangeAddress would take for the one cell B4.
    const ends = bare.split(":");
    if (ends.length <= 2 && ends.every((e) => e !== "")) rect = parseRangeAddress(bare);
  } catch {
    rect = undefined;
  }
  if (!rect) return fail(where, `адрес «${address}» не разобран: ожидается вид «A1» или «A1:C10»`);
  if (rect.rows < 1 || rect.cols < 1) fail(where, `в адресе «${address}» конец стоит раньше начала`);
  if (rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLS) fail(where, `диапазон «${address}» выходит за пределы листа`);
  return rect;
}

function checkColor(color: string, where: string | undefined, fail: Fail): void {
  if (typeof color !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(color)) fail(where, `цвет «${String(color)}» нужно задать в виде #RRGGBB`);
}

function checkFormula(f: unknown, where: string, fail: Fail): void {
  if (typeof f !== "string" || !f.startsWith("=")) fail(where, `формула «${String(f)}» должна начинаться со знака «=»`);
  // Only a formula ending in blanks can trim down to a bare "=" (120 000 formulas in a large plan: no copies).
  if (f.length < 2 || (f.charCodeAt(f.length - 1) <= 32 && f.trim().length < 2)) fail(where, "формула «=» пуста");
}

function checkValues(values: CellValue[][], fail: Fail): void {
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      if (badNumber(row[c])) fail(`ячейка ${cellAddress(r, c)}`, `число ${row[c]} записать нельзя`);
    }
  }
}

/** Everything about one sheet that does not depend on the workbook. */
function checkSheet(p: Omit<SheetPlan, "mode">, fail: Fail): void {
  checkName(p.name, fail);
  checkValues(p.values, fail);

  for (const block of p.formulas ?? []) {
    const where = `диапазон ${block.range}`;
    const rect = checkRange(block.range, where, fail);
    const wrongRow = block.formulas.findIndex((r) => r.length !== rect.cols);
    // A filled-down block gives its first row only; any other block a formula per cell.
    const formulaRows = block.fillDown ? 1 : rect.rows;
    if (block.formulas.length !== formulaRows || wrongRow >= 0) {
      const cols = wrongRow >= 0 ? block.formulas[wrongRow].length : rect.cols;
      const want = block.fillDown ? `одна строка из ${rect.cols} формул, протягиваемая вниз` : `${rect.rows}×${rect.cols}`;
      fail(where, `формул ${block.formulas.length}×${cols}, а нужно ${want}`);
    }
    if (block.results && block.results.length !== rect.rows) fail(where, `результатов ${block.results.length} строк, а в диапазоне ${rect.rows}`);
    for (const row of block.formulas) for (const f of row) checkFormula(f, where, fail);
    block.results?.forEach((row, i) =>
      row.forEach((v, j) => {
        if (badNumber(v)) fail(where, `результат ${v} для ячейки ${cellAddress(rect.row + i, rect.col + j)} записать нельзя`);
      }),
    );
  }

  for (const v of p.validations ?? []) {
    const where = `проверка данных в диапазоне ${v.range}`;
    checkRange(v.range, where, fail);
    const rules = [v.list, v.listSource, v.whole].filter((x) => x !== undefined).length;
    if (rules === 0) fail(where, "не задано правило: нужно одно из list, listSource, whole");
    if (rules > 1) fail(where, "задано больше одного правила: нужно одно из list, listSource, whole");
    if (v.list) {
      if (v.list.length === 0) fail(where, "список допустимых значений пуст");
      const comma = v.list.find((item) => String(item).includes(","));
      if (comma !== undefined) fail(where, `значение списка «${comma}» содержит запятую`);
      // Measured as Excel stores it: the items joined by commas, quotes doubled.
      const length = v.list.join(",").replace(/"/g, '""').length;
      if (length > MAX_INLINE_LIST) fail(where, `список длиннее ${MAX_INLINE_LIST} знаков (${length}): такой список задают диапазоном (listSource)`);
    }
    if (v.listSource !== undefined && (typeof v.listSource !== "string" || v.listSource.replace(/^=/, "").trim() === "")) {
      fail(where, "не указан диапазон списка (listSource)");
    }
    if (v.whole) {
      const [min, max] = v.whole;
      if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) fail(where, `границы целого числа ${min}…${max} не годятся`);
    }
  }

  for (const h of p.highlights ?? []) {
    const where = `условное форматирование диапазона ${h.range}`;
    checkRange(h.range, where, fail);
    checkFormula(h.formula, where, fail);
    checkColor(h.fill, where, fail);
  }

  for (const s of p.styles ?? []) {
    const where = `оформление диапазона ${s.range}`;
    checkRange(s.range, where, fail);
    if (s.fill !== undefined) checkColor(s.fill, where, fail);
    if (s.fontSize !== undefined && !(Number.isFinite(s.fontSize) && s.fontSize > 0)) fail(where, `размер шрифта ${s.fontSize} не годится`);
    if (s.rowHeight !== undefined && !(Number.isFinite(s.rowHeight) && s.rowHeight >= 0)) fail(where, `высота строки ${s.rowHeight} не годится`);
  }

  p.columnWidths?.forEach((w, c) => {
    if (!Number.isFinite(w) || w < 0) fail(`столбец ${columnLetter(c)}`, `ширина ${w} не годится`);
  });
  for (const [field, n] of [["freezeRows", p.freezeRows], ["freezeColumns", p.freezeColumns]] as const) {
    if (n !== undefined && !(Number.isInteger(n) && n >= 0)) fail(undefined, `${field} = ${n}: нужно целое число ≥ 0`);
  }
  if (p.tabColor !== undefined) checkColor(p.tabColor, "цвет ярлычка", fail);
  p.charts?.forEach((chart, i) => checkChart(chart, i, fail));

  const print = p.print;
  if (print) {
    if (print.area !== undefined) checkRange(print.area, `область печати ${print.area}`, fail);
    if (print.repeatRows !== undefined) {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(print.repeatRows);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
        fail(`сквозные строки ${print.repeatRows}`, "строки для печати задают в виде «1:1»");
      }
    }
    for (const r of print.pageBreaksAfterRows ?? []) {
      if (!Number.isInteger(r) || r < 1 || r >= MAX_ROWS) fail(`разрыв страницы после строки ${r}`, "нужен номер строки ≥ 1");
    }
  }
}

const CHART_TYPES: readonly string[] = ["column", "bar", "line"];

/** A range a chart draws from: of its own sheet (no sheet name), one row or one column. Returns its cell count. */
function checkChartRange(address: unknown, where: string, fail: Fail): number {
  if (typeof address !== "string") return fail(where, "диапазон не задан");
  if (address.includes("!")) fail(where, `диапазон «${address}» указан с именем листа, а диаграмма строится только по ячейкам своего листа`);
  const rect = checkRange(address, where, fail);
  if (rect.rows > 1 && rect.cols > 1) fail(where, `диапазон «${address}» должен занимать одну строку или один столбец`);
  return rect.rows * rect.cols;
}

/** «text», unless it is in guillemets already (a series named «2» after its mark). */
const quoted = (text: string): string => (/^«.*»$/.test(text) ? text : `«${text}»`);

function checkChart(chart: ChartPlan, index: number, fail: Fail): void {
  const titled = typeof chart.title === "string" && chart.title.trim() !== "";
  const where = titled ? `диаграмма ${quoted(chart.title)}` : `диаграмма ${index + 1}`;
  if (!CHART_TYPES.includes(chart.type)) fail(where, `тип «${String(chart.type)}» неизвестен: нужен column, bar или line`);
  if (!titled) fail(where, "у диаграммы нет заголовка");
  const categories = checkChartRange(chart.categories, `${where}, категории ${String(chart.categories)}`, fail);
  if (!Array.isArray(chart.series) || chart.series.length === 0) fail(where, "у диаграммы нет ни одного ряда данных");
  chart.series.forEach((s, j) => {
    const named = typeof s.name === "string" && s.name.trim() !== "";
    const at = `${where}, ряд ${named ? quoted(s.name) : j + 1}`;
    if (!named) fail(at, "у ряда нет имени для легенды");
    const n = checkChartRange(s.values, `${at}, диапазон ${String(s.values)}`, fail);
    if (n !== categories) fail(at, `значений ${n}, а категорий ${categories} (${chart.categories}): их должно быть поровну`);
    if (s.color !== undefined) checkColor(s.color, at, fail);
  });
  const { from, to } = chart.anchor ?? {};
  const cell = (p: { row: number; col: number } | undefined) => p !== undefined && Number.isInteger(p.row) && Number.isInteger(p.col) && p.row >= 0 && p.col >= 0 && p.row < MAX_ROWS && p.col < MAX_COLS;
  if (!cell(from) || !cell(to)) fail(where, "место диаграммы (anchor) задано не ячейками листа: нужны целые row и col ≥ 0");
  if (from!.row > to!.row || from!.col > to!.col) {
    fail(where, `место диаграммы: левый верхний угол ${cellAddress(from!.row, from!.col)} ниже или правее правого нижнего ${cellAddress(to!.row, to!.col)}`);
  }
  if (chart.valueMax !== undefined && !(typeof chart.valueMax === "number" && Number.isFinite(chart.valueMax))) fail(where, `максимум оси значений ${String(chart.valueMax)} не годится`);
}

/**
 * Throws PlanError for a plan no back end may carry out, given the sheets the workbook has now
 * (`Snapshot.sheetNames` of the read the plan was made from). Writes nothing.
 */
export function checkWritePlan(plan: WritePlan, sheetNames: readonly string[]): void {
  const PLAN = "План записи";
  const existing = new Set(sheetNames.map(key));
  const written = new Set<string>();
  for (const p of plan.sheets) {
    const fail = failer(PLAN, p.name);
    if (p.mode !== "create" && p.mode !== "replace") fail(undefined, `режим «${String(p.mode)}» неизвестен: нужен create или replace`);
    checkSheet(p, fail);
    const k = key(p.name);
    if (written.has(k)) fail(undefined, "лист записывается дважды (Excel не различает регистр в именах листов)");
    written.add(k);
    if (p.mode === "create" && existing.has(k)) fail(undefined, "такой лист в книге уже есть, создать его нельзя");
    if (p.mode === "replace" && !existing.has(k)) fail(undefined, "такого листа в книге нет, заменить его нельзя");
  }
  for (const m of plan.merges ?? []) {
    const fail = failer(PLAN, m.name);
    // The same checks as a whole sheet for its formulas, rules, formats and print area.
    checkSheet({ name: m.name, values: [], formulas: m.formulas, validations: m.validations, highlights: m.highlights, styles: m.styles, print: m.print }, fail);
    const k = key(m.name);
    if (written.has(k)) fail(undefined, "лист записывается дважды (Excel не различает регистр в именах листов)");
    written.add(k);
    if (!existing.has(k)) fail(undefined, "такого листа в книге нет: дополнить можно только существующий лист");
    for (const c of m.cells) {
      if (!Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 0 || c.col < 0 || c.row >= MAX_ROWS || c.col >= MAX_COLS) {
        fail(undefined, `ячейка (${c.row}, ${c.col}) вне листа`);
      }
      if (badNumber(c.value)) fail(`ячейка ${cellAddress(c.row, c.col)}`, `число ${c.value} записать нельзя`);
    }
  }
  // Cell writes can be hundreds of thousands: nothing is built for a write that passes.
  const known = new Map<string, boolean>();
  const present = (name: string): boolean => {
    let yes = known.get(name);
    if (yes === undefined) known.set(name, (yes = existing.has(key(name)) || written.has(key(name))));
    return yes;
  };
  for (const w of plan.cellWrites) {
    const problem = cellWriteProblem(w, present);
    if (problem !== undefined) failer(PLAN, w.sheet)(`ячейка ${w.address}`, problem);
  }
  if (plan.activate !== undefined && !present(plan.activate)) {
    failer(PLAN, plan.activate)(undefined, "сделать лист активным нельзя: такого листа нет в книге, и план его не создаёт");
  }
}

function cellWriteProblem(w: CellWrite, present: (name: string) => boolean): string | undefined {
  if (!present(w.sheet)) return "такого листа нет в книге, и план его не создаёт";
  let at: { row: number; col: number } | undefined;
  try {
    at = parseCellAddress(w.address);
  } catch {
    at = undefined;
  }
  if (!at || at.row < 0 || at.row >= MAX_ROWS || at.col >= MAX_COLS) return `адрес «${w.address}» не разобран: ожидается вид «D2»`;
  if (badNumber(w.value)) return `число ${w.value} записать нельзя`;
  return undefined;
}

/** The same sheet checks for a workbook built from nothing: at least one sheet, each named once. */
export function checkNewWorkbookPlan(plan: NewWorkbookPlan): void {
  const PLAN = "План новой книги";
  if (plan.sheets.length === 0) throw new PlanError(`${PLAN}: нет ни одного листа — в книге нужен хотя бы один.`);
  const names = new Set<string>();
  for (const p of plan.sheets) {
    const fail = failer(PLAN, p.name);
    checkSheet(p, fail);
    if (names.has(key(p.name))) fail(undefined, "лист записывается дважды (Excel не различает регистр в именах листов)");
    names.add(key(p.name));
  }
}

/**
 * The one way a plan reaches a back end: checked against the workbook's sheets (the snapshot the
 * plan was made from), then carried out. A refused plan throws PlanError and writes nothing.
 */
export async function applyWritePlan(backend: WorkbookBackend, plan: WritePlan, sheetNames: readonly string[]): Promise<void> {
  checkWritePlan(plan, sheetNames);
  await backend.apply(plan);
}
