import type { FindingCode } from "./findingCode";
// Errors are values: a result is either a value or a list of findings.
import { sheetRef } from "./address";

export type Severity = "error" | "warning";

/**
 * One thing wrong with the workbook or an input: where it is and a Russian sentence that says
 * what is wrong and what is allowed. `error` blocks the upload, `warning` does not.
 */
export interface Finding {
  severity: Severity;
  /** Stable machine code, e.g. "score.over-max" (the list: ./findingCode.ts). */
  code: FindingCode;
  message: string;
  sheet?: string;
  /** A1 address inside `sheet`. */
  cell?: string;
}

export type Result<T, E = Finding[]> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === "error");

/** "'5А Математика'!E7: сообщение" — the form every face prints. */
export function describeFinding(f: Finding): string {
  const where = f.sheet ? (f.cell ? sheetRef(f.sheet, f.cell) : `«${f.sheet}»`) : "";
  return where ? `${where}: ${f.message}` : f.message;
}
