// The ExcelJS back end: a whole .xlsx held in memory. Browser-safe (no fs/path here): the CLI
// reads and writes the bytes with ./node.ts, the web mode with the File API.

import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, SheetSnapshot, Snapshot, WorkbookBackend, WritePlan } from "../backend";
import { MESSAGES, UnreadableWorkbookError, toUint8Array } from "./errors";
import { openPackage } from "./ooxml";
import { checkSheetPlan, writeCell, writeSheet } from "./writeSheet";

export { UnreadableWorkbookError } from "./errors";

/** yyyy-mm-dd, or yyyy-mm-ddThh:mm:ss when the time of day is not midnight. ExcelJS dates are UTC. */
function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** Any ExcelJS cell value → the plain CellValue of the snapshot. */
export function normaliseValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? "").join("");
    if ("formula" in o || "sharedFormula" in o) return normaliseValue(o.result);
    if (typeof o.error === "string") return o.error;
    if ("hyperlink" in o || "text" in o) return normaliseValue(o.text);
  }
  return null;
}

/** ExcelJS keeps sheets in a sparse array indexed by id; a sheet's tab position is its orderNo. */
interface WorkbookInternals {
  _worksheets: (ExcelJS.Worksheet | undefined)[];
}
interface WorksheetInternals {
  id: number;
  orderNo: number;
  state: string;
  constructor: new (options: object) => ExcelJS.Worksheet;
}

/** Parts ExcelJS does not model: present in the input, gone from what we write. Russian, for a warning. */
async function findLossyFeatures(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files);
  const has = (re: RegExp) => names.some((n) => re.test(n));
  const found: string[] = [];
  if (has(/^xl\/charts\//)) found.push("диаграммы");
  if (has(/^xl\/pivot(Tables|Cache)\//)) found.push("сводные таблицы");
  if (has(/^xl\/vbaProject\.bin$/)) found.push("макросы");
  if (has(/^xl\/(slicers|slicerCaches|timelines)\//)) found.push("срезы");
  if (has(/^xl\/threadedComments\//)) found.push("цепочки примечаний");
  if (has(/^xl\/ctrlProps\//)) found.push("элементы управления формы");
  let ext = false;
  for (const n of names.filter((x) => /^xl\/worksheets\/sheet\d*\.xml$/.test(x))) {
    const xml = await zip.file(n)!.async("string");
    if (/<x14:(dataValidations|conditionalFormattings|sparklineGroups)\b/.test(xml)) ext = true;
  }
  if (ext) found.push("расширенные проверки данных и условное форматирование (Excel 2010+)");
  return found;
}

export class FileBackend implements WorkbookBackend {
  readonly kind = "file" as const;
  readonly formulaStyle = "standard" as const;

  /**
   * Features of the opened file that ExcelJS cannot keep: they will be missing from toBytes().
   * Empty for files we made. A face should warn before it saves over the user's file.
   */
  readonly lossyFeatures: readonly string[];

  private constructor(
    private readonly wb: ExcelJS.Workbook,
    lossyFeatures: string[] = [],
  ) {
    this.lossyFeatures = lossyFeatures;
  }

  /** A workbook with no sheets (the caller's plan creates them). */
  static empty(): FileBackend {
    return new FileBackend(new ExcelJS.Workbook());
  }

  /** Open .xlsx bytes. Throws UnreadableWorkbookError (Russian message) for anything else. */
  static async fromBytes(input: Uint8Array | ArrayBuffer): Promise<FileBackend> {
    const bytes = toUint8Array(input);
    const zip = await openPackage(bytes);
    const wb = new ExcelJS.Workbook();
    try {
      // ExcelJS wants a Buffer in Node and an ArrayBuffer in the browser; a fresh ArrayBuffer works in both.
      await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    } catch (cause) {
      throw new UnreadableWorkbookError("corrupt", MESSAGES.corrupt, { cause });
    }
    return new FileBackend(wb, await findLossyFeatures(zip));
  }

  /** The underlying workbook, for ./newWorkbook.ts and tests. */
  get workbook(): ExcelJS.Workbook {
    return this.wb;
  }

  async toBytes(): Promise<Uint8Array> {
    const out = await this.wb.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }

  async read(sheets: readonly string[] | null, options?: { formulas?: boolean }): Promise<Snapshot> {
    const result: Snapshot = { sheetNames: this.wb.worksheets.map((ws) => ws.name), sheets: {} };
    for (const name of sheets ?? result.sheetNames) {
      const ws = this.wb.worksheets.find((w) => w.name === name);
      if (ws) result.sheets[name] = readSheet(ws, !!options?.formulas);
    }
    return result;
  }

  async apply(plan: WritePlan): Promise<void> {
    // Check everything first, so that a bad plan changes nothing.
    const lower = (s: string) => s.toLocaleLowerCase("ru");
    // wb.worksheets filters and sorts a new array on every call: look sheets up in a map, rebuilt
    // after the sheets change (a plan can hold hundreds of thousands of cell writes).
    let index: Map<string, ExcelJS.Worksheet> | null = null;
    const byName = (name: string) => (index ??= new Map(this.wb.worksheets.map((w) => [w.name, w]))).get(name);
    const seen = new Set<string>();
    for (const sp of plan.sheets) {
      if (seen.has(lower(sp.name))) throw new Error(`the plan writes sheet «${sp.name}» twice`);
      seen.add(lower(sp.name));
      checkSheetPlan(sp);
      if (sp.mode === "create" && this.wb.worksheets.some((w) => lower(w.name) === lower(sp.name))) {
        throw new Error(`cannot create sheet «${sp.name}»: it already exists`);
      }
      if (sp.mode === "replace" && !byName(sp.name)) throw new Error(`cannot replace sheet «${sp.name}»: it does not exist`);
    }
    const created = new Set(plan.sheets.map((s) => s.name));
    for (const w of plan.cellWrites) {
      if (!byName(w.sheet) && !created.has(w.sheet)) throw new Error(`cannot write ${w.address}: no sheet «${w.sheet}»`);
      if (typeof w.value === "number" && !Number.isFinite(w.value)) throw new Error(`cannot write ${w.value}`);
    }
    if (plan.activate && !byName(plan.activate) && !created.has(plan.activate)) {
      throw new Error(`cannot activate «${plan.activate}»: no such sheet`);
    }

    for (const sp of plan.sheets) {
      const ws = sp.mode === "create" ? this.wb.addWorksheet(sp.name) : this.clearSheet(byName(sp.name)!);
      writeSheet(ws, sp);
      index = null;
    }
    for (const w of plan.cellWrites) writeCell(byName(w.sheet)!, w.address, w.value);
    if (plan.activate) this.activate(plan.activate);
  }

  /**
   * Empty a sheet completely — values, styles, merges, validations, conditional formats, print
   * setup, breaks, views, tab colour — keeping its id and tab position. ExcelJS has no "clear", so
   * the sheet object is swapped for a fresh one with the same id, name and orderNo.
   */
  private clearSheet(old: ExcelJS.Worksheet): ExcelJS.Worksheet {
    const o = old as unknown as WorksheetInternals;
    const slots = (this.wb as unknown as WorkbookInternals)._worksheets;
    slots[o.id] = undefined; // the name check in the constructor must not see the old sheet
    try {
      const fresh = new o.constructor({ workbook: this.wb, id: o.id, name: old.name, orderNo: o.orderNo });
      slots[o.id] = fresh;
      return fresh;
    } catch (e) {
      slots[o.id] = old;
      throw e;
    }
  }

  private activate(name: string): void {
    const sheets = this.wb.worksheets;
    const index = sheets.findIndex((w) => w.name === name);
    if (index < 0) return;
    const view = this.wb.views?.[0] ?? { x: 0, y: 0, width: 12000, height: 24000, visibility: "visible" };
    this.wb.views = [{ ...view, activeTab: index, firstSheet: Math.min(view.firstSheet ?? 0, index) }];
    for (const ws of sheets) {
      const v0 = ws.views?.[0] ?? {};
      ws.views = [{ ...v0, tabSelected: ws.name === name } as unknown as ExcelJS.WorksheetView, ...(ws.views ?? []).slice(1)];
    }
  }
}

function readSheet(ws: ExcelJS.Worksheet, withFormulas: boolean): SheetSnapshot {
  const cells: { r: number; c: number; v: CellValue; f: string | null }[] = [];
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged cell that is not the master: ExcelJS repeats the master's value there; Excel does not.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      // cell.value drops falsy results (0, false, ""): read the result itself.
      const v = isFormula ? normaliseValue(cell.result) : normaliseValue(cell.value);
      // cell.formula translates shared formulas: only worth it when formulas were asked for.
      const f = withFormulas && isFormula && cell.formula ? `=${cell.formula}` : null;
      if (v === null && f === null) return;
      cells.push({ r: rowNumber - 1, c: colNumber - 1, v, f });
      rows = Math.max(rows, rowNumber);
      cols = Math.max(cols, colNumber);
    });
  });
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas = withFormulas
    ? Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null))
    : undefined;
  for (const { r, c, v, f } of cells) {
    values[r][c] = v;
    if (formulas) formulas[r][c] = f;
  }
  return formulas ? { values, formulas } : { values };
}
