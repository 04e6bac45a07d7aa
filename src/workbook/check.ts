// Check: every score sheet of the plan, every problem with its sheet and cell, counts per sheet.
import { cellAddress, checkRow, type Finding, type RowCheck } from "../core";
import type { Snapshot } from "./backend";
import { readInputs, type Inputs, type PlanRow, type Student } from "./inputs";
import { existingName } from "./ownership";
import { readScoreSheet, scoreLayout, type ScoreLayout, type ScoreRow } from "./scoreSheet";
import { scoreSheetTargets } from "./scoreSheets";

export interface SheetCount {
  sheet: string;
  className: string;
  workId: string;
  /** Rows with a code. */
  rows: number;
  present: number;
  absent: number;
  errors: number;
  warnings: number;
}

/** A checked row ready for the upload form. */
export interface CheckedRow {
  student: Student;
  row: ScoreRow;
  check: RowCheck;
}

export interface CheckedSheet {
  name: string;
  plan: PlanRow;
  layout: ScoreLayout;
  rows: CheckedRow[];
}

export interface CheckResult {
  inputs: Inputs;
  findings: Finding[];
  counts: SheetCount[];
  sheets: CheckedSheet[];
}

export function checkWorkbook(snapshot: Snapshot): CheckResult {
  const inputs = readInputs(snapshot);
  const findings = [...inputs.findings];
  const counts: SheetCount[] = [];
  const sheets: CheckedSheet[] = [];
  const byCode = new Map(inputs.roster.students.filter((s) => s.code !== null).map((s) => [s.code!, s]));
  for (const { row: planRow, name } of scoreSheetTargets(inputs, findings)) {
    const existing = existingName(snapshot, name);
    const sheet = existing ? snapshot.sheets[existing] : undefined;
    if (!existing || !sheet) {
      findings.push({ sheet: name, severity: "error", code: "sheet.scores-missing", message: `нет листа «${name}» для работы ${planRow.work.id}: создайте листы для баллов` });
      continue;
    }
    const layout = scoreLayout(planRow.work);
    const read = readScoreSheet(existing, sheet, layout);
    const sheetFindings: Finding[] = [...read.findings];
    const count: SheetCount = { sheet: existing, className: planRow.className, workId: planRow.work.id, rows: 0, present: 0, absent: 0, errors: 0, warnings: 0 };
    const seen = new Map<number, number>();
    const checked: CheckedRow[] = [];
    const codeCell = (r: ScoreRow) => cellAddress(r.row, read.columnOf[0] ?? 0);
    const variantCols = layout.columns.map((c, i) => (c.kind === "variant" ? read.columnOf[i] : undefined)).filter((c) => c !== undefined);
    const itemCols = layout.columns.map((c, i) => (c.kind === "item" ? read.columnOf[i] : undefined)).filter((c) => c !== undefined);
    if (!read.findings.some((f) => f.code === "sheet.column-missing")) {
      for (const r of read.rows) {
        if (r.code === null) {
          sheetFindings.push({ sheet: existing, cell: codeCell(r), severity: "error", code: "scores.code-missing", message: r.codeRaw === null ? "в строке есть баллы, но нет кода участника" : `«${String(r.codeRaw)}» не код участника: код — целое число` });
          continue;
        }
        count.rows++;
        const student = byCode.get(r.code);
        if (!student || student.className !== planRow.className) {
          sheetFindings.push({
            sheet: existing,
            cell: codeCell(r),
            severity: "error",
            code: "scores.code-unknown",
            message: student ? `код ${r.code} принадлежит ученику класса ${student.className}, а лист — класса ${planRow.className}` : `кода ${r.code} нет в списке учеников`,
          });
          continue;
        }
        const twin = seen.get(r.code);
        if (twin !== undefined) {
          sheetFindings.push({ sheet: existing, cell: codeCell(r), severity: "error", code: "scores.code-duplicate", message: `код ${r.code} уже встречается в строке ${twin + 1}: у каждого участника одна строка` });
          continue;
        }
        seen.set(r.code, r.row);
        const check = checkRow(planRow.work, { variants: r.variants, scores: r.scores });
        if (check.status === "absent") count.absent++;
        else if (check.status !== "blank") count.present++;
        for (const issue of check.issues) {
          const col = issue.field.kind === "variant" ? variantCols[issue.field.part - 1] : itemCols[issue.field.index];
          sheetFindings.push({ sheet: existing, cell: cellAddress(r.row, col ?? 0), severity: issue.severity, code: issue.code, message: issue.message });
        }
        checked.push({ student, row: r, check });
      }
      for (const s of inputs.roster.students) {
        if (s.className === planRow.className && s.code !== null && !seen.has(s.code)) {
          sheetFindings.push({ sheet: existing, cell: "A1", severity: "error", code: "scores.row-missing", message: `нет строки для кода ${s.code}: создайте листы для баллов заново, чтобы добавить строку` });
        }
      }
    }
    count.errors = sheetFindings.filter((f) => f.severity === "error").length;
    count.warnings = sheetFindings.length - count.errors;
    counts.push(count);
    for (const f of sheetFindings) findings.push(f);
    sheets.push({ name: existing, plan: planRow, layout, rows: checked });
  }
  return { inputs, findings, counts, sheets };
}
