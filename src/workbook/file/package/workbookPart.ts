// The workbook part: where it is (found through the package relationships, not assumed to be
// xl/workbook.xml), its sheets in tab order with the parts they live in, defined names, the 1904
// date system. Browser-safe.

import { MESSAGES, UnreadableWorkbookError } from "../errors";
import { REL, readRelationships, relsPartOf, RELATIONSHIPS_NS } from "./relationships";
import type { XlsxPackage } from "./XlsxPackage";
import { attrByLocal, child, children, parseXml, type XmlElement } from "./xml";

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** The worksheet part (no leading "/"); null for chart sheets and dialog sheets, which hold no cells. */
  part: string | null;
  /** 0-based position in the tab order (= localSheetId of its defined names). */
  index: number;
  state: "visible" | "hidden" | "veryHidden";
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  formula: string;
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  date1904: boolean;
  /** The prefix bound to the relationships namespace in the workbook part ("r:"), or null. */
  relPrefix: string | null;
}

export async function workbookPartName(pkg: XlsxPackage): Promise<string> {
  const rels = await readRelationships(pkg, "");
  const doc = rels.find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
  if (doc?.part && pkg.has(doc.part)) return doc.part;
  if (pkg.has("xl/workbook.xml")) return "xl/workbook.xml";
  throw new UnreadableWorkbookError("not-xlsx", MESSAGES.notXlsx);
}

/** Prefix (with ":") under which `root` (or an ancestor declaration on it) binds the relationships namespace. */
export function relationshipsPrefix(root: XmlElement): string | null {
  for (const [k, v] of Object.entries(root.attrs)) if (k.startsWith("xmlns:") && v === RELATIONSHIPS_NS) return `${k.slice(6)}:`;
  return null;
}

type ParsedWorkbook = WorkbookInfo & { xml: string; root: XmlElement };

/** The last parse of each package's workbook part, valid while its text and relationships are the same. */
const parsed = new WeakMap<XlsxPackage, { xml: string; rels: string | null; info: ParsedWorkbook }>();

export async function readWorkbook(pkg: XlsxPackage): Promise<ParsedWorkbook> {
  const part = await workbookPartName(pkg);
  const xml = (await pkg.text(part)) ?? "";
  const relsText = await pkg.text(relsPartOf(part));
  const last = parsed.get(pkg);
  if (last && last.xml === xml && last.rels === relsText) return last.info;
  const info = await parseWorkbook(pkg, part, xml);
  parsed.set(pkg, { xml, rels: relsText, info });
  return info;
}

async function parseWorkbook(pkg: XlsxPackage, part: string, xml: string): Promise<ParsedWorkbook> {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (cause) {
    throw new UnreadableWorkbookError("corrupt", MESSAGES.corrupt, { cause });
  }
  const rels = await readRelationships(pkg, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheetsEl = child(root, "sheets");
  const sheets: SheetEntry[] = (sheetsEl ? children(sheetsEl, "sheet") : []).map((el, index) => {
    const relId = attrByLocal(el, "id") ?? "";
    const rel = byId.get(relId);
    const isWorksheet = rel !== undefined && rel.part !== null && (rel.type === REL.worksheet || rel.type.endsWith("/worksheet"));
    const state = el.attrs.state === "hidden" || el.attrs.state === "veryHidden" ? el.attrs.state : "visible";
    return { name: el.attrs.name ?? "", sheetId: Number(el.attrs.sheetId ?? index + 1), relId, part: isWorksheet ? rel!.part : null, index, state };
  });
  const namesEl = child(root, "definedNames");
  const definedNames: DefinedName[] = (namesEl ? children(namesEl, "definedName") : []).map((el) => ({
    name: el.attrs.name ?? "",
    localSheetId: el.attrs.localSheetId === undefined ? null : Number(el.attrs.localSheetId),
    formula: el.text,
  }));
  const pr = child(root, "workbookPr");
  const date1904 = pr !== undefined && (pr.attrs.date1904 === "1" || pr.attrs.date1904 === "true");
  return { part, sheets, definedNames, date1904, relPrefix: relationshipsPrefix(root), xml, root };
}
