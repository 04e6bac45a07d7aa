// Parts read through Node's native zlib instead of JSZip's JavaScript inflate: the municipal reader
// goes through a region's ~40 exports of 30 MB of sheet XML each, and native inflate is 2–4× faster
// — and, as a stream of pieces, never holds a 30 MB part whole. A loaded zip keeps each part as a
// CompressedObject (the class nativeDeflate.ts hands JSZip); its compressed bytes are inflated
// here (../package/storedPart.ts). Anything else (a part added since, another compression) is left
// to JSZip (null).
import * as zlib from "node:zlib";
import { checkInflatedLength, corruptPart, storedPart, type StoredPart } from "../package/storedPart";
import { XlsxPackage } from "../package/XlsxPackage";

const PIECE = 1 << 20;

function whole(entry: object): Uint8Array | null {
  const data = storedPart(entry);
  if (!data) return null;
  let out: Uint8Array = data.content;
  if (data.method === "deflate") {
    try {
      // One output buffer of the size the zip records: no pieces gathered and joined (two copies).
      out = zlib.inflateRawSync(data.content, { chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, data.size) });
    } catch (cause) {
      throw corruptPart(cause);
    }
  }
  checkInflatedLength(data, out.length);
  return out;
}

async function* inflatePieces(data: StoredPart): AsyncGenerator<Uint8Array> {
  if (data.method === "store") {
    yield data.content;
    return;
  }
  const stream = zlib.createInflateRaw({ chunkSize: PIECE });
  stream.end(data.content);
  let length = 0;
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      length += piece.length;
      yield piece;
    }
  } catch (cause) {
    throw corruptPart(cause);
  } finally {
    stream.destroy();
  }
  checkInflatedLength(data, length);
}

function pieces(entry: object): AsyncIterable<Uint8Array> | null {
  const data = storedPart(entry);
  return data ? inflatePieces(data) : null;
}

export const nativeInflate = { whole, pieces };

/** Every package the CLI reads uses it: registered when this file is imported (./index.ts does). */
XlsxPackage.useInflate(nativeInflate);
