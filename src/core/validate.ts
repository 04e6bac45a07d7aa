// One student's row of a work: variant(s) and item scores, checked against the work definition.
import { isAbsentText, parseScore } from "./score";
import { markFor } from "./mark";
import type { Severity } from "./result";
import { partsOf, variantsOf, type WorkDefinition } from "./work";

/** Where in the row an issue sits: a variant cell (by part) or an item cell (by item index). */
export type RowField = { kind: "variant"; part: 1 | 2 } | { kind: "item"; index: number };

export interface RowIssue {
  severity: Severity;
  code: string;
  message: string;
  field: RowField;
}

export interface RowCheck {
  /** "absent": every part marked отсутствовал; "blank": nothing typed yet. */
  status: "present" | "absent" | "partly-absent" | "blank";
  /** Sum of valid scores (X counts 0); null when absent or blank. */
  total: number | null;
  /** Mark on the work's scale when the row is complete and valid and the work has a scale. */
  mark: 2 | 3 | 4 | 5 | null;
  issues: RowIssue[];
}

export interface RowInput {
  /** One variant cell per part (one for one-part works, two for two-part works). */
  variants: readonly unknown[];
  /** One cell per item, in the work's item order. */
  scores: readonly unknown[];
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

export function allowedScoresText(max: number): string {
  return `целое число от 0 до ${max} или X`;
}

export function checkRow(work: WorkDefinition, row: RowInput): RowCheck {
  const issues: RowIssue[] = [];
  const parts = partsOf(work);
  const allowedVariants = variantsOf(work);
  const absentParts = new Set<1 | 2>();
  const missingVariant = new Set<1 | 2>();

  parts.forEach((part, i) => {
    const v = row.variants[i];
    if (isAbsentText(v)) {
      absentParts.add(part);
      return;
    }
    if (isBlank(v)) {
      missingVariant.add(part);
      return;
    }
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!allowedVariants.includes(n)) {
      issues.push({
        severity: "error",
        code: "variant.invalid",
        field: { kind: "variant", part },
        message: `вариант «${String(v)}» недопустим: укажите ${allowedVariants.join(" или ")} либо «отсутствовал»`,
      });
    }
  });

  let total = 0;
  let typed = 0;
  let complete = true;
  work.items.forEach((item, index) => {
    const raw = row.scores[index];
    const cell = parseScore(raw);
    const field: RowField = { kind: "item", index };
    const where = `задание ${item.label}`;
    if (cell.kind !== "empty") typed++;
    if (absentParts.has(item.part)) {
      if (cell.kind !== "empty") {
        issues.push({ severity: "error", code: "absent.has-score", field, message: `${where}: у отсутствовавшего участника не должно быть баллов, а стоит «${String(raw)}»` });
      }
      return;
    }
    switch (cell.kind) {
      case "empty":
        complete = false;
        return;
      case "x":
        return;
      case "absent":
        complete = false;
        issues.push({ severity: "error", code: "score.absent-in-item", field, message: `${where}: «отсутствовал» пишется в ячейку варианта, а в ячейки заданий — ${allowedScoresText(item.max)}` });
        return;
      case "invalid":
        complete = false;
        issues.push({ severity: "error", code: cell.code, field, message: `${where}: ${cell.message}; допустимо ${allowedScoresText(item.max)}` });
        return;
      case "score":
        if (cell.value > item.max) {
          complete = false;
          issues.push({ severity: "error", code: "score.over-max", field, message: `${where}: балл ${cell.value} больше максимума ${item.max}; допустимо ${allowedScoresText(item.max)}` });
          return;
        }
        total += cell.value;
        if (cell.note) issues.push({ severity: "warning", code: "score.lenient", field, message: `${where}: ${cell.note}` });
    }
  });

  const allAbsent = absentParts.size === parts.length;
  const nothingTyped = typed === 0 && missingVariant.size === parts.length;
  if (nothingTyped) {
    return {
      status: "blank",
      total: null,
      mark: null,
      issues: [{ severity: "error", code: "row.blank", field: { kind: "variant", part: 1 }, message: "строка не заполнена: укажите вариант и баллы или «отсутствовал»" }],
    };
  }
  for (const part of missingVariant) {
    issues.push({ severity: "error", code: "variant.missing", field: { kind: "variant", part }, message: `не указан вариант${parts.length > 1 ? ` части ${part}` : ""}: укажите ${allowedVariants.join(" или ")} либо «отсутствовал»` });
  }
  // Every attempted item needs a score or X; an empty cell is a score nobody entered.
  work.items.forEach((item, index) => {
    if (!absentParts.has(item.part) && parseScore(row.scores[index]).kind === "empty") {
      issues.push({ severity: "error", code: "score.empty", field: { kind: "item", index }, message: `задание ${item.label}: балл не проставлен; поставьте ${allowedScoresText(item.max)}` });
    }
  });

  if (allAbsent) return { status: "absent", total: null, mark: null, issues };
  const valid = complete && missingVariant.size === 0 && !issues.some((i) => i.severity === "error");
  const status = absentParts.size > 0 ? "partly-absent" : "present";
  return {
    status,
    total,
    mark: valid && status === "present" && work.scale ? markFor(total, work.scale) : null,
    issues,
  };
}
