// Which cell styles show a number as a date: the snapshot gives such cells as "yyyy-mm-dd" text, as
// Excel would show the date, not the serial number behind it. Browser-safe.

import { child, children, parseXml } from "../package/xml";

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, plus the East Asian ones Excel maps). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code shows a date when it has d, m, y, h or s outside quotes, escapes and [..] (colours, locales). */
export function isDateFormatCode(code: string): boolean {
  const section = code.split(";")[0];
  const bare = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare);
}

/** For each cellXfs index: does it format numbers as dates? */
export function dateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const root = parseXml(stylesXml);
  const custom = new Map<number, string>();
  const numFmts = child(root, "numFmts");
  for (const f of numFmts ? children(numFmts, "numFmt") : []) custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? "");
  const xfs = child(root, "cellXfs");
  return (xfs ? children(xfs, "xf") : []).map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_IDS.has(id);
  });
}

/** A serial date → "yyyy-mm-dd", or "yyyy-mm-ddThh:mm:ss" when there is a time of day. */
export function serialToIso(serial: number, date1904: boolean): string {
  // Excel's 1900 system counts a 29 February 1900 that never was: serials before it are a day off.
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  const ms = Math.round((days - 25569) * 86400) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}
