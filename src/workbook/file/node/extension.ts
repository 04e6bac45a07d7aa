// A workbook saved as .xlsm must say so inside: Excel refuses to open an .xlsm whose workbook part
// is declared as a plain .xlsx one ("the file format or file extension is not valid"), and the
// other way round. Only the declaration in [Content_Types].xml is changed, and only when it does
// not fit.
import * as path from "node:path";
import JSZip from "jszip";

export const XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
export const XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

const OVERRIDE = /(<Override\b[^>]*\bPartName="\/xl\/workbook\.xml"[^>]*\bContentType=")([^"]*)(")|(<Override\b[^>]*\bContentType=")([^"]*)("[^>]*\bPartName="\/xl\/workbook\.xml")/;

/** The bytes to write at `file`: the workbook part's content type fitted to the extension (.xlsx / .xlsm). */
export async function fitToExtension(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  const ext = path.extname(file).toLowerCase();
  const want = ext === ".xlsm" ? XLSM_MAIN : ext === ".xlsx" ? XLSX_MAIN : null;
  if (!want) return bytes;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes;
  }
  const entry = zip.file("[Content_Types].xml");
  if (!entry) return bytes;
  const xml = await entry.async("string");
  const m = OVERRIDE.exec(xml);
  if (!m) return bytes;
  const current = m[2] ?? m[5];
  if (current === want || (current !== XLSX_MAIN && current !== XLSM_MAIN)) return bytes;
  const fixed = xml.replace(OVERRIDE, (_all, a, _b, c, d, _e, f) => (a !== undefined ? `${a}${want}${c}` : `${d}${want}${f}`));
  zip.file("[Content_Types].xml", fixed);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
