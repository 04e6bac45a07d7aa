// Carrying out a checked WritePlan on a package. What changes: the parts of the sheets the plan
// writes (new or replaced whole, with their charts' drawing and chart parts; what only a replaced
// sheet used goes), the cells it names inside other sheets' <sheetData>, and what those require in
// the workbook part, its relationships, the content types, the styles (appended), the print names
// of our sheets, the shared strings (emptied entries) and the calculation chain (dropped when it
// could name a cell that is no longer a formula). Every other part keeps its bytes. Browser-safe.

import type { SheetMerge, SheetPlan, WritePlan } from "../../backend";
import { parseCellAddress } from "../../../core/address";
import { CT, removeOverride, setOverride } from "../package/contentTypes";
import { addRelationship, readRelationships, relsPartOf, REL, RELATIONSHIPS_NS } from "../package/relationships";
import { removeCalcChain } from "../package/calcChain";
import { freePart } from "../package/partNames";
import { readWorkbook, type SheetEntry } from "../package/workbookPart";
import type { XlsxPackage } from "../package/XlsxPackage";
import { appendInside, applySplices, child, children, escapeAttr, escapeText, withAttr, type Splice, type XmlElement } from "../package/xml";
import { workbookParts } from "../reader/readWorkbook";
import { writeSheetCharts } from "./drawingParts";
import { mergeSheetXml } from "./mergeSheet";
import { patchCells, type CellPatch } from "./patchCells";
import { emptyUnusedStrings, referencedStrings } from "./sharedStringsCleanup";
import { printNames, sheetXml } from "./sheetXml";
import { MINIMAL_STYLES, StyleRegistry } from "./styles";

const lower = (s: string) => s.toLocaleLowerCase("ru");

/** Does a sheet part say it is selected (tabSelected) in its view? Looked for before <sheetData> only. */
function isTabSelected(xml: string): boolean {
  const head = xml.slice(0, Math.max(0, xml.indexOf("sheetData")));
  return /\btabSelected\s*=\s*["'](1|true)["']/.test(head);
}

/** A user sheet whose cells were patched: what a reader that parsed `before` needs to know. */
export interface PatchedPart {
  part: string;
  before: string;
  after: string;
  patches: CellPatch[];
  keptStyles: { row: number; col: number; style: number }[];
}

/** A sheet written whole from its plan (no cell writes on top). */
export interface WrittenPart {
  part: string;
  xml: string;
  plan: SheetPlan;
}

export async function applyToPackage(pkg: XlsxPackage, plan: WritePlan): Promise<{ patched: PatchedPart[]; written: WrittenPart[]; merged: string[] }> {
  const patched: PatchedPart[] = [];
  const wb = await readWorkbook(pkg);
  const { xml: wbXml, root } = wb;
  const wbSplices: Splice[] = [];
  const parts = await workbookParts(pkg, wb.part);

  let stylesPart = parts.styles;
  const merges = plan.merges ?? [];
  if (!stylesPart && (plan.sheets.length > 0 || merges.length > 0)) {
    stylesPart = "xl/styles.xml";
    if (pkg.has(stylesPart)) stylesPart = freePart(pkg, "xl", "styles");
    pkg.setText(stylesPart, MINIMAL_STYLES);
    await addRelationship(pkg, wb.part, REL.styles, stylesPart);
    await setOverride(pkg, stylesPart, CT.styles);
  }
  const styles = stylesPart ? new StyleRegistry((await pkg.text(stylesPart)) ?? MINIMAL_STYLES) : null;

  const sstPart = parts.sharedStrings;
  const droppedStrings = new Set<number>();
  let dropCalcChain = false;
  const removedRelTargets: string[] = [];
  const planned = new Map<string, { part: string; xml: string; index: number; plan: SheetPlan; patched?: boolean }>();

  // Sheets the plan writes whole.
  const sheetsEl = child(root, "sheets");
  if (!sheetsEl) throw new Error("В книге нет списка листов (workbook.xml повреждён).");
  let nextSheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
  let nextIndex = wb.sheets.length;
  const newSheetElements: string[] = [];
  const newParts = new Set<string>();
  const drawingParts = new Set<string>();
  const byName = (name: string): SheetEntry | undefined => wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => lower(s.name) === lower(name));
  const relPrefix = wb.relPrefix;
  const sp = sheetsEl.prefix;

  for (const sheet of plan.sheets) {
    let part: string;
    let index: number;
    if (sheet.mode === "create") {
      part = freePart(pkg, "xl/worksheets", "sheet", newParts);
      const relId = await addRelationship(pkg, wb.part, REL.worksheet, part);
      await setOverride(pkg, part, CT.worksheet);
      const rid = relPrefix ? `${relPrefix}id="${relId}"` : `xmlns:r="${RELATIONSHIPS_NS}" r:id="${relId}"`;
      newSheetElements.push(`<${sp}sheet name="${escapeAttr(sheet.name)}" sheetId="${nextSheetId++}" ${rid}/>`);
      index = nextIndex++;
    } else {
      const entry = byName(sheet.name);
      if (!entry?.part) throw new Error(`Лист «${sheet.name}» не найден в книге.`);
      part = entry.part;
      index = entry.index;
      const old = (await pkg.text(entry.part)) ?? "";
      if (sstPart) referencedStrings(old, droppedStrings);
      if (old.includes("<f") || old.includes(":f")) dropCalcChain = true;
      // The old part's own relationships (comments, drawings and their charts, printer settings)
      // go with it: removed at the end, once nothing else refers to them.
      const rels = await readRelationships(pkg, entry.part);
      for (const r of rels) if (r.part) removedRelTargets.push(r.part);
      pkg.remove(relsPartOf(entry.part));
    }
    // New charts take fresh part numbers: the old drawing and charts are still there until the end.
    const drawingRelId = await writeSheetCharts(pkg, part, sheet, drawingParts);
    const xml = sheetXml(sheet, styles!, plan.activate === sheet.name, drawingRelId);
    planned.set(sheet.name, { part, xml, index, plan: sheet });
  }
  if (newSheetElements.length) wbSplices.push(appendInside(wbXml, sheetsEl, newSheetElements.join("")));

  // Merges into sheets we made that hold typed data: patched, never cleared.
  const merged: { part: string; index: number; print: SheetMerge["print"]; name: string }[] = [];
  for (const m of merges) {
    const entry = byName(m.name);
    if (!entry?.part) throw new Error(`Лист «${m.name}» не найден в книге.`);
    const result = mergeSheetXml((await pkg.text(entry.part)) ?? "", m, styles!);
    result.droppedSharedStrings.forEach((i) => droppedStrings.add(i));
    if (result.formulaOverwritten) dropCalcChain = true;
    pkg.setText(entry.part, result.xml);
    merged.push({ part: entry.part, index: entry.index, print: m.print, name: entry.name });
  }

  // Single cells, in the sheets the plan writes or in user sheets.
  const patchesBySheet = new Map<string, CellPatch[]>();
  for (const w of plan.cellWrites) {
    const { row, col } = parseCellAddress(w.address);
    const list = patchesBySheet.get(w.sheet) ?? [];
    list.push({ row, col, value: w.value });
    patchesBySheet.set(w.sheet, list);
  }
  let userCellsWritten = false;
  for (const [sheetName, patches] of patchesBySheet) {
    const mine = planned.get(sheetName);
    if (mine) {
      mine.xml = patchCells(mine.xml, patches, sheetName).xml;
      mine.patched = true;
      continue;
    }
    const entry = byName(sheetName);
    if (!entry?.part) throw new Error(`Лист «${sheetName}» не найден в книге.`);
    const before = (await pkg.text(entry.part)) ?? "";
    const result = patchCells(before, patches, sheetName);
    result.droppedSharedStrings.forEach((i) => droppedStrings.add(i));
    if (result.formulaOverwritten) dropCalcChain = true;
    pkg.setText(entry.part, result.xml);
    patched.push({ part: entry.part, before, after: result.xml, patches, keptStyles: result.keptStyles });
    userCellsWritten = true;
  }
  for (const { part, xml } of planned.values()) pkg.setText(part, xml);

  // Print areas and titles of our sheets are defined names with the sheet's position.
  const namesEl = child(root, "definedNames");
  // Which print names of which sheet go: all of a replaced sheet, those a merge gives anew.
  const staleNames = new Set<string>();
  for (const p of planned.values()) if (p.plan.mode === "replace") staleNames.add(`${p.index}|_xlnm.Print_Area`).add(`${p.index}|_xlnm.Print_Titles`);
  for (const m of merged) {
    if (m.print?.area !== undefined) staleNames.add(`${m.index}|_xlnm.Print_Area`);
    if (m.print?.repeatRows !== undefined) staleNames.add(`${m.index}|_xlnm.Print_Titles`);
  }
  const newNames: string[] = [];
  const sheetsWithPrint = [
    ...[...planned.values()].map((p) => ({ index: p.index, names: printNames(p.plan) })),
    ...merged.map((m) => ({ index: m.index, names: printNames({ name: m.name, values: [], print: m.print }) })),
  ];
  for (const { index, names } of sheetsWithPrint) {
    const dn = (name: string, formula: string) => `<${namesEl?.prefix ?? sp}definedName name="${name}" localSheetId="${index}">${escapeText(formula)}</${namesEl?.prefix ?? sp}definedName>`;
    if (names.area) newNames.push(dn("_xlnm.Print_Area", names.area));
    if (names.titles) newNames.push(dn("_xlnm.Print_Titles", names.titles));
  }
  const stale = namesEl
    ? children(namesEl, "definedName").filter((el) => el.attrs.localSheetId !== undefined && staleNames.has(`${Number(el.attrs.localSheetId)}|${el.attrs.name}`))
    : [];
  const allStale = namesEl !== undefined && stale.length === children(namesEl, "definedName").length && newNames.length === 0;
  if (allStale) wbSplices.push({ start: namesEl!.start, end: namesEl!.end, text: "" });
  else {
    for (const el of stale) wbSplices.push({ start: el.start, end: el.end, text: "" });
    if (newNames.length && namesEl) wbSplices.push(appendInside(wbXml, namesEl, newNames.join("")));
    else if (newNames.length) {
      const after = ["externalReferences", "functionGroups", "sheets"].map((n) => child(root, n)).find((e): e is XmlElement => e !== undefined)!;
      wbSplices.push({ start: after.end, end: after.end, text: `<${sp}definedNames>${newNames.join("")}</${sp}definedNames>` });
    }
  }

  // The sheet to show: only when no sheet we do not write is itself marked selected (two selected
  // tabs would group them in Excel, and a user sheet's view is not ours to change).
  if (plan.activate && planned.has(plan.activate)) {
    let userSelected = false;
    for (const s of wb.sheets) {
      if (planned.has(s.name) || !s.part) continue;
      if (isTabSelected((await pkg.text(s.part)) ?? "")) {
        userSelected = true;
        break;
      }
    }
    const view = child(root, "bookViews") && children(child(root, "bookViews")!, "workbookView")[0];
    if (!userSelected && view) wbSplices.push(withAttr(wbXml, view, "activeTab", String(planned.get(plan.activate)!.index)));
  }

  // Values user formulas may depend on changed: ask for a recalculation on open.
  const calcPr = child(root, "calcPr");
  if (userCellsWritten && calcPr && calcPr.attrs.fullCalcOnLoad !== "1") wbSplices.push(withAttr(wbXml, calcPr, "fullCalcOnLoad", "1"));

  if (wbSplices.length) pkg.setText(wb.part, applySplices(wbXml, wbSplices));
  if (styles && stylesPart && styles.changed) pkg.setText(stylesPart, styles.toXml());

  if (sstPart && droppedStrings.size > 0) {
    const used = new Set<number>();
    const after = await readWorkbook(pkg);
    for (const s of after.sheets) if (s.part) referencedStrings((await pkg.text(s.part)) ?? "", used);
    const sst = await pkg.text(sstPart);
    if (sst) {
      const cleaned = emptyUnusedStrings(sst, droppedStrings, used);
      if (cleaned !== sst) pkg.setText(sstPart, cleaned);
    }
  }
  if (dropCalcChain) await removeCalcChain(pkg, wb.part);
  if (removedRelTargets.length) await removeOrphans(pkg, removedRelTargets);
  const written = [...planned.values()].filter((p) => !p.patched).map(({ part, xml, plan }) => ({ part, xml, plan }));
  return { patched, written, merged: merged.map((m) => m.part) };
}

/**
 * Parts that only a replaced sheet pointed at (its comments, drawings, printer settings), and theirs
 * in turn (a drawing's charts, a chart's styles and colours). A part any other part still refers to
 * (a chart shared with another sheet's drawing) stays.
 */
async function removeOrphans(pkg: XlsxPackage, candidates: string[]): Promise<void> {
  const referenced = new Set<string>();
  for (const name of pkg.partNames()) {
    if (!name.toLowerCase().endsWith(".rels")) continue;
    const source = name.replace(/(^|\/)_rels\/([^/]+)\.rels$/i, "$1$2");
    for (const r of await readRelationships(pkg, source === "_rels/.rels" || name === "_rels/.rels" ? "" : source)) if (r.part) referenced.add(r.part.toLowerCase());
  }
  for (const part of candidates) {
    if (referenced.has(part.toLowerCase()) || !pkg.has(part)) continue;
    const next = (await readRelationships(pkg, part)).map((r) => r.part).filter((p): p is string => p !== null);
    pkg.remove(part);
    pkg.remove(relsPartOf(part));
    await removeOverride(pkg, part);
    if (next.length) await removeOrphans(pkg, next);
  }
}
