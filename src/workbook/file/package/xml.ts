// XML for package parts, through htmlparser2 (a well-kept, fast, lenient tokenizer that reports
// the source offsets of every tag). Offsets are what make surgical edits possible: a change is a
// splice of the original text, so every byte we do not mean to change stays as it was.
// Browser-safe.

import { Parser } from "htmlparser2";

/** An element with its place in the source text. Names keep their prefix ("x:c"); `local` drops it. */
export interface XmlElement {
  name: string;
  local: string;
  prefix: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Decoded text directly inside this element (all text children joined). */
  text: string;
  /** Offset of "<" of the start tag. */
  start: number;
  /** Offset just after ">" of the start tag. */
  openEnd: number;
  /** Offset of "<" of the end tag (= start for a self-closing element). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
}

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

export function prefixOf(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? "" : name.slice(0, i + 1);
}

export const parserOptions = { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true } as const;

/** The whole element tree of a (small) part. Large sheets are streamed by the reader instead. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: "", local: "", prefix: "", attrs: {}, children: [], text: "", start: 0, openEnd: 0, closeStart: text.length, end: text.length, selfClosing: false };
  const stack: XmlElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: XmlElement = {
          name,
          local: localName(name),
          prefix: prefixOf(name),
          attrs,
          children: [],
          text: "",
          start: parser.startIndex,
          openEnd: parser.endIndex + 1,
          closeStart: -1,
          end: -1,
          selfClosing: false,
        };
        stack[stack.length - 1].children.push(el);
        stack.push(el);
      },
      ontext(data) {
        stack[stack.length - 1].text += data;
      },
      onclosetag() {
        const el = stack.pop()!;
        el.closeStart = parser.startIndex;
        el.end = parser.endIndex + 1;
        el.selfClosing = el.closeStart === el.start;
      },
    },
    parserOptions,
  );
  parser.end(text);
  const top = root.children.find((c) => c.local !== "");
  if (!top) throw new Error("пустая часть XML");
  return top;
}

export function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

export function children(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** An attribute by local name, whatever its prefix ("r:id", "ns1:id"). */
export function attrByLocal(el: XmlElement, local: string): string | undefined {
  for (const k of Object.keys(el.attrs)) if (localName(k) === local && k.includes(":")) return el.attrs[k];
  return undefined;
}

/** Characters XML 1.0 cannot carry, written the way Excel does (_xHHHH_). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const hex4 = (ch: string) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`;

/** Anything escapeText or escapeAttr would change; most cell text has none of it. */
const NEEDS_ESCAPE = /[&<>"_\u0000-\u001F\uFFFE\uFFFF]/;

/** Text content: & < > escaped; a literal "_x0041_" is itself escaped so Excel does not decode it. */
export function escapeText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(NOT_XML, hex4);
}

/** An attribute value in double quotes. */
export function escapeAttr(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;")
    .replace(NOT_XML, hex4);
}

/** Excel's _xHHHH_ escapes in cell text, decoded ("_x005F_" is a literal underscore). */
export function decodeOoxmlText(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** One text splice: replace [start, end) by `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Apply non-overlapping splices (any order) to `source`. Inserts at the same offset keep their order. */
export function applySplices(source: string, splices: readonly Splice[]): string {
  if (splices.length === 0) return source;
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error("внутренняя ошибка: правки части XML перекрываются");
    out.push(source.slice(at, s.start), s.text);
    at = s.end;
  }
  out.push(source.slice(at));
  return out.join("");
}

/** Start tag text of an element with one attribute set (added or replaced), everything else kept. */
export function withAttr(source: string, el: XmlElement, name: string, value: string): Splice {
  const open = source.slice(el.start, el.openEnd);
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  let text: string;
  if (re.test(open)) text = open.replace(re, `$1"${escapeAttr(value)}"`);
  else {
    const close = open.endsWith("/>") ? open.length - 2 : open.length - 1;
    text = `${open.slice(0, close).replace(/\s+$/, "")} ${name}="${escapeAttr(value)}"${open.slice(close)}`;
  }
  return { start: el.start, end: el.openEnd, text };
}

/** Splice that puts `inner` at the end of an element's content, opening a self-closing element. */
export function appendInside(source: string, el: XmlElement, inner: string): Splice {
  if (!el.selfClosing) return { start: el.closeStart, end: el.closeStart, text: inner };
  const open = source.slice(el.start, el.openEnd);
  return { start: el.start, end: el.end, text: `${open.replace(/\s*\/>$/, ">")}${inner}</${el.name}>` };
}
