// Handing files to the user: a download through a temporary object URL, several files as one
// .zip (JSZip, loaded only when needed).

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export function downloadBytes(name: string, data: Uint8Array | string, mime: string): void {
  const part: BlobPart = typeof data === "string" ? data : (data.slice().buffer as ArrayBuffer);
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function zipFiles(files: readonly NamedBytes[]): Promise<Uint8Array> {
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ "jszip");
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** One file as itself, several as one .zip; returns the name of what was downloaded. */
export async function downloadFiles(files: readonly NamedBytes[], zipName: string): Promise<string> {
  if (files.length === 1) {
    downloadBytes(files[0].name, files[0].bytes, XLSX_MIME);
    return files[0].name;
  }
  downloadBytes(zipName, await zipFiles(files), "application/zip");
  return zipName;
}

/** Text of a File (code lists), as UTF-8; falls back to Windows-1251 when UTF-8 does not fit. */
export async function fileText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
