// Score sheets: one «<класс> <предмет>» per plan row, codes only. A re-run merges into the sheet
// that is there (./scoreSheetMerge.ts): rows for new students are added, nothing typed moves, and a
// change of the work that would leave a typed score without a column stops — or, with consent,
// moves those scores to «Архив баллов» first.
import { columnLetter, sameSheetName, type Finding } from "../core";
import type { CellValue, FormulaStyle, SheetMerge, SheetPlan, SheetSnapshot, Snapshot, WritePlan } from "./backend";
import { ROSTER_SHEET, SCORE_TAIL, headerKey } from "./contract";
import { clearedCodeFinding, findClearedCodes } from "./check";
import { ARCHIVE_SHEET, archiveScores } from "./scoreArchive";
import { findScoreSheets } from "./scoreSheetLocator";
import { displacedFinding, displacedScores, layoutInPlace, scoreSheetMerge, type DisplacedScore } from "./scoreSheetMerge";
import { readInputs, type Inputs, type ScheduleRow } from "./inputs";
import { existingName, placeSheet } from "./ownership";
import { buildScoreSheet, isScoreSheet, readScoreSheet, scoreLayout, scoreSheetName, type ScoreLayout, type ScoreSheetRowInput } from "./scoreSheet";

export interface ScoreSheetsPlan {
  plan: WritePlan;
  findings: Finding[];
  sheets: { name: string; className: string; workId: string; rows: number; kept: number }[];
}

/** The score sheet of each plan row, with name collisions reported. */
export function scoreSheetTargets(inputs: Inputs, findings: Finding[]): { row: ScheduleRow; name: string }[] {
  const out: { row: ScheduleRow; name: string }[] = [];
  for (const row of inputs.schedule) {
    const name = scoreSheetName(row.className, row.subject);
    const clash = out.find((o) => sameSheetName(o.name, name));
    if (clash) {
      findings.push({ sheet: "План", cell: `A${row.row + 1}`, severity: "error", code: "plan.sheet-clash", message: `у класса ${row.className} две работы по предмету «${row.subject}» (${clash.row.work.id} и ${row.work.id}): лист «${name}» может быть только один` });
      continue;
    }
    out.push({ row, name });
  }
  return out;
}

export interface ScoreSheetsOptions {
  /** The coordinator agreed to move scores whose column is gone to «Архив баллов». */
  archive?: boolean;
  /** Today, yyyy-mm-dd (the archive's date column). */
  today?: string;
}

export function planScoreSheets(snapshot: Snapshot, style: FormulaStyle, options: ScoreSheetsOptions = {}): ScoreSheetsPlan {
  const inputs = readInputs(snapshot);
  const findings = inputs.findings.filter((f) => f.sheet !== "Настройки");
  const result: ScoreSheetsPlan = { plan: { sheets: [], cellWrites: [] }, findings, sheets: [] };
  const targets = scoreSheetTargets(inputs, findings);
  if (inputs.schedule.length === 0 && !findings.some((f) => f.severity === "error")) {
    findings.push({ sheet: "План", cell: "A2", severity: "error", code: "plan.empty", message: "план пуст: укажите, какой класс какую работу пишет" });
  }
  // A code someone erased while score sheets carry it is typed back, never replaced by a new one.
  const cleared = new Map(findClearedCodes(snapshot, inputs).map((c) => [c.student.row, c]));
  const uncoded = inputs.roster.students.filter((s) => s.code === null && inputs.schedule.some((p) => p.className === s.className));
  for (const s of uncoded) {
    const lost = cleared.get(s.row);
    findings.push(
      lost
        ? clearedCodeFinding(lost)
        : { sheet: ROSTER_SHEET, cell: `${columnLetter(inputs.roster.codeColumn ?? 3)}${s.row + 1}`, severity: "error", code: "roster.no-code", message: "у ученика нет кода: сначала выдайте коды" },
    );
  }
  if (findings.some((f) => f.severity === "error")) return result;

  const sheets: SheetPlan[] = [];
  const merges: SheetMerge[] = [];
  const displaced: DisplacedScore[] = [];
  // A score sheet the coordinator renamed is still this row's sheet (recognised by its header).
  const located = findScoreSheets(snapshot, inputs, targets).located;
  for (const { row, name } of targets) {
    const layout = scoreLayout(row.work);
    const codes = inputs.roster.students.filter((s) => s.className === row.className).map((s) => s.code!);
    const place = located.find((l) => l.plan === row);
    const existing = place?.found === "header" && place.sheet ? place.sheet : existingName(snapshot, name);
    if (place?.found === "header" && place.sheet) {
      findings.push({ sheet: place.sheet, severity: "warning", code: "sheet.renamed", message: `лист «${place.sheet}» — это лист для баллов «${name}» (узнан по заголовку): он дополнен, новый лист не создан` });
    }
    const sheet = existing ? snapshot.sheets[existing] : undefined;
    if (!existing || !sheet) {
      const rows = [...codes].sort((a, b) => a - b).map((code) => emptyRow(layout, code));
      const planned = placeSheet(snapshot, buildScoreSheet(name, layout, rows, style), "scores", findings);
      if (!planned) continue;
      sheets.push(planned);
      result.sheets.push({ name: planned.name, className: row.className, workId: row.work.id, rows: rows.length, kept: 0 });
      continue;
    }
    if (!isScoreSheet(sheet)) {
      placeSheet(snapshot, buildScoreSheet(name, layout, [], style), "scores", findings); // says it is not ours
      continue;
    }
    const read = readScoreSheet(existing, sheet, layout);
    const kept = read.rows.filter((r) => r.hasData).length;
    for (const r of read.rows) {
      if (r.hasData && (r.code === null || !codes.includes(r.code))) {
        findings.push({ sheet: existing, cell: `A${r.row + 1}`, severity: "warning", code: "scores.orphan-kept", message: `строка с кодом «${String(r.codeRaw ?? "")}» сохранена с баллами, хотя такого кода нет в классе ${row.className}` });
      }
    }
    if (layoutInPlace(sheet, layout, read)) {
      // The common case: a merge. Nothing the experts or the coordinator put on the sheet moves.
      const { merge, added } = scoreSheetMerge(existing, sheet, layout, read, codes, style);
      merges.push(merge);
      result.sheets.push({ name: existing, className: row.className, workId: row.work.id, rows: read.rows.length + added, kept });
      continue;
    }
    // The work changed under the sheet (or its columns were moved): rebuilt, but only once every
    // typed value has a place — its column in the new layout, or the archive with consent.
    const lost = displacedScores(existing, sheet, layout);
    if (lost.length > 0 && !options.archive) {
      findings.push(...lost.map(displacedFinding));
      continue;
    }
    displaced.push(...lost);
    const rebuilt = rebuildScoreSheet(existing, sheet, layout, codes, style);
    sheets.push({ ...rebuilt, mode: "replace" });
    result.sheets.push({ name: existing, className: row.className, workId: row.work.id, rows: rebuilt.values.length - 1, kept });
  }
  if (findings.some((f) => f.severity === "error")) return result;
  if (displaced.length > 0) {
    const archived = archiveScores(snapshot, displaced, options.today ?? new Date().toISOString().slice(0, 10), findings);
    if (archived.sheet) sheets.push(archived.sheet);
    if (archived.merge) merges.push(archived.merge);
    findings.push({ sheet: ARCHIVE_SHEET, severity: "warning", code: "scores.archived", message: `${displaced.length} балл(ов) перенесено на лист «${ARCHIVE_SHEET}»: их заданий больше нет в описании работы` });
  }
  result.plan = { sheets, merges, cellWrites: [], activate: sheets[0]?.name };
  return result;
}

function emptyRow(layout: ScoreLayout, code: CellValue): ScoreSheetRowInput {
  return { code, variants: layout.columns.filter((c) => c.kind === "variant").map(() => null), scores: layout.work.items.map(() => null) };
}

/**
 * The sheet in the new layout: every row as it was (typed values moved to the column of the same
 * header), rows for new codes at the bottom, and the user's own columns after ours, values kept.
 */
function rebuildScoreSheet(name: string, sheet: SheetSnapshot, layout: ScoreLayout, codes: readonly number[], style: FormulaStyle): Omit<SheetPlan, "mode"> {
  const header = sheet.values[0] ?? [];
  const keys = header.map(headerKey);
  const oldOf = layout.headers.map((h) => keys.indexOf(headerKey(h)));
  const tail = keys.findIndex((_, i) => SCORE_TAIL.every((t, k) => keys[i + k] === headerKey(t)));
  const extras = tail >= 0 ? header.map((_, c) => c).filter((c) => c > tail + 2 && keys[c] !== "") : [];
  const inputs: ScoreSheetRowInput[] = [];
  const sources: number[] = [];
  const seen = new Set<number>();
  for (let r = 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    const at = (i: number): CellValue => (oldOf[i] >= 0 ? row[oldOf[i]] ?? null : null);
    const line = layout.columns.map((_, i) => at(i));
    if (line.every((v) => v === null) && extras.every((c) => (row[c] ?? null) === null)) continue;
    const input: ScoreSheetRowInput = { code: line[0], variants: [], scores: [] };
    layout.columns.forEach((c, i) => {
      if (c.kind === "variant") input.variants.push(line[i]);
      else if (c.kind === "item") input.scores.push(line[i]);
    });
    inputs.push(input);
    sources.push(r);
    if (typeof line[0] === "number") seen.add(line[0]);
  }
  for (const code of [...codes].sort((a, b) => a - b)) {
    if (seen.has(code)) continue;
    inputs.push(emptyRow(layout, code));
    sources.push(-1);
  }
  const built = buildScoreSheet(name, layout, inputs, style);
  const width = layout.headers.length;
  extras.forEach((c, k) => {
    built.values[0][width + k] = header[c];
    sources.forEach((r, i) => (built.values[i + 1][width + k] = r >= 0 ? sheet.values[r]?.[c] ?? null : null));
  });
  return built;
}
