// The commission's protocol (протокол комиссии): per work on the re-check list, a score sheet made
// by the score sheet's own builder — codes and variants filled in, every score cell empty, the same
// drop-down lists and highlights — so the commission scores without seeing the original scores,
// which this planner never receives. No names: the list has none.
import { cellAddress, columnLetter, findWork, maxTotal, safeSheetName, sameSheetName, type Finding, type RecheckSample, type SampleEntry, type WorkDefinition } from "../../core";
import type { CellValue, FormulaBlock, NewWorkbookPlan, SheetPlan } from "../backend";
import { HEADER_FILL } from "../contract";
import { buildScoreSheet, scoreLayout, type ScoreLayout } from "../scoreSheet";
import { commissionInstructions } from "./commissionInstructions";
import { COMMISSION_CREATOR, COMMISSION_INSTRUCTIONS_SHEET, COMMISSION_TITLE, COMMISSION_WORKS_HEADER, COMMISSION_WORKS_SHEET, SCHOOL_HEADER } from "./commissionLayout";

export interface CommissionSheet {
  name: string;
  work: WorkDefinition;
  /** Works (rows) on the sheet. */
  rows: number;
  schools: string[];
}

export interface CommissionPlan {
  workbook: NewWorkbookPlan | null;
  sheets: CommissionSheet[];
  findings: Finding[];
}

/**
 * `works`: the coordinator's «Критерии» when given (they win over the catalogue, as on «План»);
 * `listFile` names the list in messages.
 */
export function planCommission(sample: RecheckSample, works: readonly WorkDefinition[], listFile: string): CommissionPlan {
  const findings: Finding[] = [];
  const byWork = new Map<string, { work: WorkDefinition; entries: SampleEntry[] }>();
  const unknown = new Set<string>();
  for (const e of sample.sample) {
    const work = findWork(e.workId, works);
    if (!work) {
      if (!unknown.has(e.workId.toUpperCase())) findings.push({ severity: "error", code: "recheck.work-unknown", message: `выборка «${listFile}»: работы «${e.workId}» нет ни в каталоге, ни на листе «Критерии» — дайте книгу координатора с её описанием: --criteria КНИГА.xlsx` });
      unknown.add(e.workId.toUpperCase());
      continue;
    }
    const group = byWork.get(work.id.toUpperCase()) ?? { work, entries: [] };
    byWork.set(work.id.toUpperCase(), group);
    group.entries.push(e);
  }
  if (sample.sample.length === 0) findings.push({ severity: "error", code: "recheck.list-empty", message: `выборка «${listFile}» пуста: в протоколе комиссии нечего показать` });
  if (findings.some((f) => f.severity === "error")) return { workbook: null, sheets: [], findings };

  const groups = [...byWork.values()].sort((a, b) => a.work.grade - b.work.grade || a.work.subject.localeCompare(b.work.subject, "ru") || a.work.id.localeCompare(b.work.id));
  const sheets: CommissionSheet[] = [];
  const plans: Omit<SheetPlan, "mode">[] = [];
  const taken = [COMMISSION_INSTRUCTIONS_SHEET, COMMISSION_WORKS_SHEET];
  for (const { work, entries } of groups) {
    const name = uniqueName(`${work.grade} ${work.subject}`, work.id, taken);
    taken.push(name);
    const rows = [...entries].sort((a, b) => a.school.localeCompare(b.school) || a.code - b.code);
    plans.push(protocolSheet(name, work, rows));
    sheets.push({ name, work, rows: rows.length, schools: [...new Set(rows.map((r) => r.school))] });
  }
  return {
    workbook: {
      sheets: [commissionInstructions(sheets), worksSheet(sheets), ...plans],
      properties: { title: COMMISSION_TITLE, creator: COMMISSION_CREATOR },
    },
    sheets,
    findings,
  };
}

/** «<параллель> <предмет>», or with the work's id when two works of the list share it. */
function uniqueName(base: string, id: string, taken: readonly string[]): string {
  const plain = safeSheetName(base);
  if (!taken.some((t) => sameSheetName(t, plain))) return plain;
  return safeSheetName(`${base} ${id}`);
}

/** A score sheet with empty scores, a «Проверка» that says «нет баллов» until they are typed, and «Школа» after. */
function protocolSheet(name: string, work: WorkDefinition, entries: readonly SampleEntry[]): Omit<SheetPlan, "mode"> {
  const layout = scoreLayout(work);
  const parts = layout.columns.filter((c) => c.kind === "variant").length;
  const rows = entries.map((e) => ({ code: e.code, variants: [e.variant, ...Array<CellValue>(parts - 1).fill(null)], scores: work.items.map(() => null) }));
  const sheet = buildScoreSheet(name, layout, rows, "standard");
  const schoolCol = layout.headers.length;
  const values = sheet.values.map((row, r) => [...row, r === 0 ? SCHOOL_HEADER : entries[r - 1].school]);
  const last = entries.length;
  return {
    ...sheet,
    values,
    formulas: (sheet.formulas ?? []).map((b) => notScoredYet(layout, b, last)),
    columnWidths: [...(sheet.columnWidths ?? []), 10],
    styles: [...(sheet.styles ?? []), { range: cellAddress(0, schoolCol), bold: true, wrap: true, fill: HEADER_FILL, horizontal: "center", vertical: "middle" }],
    print: sheet.print ? { ...sheet.print, area: `A1:${cellAddress(Math.max(last, 0), schoolCol)}` } : undefined,
  };
}

/**
 * The score sheet's «Проверка» shows OK for a row with a variant and no score, which on a score
 * sheet means «not yet typed» but here would read as «done»: until a score is typed it says
 * «нет баллов». The cached result says the same, so a file opened without recalculation does too.
 */
function notScoredYet(layout: ScoreLayout, block: FormulaBlock, last: number): FormulaBlock {
  const itemCols = layout.columns.map((c, i) => (c.kind === "item" ? columnLetter(i) : null)).filter((c): c is string => c !== null);
  const checkAt = layout.checkCol - layout.totalCol;
  const counted = itemCols.map((c) => `${c}2`).join(",");
  const formulas = block.formulas.map((row) => row.map((f, i) => (i === checkAt ? `=IF(COUNTA(${counted})=0,"нет баллов",${f.slice(1)})` : f)));
  const results = block.results?.map((row) => row.map((v, i) => (i === checkAt ? "нет баллов" : v)));
  return { ...block, formulas, results: results ?? Array.from({ length: last }, () => ["", "", "нет баллов"]) };
}

function worksSheet(sheets: readonly CommissionSheet[]): Omit<SheetPlan, "mode"> {
  const values: CellValue[][] = [
    [...COMMISSION_WORKS_HEADER],
    ...sheets.map((s) => [s.name, s.work.id, s.work.subject, s.work.grade, maxTotal(s.work), s.work.scale?.min3 ?? null, s.work.scale?.min4 ?? null, s.work.scale?.min5 ?? null]),
  ];
  return {
    name: COMMISSION_WORKS_SHEET,
    values,
    columnWidths: [24, 14, 22, 10, 10, 8, 8, 8],
    freezeRows: 1,
    styles: [{ range: `A1:H1`, bold: true, wrap: true, fill: HEADER_FILL }],
  };
}
