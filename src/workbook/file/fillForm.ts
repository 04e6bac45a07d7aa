// Fill the official blank form from FIS OKO: only cell values of the data rows change; the form's
// own validations (including Excel 2010+ ones), styles, hidden sheets, defined names and every
// other part stay byte-for-byte. Reads through the package reader, writes through the cell
// patcher. Browser-safe.

import type { CellValue } from "../backend";
import { parseRangeAddress } from "../../core/address";
import { removeCalcChain } from "./package/calcChain";
import { readWorkbook, type SheetEntry } from "./package/workbookPart";
import { XlsxPackage } from "./package/XlsxPackage";
import { applySplices, child, parseXml, withAttr, type XmlElement } from "./package/xml";
import { readContext } from "./reader/readWorkbook";
import { readSheetXml } from "./reader/readSheet";
import { patchCells, type CellPatch } from "./writer/patchCells";

export interface FormValidation {
  /** Cells it covers, as in the file: "B2:B20 K2:K19". */
  sqref: string;
  type: string;
  operator?: string;
  formula1?: string;
  formula2?: string;
  /** The allowed values when they can be known: an inline "a,b,c" list, or the cells of a range in this workbook. */
  list?: string[];
  /** For whole/decimal between: the bounds. */
  min?: number;
  max?: number;
}

export interface FormHeader {
  /** Row 1 of the sheet as text, from column A, trailing empty cells trimmed. */
  headers: string[];
  /** Every validation of the sheet (classic and Excel 2010+). */
  validations: FormValidation[];
  /** For each header column, the validation that covers its cell in row 2 (the first data row), or null. */
  columnValidations: (FormValidation | null)[];
}

async function formSheet(pkg: XlsxPackage, sheetName: string): Promise<{ entry: SheetEntry; xml: string }> {
  const { sheets } = await readWorkbook(pkg);
  const entry = sheets.find((s) => s.name === sheetName);
  if (!entry) throw new Error(`В файле формы нет листа «${sheetName}». Листы: ${sheets.map((s) => `«${s.name}»`).join(", ")}.`);
  const xml = entry.part ? await pkg.text(entry.part) : null;
  if (xml === null) throw new Error(`Лист «${sheetName}» повреждён: нет части ${entry.part ?? "листа"}.`);
  return { entry, xml };
}

function inSqref(sqref: string, row: number, col: number): boolean {
  return sqref
    .trim()
    .split(/\s+/)
    .some((part) => {
      try {
        const r = parseRangeAddress(part.replace(/\$/g, ""));
        return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
      } catch {
        return false;
      }
    });
}

/** Every element named `local` below `el`, depth first. */
function descendants(el: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.local === local) out.push(c);
    descendants(c, local, out);
  }
  return out;
}

function parseValidations(root: XmlElement): FormValidation[] {
  const out: FormValidation[] = [];
  for (const dv of descendants(root, "dataValidation")) {
    const isX14 = dv.prefix !== "" && dv.prefix !== root.prefix;
    const formula = (n: number) => {
      const f = child(dv, `formula${n}`);
      if (!f) return undefined;
      // Excel 2010+: <x14:formula1><xm:f>…</xm:f></x14:formula1>; classic: <formula1>…</formula1>.
      return isX14 ? (child(f, "f")?.text ?? f.text) : f.text;
    };
    out.push({
      sqref: isX14 ? (child(dv, "sqref")?.text ?? "") : (dv.attrs.sqref ?? ""),
      type: dv.attrs.type ?? "any",
      operator: dv.attrs.operator,
      formula1: formula(1),
      formula2: formula(2),
    });
  }
  return out;
}

/** Values of the cells of `ref` ("Классы!$A$1:$A$20", "'Лист 1'!A1:A3", "$A$2:$A$9" on `here`). */
async function rangeValues(pkg: XlsxPackage, ref: string, here: string): Promise<string[] | undefined> {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(ref.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? here);
  const info = await readWorkbook(pkg);
  const entry = info.sheets.find((s) => s.name === sheet);
  const xml = entry?.part ? await pkg.text(entry.part) : null;
  if (!xml) return undefined;
  const { values } = readSheetXml(xml, await readContext(pkg, info), false);
  const area = parseRangeAddress(m[3].replace(/\$/g, ""));
  const out: string[] = [];
  for (let r = area.row; r < area.row + area.rows && r < values.length; r++) {
    for (let c = area.col; c < area.col + area.cols && c < (values[r]?.length ?? 0); c++) {
      const v = values[r][c];
      if (v !== null && v !== "") out.push(String(v));
    }
  }
  return out;
}

/** Read row 1 of the form and its validations. */
export async function readFormHeader(bytes: Uint8Array | ArrayBuffer, sheetName = "Протокол"): Promise<FormHeader> {
  const pkg = await XlsxPackage.open(bytes);
  const info = await readWorkbook(pkg);
  const { xml } = await formSheet(pkg, sheetName);
  const { values } = readSheetXml(xml, await readContext(pkg, info), false);
  const headers = (values[0] ?? []).map((v) => (v === null ? "" : String(v)));
  while (headers.length && headers[headers.length - 1].trim() === "") headers.pop();

  const validations = parseValidations(parseXml(xml));
  const names = new Map(info.definedNames.filter((n) => !n.name.startsWith("_xlnm.")).map((n) => [n.name.toLowerCase(), n.formula]));
  for (const v of validations) {
    if ((v.type === "whole" || v.type === "decimal") && v.formula1 !== undefined) {
      const a = Number(v.formula1);
      const b = v.formula2 === undefined ? NaN : Number(v.formula2);
      if (Number.isFinite(a)) v.min = a;
      if (Number.isFinite(b)) v.max = b;
    }
    if (v.type === "list" && v.formula1 !== undefined) {
      const f = v.formula1.trim().replace(/^=/, "");
      if (f.startsWith('"') && f.endsWith('"')) {
        v.list = f
          .slice(1, -1)
          .replace(/""/g, '"')
          .split(",")
          .map((s) => s.trim());
      } else {
        const target = names.get(f.toLowerCase()) ?? f;
        const list = await rangeValues(pkg, target.replace(/^=/, ""), sheetName);
        if (list) v.list = list;
      }
    }
  }
  const columnValidations = headers.map((_, col) => validations.find((v) => inSqref(v.sqref, 1, col)) ?? null);
  return { headers, validations, columnValidations };
}

/**
 * Write `rows` into the form's sheet from `startRow` (1-based, default 2). Every value the rows
 * reach is written (null clears it); the data area below the header ends up holding exactly
 * `rows`: old constant values in rows ≥ startRow that the new rows do not cover are cleared, while
 * formula cells the rows do not reach are kept. Strings are always text, never formulas. Each
 * cell keeps its style; validations and everything outside <sheetData> are untouched.
 */
export async function fillForm(bytes: Uint8Array | ArrayBuffer, sheetName: string, rows: CellValue[][], startRow = 2): Promise<Uint8Array> {
  if (!Number.isInteger(startRow) || startRow < 1) throw new Error(`Первая строка данных должна быть не меньше 1, а не ${startRow}.`);
  rows.forEach((r) =>
    r.forEach((v) => {
      if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`Число ${v} нельзя записать в форму.`);
    }),
  );
  const pkg = await XlsxPackage.open(bytes);
  const info = await readWorkbook(pkg);
  const { entry, xml } = await formSheet(pkg, sheetName);
  const old = readSheetXml(xml, await readContext(pkg, info), true);
  const first = startRow - 1;
  const patches: CellPatch[] = [];
  const lastRow = Math.max(old.values.length, first + rows.length);
  for (let r = first; r < lastRow; r++) {
    const wanted = rows[r - first];
    const width = Math.max(old.values[r]?.length ?? 0, wanted?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const reached = wanted !== undefined && c < wanted.length;
      const isFormula = (old.formulas?.[r]?.[c] ?? null) !== null;
      if (!reached) {
        // Not ours to write: keep formulas, clear old constants.
        if (!isFormula && old.values[r]?.[c] !== null && old.values[r]?.[c] !== undefined) patches.push({ row: r, col: c, value: null });
        continue;
      }
      const v = wanted[c] ?? null;
      if ((v === null || v === "") && !isFormula && (old.values[r]?.[c] ?? null) === null) continue;
      patches.push({ row: r, col: c, value: v });
    }
  }
  const result = patchCells(xml, patches, sheetName);
  pkg.setText(entry.part!, result.xml);
  if (result.formulaOverwritten) await removeCalcChain(pkg, info.part);
  if (old.formulas?.some((r) => r.some((f) => f !== null))) await forceRecalc(pkg, info.part);
  return pkg.toBytes();
}

/** Formulas of the form may depend on the values we wrote: ask Excel to recalculate on open. */
async function forceRecalc(pkg: XlsxPackage, workbookPart: string): Promise<void> {
  const xml = await pkg.text(workbookPart);
  if (!xml) return;
  const calcPr = child(parseXml(xml), "calcPr");
  // Only where <calcPr> exists: adding the element would need the schema's exact position.
  if (!calcPr || calcPr.attrs.fullCalcOnLoad !== undefined) return;
  pkg.setText(workbookPart, applySplices(xml, [withAttr(xml, calcPr, "fullCalcOnLoad", "1")]));
}


