// Score sheets: one «<класс> <предмет>» per plan row, codes only. A re-run keeps every typed score
// (matched by code), adds rows for new students and never drops a row that holds scores.
import { columnLetter, sameSheetName, type Finding } from "../core";
import type { CellValue, FormulaStyle, SheetPlan, Snapshot, WritePlan } from "./backend";
import { ROSTER_SHEET } from "./contract";
import { readInputs, type Inputs, type PlanRow } from "./inputs";
import { existingName, placeSheet } from "./ownership";
import { buildScoreSheet, isScoreSheet, readScoreSheet, scoreLayout, scoreSheetName, type ScoreSheetRowInput } from "./scoreSheet";

export interface ScoreSheetsPlan {
  plan: WritePlan;
  findings: Finding[];
  sheets: { name: string; className: string; workId: string; rows: number; kept: number }[];
}

/** The score sheet of each plan row, with name collisions reported. */
export function scoreSheetTargets(inputs: Inputs, findings: Finding[]): { row: PlanRow; name: string }[] {
  const out: { row: PlanRow; name: string }[] = [];
  for (const row of inputs.plan) {
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

export function planScoreSheets(snapshot: Snapshot, style: FormulaStyle): ScoreSheetsPlan {
  const inputs = readInputs(snapshot);
  const findings = inputs.findings.filter((f) => f.sheet !== "Настройки");
  const result: ScoreSheetsPlan = { plan: { sheets: [], cellWrites: [] }, findings, sheets: [] };
  const targets = scoreSheetTargets(inputs, findings);
  if (inputs.plan.length === 0 && !findings.some((f) => f.severity === "error")) {
    findings.push({ sheet: "План", cell: "A2", severity: "error", code: "plan.empty", message: "план пуст: укажите, какой класс какую работу пишет" });
  }
  const uncoded = inputs.roster.students.filter((s) => s.code === null && inputs.plan.some((p) => p.className === s.className));
  for (const s of uncoded) {
    findings.push({ sheet: ROSTER_SHEET, cell: `${columnLetter(inputs.roster.codeColumn ?? 3)}${s.row + 1}`, severity: "error", code: "roster.no-code", message: "у ученика нет кода: сначала выдайте коды" });
  }
  if (findings.some((f) => f.severity === "error")) return result;

  const sheets: SheetPlan[] = [];
  for (const { row, name } of targets) {
    const layout = scoreLayout(row.work);
    const codes = inputs.roster.students.filter((s) => s.className === row.className).map((s) => s.code!);
    const existing = existingName(snapshot, name);
    const old = existing && isScoreSheet(snapshot.sheets[existing]) ? readScoreSheet(existing, snapshot.sheets[existing], layout) : null;
    if (old && old.findings.some((f) => f.code === "sheet.column-missing" && f.severity === "error")) {
      // Rebuilding over a sheet whose columns we cannot map could misplace typed scores.
      findings.push(...old.findings.filter((f) => f.severity === "error"));
      continue;
    }
    const rows = new Map<string, ScoreSheetRowInput>();
    for (const code of codes) rows.set(String(code), { code, variants: layout.columns.filter((c) => c.kind === "variant").map(() => null), scores: row.work.items.map(() => null) });
    let kept = 0;
    const orphans: ScoreSheetRowInput[] = [];
    for (const r of old?.rows ?? []) {
      const input: ScoreSheetRowInput = { code: r.code ?? r.codeRaw, variants: r.variants, scores: r.scores };
      const key = r.code === null ? null : String(r.code);
      if (key !== null && rows.has(key) && !rows.get(key)!.variants.some((v) => v !== null) && !rows.get(key)!.scores.some((v) => v !== null)) {
        rows.set(key, input);
        if (r.hasData) kept++;
      } else if (r.hasData) {
        // A row with scores whose code left the class (or is unreadable): kept, never deleted.
        orphans.push(input);
        kept++;
        findings.push({ sheet: name, cell: `A${r.row + 1}`, severity: "warning", code: "scores.orphan-kept", message: `строка с кодом «${String(r.codeRaw ?? "")}» сохранена с баллами, хотя такого кода нет в классе ${row.className}` });
      }
    }
    const sorted = [...rows.values(), ...orphans].sort((a, b) => codeOrder(a.code) - codeOrder(b.code));
    const planned = placeSheet(snapshot, buildScoreSheet(name, layout, sorted, style), "scores", findings);
    if (!planned) continue;
    sheets.push(planned);
    result.sheets.push({ name: planned.name, className: row.className, workId: row.work.id, rows: sorted.length, kept });
  }
  result.plan = { sheets, cellWrites: [], activate: sheets[0]?.name };
  return result;
}

const codeOrder = (code: CellValue): number => (typeof code === "number" ? code : Number.MAX_SAFE_INTEGER);
