// The .xlsx the user opened in web mode, remembered so that «Сохранить» can tell whether the file
// on disk changed since it was opened (the user saved it in Excel meanwhile). A download then
// would be the old version plus the pane's steps, and the other program's changes would be lost
// once it replaced the file; so the save refuses and asks to open the file again.
//
// How a change shows: Chromium refuses to read a picked File whose file was modified after it was
// picked (NotReadableError); other browsers may read the new bytes, which then differ from the
// fingerprint taken at open. A File System Access handle, when the file came through one, gives
// the file as it is now (size and lastModified). Browser-safe: no Node, no DOM beyond Blob.

/** What the File System Access API's FileSystemFileHandle offers that is used here. */
export interface FileHandleLike {
  getFile(): Promise<Blob & { lastModified: number }>;
}

export interface OpenedSource {
  /** The File picked (a Blob backed by the file on disk). */
  file: Blob;
  size: number;
  lastModified: number;
  /** Fingerprint of the bytes read at open. */
  fingerprint: string;
  handle?: FileHandleLike;
}

/** Two 32-bit FNV-1a hashes (different offsets) and the length: enough to tell two versions apart. */
export function fingerprint(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x01000193);
  }
  return `${bytes.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

/** Remember the file just read (`bytes` are what was read from it). */
export function rememberSource(file: Blob & { lastModified?: number }, bytes: Uint8Array, handle?: FileHandleLike): OpenedSource {
  return { file, size: bytes.byteLength, lastModified: file.lastModified ?? 0, fingerprint: fingerprint(bytes), ...(handle ? { handle } : {}) };
}

/**
 * True when the file on disk is no longer what was opened: it cannot be read any more (Chromium's
 * NotReadableError after a change; deleted or moved), or its size, time or bytes differ.
 */
export async function sourceChanged(source: OpenedSource): Promise<boolean> {
  let blob: Blob = source.file;
  if (source.handle) {
    try {
      const now = await source.handle.getFile();
      if (now.size !== source.size || now.lastModified !== source.lastModified) return true;
      blob = now;
    } catch {
      return true;
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch {
    return true;
  }
  return bytes.byteLength !== source.size || fingerprint(bytes) !== source.fingerprint;
}
