// Comparing two packages part by part: which parts an operation owns, and for every other part,
// byte-identity — or, for a user sheet that received cell writes, identity of everything but the
// written cells. Each check returns a list of problems (empty = fine), phrased so that a failing
// test says which part and what changed. Prefix-tolerant (<x:worksheet>), and resolves absolute
// and relative relationship targets alike.
import JSZip from "jszip";
import { Parser } from "htmlparser2";
import type { WritePlan } from "../../src/workbook/backend";

export type Parts = Map<string, Uint8Array>;

export async function unzipParts(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Parts = new Map();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) out.set(name, await zip.files[name].async("uint8array"));
  }
  return out;
}

const decoder = new TextDecoder("utf-8");
export const partText = (parts: Parts, name: string): string | undefined => {
  const b = parts.get(name);
  return b === undefined ? undefined : decoder.decode(b);
};

export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

// ---------------------------------------------------------------------------------------------
// Packaging: content types, relationships, the workbook's sheets.

/** The part a relationship target points to, from the part `source` ("" = the package). */
export function resolveTarget(source: string, target: string): string {
  const clean = decodeURI(target.split("#")[0]);
  if (clean.startsWith("/")) return clean.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

export const relsPartOf = (part: string): string => {
  if (part === "") return "_rels/.rels";
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** Attributes of one start tag, names as written (with prefixes), values unescaped. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}

export const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

/** Start tags (and empty elements) with the local name `local`, whatever their prefix. */
export const elements = (xml: string, local: string): string[] => [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, "g"))].map((m) => m[0]);

export interface Rel {
  id: string;
  type: string;
  target: string;
  /** The resolved part name (no leading slash); for external targets the target itself. */
  part: string;
  external: boolean;
}

export function relationships(parts: Parts, source: string): Rel[] {
  const xml = partText(parts, relsPartOf(source));
  if (xml === undefined) return [];
  return elements(xml, "Relationship").map((tag) => {
    const a = attributes(tag);
    const external = a.get("TargetMode") === "External";
    const target = a.get("Target") ?? "";
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target, external, part: external ? target : resolveTarget(source, target) };
  });
}

export function contentTypes(parts: Parts): { defaults: Map<string, string>; overrides: Map<string, string> } {
  const xml = partText(parts, "[Content_Types].xml") ?? "";
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const tag of elements(xml, "Default")) {
    const a = attributes(tag);
    defaults.set((a.get("Extension") ?? "").toLowerCase(), a.get("ContentType") ?? "");
  }
  for (const tag of elements(xml, "Override")) {
    const a = attributes(tag);
    overrides.set((a.get("PartName") ?? "").replace(/^\//, ""), a.get("ContentType") ?? "");
  }
  return { defaults, overrides };
}

/** The content type a part has: its Override, else the Default of its extension. */
export function contentTypeOf(parts: Parts, part: string): string | undefined {
  const { defaults, overrides } = contentTypes(parts);
  const override = [...overrides].find(([name]) => name.toLowerCase() === part.toLowerCase());
  return override ? override[1] : defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
export function workbookPart(parts: Parts): string {
  const rel = relationships(parts, "").find((r) => OFFICE_DOCUMENT.test(r.type));
  if (!rel) throw new Error("the package has no officeDocument relationship");
  return rel.part;
}

/** The workbook's related part of a type (styles, sharedStrings, calcChain, theme…), if any. */
export function workbookRelated(parts: Parts, typeSuffix: string): string | undefined {
  return relationships(parts, workbookPart(parts)).find((r) => r.type.endsWith(`/${typeSuffix}`))?.part;
}

export interface SheetEntry {
  name: string;
  /** 0-based tab position (what localSheetId counts). */
  index: number;
  rId: string;
  part: string;
  /** The <sheet> start tag as written. */
  tag: string;
}

export function workbookSheets(parts: Parts): SheetEntry[] {
  const wb = workbookPart(parts);
  const rels = relationships(parts, wb);
  const xml = partText(parts, wb) ?? "";
  const sheetsBlock = /<(?:[\w.-]+:)?sheets[\s>][\s\S]*?<\/(?:[\w.-]+:)?sheets>/.exec(xml)?.[0] ?? "";
  return elements(sheetsBlock, "sheet").map((tag, index) => {
    const a = attributes(tag);
    const rId = [...a].find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1] ?? "";
    return { name: a.get("name") ?? "", index, rId, part: rels.find((r) => r.id === rId)?.part ?? "", tag };
  });
}

/** The sheet's part, looked up by name ignoring case, as Excel does. */
export const sheetEntry = (parts: Parts, name: string): SheetEntry | undefined => workbookSheets(parts).find((s) => s.name.toLocaleLowerCase("ru") === name.toLocaleLowerCase("ru"));

/** A part, its relationships part and every internal part reached from them, transitively. */
export function reachableFrom(parts: Parts, part: string): Set<string> {
  const out = new Set<string>();
  const visit = (p: string) => {
    if (out.has(p)) return;
    out.add(p);
    if (parts.has(relsPartOf(p))) out.add(relsPartOf(p));
    for (const r of relationships(parts, p)) if (!r.external && parts.has(r.part)) visit(r.part);
  };
  visit(part);
  return out;
}

// ---------------------------------------------------------------------------------------------
// XML: a canonical form (prefixes, attribute order, namespace declarations and whitespace between
// elements do not matter), and the <sheetData> of a sheet as rows and cells.

/** Element names without prefixes, attributes sorted (xmlns* dropped), whitespace-only text dropped. */
export function canonicalXml(xml: string): string {
  let out = "";
  const local = (n: string) => n.slice(n.indexOf(":") + 1);
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const attrs = Object.entries(attribs)
          .filter(([k]) => k !== "xmlns" && !k.startsWith("xmlns:"))
          .map(([k, v]) => [k.startsWith("xml:") ? k : local(k), v] as const)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => ` ${k}="${v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"`)
          .join("");
        out += `<${local(name)}${attrs}>`;
      },
      ontext(text) {
        if (text.trim() !== "") out += text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      },
      onclosetag(name) {
        out += `</${local(name)}>`;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml.replace(/^<\?xml[^>]*\?>/, ""));
  parser.end();
  return out;
}

/** The direct children of the root element, each as its source text. */
export function rootChildren(xml: string): { name: string; xml: string }[] {
  const out: { name: string; xml: string }[] = [];
  let depth = 0;
  let start = -1;
  let name = "";
  const parser = new Parser(
    {
      onopentag(tag) {
        depth++;
        if (depth === 2) {
          start = parser.startIndex;
          name = tag.slice(tag.indexOf(":") + 1);
        }
      },
      onclosetag() {
        if (depth === 2) out.push({ name, xml: xml.slice(start, parser.endIndex + 1) });
        depth--;
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  return out;
}

const P = "(?:[\\w.-]+:)?";

/** A sheet part cut around <sheetData>: what comes before, the inside, what comes after. */
export function splitSheetData(xml: string): { before: string; data: string; after: string } | null {
  const empty = new RegExp(`<${P}sheetData\\s*/>`).exec(xml);
  if (empty) return { before: xml.slice(0, empty.index), data: "", after: xml.slice(empty.index + empty[0].length) };
  const open = new RegExp(`<${P}sheetData(?=[\\s>])[^>]*>`).exec(xml);
  const close = new RegExp(`</${P}sheetData>`).exec(xml);
  if (!open || !close) return null;
  return { before: xml.slice(0, open.index + open[0].length), data: xml.slice(open.index + open[0].length, close.index), after: xml.slice(close.index) };
}

export interface RowXml {
  r: number;
  /** The <row …> start tag. */
  open: string;
  /** Cells by address (upper case), each as its full source text. */
  cells: Map<string, string>;
  xml: string;
}

const columnIndex = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const columnLetters = (n: number): string => (n <= 0 ? "" : columnLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** The rows of a <sheetData> (row and cell addresses inferred where the writer left r= out). */
export function sheetRows(data: string): Map<number, RowXml> {
  const rows = new Map<number, RowXml>();
  const rowRe = new RegExp(`<${P}row(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${P}row>)`, "g");
  const cellRe = new RegExp(`<${P}c(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${P}c>)`, "g");
  let lastRow = 0;
  for (const m of data.matchAll(rowRe)) {
    const open = /^<[^>]*>/.exec(m[0])![0];
    const r = Number(attributes(open).get("r") ?? lastRow + 1);
    lastRow = r;
    const cells = new Map<string, string>();
    let lastCol = 0;
    for (const c of (m[1] ?? "").matchAll(cellRe)) {
      const ref = attributes(/^<[^>]*>/.exec(c[0])![0]).get("r");
      const col = ref ? columnIndex(/^[A-Za-z]+/.exec(ref)![0]) : lastCol + 1;
      lastCol = col;
      cells.set(ref ? ref.toUpperCase() : `${columnLetters(col)}${r}`, c[0]);
    }
    rows.set(r, { r, open, cells, xml: m[0] });
  }
  return rows;
}

/** The cells of a sheet part, by address. */
export function sheetCells(xml: string): Map<string, string> {
  const split = splitSheetData(xml);
  const out = new Map<string, string>();
  if (split) for (const row of sheetRows(split.data).values()) for (const [a, c] of row.cells) out.set(a, c);
  return out;
}

const maskDimension = (xml: string) => xml.replace(new RegExp(`<${P}dimension(?=[\\s/>])[^>]*/>`), "<dimension/>");
const maskSpans = (tag: string) => tag.replace(/\s+spans="[^"]*"/, "");

// ---------------------------------------------------------------------------------------------
// What an operation owns, and the comparison.

export interface Ownership {
  /** Parts that may change, appear or (see `removable`) go. */
  owned: Set<string>;
  /** Parts that may be missing afterwards (calcChain, the old parts of replaced sheets). */
  removable: Set<string>;
  /** User sheet parts that received cell writes → the written addresses. */
  written: Map<string, Set<string>>;
  /** Names of the sheets the plans created or replaced. */
  ownedSheets: Set<string>;
}

/**
 * What `plans` (applied to `before`, giving `after`) may touch: the parts of the sheets they
 * created or replaced (looked up through workbook.xml + rels of both packages, with everything
 * their rels reach), the workbook part and its rels, [Content_Types].xml, styles, shared strings,
 * calcChain (which may also go) and docProps/*; and the written cells of user sheets.
 */
export function ownershipOf(before: Parts, after: Parts, plans: readonly WritePlan[]): Ownership {
  const owned = new Set<string>(["[Content_Types].xml"]);
  const removable = new Set<string>();
  const written = new Map<string, Set<string>>();
  const ownedSheets = new Set<string>();
  for (const parts of [before, after]) {
    const wb = workbookPart(parts);
    owned.add(wb).add(relsPartOf(wb));
    for (const type of ["styles", "sharedStrings", "calcChain"]) {
      const p = workbookRelated(parts, type);
      if (p) owned.add(p);
    }
    for (const name of parts.keys()) if (name.startsWith("docProps/")) owned.add(name);
  }
  const calcChain = workbookRelated(before, "calcChain");
  if (calcChain) removable.add(calcChain);
  const key = (s: string) => s.toLocaleLowerCase("ru");
  const planned = new Set(plans.flatMap((p) => p.sheets.map((s) => key(s.name))));
  for (const plan of plans) {
    for (const s of plan.sheets) {
      ownedSheets.add(s.name);
      for (const parts of [before, after]) {
        const entry = sheetEntry(parts, s.name);
        if (!entry) continue;
        for (const p of reachableFrom(parts, entry.part)) {
          owned.add(p);
          if (parts === before) removable.add(p);
        }
      }
    }
    for (const w of plan.cellWrites) {
      if (planned.has(key(w.sheet))) continue;
      const entry = sheetEntry(before, w.sheet);
      if (!entry) continue;
      const set = written.get(entry.part) ?? new Set<string>();
      written.set(entry.part, set);
      set.add(w.address.replace(/\$/g, "").toUpperCase());
    }
  }
  return { owned, removable, written, ownedSheets };
}

/** Where two texts first differ, with a little context: for messages. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const cut = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 100));
  return `at ${i}: before ${cut(a)} after ${cut(b)}`;
}

/**
 * A user sheet that received cell writes: everything outside <sheetData> byte-identical (but for
 * <dimension>), and inside it every row and every cell that was not written byte-identical
 * (a written row may change its `spans`).
 */
export function writtenSheetProblems(part: string, beforeXml: string, afterXml: string, written: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const b = splitSheetData(beforeXml);
  const a = splitSheetData(afterXml);
  if (!b || !a) return [`${part}: no <sheetData> ${!b ? "before" : "after"}`];
  if (maskDimension(b.before) !== maskDimension(a.before)) problems.push(`${part}: changed before <sheetData> ${firstDifference(maskDimension(b.before), maskDimension(a.before))}`);
  if (b.after !== a.after) problems.push(`${part}: changed after </sheetData> ${firstDifference(b.after, a.after)}`);
  const rowsB = sheetRows(b.data);
  const rowsA = sheetRows(a.data);
  const isWritten = (address: string) => written.has(address);
  for (const [r, row] of rowsB) {
    const after = rowsA.get(r);
    const touched = [...row.cells.keys()].some(isWritten) || [...written].some((w) => Number(/\d+$/.exec(w)![0]) === r);
    if (!after) {
      if (![...row.cells.keys()].every(isWritten)) problems.push(`${part}: row ${r} is gone`);
      continue;
    }
    if (!touched) {
      if (after.xml !== row.xml) problems.push(`${part}: row ${r} (no cell written) changed ${firstDifference(row.xml, after.xml)}`);
      continue;
    }
    if (maskSpans(after.open) !== maskSpans(row.open)) problems.push(`${part}: row ${r} start tag changed: ${row.open} → ${after.open}`);
    for (const [address, cell] of row.cells) {
      if (isWritten(address)) continue;
      const now = after.cells.get(address);
      if (now !== cell) problems.push(`${part}: ${address} (not written) ${now === undefined ? "is gone" : `changed: ${cell} → ${now}`}`);
    }
    for (const address of after.cells.keys()) if (!row.cells.has(address) && !isWritten(address)) problems.push(`${part}: ${address} appeared but was not written`);
  }
  for (const [r, row] of rowsA) {
    if (rowsB.has(r)) continue;
    for (const address of row.cells.keys()) if (!isWritten(address)) problems.push(`${part}: new row ${r} holds ${address}, which was not written`);
  }
  return problems;
}

/** At most `max` problems, then one line saying how many more: a failing test stays readable. */
export function capped(problems: string[], max = 8): string[] {
  return problems.length <= max ? problems : [...problems.slice(0, max), `… and ${problems.length - max} more like these`];
}

/** Every part not owned: present and byte-identical (written user sheets: see writtenSheetProblems). */
export function untouchedPartProblems(before: Parts, after: Parts, own: Ownership): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of before) {
    const now = after.get(name);
    if (now === undefined) {
      if (!own.removable.has(name)) problems.push(`${name}: disappeared`);
      continue;
    }
    if (own.owned.has(name)) continue;
    const cells = own.written.get(name);
    if (cells) {
      problems.push(...capped(writtenSheetProblems(name, decoder.decode(bytes), decoder.decode(now), cells)));
      continue;
    }
    if (!bytesEqual(bytes, now)) problems.push(`${name}: changed (${bytes.length} → ${now.length} bytes) ${firstDifference(decoder.decode(bytes), decoder.decode(now))}`);
  }
  return problems;
}

/** The shared string at each index, as canonical <si> XML. */
export function sharedStringItems(parts: Parts): string[] {
  const part = workbookRelated(parts, "sharedStrings");
  const xml = part ? partText(parts, part) : undefined;
  if (!xml) return [];
  return [...xml.matchAll(new RegExp(`<${P}si(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${P}si>)`, "g"))].map((m) => canonicalXml(m[0]));
}

/** The text of every shared string (runs joined). */
export function sharedStringTexts(parts: Parts): string[] {
  return sharedStringItems(parts).map((si) => [...si.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => unescapeXml(m[1])).join(""));
}

/**
 * Cells kept byte-identical still mean the same: every t="s" cell of a user sheet that was not
 * written points at the same shared string before and after (indexes must not move).
 */
export function sharedStringIndexProblems(before: Parts, after: Parts, own: Ownership): string[] {
  const problems: string[] = [];
  const sb = sharedStringItems(before);
  const sa = sharedStringItems(after);
  for (const entry of workbookSheets(before)) {
    if (own.owned.has(entry.part) || !after.has(entry.part)) continue;
    const written = own.written.get(entry.part) ?? new Set<string>();
    for (const [address, cell] of sheetCells(partText(before, entry.part) ?? "")) {
      if (written.has(address) || !/\st="s"/.test(/^<[^>]*>/.exec(cell)![0])) continue;
      const index = Number(/<(?:[\w.-]+:)?v>\s*(\d+)\s*</.exec(cell)?.[1]);
      if (sb[index] !== sa[index]) problems.push(`${entry.name}!${address}: shared string ${index} was ${sb[index]} and is now ${sa[index] ?? "missing"}`);
    }
  }
  return capped(problems, 12);
}

/** Defined names as (name, sheet the name is local to, hidden, formula), comparable across packages. */
export function definedNames(parts: Parts): { key: string; name: string; scope: string | null; text: string }[] {
  const wb = partText(parts, workbookPart(parts)) ?? "";
  const sheets = workbookSheets(parts);
  return [...wb.matchAll(new RegExp(`<${P}definedName(?=[\\s>])([^>]*)>([\\s\\S]*?)</${P}definedName>`, "g"))].map((m) => {
    const a = attributes(m[1]);
    const local = a.get("localSheetId");
    const scope = local === undefined ? null : (sheets[Number(local)]?.name ?? `#${local}`);
    const text = unescapeXml(m[2]);
    const flags = [...a].filter(([k]) => k !== "name" && k !== "localSheetId").map(([k, v]) => `${k}=${v}`).sort().join(",");
    return { key: `${a.get("name")} @${scope ?? "workbook"} [${flags}] = ${text}`, name: a.get("name") ?? "", scope, text };
  });
}

const sheetMentioned = (text: string, sheet: string) => text.includes(`${sheet}!`) || text.includes(`'${sheet.replace(/'/g, "''")}'!`);

/**
 * The owned package-level parts keep what the user had: the workbook part's content type, every
 * Default and Override, every workbook relationship (same id, type, target), every sheet (same name,
 * id, relationship, in the same order), every defined name (same scope and formula) but those of
 * the sheets the plans replaced, every other child of <workbook> but sheets, definedNames,
 * calcPr and bookViews, and every style record at its index.
 */
export function packageLevelProblems(before: Parts, after: Parts, own: Ownership): string[] {
  const problems: string[] = [];
  const wb = workbookPart(before);
  if (workbookPart(after) !== wb) problems.push(`the workbook part moved: ${wb} → ${workbookPart(after)}`);
  const ctBefore = contentTypeOf(before, wb);
  const ctAfter = contentTypeOf(after, wb);
  if (ctBefore !== ctAfter) problems.push(`content type of ${wb}: ${ctBefore} → ${ctAfter}`);

  const ctB = contentTypes(before);
  const ctA = contentTypes(after);
  for (const [ext, type] of ctB.defaults) if (ctA.defaults.get(ext) !== type) problems.push(`[Content_Types].xml: Default ${ext} ${type} → ${ctA.defaults.get(ext) ?? "missing"}`);
  for (const [part, type] of ctB.overrides) {
    if (!after.has(part) && own.removable.has(part)) continue;
    if (ctA.overrides.get(part) !== type) problems.push(`[Content_Types].xml: Override /${part} ${type} → ${ctA.overrides.get(part) ?? "missing"}`);
  }

  const relsA = relationships(after, wb);
  for (const r of relationships(before, wb)) {
    if (!after.has(r.part) && own.removable.has(r.part)) continue;
    const now = relsA.find((x) => x.id === r.id);
    if (!now || now.type !== r.type || now.part !== r.part) problems.push(`${relsPartOf(wb)}: relationship ${r.id} (${r.type.split("/").pop()} → ${r.part}) ${now ? `became ${now.type.split("/").pop()} → ${now.part}` : "is gone"}`);
  }

  const sheetsA = workbookSheets(after);
  let last = -1;
  for (const s of workbookSheets(before)) {
    const now = sheetsA.find((x) => x.name === s.name);
    if (!now) {
      problems.push(`${wb}: sheet «${s.name}» is gone`);
      continue;
    }
    if (!own.ownedSheets.has(s.name) && canonicalXml(now.tag) !== canonicalXml(s.tag)) problems.push(`${wb}: <sheet> of «${s.name}» changed: ${s.tag} → ${now.tag}`);
    if (now.index < last) problems.push(`${wb}: sheet «${s.name}» moved before another sheet it followed`);
    last = now.index;
  }

  const namesA = new Set(definedNames(after).map((n) => n.key));
  const replaced = [...own.ownedSheets];
  for (const n of definedNames(before)) {
    if ((n.scope !== null && replaced.includes(n.scope)) || replaced.some((s) => sheetMentioned(n.text, s))) continue;
    if (!namesA.has(n.key)) problems.push(`${wb}: defined name lost or changed: ${n.key}`);
  }

  const free = new Set(["sheets", "definedNames", "calcPr", "bookViews"]);
  const kept = (xml: string) => rootChildren(xml).filter((c) => !free.has(c.name)).map((c) => canonicalXml(c.xml));
  const kb = kept(partText(before, wb) ?? "");
  const ka = kept(partText(after, wb) ?? "");
  if (kb.join("\n") !== ka.join("\n")) problems.push(`${wb}: children other than sheets/definedNames/calcPr/bookViews changed: ${firstDifference(kb.join("\n"), ka.join("\n"))}`);

  problems.push(...styleProblems(before, after));
  return problems;
}

/** Every style record of before (number formats by id; fonts, fills, borders, xfs, cell styles, dxfs by index) is still there in after. */
export function styleProblems(before: Parts, after: Parts): string[] {
  const problems: string[] = [];
  const sb = workbookRelated(before, "styles");
  const sa = workbookRelated(after, "styles");
  if (!sb) return problems;
  if (!sa) return [`styles part ${sb} is gone`];
  const xb = partText(before, sb) ?? "";
  const xa = partText(after, sa) ?? "";
  const records = (xml: string, list: string, item: string) => {
    const block = new RegExp(`<${P}${list}(?=[\\s>/])[^>]*?(?:/>|>([\\s\\S]*?)</${P}${list}>)`).exec(xml)?.[1] ?? "";
    return [...block.matchAll(new RegExp(`<${P}${item}(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${P}${item}>)`, "g"))].map((m) => canonicalXml(m[0]));
  };
  for (const [list, item] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellStyleXfs", "xf"], ["cellXfs", "xf"], ["cellStyles", "cellStyle"], ["dxfs", "dxf"]]) {
    const rb = records(xb, list, item);
    const ra = records(xa, list, item);
    rb.forEach((r, i) => {
      if (ra[i] !== r) problems.push(`${sa}: ${list}[${i}] was ${r} and is now ${ra[i] ?? "missing"}`);
    });
  }
  const fmtA = new Set(records(xa, "numFmts", "numFmt"));
  for (const f of records(xb, "numFmts", "numFmt")) if (!fmtA.has(f)) problems.push(`${sa}: number format lost: ${f}`);
  return capped(problems);
}

/** All the part-level checks at once: untouched parts, package-level parts, shared string indexes. */
export function packageProblems(before: Parts, after: Parts, plans: readonly WritePlan[]): string[] {
  const own = ownershipOf(before, after, plans);
  return [...untouchedPartProblems(before, after, own), ...packageLevelProblems(before, after, own), ...sharedStringIndexProblems(before, after, own)];
}
