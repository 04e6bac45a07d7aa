// What changed on the score sheets since each form was last uploaded: every score and variant
// whose value differs from the record, every row added or deleted (docs/OBJECTIVITY.md).
import { cellAddress, variantPartHeader, VARIANT_HEADER } from "../../core";
import type { Snapshot } from "../backend";
import { checkWorkbook } from "../check";
import { currentScores, type CurrentForm, type LocatedSheet } from "./currentScores";
import { LOG_COL } from "./logSheet";
import { lastUploaded, readFingerprint, type FingerprintLog, type LogEntry } from "./readFingerprint";

export interface FingerprintChange {
  /** A score or a variant changed; a row added or deleted since the upload. */
  kind: "score" | "variant" | "added" | "deleted";
  grade: number;
  subject: string;
  className: string;
  /** The score sheet (as named now; the recorded name when the class's sheet is gone). */
  sheet: string;
  /** The changed cell, the added row's code cell; none for a deleted row. */
  cell?: string;
  code: number;
  /** Item label («3», «5.1») or variant header («Вариант»). */
  item?: string;
  /** Normalised values ("" for empty); for an added or deleted row, the row in short. */
  old: string;
  new: string;
  /** The upload it differs from. */
  upload: { number: number; date: string };
  /** The recorded row, as a cell of the log («Журнал баллов»!G12). */
  logCell?: string;
  /** A deleted row whose class has no score sheet any more. */
  sheetGone?: boolean;
}

const rowSummary = (variants: readonly string[], scores: ReadonlyMap<string, string>): string => {
  const v = variants.filter((x) => x !== "").join(" / ");
  const s = [...scores.values()].map((x) => (x === "" ? "·" : x)).join(" ");
  return [v && `вариант ${v}`, s && `баллы ${s}`].filter(Boolean).join(", ");
};

function compareForm(log: FingerprintLog, recorded: readonly LogEntry[], now: CurrentForm | undefined): FingerprintChange[] {
  const out: FingerprintChange[] = [];
  const first = recorded[0];
  const upload = { number: first.upload, date: first.date };
  const base = { grade: first.grade ?? 0, subject: first.subject, upload };
  const logCell = (e: LogEntry) => (log.sheet ? `'${log.sheet}'!${cellAddress(e.row, LOG_COL.code)}` : undefined);
  const seen = new Set<number>();
  for (const e of recorded) {
    seen.add(e.code);
    const row = now?.rows.get(e.code);
    if (!row) {
      const sheet = now?.sheets.get(e.className);
      out.push({ ...base, kind: "deleted", className: e.className, sheet: sheet ?? e.sheet, code: e.code, old: rowSummary(e.variants, e.scores), new: "", logCell: logCell(e), sheetGone: sheet === undefined });
      continue;
    }
    row.variants.forEach((v, i) => {
      const old = e.variants[i] ?? "";
      if (old !== v.value) out.push({ ...base, kind: "variant", className: row.className, sheet: row.sheet, cell: v.cell, code: e.code, item: v.header, old, new: v.value });
    });
    // A part the record has and the work no longer has (the work became one-part).
    for (let i = row.variants.length; i < e.variants.length; i++) {
      if (e.variants[i] !== "") out.push({ ...base, kind: "variant", className: row.className, sheet: row.sheet, cell: row.cell, code: e.code, item: i === 0 ? VARIANT_HEADER : variantPartHeader(2), old: e.variants[i], new: "" });
    }
    const labels = [...new Set([...e.scores.keys(), ...row.scores.keys()])];
    for (const label of labels) {
      const old = e.scores.get(label) ?? "";
      const cur = row.scores.get(label);
      const value = cur?.value ?? "";
      if (old !== value) out.push({ ...base, kind: "score", className: row.className, sheet: row.sheet, cell: cur?.cell ?? row.cell, code: e.code, item: label, old, new: value });
    }
  }
  for (const row of now?.rows.values() ?? []) {
    if (seen.has(row.code)) continue;
    const scores = new Map([...row.scores].map(([k, v]) => [k, v.value]));
    out.push({ ...base, kind: "added", className: row.className, sheet: row.sheet, cell: row.cell, code: row.code, old: "", new: rowSummary(row.variants.map((v) => v.value), scores) });
  }
  return out;
}

/** Every change since the last upload of each form, given the log and the located score sheets. */
export function compareWithLog(snapshot: Snapshot, log: FingerprintLog, sheets: readonly LocatedSheet[]): FingerprintChange[] {
  if (log.entries.length === 0) return [];
  const now = currentScores(snapshot, sheets);
  return [...lastUploaded(log)].flatMap(([form, recorded]) => compareForm(log, recorded, now.get(form)));
}

/**
 * Every change since the last recorded upload of each form. `checked` is the check's result when
 * the caller has it (the sheets it located); else the workbook is checked here.
 */
export function changesSinceUpload(snapshot: Snapshot, checked?: { sheets: readonly LocatedSheet[] }): FingerprintChange[] {
  const log = readFingerprint(snapshot);
  if (log.entries.length === 0) return [];
  return compareWithLog(snapshot, log, (checked ?? checkWorkbook(snapshot)).sheets);
}

/** How many cells and rows changed since the last upload (for the analysis); null when no upload is recorded. */
export function fingerprintChangeCount(snapshot: Snapshot, checked?: { sheets: readonly LocatedSheet[] }): number | null {
  const log = readFingerprint(snapshot);
  if (log.entries.length === 0) return null;
  return compareWithLog(snapshot, log, (checked ?? checkWorkbook(snapshot)).sheets).length;
}
