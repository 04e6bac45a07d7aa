// Reading a package: the sheet list and the snapshot of the sheets asked for. The shared strings
// and the date styles are read once per package state and reused by every sheet; a sheet whose
// part has not changed since the last read is not parsed again (an operation reads every sheet,
// and the next one reads them again). Browser-safe.

import type { CellValue, SheetPlan, SheetSnapshot, Snapshot } from "../../backend";
import type { CellPatch } from "../writer/patchCells";
import { REL, readRelationships } from "../package/relationships";
import { readWorkbook, type WorkbookInfo } from "../package/workbookPart";
import type { XlsxPackage } from "../package/XlsxPackage";
import { dateStyles, serialToIso } from "./numberFormats";
import { planSnapshot, trimSnapshot } from "./planSnapshot";
import { readSheetXml, type ReadContext } from "./readSheet";
import { parseSharedStrings } from "./sharedStrings";

export interface PartNames {
  sharedStrings: string | null;
  styles: string | null;
}

/** Where the workbook's shared strings and styles live (through its relationships). */
export async function workbookParts(pkg: XlsxPackage, workbookPart: string): Promise<PartNames> {
  const rels = await readRelationships(pkg, workbookPart);
  const find = (type: string) => rels.find((r) => r.type === type || r.type.endsWith(type.slice(type.lastIndexOf("/"))))?.part ?? null;
  return { sharedStrings: find(REL.sharedStrings), styles: find(REL.styles) };
}

export function readContext(pkg: XlsxPackage, info: WorkbookInfo): Promise<ReadContext> {
  return new ReadCache().contextFor(pkg, info);
}

/** Parsed sheets and context of one package, valid while the texts they came from are the same strings. */
export class ReadCache {
  private context: { sst: string | null; styles: string | null; date1904: boolean; ctx: ReadContext } | null = null;
  /**
   * Keyed by part and kind of read ("…|v" values only, "…|f" with formulas): the two differ in shape,
   * since a formula cell with no result counts for the used range only when formulas are read.
   */
  private readonly sheets = new Map<string, { xml: string; context: ReadContext; formulas: boolean; snapshot: SheetSnapshot; merges: boolean }>();

  async contextFor(pkg: XlsxPackage, info: WorkbookInfo): Promise<ReadContext> {
    const parts = await workbookParts(pkg, info.part);
    const sst = parts.sharedStrings ? await pkg.text(parts.sharedStrings) : null;
    const styles = parts.styles ? await pkg.text(parts.styles) : null;
    const c = this.context;
    if (c && c.sst === sst && c.styles === styles && c.date1904 === info.date1904) return c.ctx;
    const dates = dateStyles(styles);
    // Styles grow only by appending: while the formats cached sheets point at mean the same, the
    // context (and every sheet parsed with it) stays valid.
    if (c && c.sst === sst && c.date1904 === info.date1904 && c.ctx.dateStyles.every((d, i) => dates[i] === d)) {
      c.ctx.dateStyles = dates;
      c.styles = styles;
      return c.ctx;
    }
    const ctx: ReadContext = { sharedStrings: sst ? parseSharedStrings(sst) : [], dateStyles: dates, date1904: info.date1904 };
    this.context = { sst, styles, date1904: info.date1904, ctx };
    return ctx;
  }

  sheet(part: string, xml: string, ctx: ReadContext, withFormulas: boolean): SheetSnapshot {
    const key = `${part}|${withFormulas ? "f" : "v"}`;
    const hit = this.sheets.get(key);
    if (hit && hit.xml === xml && hit.context === ctx) return hit.snapshot;
    const snapshot = readSheetXml(xml, ctx, withFormulas);
    this.sheets.set(key, { xml, context: ctx, formulas: withFormulas, snapshot, merges: xml.includes("mergeCell") });
    return snapshot;
  }

  /** A part changed in a way the cache cannot follow (a merge): parse it again next time. */
  forget(part: string): void {
    this.sheets.delete(`${part}|v`);
    this.sheets.delete(`${part}|f`);
  }

  /**
   * A sheet was written whole from a plan: remember what reading it will give, so the next read
   * does not parse it. Valid only with the context of the next read (same shared strings, styles
   * appended to); a sheet that cannot be foretold is simply forgotten.
   */
  async written(pkg: XlsxPackage, part: string, xml: string, plan: Omit<SheetPlan, "mode">): Promise<void> {
    const ctx = await this.contextFor(pkg, await readWorkbook(pkg));
    const snapshot = planSnapshot(plan, ctx.date1904);
    this.sheets.delete(`${part}|f`);
    if (snapshot) this.sheets.set(`${part}|v`, { xml, context: ctx, formulas: false, snapshot, merges: false });
    else this.sheets.delete(`${part}|v`);
  }

  /**
   * Cells were written into a part this cache had parsed: lay the same values over the cached
   * snapshot, as the reader would read them back, instead of parsing the whole part again (the
   * experts' scores go into every score sheet; the check reads them all straight after).
   */
  patched(part: string, before: string, after: string, patches: readonly CellPatch[], keptStyles: readonly { row: number; col: number; style: number }[]): void {
    for (const key of [`${part}|v`, `${part}|f`]) {
      const hit = this.sheets.get(key);
      if (!hit) continue;
      if (hit.xml !== before || hit.merges) {
        this.sheets.delete(key);
        continue;
      }
      const styleAt = new Map(keptStyles.map((k) => [k.row * 16384 + k.col, k.style]));
      const values = hit.snapshot.values.map((r) => r.slice());
      const formulas = hit.snapshot.formulas?.map((r) => r.slice());
      for (const p of patches) {
        let v: CellValue = p.value === "" ? null : p.value;
        if (typeof v === "number") {
          const style = styleAt.get(p.row * 16384 + p.col);
          v = style !== undefined && hit.context.dateStyles[style] ? serialToIso(v, hit.context.date1904) : Object.is(v, -0) ? 0 : v;
        }
        while (values.length <= p.row) values.push([]);
        values[p.row][p.col] = v;
        if (formulas) {
          while (formulas.length <= p.row) formulas.push([]);
          formulas[p.row][p.col] = null;
        }
      }
      this.sheets.set(key, { ...hit, xml: after, snapshot: trimSnapshot(values, formulas) });
    }
  }
}



/** The snapshot of `sheets` (every worksheet when null). Names match exactly, as the contract says. */
export async function readSnapshot(pkg: XlsxPackage, sheets: readonly string[] | null, withFormulas: boolean, cache: ReadCache = new ReadCache()): Promise<Snapshot> {
  const info = await readWorkbook(pkg);
  const result: Snapshot = { sheetNames: info.sheets.map((s) => s.name), sheets: {} };
  const wanted = info.sheets.filter((s) => s.part !== null && (sheets === null || sheets.includes(s.name)));
  if (wanted.length === 0) return result;
  const context = await cache.contextFor(pkg, info);
  for (const s of wanted) {
    const xml = await pkg.text(s.part!);
    if (xml === null) continue;
    // Parsed when a planner first looks at it: an operation reads every sheet, but codes for a
    // late student need the roster and a few protocols, not 120 score sheets.
    Object.defineProperty(result.sheets, s.name, {
      enumerable: true,
      configurable: true,
      get() {
        const sheet = cache.sheet(s.part!, xml, context, withFormulas);
        Object.defineProperty(result.sheets, s.name, { value: sheet, enumerable: true, configurable: true, writable: true });
        return sheet;
      },
      set(value) {
        Object.defineProperty(result.sheets, s.name, { value, enumerable: true, configurable: true, writable: true });
      },
    });
  }
  return result;
}
