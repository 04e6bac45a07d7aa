// Relationship parts (*.rels): who points at which part. Targets may be relative ("worksheets/
// sheet1.xml", "../drawings/drawing1.xml") or absolute ("/xl/worksheets/sheet1.xml", as openpyxl
// writes them); both resolve to a part name here. Browser-safe.

import type { XlsxPackage } from "./XlsxPackage";
import { appendInside, applySplices, attrByLocal, children, escapeAttr, parseXml, type Splice } from "./xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
} as const;

/** The namespace of r:id attributes in workbook.xml and sheets. */
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points at (no leading "/"), or null for an external target. */
  part: string | null;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** A target resolved against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = decodeURIComponentSafe(target.split("#")[0]);
  if (clean.startsWith("/")) return clean.slice(1);
  const parts = sourcePart.split("/").slice(0, -1).filter((s) => s !== "");
  for (const seg of clean.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The relative target a new relationship from `sourcePart` to `part` gets. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** The relationships of `sourcePart` ("" for the package itself). */
export async function readRelationships(pkg: XlsxPackage, sourcePart: string): Promise<Relationship[]> {
  const text = await pkg.text(relsPartOf(sourcePart));
  if (!text) return [];
  return children(parseXml(text), "Relationship").map((el) => {
    const external = (el.attrs.TargetMode ?? "").toLowerCase() === "external";
    const target = el.attrs.Target ?? "";
    return { id: el.attrs.Id ?? "", type: el.attrs.Type ?? "", target, external, part: external ? null : resolveTarget(sourcePart, target) };
  });
}

/** Add a relationship; returns its new id. Creates the .rels part when there is none. */
export async function addRelationship(pkg: XlsxPackage, sourcePart: string, type: string, part: string): Promise<string> {
  const relsPart = relsPartOf(sourcePart);
  const text = await pkg.text(relsPart);
  const target = relativeTarget(sourcePart, part);
  if (!text) {
    const id = "rId1";
    pkg.setText(
      relsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/></Relationships>`,
    );
    return id;
  }
  const root = parseXml(text);
  const used = new Set(children(root, "Relationship").map((r) => r.attrs.Id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const p = root.prefix;
  pkg.setText(relsPart, applySplices(text, [appendInside(text, root, `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`)]));
  return id;
}

/** Remove relationships by id from `sourcePart`'s .rels (the part itself is left to the caller). */
export async function removeRelationships(pkg: XlsxPackage, sourcePart: string, ids: readonly string[]): Promise<void> {
  const relsPart = relsPartOf(sourcePart);
  const text = await pkg.text(relsPart);
  if (!text || ids.length === 0) return;
  const root = parseXml(text);
  const splices: Splice[] = children(root, "Relationship")
    .filter((r) => ids.includes(r.attrs.Id ?? ""))
    .map((r) => ({ start: r.start, end: r.end, text: "" }));
  pkg.setText(relsPart, applySplices(text, splices));
}

export { attrByLocal };
