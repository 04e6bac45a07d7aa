// A part of a loaded zip as it is stored: its compressed bytes, the method and the length it
// inflates to — so a part can be inflated by the platform (Node's zlib, the browser's
// DecompressionStream) rather than by JSZip's JavaScript. JSZip keeps a loaded part as a
// CompressedObject on the entry's `_data` (not in its typings); it is recognised by its shape,
// which is the same whichever build of JSZip (Node's lib/ or the browser's dist/) made it.
// Browser-safe.
import { MESSAGES, UnreadableWorkbookError } from "../errors";

export interface StoredPart {
  content: Uint8Array;
  method: "deflate" | "store";
  /** The length the zip records for the inflated part. */
  size: number;
}

const DEFLATE = "\x08\x00";
const STORE = "\x00\x00";

/** The entry's stored bytes when JSZip has them at hand (deflate or store), else null. */
export function storedPart(entry: object): StoredPart | null {
  const data = (entry as { _data?: { compressedContent?: unknown; uncompressedSize?: unknown; compression?: { magic?: unknown } | null } })._data;
  if (!data || !(data.compressedContent instanceof Uint8Array) || typeof data.uncompressedSize !== "number") return null;
  const magic = data.compression?.magic;
  if (magic !== DEFLATE && magic !== STORE) return null;
  return { content: data.compressedContent, method: magic === DEFLATE ? "deflate" : "store", size: data.uncompressedSize };
}

/** A part that does not inflate: the Russian message of a damaged file. */
export const corruptPart = (cause?: unknown): UnreadableWorkbookError => new UnreadableWorkbookError("corrupt", MESSAGES.corrupt, cause === undefined ? undefined : { cause });

/** JSZip refuses a part whose inflated length is not the one the zip records; so do the platform inflaters. */
export function checkInflatedLength(part: StoredPart, length: number): void {
  if (length !== part.size) throw corruptPart();
}
