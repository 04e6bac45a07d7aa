// [Content_Types].xml: which content type each part has. We only add or remove Overrides for parts
// we create or drop; the workbook's own type (macro-enabled or not) is never touched. Browser-safe.

import type { XlsxPackage } from "./XlsxPackage";
import { appendInside, applySplices, children, escapeAttr, parseXml, type Splice } from "./xml";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** The content type of a part ("/xl/workbook.xml" or "xl/workbook.xml"), from its Override or its extension's Default. */
export async function contentTypeOf(pkg: XlsxPackage, part: string): Promise<string | null> {
  const text = await pkg.text(CONTENT_TYPES_PART);
  if (!text) return null;
  const root = parseXml(text);
  const name = `/${part.replace(/^\//, "")}`.toLowerCase();
  const o = children(root, "Override").find((el) => (el.attrs.PartName ?? "").toLowerCase() === name);
  if (o) return o.attrs.ContentType ?? null;
  const ext = name.slice(name.lastIndexOf(".") + 1);
  return children(root, "Default").find((el) => (el.attrs.Extension ?? "").toLowerCase() === ext)?.attrs.ContentType ?? null;
}

/** Give `part` an Override with `type` (replacing one it had). */
export async function setOverride(pkg: XlsxPackage, part: string, type: string): Promise<void> {
  const text = (await pkg.text(CONTENT_TYPES_PART)) ?? "";
  const root = parseXml(text);
  const name = `/${part.replace(/^\//, "")}`;
  const splices: Splice[] = children(root, "Override")
    .filter((el) => (el.attrs.PartName ?? "").toLowerCase() === name.toLowerCase())
    .map((el) => ({ start: el.start, end: el.end, text: "" }));
  splices.push(appendInside(text, root, `<${root.prefix}Override PartName="${escapeAttr(name)}" ContentType="${type}"/>`));
  pkg.setText(CONTENT_TYPES_PART, applySplices(text, splices));
}

export async function removeOverride(pkg: XlsxPackage, part: string): Promise<void> {
  const text = await pkg.text(CONTENT_TYPES_PART);
  if (!text) return;
  const root = parseXml(text);
  const name = `/${part.replace(/^\//, "")}`.toLowerCase();
  const splices = children(root, "Override")
    .filter((el) => (el.attrs.PartName ?? "").toLowerCase() === name)
    .map((el) => ({ start: el.start, end: el.end, text: "" }));
  if (splices.length) pkg.setText(CONTENT_TYPES_PART, applySplices(text, splices));
}
