// The shared-strings table: the text of each <si> (plain or rich text), phonetic runs left out as
// Excel shows them. Streamed: the table of a large workbook is never held as a tree. Browser-safe.

import { Parser } from "htmlparser2";
import { decodeOoxmlText, localName, parserOptions } from "../package/xml";

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let inItem = false;
  let phonetic = 0;
  let inText = false;
  let text = "";
  const parser = new Parser(
    {
      onopentag(name) {
        const l = localName(name);
        if (l === "si") {
          inItem = true;
          text = "";
        } else if (l === "rPh") phonetic++;
        else if (l === "t" && inItem && phonetic === 0) inText = true;
      },
      ontext(data) {
        if (inText) text += data;
      },
      onclosetag(name) {
        const l = localName(name);
        if (l === "si") {
          out.push(decodeOoxmlText(text));
          inItem = false;
        } else if (l === "rPh") phonetic--;
        else if (l === "t") inText = false;
      },
    },
    parserOptions,
  );
  parser.end(xml);
  return out;
}
