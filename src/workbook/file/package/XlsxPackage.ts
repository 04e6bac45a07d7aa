// The package as it was opened: every part kept as it came (compressed bytes included, so JSZip
// writes untouched parts without recompressing them), with the few parts an operation changes
// replaced in place. Part names are compared ignoring case, as OPC requires. Browser-safe.

import JSZip from "jszip";
import { MESSAGES, UnreadableWorkbookError, sniffXlsx, toUint8Array } from "../errors";
import { storedPart } from "./storedPart";
import { webInflatePieces } from "./webInflate";

const UTF8 = new TextEncoder();

/**
 * Compresses one changed part for the zip, returning what JSZip accepts as file data. Node plugs in
 * its native zlib (../node/nativeDeflate.ts); the browser leaves it to JSZip.
 */
export type PartDeflate = (raw: Uint8Array) => object;
let deflate: PartDeflate | null = null;

/**
 * Decompresses one stored part (given JSZip's entry) whole or as a stream of pieces, or null to
 * leave it to JSZip. Node plugs in its native zlib (../node/nativeInflate.ts); the browser leaves
 * it to JSZip.
 */
export interface PartInflate {
  whole(entry: object): Uint8Array | null;
  pieces(entry: object): AsyncIterable<Uint8Array> | null;
}
let inflate: PartInflate | null = null;
const UTF8_TEXT = new TextDecoder();

export class XlsxPackage {
  /** Use a native compressor for changed parts (Node only; see PartDeflate). */
  static useDeflate(fn: PartDeflate | null): void {
    deflate = fn;
  }

  /** Lower-cased part name → the name as stored in the zip. */
  private readonly names = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  /** Parts whose text changed since the last toBytes(): encoded and compressed only then. */
  private readonly dirty = new Set<string>();
  /** Changes of the running transaction: part key → new text, or null for a removed part. */
  private pending: Map<string, { stored: string; text: string | null }> | null = null;

  private constructor(private readonly zip: JSZip) {
    for (const n of Object.keys(zip.files)) if (!zip.files[n].dir) this.names.set(n.toLowerCase(), n);
  }

  /** Open .xlsx/.xlsm bytes. Throws UnreadableWorkbookError (Russian) for anything that is not a zip package. */
  static async open(input: Uint8Array | ArrayBuffer): Promise<XlsxPackage> {
    const bytes = toUint8Array(input);
    sniffXlsx(bytes);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (cause) {
      throw new UnreadableWorkbookError("corrupt", MESSAGES.corrupt, { cause });
    }
    const pkg = new XlsxPackage(zip);
    if (!pkg.has("[Content_Types].xml")) throw new UnreadableWorkbookError("not-xlsx", MESSAGES.notXlsx);
    return pkg;
  }

  /** A package with no parts (the blank workbook template fills it). */
  static create(): XlsxPackage {
    return new XlsxPackage(new JSZip());
  }

  /** Use a native decompressor for stored parts (Node only; see PartInflate). */
  static useInflate(fn: PartInflate | null): void {
    inflate = fn;
  }

  /** Part names as stored, without a leading "/". */
  partNames(): string[] {
    const names = new Map(this.names);
    for (const [key, { stored, text }] of this.pending ?? []) {
      if (text === null) names.delete(key);
      else names.set(key, stored);
    }
    return [...names.values()];
  }

  has(part: string): boolean {
    const key = normalise(part).toLowerCase();
    const p = this.pending?.get(key);
    if (p) return p.text !== null;
    return this.names.has(key);
  }

  /**
   * Run `change` all or nothing: parts it sets or removes take effect only when it returns; when it
   * throws, the package is exactly as before.
   */
  async transaction<T>(change: () => Promise<T>): Promise<T> {
    if (this.pending) return change();
    this.pending = new Map();
    try {
      const result = await change();
      const done = this.pending;
      this.pending = null;
      for (const [key, { stored, text }] of done) {
        if (text === null) this.commitRemove(key);
        else this.commitText(key, stored, text);
      }
      return result;
    } catch (e) {
      this.pending = null;
      throw e;
    }
  }

  /** The part's text (UTF-8), or null when absent. Cached: a part is decoded once. */
  async text(part: string): Promise<string | null> {
    const key = normalise(part).toLowerCase();
    const p = this.pending?.get(key);
    if (p) return p.text;
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const stored = this.names.get(key);
    if (!stored) return null;
    const entry = this.zip.file(stored)!;
    const native = inflate?.whole(entry);
    let text = native ? UTF8_TEXT.decode(native) : await entry.async("string");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.texts.set(key, text);
    return text;
  }

  async bytes(part: string): Promise<Uint8Array | null> {
    const p = this.pending?.get(normalise(part).toLowerCase());
    if (p) return p.text === null ? null : new TextEncoder().encode(p.text);
    const key = normalise(part).toLowerCase();
    if (this.dirty.has(key)) return UTF8.encode(this.texts.get(key)!);
    const stored = this.names.get(key);
    if (!stored) return null;
    const entry = this.zip.file(stored)!;
    return inflate?.whole(entry) ?? entry.async("uint8array");
  }

  /**
   * The part's bytes in pieces, for a reader that never holds a large part whole: inflated as a
   * stream by Node's zlib when plugged in, else by the platform's DecompressionStream (browsers);
   * whole where neither can (or the part changed). Null when absent.
   */
  async partPieces(part: string): Promise<Uint8Array | AsyncIterable<Uint8Array> | null> {
    const key = normalise(part).toLowerCase();
    const stored = this.names.get(key);
    if (this.pending?.has(key) || this.dirty.has(key) || !stored) return this.bytes(part);
    const entry = this.zip.file(stored)!;
    if (inflate) return inflate.pieces(entry) ?? this.bytes(part);
    const raw = storedPart(entry);
    return (raw && webInflatePieces(raw)) ?? this.bytes(part);
  }

  /** Replace (or add) a part's text. A replaced part keeps its stored name (case included). */
  setText(part: string, text: string): void {
    const key = normalise(part).toLowerCase();
    const stored = this.names.get(key) ?? this.pending?.get(key)?.stored ?? normalise(part);
    if (this.pending) this.pending.set(key, { stored, text });
    else this.commitText(key, stored, text);
  }

  remove(part: string): void {
    const key = normalise(part).toLowerCase();
    if (this.pending) {
      if (this.has(part)) this.pending.set(key, { stored: this.names.get(key) ?? normalise(part), text: null });
    } else this.commitRemove(key);
  }

  private commitText(key: string, stored: string, text: string): void {
    this.names.set(key, stored);
    this.texts.set(key, text);
    this.dirty.add(key);
  }

  private commitRemove(key: string): void {
    const stored = this.names.get(key);
    if (!stored) return;
    this.zip.remove(stored);
    this.names.delete(key);
    this.texts.delete(key);
    this.dirty.delete(key);
  }

  async toBytes(): Promise<Uint8Array> {
    for (const key of this.dirty) {
      // Encoded natively (JSZip's own string encoder is a JavaScript loop), compressed natively where we can.
      const raw = UTF8.encode(this.texts.get(key)!);
      // JSZip's typings do not list the precompressed object it accepts (see PartDeflate).
      this.zip.file(this.names.get(key)!, deflate ? (deflate(raw) as Uint8Array) : raw);
    }
    this.dirty.clear();
    // Unchanged parts keep their compressed data: JSZip copies it as it is.
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}

function normalise(part: string): string {
  return part.startsWith("/") ? part.slice(1) : part;
}
