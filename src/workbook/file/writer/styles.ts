// The styles part, grown only by appending: the cell formats our sheets need become new fonts,
// fills, borders, number formats and cell formats (xf) at the end of their lists, so every index a
// user sheet already points at keeps its meaning. A format we appended before (same text) is
// reused, so running an operation again does not grow the part. Browser-safe.

import type { CellStyle } from "../../backend";
import { appendInside, applySplices, child, children, escapeAttr, parseXml, withAttr, type Splice, type XmlElement } from "../package/xml";

/** What one cell looks like: the union of the plan's CellStyles that cover it (later ones win). */
export type CellFormat = Omit<CellStyle, "range" | "rowHeight">;

const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Collection = "numFmts" | "fonts" | "fills" | "borders" | "cellStyleXfs" | "cellXfs" | "dxfs";
const ITEM: Record<Collection, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf", dxfs: "dxf" };

/** Number formats every spreadsheet knows by id (ECMA-376 §18.8.30). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

/** "#RRGGBB" → "FFRRGGBB" (the plan was checked: colours are valid). */
export const argb = (color: string): string => `FF${color.trim().replace(/^#/, "").toUpperCase()}`;

/** A styles part Excel and LibreOffice accept, for packages that have none. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/>' +
  "</styleSheet>";

interface List {
  /** Serialized items (existing ones as in the source, for reuse by exact text). */
  items: string[];
  added: string[];
  index: Map<string, number>;
}

export class StyleRegistry {
  private readonly lists = new Map<Collection, List>();
  private readonly root: XmlElement;
  private readonly prefix: string;
  private readonly byFormat = new Map<string, number>();
  private readonly customFormats = new Map<string, number>();
  private nextFormatId = 164;
  private baseFont = { size: "11", name: "Calibri", family: "2" };

  constructor(private readonly source: string) {
    this.root = parseXml(source);
    this.prefix = this.root.prefix;
    for (const name of Object.keys(ITEM) as Collection[]) {
      const el = child(this.root, name);
      const items = el ? children(el, ITEM[name]).map((c) => source.slice(c.start, c.end)) : [];
      this.lists.set(name, { items, added: [], index: new Map(items.map((t, i) => [t, i] as [string, number]).reverse()) });
    }
    const numFmts = child(this.root, "numFmts");
    for (const f of numFmts ? children(numFmts, "numFmt") : []) {
      const id = Number(f.attrs.numFmtId);
      if (Number.isFinite(id)) {
        this.customFormats.set(f.attrs.formatCode ?? "", id);
        this.nextFormatId = Math.max(this.nextFormatId, id + 1);
      }
    }
    const fonts = child(this.root, "fonts");
    const font0 = fonts ? children(fonts, "font")[0] : undefined;
    if (font0) {
      this.baseFont = {
        size: child(font0, "sz")?.attrs.val ?? "11",
        name: child(font0, "name")?.attrs.val ?? "Calibri",
        family: child(font0, "family")?.attrs.val ?? "2",
      };
    }
    // A part with empty required lists gets their defaults first, so index 0 means "default".
    this.seed("fonts", `<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>`);
    this.seed("fills", `<fill><patternFill patternType="none"/></fill>`, `<fill><patternFill patternType="gray125"/></fill>`);
    this.seed("borders", `<border><left/><right/><top/><bottom/><diagonal/></border>`);
    this.seed("cellStyleXfs", `<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
    this.seed("cellXfs", `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  }

  private seed(name: Collection, ...defaults: string[]): void {
    const list = this.lists.get(name)!;
    if (list.items.length === 0) for (const d of defaults) this.add(name, d, false);
  }

  /** Index of `xml` in the collection, appending it when no identical item exists. */
  private add(name: Collection, xml: string, reuse = true): number {
    const list = this.lists.get(name)!;
    const p = this.prefix;
    const text = p ? xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : xml;
    const found = reuse ? list.index.get(text) : undefined;
    if (found !== undefined) return found;
    const i = list.items.length;
    list.items.push(text);
    list.added.push(text);
    list.index.set(text, i);
    return i;
  }

  private numberFormat(code: string | undefined): number {
    if (!code) return 0;
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(code, id);
    this.add("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`, false);
    return id;
  }

  /** The cellXfs index for a cell format (0 for a cell with no format). */
  xf(format: CellFormat): number {
    const key = JSON.stringify(format);
    const cached = this.byFormat.get(key);
    if (cached !== undefined) return cached;
    let fontId = 0;
    if (format.bold || format.italic || format.fontSize !== undefined) {
      const f = this.baseFont;
      fontId = this.add(
        "fonts",
        `<font>${format.bold ? "<b/>" : ""}${format.italic ? "<i/>" : ""}<sz val="${format.fontSize ?? f.size}"/><name val="${escapeAttr(f.name)}"/><family val="${escapeAttr(f.family)}"/></font>`,
      );
    }
    const fillId = format.fill ? this.add("fills", `<fill><patternFill patternType="solid"><fgColor rgb="${argb(format.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const edge = (side: string) => (format.border ? `<${side} style="${format.border}"><color indexed="64"/></${side}>` : `<${side}/>`);
    const borderId = format.border ? this.add("borders", `<border>${edge("left")}${edge("right")}${edge("top")}${edge("bottom")}<diagonal/></border>`) : 0;
    const numFmtId = this.numberFormat(format.numberFormat);
    const al: string[] = [];
    if (format.horizontal) al.push(`horizontal="${format.horizontal}"`);
    if (format.vertical) al.push(`vertical="${format.vertical === "middle" ? "center" : format.vertical}"`);
    if (format.wrap) al.push(`wrapText="1"`);
    const applies =
      (numFmtId ? ' applyNumberFormat="1"' : "") + (fontId ? ' applyFont="1"' : "") + (fillId ? ' applyFill="1"' : "") + (borderId ? ' applyBorder="1"' : "") + (al.length ? ' applyAlignment="1"' : "");
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const xf = this.add("cellXfs", al.length ? `${open}><alignment ${al.join(" ")}/></xf>` : `${open}/>`);
    this.byFormat.set(key, xf);
    return xf;
  }

  /** The dxfs index of a highlight fill (conditional formats). */
  dxfFill(fill: string): number {
    return this.add("dxfs", `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`);
  }

  get changed(): boolean {
    return [...this.lists.values()].some((l) => l.added.length > 0);
  }

  /** The styles part with every appended item in place; the source when nothing was added. */
  toXml(): string {
    if (!this.changed) return this.source;
    const src = this.source;
    const p = this.prefix;
    const splices: Splice[] = [];
    for (const name of Object.keys(ITEM) as Collection[]) {
      const list = this.lists.get(name)!;
      if (list.added.length === 0) continue;
      const el = child(this.root, name);
      const inner = list.added.join("");
      const count = String(list.items.length);
      if (el && !el.selfClosing) {
        splices.push(withAttr(src, el, "count", count), { start: el.closeStart, end: el.closeStart, text: inner });
      } else if (el) {
        const open = applySplices(src.slice(el.start, el.openEnd), [withAttr(src.slice(el.start, el.openEnd), { ...el, start: 0, openEnd: el.openEnd - el.start }, "count", count)]);
        splices.push({ start: el.start, end: el.end, text: `${open.replace(/\s*\/>$/, ">")}${inner}</${el.name}>` });
      } else {
        const text = `<${p}${name} count="${count}">${inner}</${p}${name}>`;
        const after = ORDER.slice(ORDER.indexOf(name) + 1)
          .map((n) => child(this.root, n))
          .find((e): e is XmlElement => e !== undefined);
        splices.push(after ? { start: after.start, end: after.start, text } : appendInside(src, this.root, text));
      }
    }
    return applySplices(src, splices);
  }
}
