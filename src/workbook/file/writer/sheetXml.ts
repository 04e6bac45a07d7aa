// A SheetPlan as a worksheet part, written directly as SpreadsheetML: values (strings inline, so
// no shared-strings entry is ever created for a name), formulas with cached results (shared when
// filled down), widths, frozen panes, validations, highlights, cell formats, print setup, tab
// colour, the reference to its charts' drawing. The elements follow the schema's order
// (CT_Worksheet). The plan was checked before. Browser-safe.

import type { CellStyle, CellValue, Highlight, SheetPlan, Validation } from "../../backend";
import { cellAddress, columnLetter, parseRangeAddress } from "../../../core/address";
import { escapeAttr, escapeText } from "../package/xml";
import { argb, type CellFormat, type StyleRegistry } from "./styles";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Where a sheet's print setup goes in the workbook part: defined names with the sheet's position. */
export interface PrintNames {
  area?: string;
  titles?: string;
}

const bare = (formula: string) => formula.trim().replace(/^=/, "");

/** A value cell's XML (the text of the <c> element), or "" when there is nothing to write. */
export function valueCellXml(ref: string, v: CellValue, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (v === null || v === "") return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${numberText(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is>${textRun(v)}</is></c>`;
}

export function textRun(v: string): string {
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
  return `<t${space}>${escapeText(v)}</t>`;
}

export function numberText(n: number): string {
  // JavaScript's shortest round-trip form is a valid xsd:double ("1e-7" included).
  return Object.is(n, -0) ? "0" : String(n);
}

export function formulaCellXml(ref: string, formula: string, result: CellValue | undefined, style: number, shared?: { si: number; ref?: string }): string {
  const s = style ? ` s="${style}"` : "";
  let t = "";
  let v = "";
  if (typeof result === "number") v = `<v>${numberText(result)}</v>`;
  else if (typeof result === "boolean") {
    t = ' t="b"';
    v = `<v>${result ? 1 : 0}</v>`;
  } else if (typeof result === "string" && result !== "") {
    t = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA)$/.test(result) ? ' t="e"' : ' t="str"';
    v = `<v>${escapeText(result)}</v>`;
  } else if (result === "") {
    t = ' t="str"';
    v = "<v></v>";
  }
  let f: string;
  if (shared && shared.ref) f = `<f t="shared" ref="${shared.ref}" si="${shared.si}">${escapeText(bare(formula))}</f>`;
  else if (shared) f = `<f t="shared" si="${shared.si}"/>`;
  else f = `<f>${escapeText(bare(formula))}</f>`;
  return `<c r="${ref}"${s}${t}>${f}${v}</c>`;
}

export function validationXml(v: Validation): string {
  const attrs: string[] = [];
  let f1: string;
  let f2 = "";
  if (v.whole) {
    attrs.push('type="whole"', 'operator="between"');
    f1 = String(v.whole[0]);
    f2 = String(v.whole[1]);
  } else {
    attrs.push('type="list"');
    f1 = v.list ? `"${v.list.join(",").replace(/"/g, '""')}"` : bare(v.listSource!);
  }
  if (v.errorStyle && v.errorStyle !== "stop") attrs.push(`errorStyle="${v.errorStyle}"`);
  attrs.push('allowBlank="1"');
  if (v.prompt) attrs.push('showInputMessage="1"');
  attrs.push('showErrorMessage="1"');
  if (v.errorMessage) attrs.push(`errorTitle="${escapeAttr("ВПР: координатор")}"`, `error="${escapeAttr(v.errorMessage)}"`);
  if (v.prompt) attrs.push(`prompt="${escapeAttr(v.prompt)}"`);
  attrs.push(`sqref="${v.range.replace(/\$/g, "")}"`);
  return `<dataValidation ${attrs.join(" ")}><formula1>${escapeText(f1)}</formula1>${f2 ? `<formula2>${f2}</formula2>` : ""}</dataValidation>`;
}

/** One conditional format: a formula rule with a fill (dxf) at a priority. */
export function highlightXml(h: Highlight, dxf: number, priority: number): string {
  return `<conditionalFormatting sqref="${h.range.replace(/\$/g, "")}"><cfRule type="expression" dxfId="${dxf}" priority="${priority}"><formula>${escapeText(bare(h.formula))}</formula></cfRule></conditionalFormatting>`;
}

/** Cell formats by cell (key row * 16384 + col) and row heights, from the plan's style ranges. */
export function layoutStyles(styles: readonly CellStyle[] | undefined): { formats: Map<number, CellFormat>; heights: Map<number, number> } {
  const formats = new Map<number, CellFormat>();
  const heights = new Map<number, number>();
  // Cells with the same styles share one format object, so the style registry is asked once per
  // combination, not once per cell (a protocol of 10 000 rows has borders on every cell).
  const merged = new Map<CellFormat, CellFormat>();
  for (const st of styles ?? []) {
    const { range, rowHeight, ...rest } = st;
    const format = stripUndefined(rest);
    merged.clear();
    const a = parseRangeAddress(range.replace(/\$/g, ""));
    const hasFormat = Object.keys(format).length > 0;
    for (let r = a.row; r < a.row + a.rows; r++) {
      if (rowHeight !== undefined) heights.set(r, rowHeight);
      if (!hasFormat) continue;
      for (let c = a.col; c < a.col + a.cols; c++) {
        const k = r * 16384 + c;
        const old = formats.get(k);
        if (!old) {
          formats.set(k, format);
          continue;
        }
        let both = merged.get(old);
        if (!both) merged.set(old, (both = { ...old, ...format }));
        formats.set(k, both);
      }
    }
  }
  return { formats, heights };
}

function stripUndefined<T extends object>(o: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Print-area and print-title formulas for the workbook's defined names. */
export function printNames(plan: Omit<SheetPlan, "mode">): PrintNames {
  const p = plan.print;
  if (!p) return {};
  const q = `'${plan.name.replace(/'/g, "''")}'`;
  const out: PrintNames = {};
  if (p.area) {
    const a = parseRangeAddress(p.area.replace(/\$/g, ""));
    const abs = (r: number, c: number) => cellAddress(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    out.area = `${q}!${abs(a.row, a.col)}:${abs(a.row + a.rows - 1, a.col + a.cols - 1)}`;
  }
  if (p.repeatRows) {
    const [from, to] = p.repeatRows.replace(/\$/g, "").split(":");
    out.titles = `${q}!$${from}:$${to}`;
  }
  return out;
}

/** The worksheet part of a sheet plan; `drawingRelId` is the sheet's relationship to its charts' drawing. */
export function sheetXml(plan: Omit<SheetPlan, "mode">, styles: StyleRegistry, selected: boolean, drawingRelId?: string): string {
  const { formats, heights } = layoutStyles(plan.styles);
  const xfs = new Map<CellFormat, number>();
  const xfOf = (r: number, c: number) => {
    const f = formats.get(r * 16384 + c);
    if (!f) return 0;
    let xf = xfs.get(f);
    if (xf === undefined) xfs.set(f, (xf = styles.xf(f)));
    return xf;
  };

  // Every cell that will be written, as a sparse grid of <c> texts: values first, formulas over them.
  const grid: (string | undefined)[][] = [];
  const letters: string[] = [];
  const ref = (r: number, c: number) => `${(letters[c] ??= columnLetter(c))}${r + 1}`;
  const put = (r: number, c: number, xml: string) => {
    const row = (grid[r] ??= []);
    row[c] = xml || undefined;
  };
  plan.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "") put(r, c, valueCellXml(ref(r, c), v, xfOf(r, c)));
    }),
  );
  let si = 0;
  for (const block of plan.formulas ?? []) {
    const { row, col, rows: n } = parseRangeAddress(block.range);
    const sharedBlock = block.fillDown === true && n > 1;
    const ids = block.formulas[0]?.map(() => si++) ?? [];
    if (block.fillDown) {
      // The first row holds the formula text once; every other row points at it (shared formula).
      const first = block.formulas[0] ?? [];
      for (let i = 0; i < n; i++) {
        first.forEach((f, j) => {
          const r = row + i;
          const c = col + j;
          const shared = sharedBlock ? { si: ids[j], ref: i === 0 ? `${ref(row, c)}:${ref(row + n - 1, c)}` : undefined } : undefined;
          put(r, c, formulaCellXml(ref(r, c), f, block.results?.[i]?.[j] ?? undefined, xfOf(r, c), shared));
        });
      }
      continue;
    }
    block.formulas.forEach((fr, i) =>
      fr.forEach((f, j) => {
        const r = row + i;
        const c = col + j;
        put(r, c, formulaCellXml(ref(r, c), f, block.results?.[i]?.[j] ?? undefined, xfOf(r, c)));
      }),
    );
  }
  // Formatted cells that hold nothing (an empty bordered box) still need their <c>.
  for (const k of formats.keys()) {
    const r = Math.floor(k / 16384);
    const c = k % 16384;
    if (grid[r]?.[c] === undefined) put(r, c, `<c r="${ref(r, c)}" s="${xfOf(r, c)}"/>`);
  }
  for (const r of heights.keys()) grid[r] ??= [];

  let maxRow = 0;
  let maxCol = 0;
  const rowXml: string[] = [];
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r];
    if (cells === undefined) continue;
    let text = "";
    for (let c = 0; c < cells.length; c++) {
      const x = cells[c];
      if (x === undefined) continue;
      text += x;
      maxRow = r;
      if (c > maxCol) maxCol = c;
    }
    const h = heights.get(r);
    const ht = h !== undefined ? ` ht="${h}" customHeight="1"` : "";
    rowXml.push(text ? `<row r="${r + 1}"${ht}>${text}</row>` : `<row r="${r + 1}"${ht}/>`);
  }

  const out: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  const p = plan.print;
  const sheetPr = (plan.tabColor ? `<tabColor rgb="${argb(plan.tabColor)}"/>` : "") + (p?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "");
  if (sheetPr) out.push(`<sheetPr>${sheetPr}</sheetPr>`);
  out.push(`<dimension ref="${maxRow || maxCol ? `A1:${cellAddress(maxRow, maxCol)}` : "A1"}"/>`);

  const x = plan.freezeColumns ?? 0;
  const y = plan.freezeRows ?? 0;
  const sel = selected ? ' tabSelected="1"' : "";
  if (x > 0 || y > 0) {
    const pane = x > 0 && y > 0 ? "bottomRight" : y > 0 ? "bottomLeft" : "topRight";
    const split = (x > 0 ? ` xSplit="${x}"` : "") + (y > 0 ? ` ySplit="${y}"` : "");
    const top = cellAddress(y, x);
    out.push(`<sheetViews><sheetView${sel} workbookViewId="0"><pane${split} topLeftCell="${top}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`);
  } else {
    out.push(`<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`);
  }
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (plan.columnWidths?.length) {
    out.push(`<cols>${plan.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`);
  }
  out.push(rowXml.length ? `<sheetData>${rowXml.join("")}</sheetData>` : "<sheetData/>");

  let priority = 1;
  for (const h of plan.highlights ?? []) {
    const dxf = styles.dxfFill(h.fill);
    out.push(highlightXml(h, dxf, priority++));
  }
  const validations = plan.validations ?? [];
  if (validations.length) out.push(`<dataValidations count="${validations.length}">${validations.map(validationXml).join("")}</dataValidations>`);

  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  const setup: string[] = ['paperSize="9"'];
  if (p?.fitToWidth) setup.push('fitToWidth="1"', 'fitToHeight="0"');
  if (p?.landscape) setup.push('orientation="landscape"');
  out.push(`<pageSetup ${setup.join(" ")}/>`);
  if (p?.header) out.push(`<headerFooter><oddHeader>${escapeText(`&C${p.header.replace(/&/g, "&&")}`)}</oddHeader></headerFooter>`);
  const breaks = p?.pageBreaksAfterRows ?? [];
  if (breaks.length) {
    out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`);
  }
  // After the breaks and before tableParts/extLst (none here), as CT_Worksheet orders them.
  if (drawingRelId) out.push(`<drawing r:id="${drawingRelId}"/>`);
  out.push("</worksheet>");
  return out.join("");
}
