// A stored part inflated as a stream by the platform's DecompressionStream("deflate-raw") — the
// browser's native inflate (Chromium/Edge 103+, Firefox 113+, Safari 16.4+; Node 20 too) — so the
// web mode reads a 30 MB sheet of a FIS OKO export in pieces instead of JSZip inflating it whole in
// JavaScript. Used by XlsxPackage.partPieces when no inflater is plugged in (Node plugs in zlib:
// ../node/nativeInflate.ts). Null where there is no DecompressionStream. Browser-safe.
import { checkInflatedLength, corruptPart, type StoredPart } from "./storedPart";

export function webInflatePieces(part: StoredPart): AsyncIterable<Uint8Array> | null {
  if (typeof DecompressionStream === "undefined" || typeof Blob === "undefined") return null;
  return pieces(part);
}

async function* pieces(part: StoredPart): AsyncGenerator<Uint8Array> {
  if (part.method === "store") {
    yield part.content;
    return;
  }
  // A copy into a fresh buffer: Blob wants an ArrayBuffer-backed view it may keep.
  const reader = new Blob([part.content.slice()]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  let length = 0;
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (cause) {
        throw corruptPart(cause);
      }
      if (step.done) break;
      length += step.value.length;
      yield step.value;
    }
  } finally {
    // A reader that stops early (the header was no form's) lets go of the stream.
    reader.cancel().catch(() => undefined);
  }
  checkInflatedLength(part, length);
}
