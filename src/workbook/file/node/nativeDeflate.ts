// Changed parts compressed by Node's native zlib instead of JSZip's JavaScript deflate: a large
// workbook writes tens of megabytes of sheet XML, and native deflate and CRC are several times
// faster. JSZip takes precompressed data as a CompressedObject (how it keeps the parts of a loaded
// zip); that class is not in its typings, so it is required from JSZip's own lib folder — the same
// module instance JSZip itself uses in Node.
import * as zlib from "node:zlib";
import { XlsxPackage } from "../package/XlsxPackage";

type CompressedObjectClass = new (compressedSize: number, uncompressedSize: number, crc32: number, compression: object, data: Uint8Array) => object;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CompressedObject = require("jszip/lib/compressedObject") as CompressedObjectClass;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFLATE } = require("jszip/lib/compressions") as { DEFLATE: object };

export function nativeDeflate(raw: Uint8Array): object {
  const data = zlib.deflateRawSync(raw, { level: 1 });
  return new CompressedObject(data.length, raw.length, zlib.crc32(raw), DEFLATE, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

/** Every package the CLI writes uses it: registered when this folder is imported. */
XlsxPackage.useDeflate(nativeDeflate);
