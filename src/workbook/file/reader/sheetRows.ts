// One worksheet part handed over row by row: each row's values, as the snapshot reader would give
// them (readSheet.ts), to a callback — never a whole sheet's grid, nor its whole text: the part
// comes in pieces (./utf8Chunks.ts) and only the rows the caller keeps stay in memory. For sources
// of many thousand rows read once (the municipal roll-up: a region's year is ~1 M rows).
//
// Why a scanner of its own and not the XML library the rest of the reader uses: inside <sheetData>
// SpreadsheetML is a handful of elements (row, c, v, f, is, t, r, rPh) with short attributes, and a
// region's exports are ~1.2 G characters of them. A generic tokenizer walks every character through
// a state machine (htmlparser2's: 220 ms of an export's 420; ExcelJS's streaming reader takes
// ~850 ms); here the markup is skipped with indexOf and only a cell's r, t, s and text are looked at.
// Everything XML allows inside sheetData is still met: any namespace prefix, comments, CDATA,
// processing instructions, character and the five named entities, either quote, «>» inside an
// attribute value. What is outside sheetData (and merged areas) is not looked at. Tested against the
// snapshot reader (readSheet.ts, htmlparser2) on every workbook of the test corpus. Browser-safe.

import { decodeXML } from "entities";
import type { CellValue } from "../../backend";
import { CellContent, refColumn, refRow } from "./cellContent";
import type { ReadContext } from "./readSheet";

/** Returned by a row callback to stop reading the part (a header that is no form's, say). */
export const STOP_ROWS = "stop";

/**
 * Calls `onRow(row, values)` for every row that holds a value (0-based row, values from column A,
 * trailing empties dropped), in sheet order. The callback may return STOP_ROWS to end the read.
 * `xml` is the part's text, whole or in pieces.
 */
export async function readSheetRows(xml: string | AsyncIterable<string>, ctx: ReadContext, onRow: (row: number, values: CellValue[]) => void | typeof STOP_ROWS): Promise<void> {
  const scanner = new RowScanner(ctx, onRow);
  if (typeof xml === "string") scanner.write(xml, true);
  else {
    let last = "";
    let first = true;
    // One piece behind, so the scanner knows which piece is the last.
    for await (const piece of xml) {
      if (!first && scanner.write(last, false)) return;
      last = piece;
      first = false;
    }
    scanner.write(last, true);
  }
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33; // !
const QUESTION = 63;
const COLON = 58;
const EQ = 61;
const QUOT = 34;
const APOS = 39;

const enum Tag {
  Other,
  SheetData,
  Row,
  C,
  V,
  Is,
  T,
  RPh,
}
/** What CellContent is told of the elements inside a cell. */
const LOCAL: Record<Tag, string> = { [Tag.Other]: "", [Tag.SheetData]: "", [Tag.Row]: "row", [Tag.C]: "c", [Tag.V]: "v", [Tag.Is]: "is", [Tag.T]: "t", [Tag.RPh]: "rPh" };

/** XML text with its entities decoded — by `entities`, the decoder htmlparser2 itself uses. */
const decodeText = (s: string): string => (s.indexOf("&") < 0 ? s : decodeXML(s));

/** Cell types as constant strings: only an unusual one is cut out of the text. */
const TYPES = ["s", "n", "b", "e", "d", "str", "inlineStr"];

class RowScanner {
  /** The text not yet scanned (a tag cut by the end of a piece waits here for the next). */
  private rest = "";
  private inData = false;
  private done = false;

  private rowIndex = -1;
  private colIndex = -1;
  private cells: CellValue[] = [];
  private inRow = false;
  private readonly cell: CellContent;

  /** The tag just read (readTag). */
  private tag = Tag.Other;
  private selfClosing = false;

  // Attributes of the tag just read (row: r; c: r, t, s).
  private aRef: string | null = null;
  private aType: string | undefined;
  private aStyle: string | undefined;

  constructor(
    ctx: ReadContext,
    private readonly onRow: (row: number, values: CellValue[]) => void | typeof STOP_ROWS,
  ) {
    this.cell = new CellContent(ctx);
  }

  /** Scans a piece; true when the read is over (sheetData ended, or the caller said stop). */
  write(piece: string, last: boolean): boolean {
    if (this.done) return true;
    const s = this.rest === "" ? piece : this.rest + piece;
    this.rest = "";
    const stop = this.scan(s, last);
    if (last && !this.done) this.flush();
    return stop || this.done;
  }

  /** Scans `s` from the start; what a later piece must complete is kept in `rest`. */
  private scan(s: string, last: boolean): boolean {
    let pos = 0;
    const n = s.length;
    while (pos < n) {
      // Tags mostly follow one another («</t></is></c><c …»): look at the next character before searching.
      const lt = s.charCodeAt(pos) === LT ? pos : s.indexOf("<", pos);
      if (lt < 0) {
        // Text up to the piece's end waits for the rest (an entity may be cut in two).
        if (last) this.text(s, pos, n);
        else this.rest = s.slice(pos);
        return false;
      }
      if (lt > pos) this.text(s, pos, lt);
      const c1 = s.charCodeAt(lt + 1);
      if (c1 !== c1) return this.wait(s, lt, last); // NaN: the piece ends right after «<»
      if (c1 === BANG || c1 === QUESTION) {
        const end = this.special(s, lt, c1);
        if (end < 0) return this.wait(s, lt, last);
        pos = end;
        continue;
      }
      const end = this.readTag(s, lt, c1 === SLASH);
      if (end < 0) return this.wait(s, lt, last);
      if (c1 === SLASH) this.close(this.tag);
      else {
        this.open(this.tag);
        if (this.selfClosing) this.close(this.tag);
      }
      if (this.done) return true;
      pos = end + 1;
    }
    return false;
  }

  /** Keeps `s` from `at` for the next piece; at the last piece an unfinished tag is dropped. */
  private wait(s: string, at: number, last: boolean): boolean {
    if (!last) this.rest = s.slice(at);
    return false;
  }

  /** Comments, CDATA, processing instructions, declarations: the offset after them, -1 when cut off. */
  private special(s: string, lt: number, c1: number): number {
    if (c1 === QUESTION) {
      const e = s.indexOf("?>", lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    if (s.startsWith("<!--", lt)) {
      const e = s.indexOf("-->", lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      const e = s.indexOf("]]>", lt + 9);
      if (e < 0) return -1;
      if (this.cell.open && this.cell.wantsText()) this.cell.text(s.slice(lt + 9, e));
      return e + 3;
    }
    if (lt + 9 > s.length) return -1; // could still become a comment or CDATA
    const e = s.indexOf(">", lt + 2);
    return e < 0 ? -1 : e + 1;
  }

  /** The tag named from `from` (after «<» or «</») up to a space, «/» or `end`; a prefix is ignored. */
  private tagOf(s: string, from: number, end: number): Tag {
    let start = from;
    let stop = from;
    for (; stop < end; stop++) {
      const c = s.charCodeAt(stop);
      if (c === COLON) start = stop + 1;
      else if (c <= 32 || c === SLASH) break;
    }
    const len = stop - start;
    const a = s.charCodeAt(start);
    switch (len) {
      case 1:
        return a === 99 /* c */ ? Tag.C : a === 118 /* v */ ? Tag.V : a === 116 /* t */ ? Tag.T : Tag.Other;
      case 2:
        return a === 105 /* i */ && s.charCodeAt(start + 1) === 115 /* s */ ? Tag.Is : Tag.Other;
      case 3:
        if (a !== 114 /* r */) return Tag.Other;
        if (s.charCodeAt(start + 1) === 111 && s.charCodeAt(start + 2) === 119) return Tag.Row;
        return s.charCodeAt(start + 1) === 80 && s.charCodeAt(start + 2) === 104 ? Tag.RPh : Tag.Other;
      case 9:
        return s.startsWith("sheetData", start) ? Tag.SheetData : Tag.Other;
      default:
        return Tag.Other;
    }
  }

  /**
   * Reads the tag at `lt` in one pass: its kind (this.tag), whether it closes itself, and for row
   * and c the attributes a cell needs. Returns the offset of its «>», -1 when the piece ends first.
   */
  private readTag(s: string, lt: number, closing: boolean): number {
    const n = s.length;
    let i = closing ? lt + 2 : lt + 1;
    const nameFrom = i;
    let c = 0;
    for (; i < n; i++) {
      c = s.charCodeAt(i);
      if (c <= 32 || c === GT || c === SLASH) break;
    }
    if (i >= n) return -1;
    const tag = this.tagOf(s, nameFrom, i);
    this.tag = tag;
    this.selfClosing = false;
    const wanted = !closing && (tag === Tag.C || tag === Tag.Row);
    if (wanted) {
      this.aRef = null;
      this.aType = undefined;
      this.aStyle = undefined;
    }
    // Attributes: name = "value" or 'value'; a «>» inside a value is not the end.
    for (;;) {
      while (i < n && (c = s.charCodeAt(i)) <= 32) i++;
      if (i >= n) return -1;
      if (c === GT) return i;
      if (c === SLASH) {
        if (i + 1 >= n) return -1;
        if (s.charCodeAt(i + 1) === GT) {
          this.selfClosing = true;
          return i + 1;
        }
        i++;
        continue;
      }
      const attrFrom = i;
      while (i < n && (c = s.charCodeAt(i)) !== EQ && c > 32 && c !== GT) i++;
      const attrTo = i;
      while (i < n && (c = s.charCodeAt(i)) !== QUOT && c !== APOS && c !== GT) i++;
      if (i >= n) return -1;
      if (c === GT) return i; // an attribute with no value: not XML, but the tag ends here
      const valueFrom = i + 1;
      i = valueFrom;
      while (i < n && s.charCodeAt(i) !== c) i++;
      if (i >= n) return -1;
      if (wanted && attrTo - attrFrom === 1) this.attribute(tag, s.charCodeAt(attrFrom), s, valueFrom, i);
      i++;
    }
  }

  /** One of the attributes a cell needs: r of a row or a cell, t and s of a cell. */
  private attribute(tag: Tag, name: number, s: string, from: number, to: number): void {
    if (name === 114 /* r */) this.aRef = decodeText(s.slice(from, to));
    else if (tag === Tag.C && name === 116 /* t */) this.aType = this.typeOf(s, from, to);
    else if (tag === Tag.C && name === 115 /* s */) this.aStyle = s.slice(from, to);
  }

  private typeOf(s: string, from: number, end: number): string {
    for (const t of TYPES) if (t.length === end - from && s.startsWith(t, from)) return t;
    return decodeText(s.slice(from, end));
  }

  private text(s: string, from: number, to: number): void {
    if (this.cell.open && this.cell.wantsText()) this.cell.text(decodeText(s.slice(from, to)));
  }

  private open(tag: Tag): void {
    if (!this.inData) {
      if (tag === Tag.SheetData) this.inData = true;
      return;
    }
    switch (tag) {
      case Tag.Row: {
        this.flush();
        const r = this.aRef !== null ? Number(this.aRef) - 1 : this.rowIndex + 1;
        this.rowIndex = Number.isInteger(r) && r >= 0 ? r : this.rowIndex + 1;
        this.colIndex = -1;
        this.cells = [];
        this.inRow = true;
        break;
      }
      case Tag.C: {
        const raw = this.aRef;
        if (raw) {
          const ref = raw.includes("$") ? raw.replace(/\$/g, "") : raw;
          const c = refColumn(ref);
          this.colIndex = c >= 0 ? c : this.colIndex + 1;
          // A cell outside any <row> (some writers): its own reference says where it is.
          if (!this.inRow) {
            const r = refRow(ref);
            if (r >= 0) {
              this.rowIndex = r;
              this.inRow = true;
            }
          }
        } else this.colIndex++;
        this.cell.start(this.aType, this.aStyle);
        break;
      }
      case Tag.Other:
      case Tag.SheetData:
        break;
      default:
        this.cell.openTag(LOCAL[tag]);
    }
  }

  private close(tag: Tag): void {
    if (!this.inData) return;
    switch (tag) {
      case Tag.C: {
        if (!this.cell.open) return;
        const v = this.cell.end();
        if (v !== null && this.colIndex >= 0) {
          while (this.cells.length < this.colIndex) this.cells.push(null);
          this.cells[this.colIndex] = v;
        }
        break;
      }
      case Tag.Row:
        this.flush();
        break;
      case Tag.SheetData:
        this.flush();
        this.done = true;
        break;
      case Tag.Other:
        break;
      default:
        this.cell.closeTag(LOCAL[tag]);
    }
  }

  flush(): void {
    if (!this.inRow) return;
    this.inRow = false;
    let n = this.cells.length;
    while (n > 0 && this.cells[n - 1] === null) n--;
    if (n === 0) return;
    if (n < this.cells.length) this.cells.length = n;
    const row = this.cells;
    this.cells = [];
    if (this.onRow(this.rowIndex, row) === STOP_ROWS) this.done = true;
  }
}
