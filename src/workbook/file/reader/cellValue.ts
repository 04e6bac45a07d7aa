// One cell's value from what its <c> element held: the type attribute, the <v> text, inline text
// and the style (dates), decoded once for both sheet readers (./readSheet.ts, ./sheetRows.ts).
import type { CellValue } from "../../backend";
import { decodeOoxmlText } from "../package/xml";
import { serialToIso } from "./numberFormats";
import type { ReadContext } from "./readSheet";

export function decodeCellValue(ctx: ReadContext, type: string, value: string | null, inlineText: string | null, style: number): CellValue {
  if (type === "inlineStr") return inlineText ? decodeOoxmlText(inlineText) : null;
  if (value === null || value === "") return null;
  switch (type) {
    case "s": {
      const s = ctx.sharedStrings[Number(value)];
      return s === undefined || s === "" ? null : s;
    }
    case "b":
      return value === "1" || value.toLowerCase() === "true";
    case "str":
      return decodeOoxmlText(value);
    case "e":
      return value;
    case "d":
      return value.endsWith("T00:00:00") || value.endsWith("T00:00:00Z") ? value.slice(0, 10) : value.replace(/Z$/, "");
    default: {
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      return ctx.dateStyles[style] ? serialToIso(n, ctx.date1904) : n;
    }
  }
}
