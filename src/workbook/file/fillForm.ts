// Fill the official blank form from FIS OKO: only cell values of the data rows change; the form's
// own validations (including Excel 2010+ ones ExcelJS would drop), styles, hidden sheets, defined
// names and everything else stay byte-for-byte. Works on the package XML directly. Browser-safe.

import type JSZip from "jszip";
import type { CellValue } from "../backend";
import { cellAddress, parseRangeAddress } from "../../core/address";
import {
  attr,
  cellValue,
  isFormulaCell,
  listSheets,
  openPackage,
  parseRows,
  readPart,
  renderCell,
  sharedStrings,
  unescapeXml,
  type RawRow,
} from "./ooxml";

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

async function sheetXml(zip: JSZip, sheetName: string): Promise<{ path: string; xml: string }> {
  const sheets = await listSheets(zip);
  const entry = sheets.find((s) => s.name === sheetName);
  if (!entry) {
    throw new Error(`В файле формы нет листа «${sheetName}». Листы: ${sheets.map((s) => `«${s.name}»`).join(", ")}.`);
  }
  const xml = await readPart(zip, entry.path);
  if (xml === null) throw new Error(`Лист «${sheetName}» повреждён: нет части ${entry.path}.`);
  return { path: entry.path, xml };
}

function sheetDataOf(xml: string): { before: string; data: string; after: string } {
  const m = /<sheetData\s*\/>|<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml);
  if (!m) throw new Error("Лист формы не похож на лист Excel: нет <sheetData> (или элементы с префиксом пространства имён).");
  return { before: xml.slice(0, m.index), data: m[1] ?? "", after: xml.slice(m.index + m[0].length) };
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

function parseValidations(xml: string): FormValidation[] {
  const out: FormValidation[] = [];
  // Classic: <dataValidation sqref=".." type=".."><formula1>..</formula1></dataValidation>
  for (const m of xml.matchAll(/<dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g)) {
    const tag = `<dataValidation${m[1]}>`;
    const body = m[2] ?? "";
    const f1 = /<formula1>([\s\S]*?)<\/formula1>/.exec(body)?.[1];
    const f2 = /<formula2>([\s\S]*?)<\/formula2>/.exec(body)?.[1];
    out.push({
      sqref: attr(tag, "sqref") ?? "",
      type: attr(tag, "type") ?? "any",
      operator: attr(tag, "operator"),
      formula1: f1 === undefined ? undefined : unescapeXml(f1),
      formula2: f2 === undefined ? undefined : unescapeXml(f2),
    });
  }
  // Excel 2010+: <x14:dataValidation type=".."><x14:formula1><xm:f>..</xm:f></x14:formula1><xm:sqref>..</xm:sqref>
  for (const m of xml.matchAll(/<x14:dataValidation\b([^>]*)>([\s\S]*?)<\/x14:dataValidation>/g)) {
    const tag = `<x14:dataValidation${m[1]}>`;
    const body = m[2];
    const f = (n: number) => {
      const x = new RegExp(`<x14:formula${n}>\\s*<xm:f>([\\s\\S]*?)</xm:f>`).exec(body)?.[1];
      return x === undefined ? undefined : unescapeXml(x);
    };
    out.push({
      sqref: /<xm:sqref>([\s\S]*?)<\/xm:sqref>/.exec(body)?.[1] ?? "",
      type: attr(tag, "type") ?? "any",
      operator: attr(tag, "operator"),
      formula1: f(1),
      formula2: f(2),
    });
  }
  return out;
}

/** Values of the cells of `ref` ("Классы!$A$1:$A$20", "'Лист 1'!A1:A3", "$A$2:$A$9" on `here`). */
async function rangeValues(zip: JSZip, ref: string, here: string, shared: string[]): Promise<string[] | undefined> {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(ref.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? here);
  const sheets = await listSheets(zip);
  const entry = sheets.find((s) => s.name === sheet);
  if (!entry) return undefined;
  const xml = await readPart(zip, entry.path);
  if (!xml) return undefined;
  const area = parseRangeAddress(m[3].replace(/\$/g, ""));
  const out: string[] = [];
  for (const row of parseRows(sheetDataOf(xml).data)) {
    if (row.row < area.row || row.row >= area.row + area.rows) continue;
    for (const c of row.cells) {
      if (c.col < area.col || c.col >= area.col + area.cols) continue;
      const v = cellValue(c.xml, shared);
      if (v !== null && v !== "") out.push(String(v));
    }
  }
  return out;
}

async function definedNames(zip: JSZip): Promise<Map<string, string>> {
  const wb = (await readPart(zip, "xl/workbook.xml")) ?? "";
  const names = new Map<string, string>();
  for (const m of wb.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = attr(`<d${m[1]}>`, "name");
    if (name && !name.startsWith("_xlnm.")) names.set(name.toLowerCase(), unescapeXml(m[2]));
  }
  return names;
}

/** Read row 1 of the form and its validations. */
export async function readFormHeader(bytes: Uint8Array | ArrayBuffer, sheetName = "Протокол"): Promise<FormHeader> {
  const zip = await openPackage(bytes);
  const shared = await sharedStrings(zip);
  const { xml } = await sheetXml(zip, sheetName);
  const rows = parseRows(sheetDataOf(xml).data);

  const headers: string[] = [];
  const first = rows.find((r) => r.row === 0);
  for (const c of first?.cells ?? []) {
    const v = cellValue(c.xml, shared);
    while (headers.length < c.col) headers.push("");
    headers[c.col] = v === null ? "" : String(v);
  }
  while (headers.length && headers[headers.length - 1].trim() === "") headers.pop();

  const validations = parseValidations(xml);
  const names = await definedNames(zip);
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
        const list = await rangeValues(zip, target.replace(/^=/, ""), sheetName, shared);
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
export async function fillForm(
  bytes: Uint8Array | ArrayBuffer,
  sheetName: string,
  rows: CellValue[][],
  startRow = 2,
): Promise<Uint8Array> {
  if (!Number.isInteger(startRow) || startRow < 1) throw new Error(`startRow must be ≥ 1, not ${startRow}`);
  rows.forEach((r) =>
    r.forEach((v) => {
      if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`cannot write ${v}`);
    }),
  );
  const zip = await openPackage(bytes);
  const { path, xml } = await sheetXml(zip, sheetName);
  const { before, data, after } = sheetDataOf(xml);
  const existing = parseRows(data);
  const byRow = new Map<number, RawRow>(existing.map((r) => [r.row, r]));
  const first = startRow - 1;
  let formulaOverwritten = false;

  const targetRows = new Set<number>(existing.filter((r) => r.row >= first).map((r) => r.row));
  rows.forEach((_, i) => targetRows.add(first + i));

  for (const rowIndex of targetRows) {
    const newValues = rows[rowIndex - first];
    const old = byRow.get(rowIndex);
    const cells = new Map<number, string>((old?.cells ?? []).map((c) => [c.col, c.xml]));
    const cols = new Set<number>(cells.keys());
    newValues?.forEach((_, c) => cols.add(c));
    const out: { col: number; xml: string }[] = [];
    for (const col of [...cols].sort((a, b) => a - b)) {
      const oldXml = cells.get(col) ?? null;
      const reached = newValues !== undefined && col < newValues.length;
      if (!reached) {
        // Not ours to write: keep formulas, clear old constants.
        out.push({ col, xml: oldXml && isFormulaCell(oldXml) ? oldXml : renderCell(cellAddress(rowIndex, col), oldXml, null) });
        continue;
      }
      if (oldXml && isFormulaCell(oldXml)) {
        if (/<f\b[^>]*\bt="shared"[^>]*\bref=/.test(oldXml)) {
          throw new Error(`Ячейка ${cellAddress(rowIndex, col)} формы — начало общей формулы; записать в неё значение нельзя.`);
        }
        formulaOverwritten = true;
      }
      const v = newValues[col];
      if ((v === null || v === undefined || v === "") && !oldXml) continue;
      out.push({ col, xml: renderCell(cellAddress(rowIndex, col), oldXml, v === undefined ? null : v) });
    }
    const open = old ? old.open.replace(/\sspans\s*=\s*"[^"]*"/, "") : `<row r="${rowIndex + 1}"`;
    byRow.set(rowIndex, { row: rowIndex, open, cells: out, rest: old?.rest ?? "" });
  }

  const sorted = [...byRow.values()].sort((a, b) => a.row - b.row);
  const newData = sorted
    .map((r) => (r.cells.length || r.rest ? `${r.open}>${r.cells.map((c) => c.xml).join("")}${r.rest}</row>` : `${r.open}/>`))
    .join("");
  let newXml = `${before}<sheetData>${newData}</sheetData>${after}`;

  // Keep <dimension> honest.
  let maxRow = 0;
  let maxCol = 0;
  for (const r of sorted) {
    for (const c of r.cells) {
      if (/<\/c>$/.test(c.xml)) {
        maxRow = Math.max(maxRow, r.row);
        maxCol = Math.max(maxCol, c.col);
      }
    }
  }
  newXml = newXml.replace(/<dimension\s+ref="[^"]*"\s*\/>/, `<dimension ref="A1:${cellAddress(maxRow, maxCol)}"/>`);
  zip.file(path, newXml);

  if (formulaOverwritten) await dropCalcChain(zip);
  if (/<f\b/.test(newXml)) await forceRecalc(zip);

  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return out;
}

/** The calculation chain may name a formula cell we overwrote; Excel rebuilds it when it is absent. */
async function dropCalcChain(zip: JSZip): Promise<void> {
  if (!zip.file("xl/calcChain.xml")) return;
  zip.remove("xl/calcChain.xml");
  const rels = await readPart(zip, "xl/_rels/workbook.xml.rels");
  if (rels) zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship\b[^>]*calcChain\.xml"[^>]*\/>/g, ""));
  const ct = await readPart(zip, "[Content_Types].xml");
  if (ct) zip.file("[Content_Types].xml", ct.replace(/<Override\b[^>]*\/xl\/calcChain\.xml"[^>]*\/>/g, ""));
}

/** Formulas of the form may depend on the values we wrote: ask Excel to recalculate on open. */
async function forceRecalc(zip: JSZip): Promise<void> {
  const wb = await readPart(zip, "xl/workbook.xml");
  if (!wb) return;
  // Only where <calcPr> exists: adding the element would need the schema's exact position.
  if (!/<calcPr\b/.test(wb) || /<calcPr\b[^>]*fullCalcOnLoad=/.test(wb)) return;
  zip.file("xl/workbook.xml", wb.replace(/<calcPr\b/, '<calcPr fullCalcOnLoad="1"'));
}
