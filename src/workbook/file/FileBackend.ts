// The file back end: an .xlsx/.xlsm package held in memory and edited in place. Reading streams
// the sheets asked for; applying a plan replaces the parts of our sheets and splices the few cells
// it writes into user sheets — every other part leaves as it came (see ./README.md). Browser-safe:
// the CLI reads and writes the bytes with ./node, the web mode with the File API.

import type { Snapshot, WorkbookBackend, WritePlan } from "../backend";
import { UnreadableWorkbookError, MESSAGES } from "./errors";
import { blankPackage } from "./package/blankPackage";
import { readWorkbook } from "./package/workbookPart";
import { XlsxPackage } from "./package/XlsxPackage";
import { ReadCache, readSnapshot } from "./reader/readWorkbook";
import { applyToPackage } from "./writer/applyPlan";

export { UnreadableWorkbookError } from "./errors";

export class FileBackend implements WorkbookBackend {
  readonly kind = "file" as const;
  readonly formulaStyle = "standard" as const;

  /** Sheets parsed by earlier reads, reused while their parts are unchanged. */
  private readonly cache = new ReadCache();

  private constructor(private readonly pkg: XlsxPackage) {}

  /** A workbook with no sheets (the caller's plan creates them). */
  static empty(): FileBackend {
    return new FileBackend(blankPackage());
  }

  /** Open .xlsx/.xlsm bytes. Throws UnreadableWorkbookError (Russian message) for anything else. */
  static async fromBytes(input: Uint8Array | ArrayBuffer): Promise<FileBackend> {
    const pkg = await XlsxPackage.open(input);
    try {
      await readWorkbook(pkg);
    } catch (cause) {
      if (cause instanceof UnreadableWorkbookError) throw cause;
      throw new UnreadableWorkbookError("corrupt", MESSAGES.corrupt, { cause });
    }
    return new FileBackend(pkg);
  }

  /** The package, for tests and the upload-form filler. */
  get package(): XlsxPackage {
    return this.pkg;
  }

  async toBytes(): Promise<Uint8Array> {
    const { sheets } = await readWorkbook(this.pkg);
    if (sheets.length === 0) throw new Error("В книге нет ни одного листа: сохранять нечего.");
    return this.pkg.toBytes();
  }

  async read(sheets: readonly string[] | null, options?: { formulas?: boolean }): Promise<Snapshot> {
    return readSnapshot(this.pkg, sheets, !!options?.formulas, this.cache);
  }

  /** Carry out a plan checked by ../planCheck: all of it, or — when anything fails — none of it. */
  async apply(plan: WritePlan): Promise<void> {
    const { patched, written, merged } = await this.pkg.transaction(() => applyToPackage(this.pkg, plan));
    for (const part of merged) this.cache.forget(part);
    for (const p of patched) this.cache.patched(p.part, p.before, p.after, p.patches, p.keptStyles);
    for (const w of written) await this.cache.written(this.pkg, w.part, w.xml, w.plan);
  }
}
