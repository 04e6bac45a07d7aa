// When written cells replace text that lived in the shared-strings table (a cleared name, a
// replaced protocol), the table still holds that text. Entries no cell refers to any more are
// emptied in place — their indices stay, so no other part changes — and the name is gone from the
// file. Browser-safe.

import { Parser } from "htmlparser2";
import { applySplices, children, localName, parserOptions, parseXml, type Splice } from "../package/xml";

/** Shared-string indices referred to by the cells of one worksheet part. */
export function referencedStrings(sheetXml: string, into: Set<number>): void {
  let shared = false;
  let inV = false;
  let text = "";
  const parser = new Parser(
    {
      onopentag(name, a) {
        const l = localName(name);
        if (l === "c") {
          shared = a.t === "s";
        } else if (l === "v" && shared) {
          inV = true;
          text = "";
        }
      },
      ontext(data) {
        if (inV) text += data;
      },
      onclosetag(name) {
        if (localName(name) === "v" && inV) {
          inV = false;
          const n = Number(text.trim());
          if (Number.isInteger(n)) into.add(n);
        }
      },
    },
    parserOptions,
  );
  parser.end(sheetXml);
}

/** The table with every entry in `candidates` that no sheet uses (`used`) emptied. */
export function emptyUnusedStrings(sstXml: string, candidates: ReadonlySet<number>, used: ReadonlySet<number>): string {
  const root = parseXml(sstXml);
  const splices: Splice[] = [];
  const p = root.prefix;
  children(root, "si").forEach((si, i) => {
    if (candidates.has(i) && !used.has(i)) splices.push({ start: si.start, end: si.end, text: `<${p}si><${p}t></${p}t></${p}si>` });
  });
  return applySplices(sstXml, splices);
}
