// The Office.js back end: one Excel.run and one context.sync per read, one Excel.run and (as a
// rule) one context.sync per apply. It carries out plans checked by ../planCheck.ts; it decides
// and checks nothing. This file only wires the jobs together: reading (./readSheets.ts), plan →
// Office calls (./planToOffice.ts), batches and syncs (./batching.ts). See ./README.md.

import type { FormulaStyle, Snapshot, WorkbookBackend, WritePlan } from "../backend";
import { DEFAULT_MAX_REQUEST_BYTES, packOps, syncBatches } from "./batching";
import type { Features } from "./planToOffice";
import { readSheets } from "./readSheets";

// The names this module exported before it was split by job; tests and tools import them here.
export { ACTION_OVERHEAD_BYTES, DEFAULT_MAX_REQUEST_BYTES, Session, packOps, type Op, type Step } from "./batching";
export { isPayloadTooLarge, normaliseUsedRange, topLeftOf } from "./readSheets";

/** `Excel.run`, or a fake of it in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** `Office.context.requirements.isSetSupported`, or a stub in tests. */
export type IsSetSupported = (name: string, version: string) => boolean;

export interface OfficeBackendOptions {
  /** Defaults to `Excel.run`. */
  run?: ExcelRun;
  /** Defaults to "custom-functions" (our add-in is loaded, so =VPR.* functions exist). */
  formulaStyle?: FormulaStyle;
  /**
   * Estimated request size (bytes of JSON queued) above which `apply` splits its work into
   * several syncs. Excel on the web refuses requests over 5 MB; the default leaves a margin.
   */
  maxRequestBytes?: number;
  /** Defaults to `Office.context.requirements.isSetSupported`. */
  isSetSupported?: IsSetSupported;
  /** How many sheets `read(null)` walks in its single sync (default 255); more cost one more sync. */
  maxSheets?: number;
}

/**
 * Excel's own refusals, in Russian with the sheets the plan named. The plan check already refuses
 * a create of a sheet that exists and a replace of one that does not, but the workbook may have
 * changed between the read and the write (the user works in it meanwhile).
 */
function describeError(error: unknown, plan: WritePlan): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const wrap = (message: string): Error => Object.assign(new Error(message), { code, cause: error });
  if (code === "ItemAlreadyExists") {
    const names = plan.sheets.filter((p) => p.mode === "create").map((p) => `«${p.name}»`);
    return wrap(`Не удалось создать лист: в книге уже есть лист с таким именем (создавались: ${names.join(", ")})`);
  }
  if (code === "ItemNotFound") {
    const names = [...plan.sheets.filter((p) => p.mode === "replace").map((p) => p.name), ...(plan.merges ?? []).map((m) => m.name), ...plan.cellWrites.map((w) => w.sheet)];
    const unique = [...new Set(names)].map((n) => `«${n}»`);
    return wrap(`Не удалось записать: лист не найден (ожидались: ${unique.join(", ")})`);
  }
  return error;
}

function defaultIsSetSupported(name: string, version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(name, version) === true;
}

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

export class OfficeBackend implements WorkbookBackend {
  readonly kind = "office" as const;
  readonly formulaStyle: FormulaStyle;
  private readonly run: ExcelRun;
  private readonly maxRequestBytes: number;
  private readonly isSetSupported: IsSetSupported;
  private readonly maxSheets: number;

  constructor(options: OfficeBackendOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.formulaStyle = options.formulaStyle ?? "custom-functions";
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
    this.maxSheets = options.maxSheets ?? 255;
  }

  /** One Excel.run, one sync as a rule (./readSheets.ts tells when it takes more). */
  read(sheets: readonly string[] | null, options: { formulas?: boolean } = {}): Promise<Snapshot> {
    return readSheets(this.run, sheets, options, { maxSheets: this.maxSheets, maxRequestBytes: this.maxRequestBytes });
  }

  /** One Excel.run; one sync unless the queued requests would pass `maxRequestBytes`. */
  async apply(plan: WritePlan): Promise<void> {
    const can: Features = {
      validation: this.isSetSupported("ExcelApi", "1.8"),
      pageLayout: this.isSetSupported("ExcelApi", "1.9"),
      seriesOverlap: this.isSetSupported("ExcelApi", "1.8"),
    };
    // Turning a plan into Excel requests is loaded with the first write, not with the pane's first
    // screen (which only reads); loading it talks to no workbook.
    const { planOps } = await import(/* webpackChunkName: "office-apply" */ "./planToOffice");
    const batches = packOps(planOps(plan, can), this.maxRequestBytes);
    if (batches.length === 0) return;
    try {
      await this.run((context) => syncBatches(context, batches));
    } catch (error) {
      throw describeError(error, plan);
    }
  }

  /** Select a cell (and show its sheet): one Excel.run, one sync. */
  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }
}
