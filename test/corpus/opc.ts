// A tiny Open Packaging Conventions writer for the corpus: parts, content types and relationships,
// zipped with JSZip. Relationship targets are written relative (Excel, LibreOffice) or absolute
// (openpyxl, System.IO.Packaging), with the attribute order and ids of the generator imitated.
import JSZip from "jszip";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  x14ac: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  x15: "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  xr: "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
  xr2: "http://schemas.microsoft.com/office/spreadsheetml/2015/revision2",
  xr3: "http://schemas.microsoft.com/office/spreadsheetml/2016/revision3",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

const OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL = {
  officeDocument: `${OD}/officeDocument`,
  coreProps: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extProps: `${OD}/extended-properties`,
  worksheet: `${OD}/worksheet`,
  sharedStrings: `${OD}/sharedStrings`,
  styles: `${OD}/styles`,
  theme: `${OD}/theme`,
  calcChain: `${OD}/calcChain`,
  table: `${OD}/table`,
  comments: `${OD}/comments`,
  vmlDrawing: `${OD}/vmlDrawing`,
  drawing: `${OD}/drawing`,
  chart: `${OD}/chart`,
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
} as const;

const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";
export const CT = {
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  workbook: `${SML}.sheet.main+xml`,
  workbookMacro: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  worksheet: `${SML}.worksheet+xml`,
  sharedStrings: `${SML}.sharedStrings+xml`,
  styles: `${SML}.styles+xml`,
  calcChain: `${SML}.calcChain+xml`,
  table: `${SML}.table+xml`,
  comments: `${SML}.comments+xml`,
  theme: "application/vnd.openxmlformats-officedocument.theme+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  vbaProject: "application/vnd.ms-office.vbaProject",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface Relationship {
  id: string;
  type: string;
  /** Part name of the target, without a leading slash (internal relationships only here). */
  targetPart: string;
  /** Written as "/xl/…" instead of relative to the source. */
  absolute: boolean;
}

/** How a generator writes relationships. */
export interface RelStyle {
  /** "excel": Id Type Target (Excel, LibreOffice); "openpyxl": Type Target Id. */
  attributeOrder: "excel" | "openpyxl";
}

/** The relationships part of `part` ("" for the package). */
export const relsPartName = (part: string): string => {
  if (part === "") return "_rels/.rels";
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** `target` written relative to the folder of `source`. */
export function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

export class OpcPackage {
  /** Parts in zip order, content as text or bytes ([Content_Types].xml and .rels are generated). */
  readonly parts = new Map<string, string | Uint8Array>();
  readonly defaults = new Map<string, string>([
    ["rels", CT.rels],
    ["xml", CT.xml],
  ]);
  readonly overrides = new Map<string, string>();
  readonly rels = new Map<string, Relationship[]>();

  constructor(readonly relStyle: RelStyle = { attributeOrder: "excel" }) {}

  /** Adds a part; with a content type, an Override for it (omit it for parts covered by a Default). */
  add(name: string, content: string | Uint8Array, contentType?: string): void {
    this.parts.set(name, content);
    if (contentType) this.overrides.set(name, contentType);
  }

  /** A relationship from `source` ("" = the package) to `targetPart`; returns its id. */
  relate(source: string, type: string, targetPart: string, options: { id?: string; absolute?: boolean } = {}): string {
    const list = this.rels.get(source) ?? [];
    this.rels.set(source, list);
    let n = list.length + 1;
    while (list.some((r) => r.id === `rId${n}`)) n++;
    const id = options.id ?? `rId${n}`;
    list.push({ id, type, targetPart, absolute: options.absolute ?? false });
    return id;
  }

  contentTypesXml(): string {
    const d = [...this.defaults].map(([ext, ct]) => `<Default Extension="${ext}" ContentType="${ct}"/>`).join("");
    const o = [...this.overrides].map(([part, ct]) => `<Override PartName="/${part}" ContentType="${ct}"/>`).join("");
    return `${XML_DECL}<Types xmlns="${NS.contentTypes}">${d}${o}</Types>`;
  }

  relsXml(source: string): string {
    const rels = (this.rels.get(source) ?? []).map((r) => {
      const target = r.absolute ? `/${r.targetPart}` : relativeTarget(source, r.targetPart);
      return this.relStyle.attributeOrder === "openpyxl"
        ? `<Relationship Type="${r.type}" Target="${escapeXml(target)}" Id="${r.id}"/>`
        : `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(target)}"/>`;
    });
    return `${XML_DECL}<Relationships xmlns="${NS.pkgRels}">${rels.join("")}</Relationships>`;
  }

  async toBytes(): Promise<Uint8Array> {
    const zip = new JSZip();
    const date = new Date(Date.UTC(1980, 0, 1)); // Excel writes 1980-01-01 00:00 into every entry
    const put = (name: string, content: string | Uint8Array) => zip.file(name, content, { date, createFolders: false });
    put("[Content_Types].xml", this.contentTypesXml());
    for (const source of ["", ...this.rels.keys()].filter((s, i, a) => a.indexOf(s) === i)) {
      if (this.rels.has(source)) put(relsPartName(source), this.relsXml(source));
    }
    for (const [name, content] of this.parts) put(name, content);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}
