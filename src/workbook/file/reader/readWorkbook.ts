// Reading a package: the sheet list and the snapshot of the sheets asked for. The shared strings
// and the date styles are read once per package state and reused by every sheet. Browser-safe.

import type { Snapshot } from "../../backend";
import { REL, readRelationships } from "../package/relationships";
import { readWorkbook, type WorkbookInfo } from "../package/workbookPart";
import type { XlsxPackage } from "../package/XlsxPackage";
import { dateStyles } from "./numberFormats";
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

export async function readContext(pkg: XlsxPackage, info: WorkbookInfo): Promise<ReadContext> {
  const parts = await workbookParts(pkg, info.part);
  const sst = parts.sharedStrings ? await pkg.text(parts.sharedStrings) : null;
  const styles = parts.styles ? await pkg.text(parts.styles) : null;
  return { sharedStrings: sst ? parseSharedStrings(sst) : [], dateStyles: dateStyles(styles), date1904: info.date1904 };
}

/** The snapshot of `sheets` (every worksheet when null). Names match exactly, as the contract says. */
export async function readSnapshot(pkg: XlsxPackage, sheets: readonly string[] | null, withFormulas: boolean, ctx?: ReadContext): Promise<Snapshot> {
  const info = await readWorkbook(pkg);
  const result: Snapshot = { sheetNames: info.sheets.map((s) => s.name), sheets: {} };
  const wanted = info.sheets.filter((s) => s.part !== null && (sheets === null || sheets.includes(s.name)));
  if (wanted.length === 0) return result;
  const context = ctx ?? (await readContext(pkg, info));
  for (const s of wanted) {
    const xml = await pkg.text(s.part!);
    if (xml !== null) result.sheets[s.name] = readSheetXml(xml, context, withFormulas);
  }
  return result;
}
