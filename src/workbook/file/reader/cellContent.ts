// What both sheet readers (./readSheet.ts, ./sheetRows.ts) collect inside one <c> element: its
// type and style, the <v> text, inline text (<is><t>, phonetic runs <rPh> left out), decoded once
// (./cellValue.ts). The readers keep their own row/column bookkeeping; this keeps the cell.
import type { CellValue } from "../../backend";
import { decodeCellValue } from "./cellValue";
import type { ReadContext } from "./readSheet";

/** "AB12" → column 27; -1 when the reference does not start with 1–3 letters. */
export function refColumn(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 || i > 3 ? -1 : col - 1;
}

/** "AB12" → row 11; -1 when no row number follows the letters. */
export function refRow(ref: string): number {
  let i = 0;
  while (i < ref.length && (ref.charCodeAt(i) | 0x20) >= 97 && (ref.charCodeAt(i) | 0x20) <= 122) i++;
  const n = Number(ref.slice(i));
  return i < ref.length && Number.isInteger(n) && n >= 1 ? n - 1 : -1;
}

export class CellContent {
  /** Inside a <c> element. */
  open = false;
  private type = "n";
  private style = 0;
  private value: string | null = null;
  private inlineText: string | null = null;
  private into: "v" | "t" | null = null;
  private phonetic = 0;

  constructor(private readonly ctx: ReadContext) {}

  /** A <c> begins, with its t and s attributes. */
  start(t: string | undefined, s: string | undefined): void {
    this.type = t ?? "n";
    this.style = s ? Number(s) : 0;
    this.value = null;
    this.inlineText = null;
    this.into = null;
    this.open = true;
  }

  /** An element inside the cell opens (v, is, rPh, t); others are the reader's own. */
  openTag(local: string): void {
    // Phonetic runs are counted wherever they are, as they close wherever they are.
    if (local === "rPh") this.phonetic++;
    if (!this.open) return;
    if (local === "v") {
      this.into = "v";
      this.value = "";
    } else if (local === "is") this.inlineText = "";
    else if (local === "t" && this.inlineText !== null && this.phonetic === 0) this.into = "t";
  }

  /** Whether text now would be the cell's value or inline text (so a streaming reader cuts it out only then). */
  wantsText(): boolean {
    return this.into !== null;
  }

  /** Text inside the cell; false when it is not the cell's value or inline text (a formula's, say). */
  text(data: string): boolean {
    if (this.into === "v") this.value += data;
    else if (this.into === "t") this.inlineText += data;
    else return false;
    return true;
  }

  /** An element inside the cell closes. */
  closeTag(local: string): void {
    if (local === "v" || local === "t") this.into = null;
    else if (local === "rPh") this.phonetic--;
  }

  /** The </c>: the cell's value. */
  end(): CellValue {
    this.open = false;
    return decodeCellValue(this.ctx, this.type, this.value, this.inlineText, this.style);
  }
}
