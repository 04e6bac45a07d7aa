// Parts read through Node's native zlib instead of JSZip's JavaScript inflate: the municipal reader
// goes through a region's ~40 exports of 30 MB of sheet XML each, and native inflate is 2–4× faster
// — and, as a stream of pieces, never holds a 30 MB part whole. A loaded zip keeps each part as a
// CompressedObject (the class nativeDeflate.ts hands JSZip); its compressed bytes are inflated
// here. Anything else (a part added since, another compression) is left to JSZip (null).
import * as zlib from "node:zlib";
import { MESSAGES, UnreadableWorkbookError } from "../errors";
import { XlsxPackage } from "../package/XlsxPackage";

interface CompressedObject {
  compressedContent: Uint8Array;
  uncompressedSize: number;
  compression: { magic: string };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CompressedObjectClass = require("jszip/lib/compressedObject") as new (...args: never[]) => { compressedContent: unknown; compression: unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFLATE, STORE } = require("jszip/lib/compressions") as { DEFLATE: { magic: string }; STORE: { magic: string } };

const PIECE = 1 << 20;

/** The entry's compressed data when it is one we can inflate (deflate or stored, bytes at hand). */
function stored(entry: object): CompressedObject | null {
  const data = (entry as { _data?: unknown })._data;
  if (!(data instanceof CompressedObjectClass) || !(data.compressedContent instanceof Uint8Array)) return null;
  const c = data as unknown as CompressedObject;
  return c.compression && (c.compression.magic === DEFLATE.magic || c.compression.magic === STORE.magic) ? c : null;
}

const corrupt = (cause?: unknown): UnreadableWorkbookError => new UnreadableWorkbookError("corrupt", MESSAGES.corrupt, cause === undefined ? undefined : { cause });

function whole(entry: object): Uint8Array | null {
  const data = stored(entry);
  if (!data) return null;
  let out: Uint8Array = data.compressedContent;
  if (data.compression.magic === DEFLATE.magic) {
    try {
      // One output buffer of the size the zip records: no pieces gathered and joined (two copies).
      out = zlib.inflateRawSync(data.compressedContent, { chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, data.uncompressedSize) });
    } catch (cause) {
      throw corrupt(cause);
    }
  }
  // JSZip refuses a part whose length is not the one the zip records; so do we.
  if (out.length !== data.uncompressedSize) throw corrupt();
  return out;
}

async function* inflatePieces(data: CompressedObject): AsyncGenerator<Uint8Array> {
  if (data.compression.magic === STORE.magic) {
    yield data.compressedContent;
    return;
  }
  const stream = zlib.createInflateRaw({ chunkSize: PIECE });
  stream.end(data.compressedContent);
  let length = 0;
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      length += piece.length;
      yield piece;
    }
  } catch (cause) {
    throw corrupt(cause);
  } finally {
    stream.destroy();
  }
  if (length !== data.uncompressedSize) throw corrupt();
}

function pieces(entry: object): AsyncIterable<Uint8Array> | null {
  const data = stored(entry);
  return data ? inflatePieces(data) : null;
}

export const nativeInflate = { whole, pieces };

/** Every package the CLI reads uses it: registered when this file is imported (./index.ts does). */
XlsxPackage.useInflate(nativeInflate);
