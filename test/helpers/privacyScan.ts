// Privacy scan: does any part of an .xlsx (shared strings, sheets, document properties, comments,
// defined names, drawings, anything in the zip) or a file name carry a roster name?
// Every name is searched as the full name and as its surname, with case folded and Ё read as Е,
// after XML entities are decoded, so "&#1025;лкин" or "ЕЛКИН" is found as "Ёлкин".
import JSZip from "jszip";

export interface PrivacyHit {
  /** Zip part ("xl/sharedStrings.xml") or "file name". */
  part: string;
  /** The roster name the hit belongs to. */
  name: string;
  /** The term found (full name or surname), folded. */
  term: string;
  /** A few characters around the hit, folded. */
  context: string;
}

/** Case folded, Ё as Е, spaces collapsed. */
export const fold = (s: string): string => s.toLowerCase().replace(/ё/g, "е").replace(/[\s\u00a0]+/g, " ");

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** XML character references and the five named entities, decoded. */
export const decodeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });

/** The terms searched for one roster name: the full name and the surname (first word, without a leading = + - @). */
export function nameTerms(name: string): string[] {
  const full = fold(name.trim());
  const surname = fold(name.trim().split(/\s+/)[0] ?? "").replace(/^[=+\-@]+/, "");
  return [...new Set([full, surname].filter((t) => t.length >= 2))];
}

function search(part: string, text: string, names: readonly string[]): PrivacyHit[] {
  const hay = fold(decodeXml(text));
  const hits: PrivacyHit[] = [];
  for (const name of names) {
    for (const term of nameTerms(name)) {
      const i = hay.indexOf(term);
      if (i >= 0) hits.push({ part, name, term, context: hay.slice(Math.max(0, i - 40), i + term.length + 40) });
    }
  }
  return hits;
}

/** Every part of the package, searched for every name. Empty when the file carries no name. */
export async function privacyScan(bytes: Uint8Array, names: readonly string[]): Promise<PrivacyHit[]> {
  const zip = await JSZip.loadAsync(bytes);
  const hits: PrivacyHit[] = [];
  for (const [path, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    hits.push(...search(path, await entry.async("string"), names));
    // The part's own name too (a sheet or a custom part named after a student).
    hits.push(...search(`name of ${path}`, path, names));
  }
  return hits;
}

/** A file name searched the same way. */
export const scanFileName = (fileName: string, names: readonly string[]): PrivacyHit[] => search("file name", fileName, names);

/** The document properties people see in Excel (Файл → Сведения): creator, last modified by, title, etc. */
export async function documentProperties(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const part of ["docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"]) {
    const xml = await zip.file(part)?.async("string");
    if (!xml) continue;
    for (const m of xml.matchAll(/<((?:[\w]+:)?(\w+))(?:\s[^>]*)?>([^<]*)<\/\1>/g)) out[m[2]] = decodeXml(m[3]);
  }
  return out;
}
