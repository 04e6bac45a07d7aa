// Just enough SpreadsheetML to read and patch cell values in an existing package without
// round-tripping it through ExcelJS (which drops Excel 2010+ validations and anything it does not
// model). Regex-based on purpose: we touch <sheetData> cells and nothing else. Browser-safe.

import JSZip from "jszip";
import type { CellValue } from "../backend";
import { columnIndex } from "../../core/address";
import { MESSAGES, UnreadableWorkbookError, sniffXlsx, toUint8Array } from "./errors";

export async function openPackage(input: Uint8Array | ArrayBuffer): Promise<JSZip> {
  const bytes = toUint8Array(input);
  sniffXlsx(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new UnreadableWorkbookError("corrupt", MESSAGES.corrupt, { cause });
  }
  if (!zip.file("xl/workbook.xml")) throw new UnreadableWorkbookError("not-xlsx", MESSAGES.notXlsx);
  return zip;
}

export async function readPart(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  return f ? f.async("string") : null;
}

export function unescapeXml(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&(lt|gt|amp|quot|apos|#x[0-9A-Fa-f]+|#\d+);/g, (_, e: string) => {
      switch (e) {
        case "lt":
          return "<";
        case "gt":
          return ">";
        case "amp":
          return "&";
        case "quot":
          return '"';
        case "apos":
          return "'";
        default:
          return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      }
    });
}

export function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // Characters XML 1.0 cannot carry, written the way Excel does.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`)
  );
}

export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** Concatenated text of every <t> in a fragment (shared string item or inline string). */
export function textOf(fragment: string): string {
  let s = "";
  // <t> and <x:t>, but not phonetic runs (<rPh>) which Excel does not show.
  const withoutPh = fragment.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "");
  for (const m of withoutPh.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) s += unescapeXml(m[1]);
  return s;
}

export async function sharedStrings(zip: JSZip): Promise<string[]> {
  const xml = await readPart(zip, "xl/sharedStrings.xml");
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => textOf(m[1] ?? ""));
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

export interface SheetEntry {
  name: string;
  path: string;
  /** 0-based position in the tab order. */
  index: number;
}

export async function listSheets(zip: JSZip): Promise<SheetEntry[]> {
  const wbXml = (await readPart(zip, "xl/workbook.xml")) ?? "";
  const relsXml = (await readPart(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  const rels = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) rels.set(id, resolveTarget("xl/workbook.xml", target));
  }
  const out: SheetEntry[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = attr(m[0], "r:id") ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const path = rid ? rels.get(rid) : undefined;
    if (name && path) out.push({ name, path, index: out.length });
  }
  return out;
}

/** One <c> element of a sheet, located by its 0-based row and column. */
export interface RawCell {
  col: number;
  xml: string;
}
export interface RawRow {
  row: number;
  /** The start tag without its ">" or "/>", with r= present. */
  open: string;
  cells: RawCell[];
  /** Non-cell content of the row (rare: <extLst>). */
  rest: string;
}

const ROW_RE = /<(?:\w+:)?row\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?row>)/g;
const CELL_RE = /<(?:\w+:)?c\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g;

export function parseRows(sheetData: string): RawRow[] {
  const rows: RawRow[] = [];
  let prevRow = 0;
  for (const m of sheetData.matchAll(ROW_RE)) {
    const full = m[0];
    const openEnd = full.indexOf(">");
    let open = full.slice(0, full[openEnd - 1] === "/" ? openEnd - 1 : openEnd);
    const rAttr = attr(open, "r");
    const rowNumber = rAttr ? Number(rAttr) : prevRow + 1;
    if (!rAttr) open = open.replace(/^<(\S+)/, `<$1 r="${rowNumber}"`);
    prevRow = rowNumber;
    const body = full.endsWith("/>") && openEnd === full.length - 1 ? "" : full.slice(openEnd + 1).replace(/<\/(?:\w+:)?row>$/, "");
    const cells: RawCell[] = [];
    let prevCol = -1;
    for (const cm of body.matchAll(CELL_RE)) {
      const ref = attr(cm[0].slice(0, cm[0].indexOf(">")), "r");
      const col = ref ? columnIndex(/^\$?([A-Za-z]+)/.exec(ref)![1]) : prevCol + 1;
      prevCol = col;
      cells.push({ col, xml: cm[0] });
    }
    rows.push({ row: rowNumber - 1, open, cells, rest: body.replace(CELL_RE, "") });
  }
  return rows;
}

export function cellStartTag(xml: string): string {
  const end = xml.indexOf(">");
  return xml.slice(0, xml[end - 1] === "/" ? end - 1 : end);
}

export function isFormulaCell(xml: string): boolean {
  return /<(?:\w+:)?f\b/.test(xml);
}

/** The value of a <c> element as a CellValue. */
export function cellValue(xml: string, shared: string[]): CellValue {
  const tag = cellStartTag(xml);
  const t = attr(tag, "t") ?? "n";
  if (t === "inlineStr") {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(xml);
    return is ? textOf(is[1]) : null;
  }
  const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(xml);
  if (!v) return null;
  const raw = unescapeXml(v[1]);
  switch (t) {
    case "s":
      return shared[Number(raw)] ?? null;
    case "b":
      return raw === "1" || raw === "true";
    case "str":
    case "e":
      return raw;
    default: {
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}

/** A <c> element holding `value`, keeping the old element's style and other attributes. */
export function renderCell(address: string, oldXml: string | null, value: CellValue): string {
  let attrs = "";
  if (oldXml) {
    const tag = cellStartTag(oldXml);
    for (const m of tag.matchAll(/\s([\w:]+)\s*=\s*("[^"]*"|'[^']*')/g)) {
      if (!["r", "t", "cm", "vm", "ph"].includes(m[1])) attrs += ` ${m[1]}=${m[2]}`;
    }
  }
  const open = `<c r="${address}"${attrs}`;
  if (value === null || value === "") return `${open}/>`;
  if (typeof value === "number") return `${open}><v>${String(value)}</v></c>`;
  if (typeof value === "boolean") return `${open} t="b"><v>${value ? 1 : 0}</v></c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `${open} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}
