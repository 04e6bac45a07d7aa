// One student's row of a work: variant(s) and item scores, checked against the work definition.
import { isAbsentText, parseScore } from "./score";
import { markFor } from "./mark";
import type { RowIssueCode } from "./findingCode";
import type { Severity } from "./result";
import { partsOf, variantsOf, type WorkDefinition } from "./work";

/** Where in the row an issue sits: a variant cell (by part) or an item cell (by item index). */
export type RowField = { kind: "variant"; part: 1 | 2 } | { kind: "item"; index: number };

export interface RowIssue {
  severity: Severity;
  code: RowIssueCode;
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

/** What checkRow needs of a work, computed once per work (checkRow runs for every row). */
interface WorkShape {
  parts: (1 | 2)[];
  variants: readonly number[];
  variantsText: string;
  maxima: number[];
  itemParts: (1 | 2)[];
}
const shapes = new WeakMap<WorkDefinition, WorkShape>();
function shapeOf(work: WorkDefinition): WorkShape {
  let shape = shapes.get(work);
  if (!shape) {
    const variants = variantsOf(work);
    shape = { parts: partsOf(work), variants, variantsText: variants.join(" или "), maxima: work.items.map((i) => i.max), itemParts: work.items.map((i) => i.part) };
    shapes.set(work, shape);
  }
  return shape;
}

const shown = (v: unknown): string => {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
};

export function checkRow(work: WorkDefinition, row: RowInput): RowCheck {
  const { parts, variants: allowedVariants, variantsText, maxima, itemParts } = shapeOf(work);
  const issues: RowIssue[] = [];
  // Bit masks over parts (1 → bit 1, 2 → bit 2): no Set per row.
  let absentMask = 0;
  let missingMask = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const v = row.variants[i];
    if (isAbsentText(v)) {
      absentMask |= part;
      continue;
    }
    if (isBlank(v)) {
      missingMask |= part;
      continue;
    }
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!allowedVariants.includes(n)) {
      issues.push({ severity: "error", code: "variant.invalid", field: { kind: "variant", part }, message: `вариант «${shown(v)}» недопустим: укажите ${variantsText} либо «отсутствовал»` });
    }
  }

  let total = 0;
  let typed = 0;
  let complete = true;
  let empties: number[] | null = null;
  const count = maxima.length;
  for (let index = 0; index < count; index++) {
    const raw = row.scores[index];
    const max = maxima[index];
    const absent = (absentMask & itemParts[index]) !== 0;
    // Fast path: a whole number within range, the overwhelming majority of cells.
    if (!absent) {
      if (typeof raw === "number" && raw >= 0 && raw <= max && Number.isInteger(raw)) {
        total += raw;
        typed++;
        continue;
      }
      if (raw === "X" || raw === "Х" || raw === "x" || raw === "х") {
        typed++;
        continue;
      }
    }
    const cell = parseScore(raw);
    if (cell.kind !== "empty") typed++;
    if (absent) {
      if (cell.kind !== "empty") {
        issues.push({ severity: "error", code: "absent.has-score", field: { kind: "item", index }, message: `задание ${work.items[index].label}: у отсутствовавшего участника не должно быть баллов, а стоит «${shown(raw)}»` });
      }
      continue;
    }
    const where = `задание ${work.items[index].label}`;
    switch (cell.kind) {
      case "empty":
        complete = false;
        (empties ??= []).push(index);
        continue;
      case "x":
        continue;
      case "absent":
        complete = false;
        issues.push({ severity: "error", code: "score.absent-in-item", field: { kind: "item", index }, message: `${where}: «отсутствовал» пишется в ячейку варианта, а в ячейки заданий — ${allowedScoresText(max)}` });
        continue;
      case "invalid":
        complete = false;
        issues.push({ severity: "error", code: cell.code, field: { kind: "item", index }, message: `${where}: ${cell.message}; допустимо ${allowedScoresText(max)}` });
        continue;
      case "score":
        if (cell.value > max) {
          complete = false;
          issues.push({ severity: "error", code: "score.over-max", field: { kind: "item", index }, message: `${where}: балл ${cell.value} больше максимума ${max}; допустимо ${allowedScoresText(max)}` });
          continue;
        }
        total += cell.value;
        if (cell.note) issues.push({ severity: "warning", code: "score.lenient", field: { kind: "item", index }, message: `${where}: ${cell.note}` });
    }
  }

  const allPartsMask = parts.length === 2 ? 3 : 1;
  if (typed === 0 && missingMask === allPartsMask) {
    return {
      status: "blank",
      total: null,
      mark: null,
      issues: [{ severity: "error", code: "row.blank", field: { kind: "variant", part: 1 }, message: "строка не заполнена: укажите вариант и баллы или «отсутствовал»" }],
    };
  }
  for (const part of parts) {
    if (missingMask & part) {
      issues.push({ severity: "error", code: "variant.missing", field: { kind: "variant", part }, message: `не указан вариант${parts.length > 1 ? ` части ${part}` : ""}: укажите ${variantsText} либо «отсутствовал»` });
    }
  }
  // Every attempted item needs a score or X; an empty cell is a score nobody entered.
  for (const index of empties ?? []) {
    issues.push({ severity: "error", code: "score.empty", field: { kind: "item", index }, message: `задание ${work.items[index].label}: балл не проставлен; поставьте ${allowedScoresText(maxima[index])}` });
  }

  if (absentMask === allPartsMask) return { status: "absent", total: null, mark: null, issues };
  const valid = complete && missingMask === 0 && !issues.some((i) => i.severity === "error");
  const status = absentMask !== 0 ? "partly-absent" : "present";
  return {
    status,
    total,
    mark: valid && status === "present" && work.scale ? markFor(total, work.scale) : null,
    issues,
  };
}
