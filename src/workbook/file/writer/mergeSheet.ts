// A merge into a sheet the add-in made that holds typed data (score sheets, protocols): the cells,
// formulas and formats it names are patched inside <sheetData>; the data validations and
// conditional formats it names replace only the rules in the same ranges. Every other cell,
// column width, note, comment, merge, filter and rule of the sheet keeps its bytes. Browser-safe.

import { Parser } from "htmlparser2";
import type { SheetMerge } from "../../backend";
import { cellAddress, parseRangeAddress } from "../../../core/address";
import { applySplices, children, localName, parserOptions, parseXml, withAttr, type Splice } from "../package/xml";
import { patchCells, type CellPatch, type PatchResult } from "./patchCells";
import { highlightXml, layoutStyles, validationXml } from "./sheetXml";
import type { StyleRegistry } from "./styles";

/** Children of <worksheet> after <conditionalFormatting>, in schema order (CT_Worksheet). */
const AFTER_RULES = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

interface TopElement {
  local: string;
  start: number;
  end: number;
  attrs: Record<string, string>;
}

/** The children of the root element, with their places, without building anything for <sheetData>. */
function topLevel(xml: string): { root: { name: string; closeStart: number }; elements: TopElement[] } {
  const elements: TopElement[] = [];
  let depth = 0;
  let rootName = "";
  let rootClose = xml.length;
  let current: TopElement | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth++;
        if (depth === 1) rootName = name;
        else if (depth === 2) current = { local: localName(name), start: parser.startIndex, end: -1, attrs };
      },
      onclosetag() {
        if (depth === 2 && current) {
          current.end = parser.endIndex + 1;
          elements.push(current);
          current = null;
        } else if (depth === 1) rootClose = parser.startIndex;
        depth--;
      },
    },
    parserOptions,
  );
  parser.end(xml);
  return { root: { name: rootName, closeStart: rootClose }, elements };
}

type Rect = ReturnType<typeof parseRangeAddress>;

function rects(sqref: string): Rect[] {
  const out: Rect[] = [];
  for (const part of sqref.trim().split(/\s+/)) {
    try {
      out.push(parseRangeAddress(part.replace(/\$/g, "")));
    } catch {
      /* a reference we cannot read is not ours */
    }
  }
  return out;
}

const meets = (a: Rect, b: Rect): boolean => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
const intersects = (sqref: string, ours: Rect[]): boolean => rects(sqref).some((r) => ours.some((o) => meets(r, o)));

/** The patches of a merge: cells, formulas and formats, one patch per cell. */
function mergePatches(merge: SheetMerge, styles: StyleRegistry): CellPatch[] {
  const byCell = new Map<number, CellPatch>();
  const at = (row: number, col: number): CellPatch => {
    const k = row * 16384 + col;
    let p = byCell.get(k);
    if (!p) byCell.set(k, (p = { row, col, value: null }));
    return p;
  };
  const { formats } = layoutStyles(merge.styles);
  const xfs = new Map<object, number>();
  for (const [k, format] of formats) {
    let xf = xfs.get(format);
    if (xf === undefined) xfs.set(format, (xf = styles.xf(format)));
    const p = at(Math.floor(k / 16384), k % 16384);
    p.style = xf;
    // A formatted cell keeps its value unless the merge sets one.
    p.keepValue = true;
  }
  for (const c of merge.cells) {
    const p = at(c.row, c.col);
    p.value = c.value;
    p.keepValue = false;
  }
  let group = 0;
  for (const block of merge.formulas ?? []) {
    const { row, col, rows, cols } = parseRangeAddress(block.range.replace(/\$/g, ""));
    for (let j = 0; j < cols; j++) {
      const si = group++;
      for (let i = 0; i < rows; i++) {
        const p = at(row + i, col + j);
        p.keepValue = false;
        p.value = block.results?.[i]?.[j] ?? null;
        p.formula = block.fillDown ? block.formulas[0][j] : block.formulas[i][j];
        if (block.fillDown && rows > 1) p.shared = i === 0 ? { si, ref: `${cellAddress(row, col + j)}:${cellAddress(row + rows - 1, col + j)}` } : { si };
      }
    }
  }
  return [...byCell.values()];
}

/** The sheet part with the merge carried out. */
export function mergeSheetXml(xml: string, merge: SheetMerge, styles: StyleRegistry): PatchResult {
  const patched = patchCells(xml, mergePatches(merge, styles), merge.name);
  if (merge.validations === undefined && merge.highlights === undefined) return patched;

  const text = patched.xml;
  const { root, elements } = topLevel(text);
  const p = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  const prefixed = (s: string) => (p ? s.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : s);
  const splices: Splice[] = [];
  const firstOf = (names: string[]) => elements.find((e) => names.includes(e.local));

  if (merge.highlights !== undefined) {
    const ours = merge.highlights.map((h) => parseRangeAddress(h.range.replace(/\$/g, "")));
    const existing = elements.filter((e) => e.local === "conditionalFormatting");
    let priority = 0;
    for (const e of existing) {
      if (intersects(e.attrs.sqref ?? "", ours)) splices.push({ start: e.start, end: e.end, text: "" });
      else for (const rule of children(parseXml(text.slice(e.start, e.end)), "cfRule")) priority = Math.max(priority, Number(rule.attrs.priority) || 0);
    }
    const added = merge.highlights.map((h) => prefixed(highlightXml(h, styles.dxfFill(h.fill), ++priority))).join("");
    if (added) {
      const last = existing[existing.length - 1];
      const at = last ? last.end : (firstOf(AFTER_RULES)?.start ?? root.closeStart);
      splices.push({ start: at, end: at, text: added });
    }
  }

  if (merge.validations !== undefined) {
    const ours = merge.validations.map((v) => parseRangeAddress(v.range.replace(/\$/g, "")));
    const added = merge.validations.map((v) => prefixed(validationXml(v)));
    const holder = elements.find((e) => e.local === "dataValidations");
    if (holder) {
      const own = text.slice(holder.start, holder.end);
      const el = parseXml(own);
      const kept = children(el, "dataValidation").filter((dv) => !intersects(dv.attrs.sqref ?? "", ours));
      const count = kept.length + added.length;
      if (count === 0) splices.push({ start: holder.start, end: holder.end, text: "" });
      else {
        const open = applySplices(own.slice(0, el.openEnd), [withAttr(own, { ...el, start: 0 }, "count", String(count))]);
        const body = kept.map((dv) => own.slice(dv.start, dv.end)).join("") + added.join("");
        splices.push({ start: holder.start, end: holder.end, text: `${open.replace(/\s*\/>$/, ">")}${body}</${el.name}>` });
      }
    } else if (added.length) {
      const at = firstOf(AFTER_RULES.slice(1))?.start ?? root.closeStart;
      splices.push({ start: at, end: at, text: prefixed(`<dataValidations count="${added.length}">`) + added.join("") + `</${p}dataValidations>` });
    }
  }
  return { ...patched, xml: applySplices(text, splices) };
}
