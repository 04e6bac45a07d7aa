// Reading «Журнал баллов» back: its entries, the state each form was uploaded in, and whether the
// log is as the add-in wrote it (its chain of row hashes and its seal, ./seal.ts).
import { cellAddress, parseClassName, readCode } from "../../core";
import type { CellValue, Snapshot } from "../backend";
import { formKey } from "../forms";
import { LOG_COL, LOG_HEADER, SEAL_CELL, SEAL_COL, isLogHeader, isLogSheetName } from "./logSheet";
import { parseScores, parseVariants } from "./normalise";
import { canonical, rowHash, sealOf } from "./seal";

/** One recorded score row. */
export interface LogEntry {
  /** 0-based row of the log. */
  row: number;
  /** The upload's number: 1, 2, … (one block of rows per upload). */
  upload: number;
  /** yyyy-mm-dd. */
  date: string;
  sheet: string;
  className: string;
  subject: string;
  work: string;
  code: number;
  /** One per part, normalised (./normalise.ts). */
  variants: string[];
  /** Item label → value, normalised. */
  scores: Map<string, string>;
  /** The form (grade × subject) the row went into; null when the class cannot be read. */
  form: string | null;
  grade: number | null;
}

export interface LogSeal {
  /** True when every row's hash and the seal are as the add-in wrote them. */
  holds: boolean;
  /** The first place where they are not, in Russian, with its cell. */
  problem?: { cell: string; message: string };
}

export interface FingerprintLog {
  /** The log's name in the workbook; null when there is none. */
  sheet: string | null;
  /** False when a sheet has the log's name but not its header: the user's, never written. */
  owned: boolean;
  entries: LogEntry[];
  seal: LogSeal;
  /** Where the next upload's rows go (0-based row), the hash to chain them to, the rows so far, the next upload's number. */
  append: { row: number; previous: string; rows: number; upload: number };
}

const isBlank = (row: readonly CellValue[]): boolean => row.every((v) => v === null || (typeof v === "string" && v.trim() === ""));
const whole = (v: CellValue | undefined): number | null => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : null);

const NONE: FingerprintLog = { sheet: null, owned: true, entries: [], seal: { holds: true }, append: { row: 1, previous: "", rows: 0, upload: 1 } };

/** The log of this workbook: what the uploads recorded and whether it was edited by hand. */
export function readFingerprint(snapshot: Snapshot): FingerprintLog {
  const name = snapshot.sheetNames.find(isLogSheetName);
  if (name === undefined) return NONE;
  const values = snapshot.sheets[name]?.values ?? [];
  if (!isLogHeader(values[0])) return { ...NONE, sheet: name, owned: false };
  const entries: LogEntry[] = [];
  let previous = "";
  let rows = 0;
  let upload = 0;
  // The first row whose hash does not hold, and how many do not.
  let badRow = -1;
  let badCount = 0;
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    if (isBlank(row)) continue;
    rows++;
    const fields = LOG_HEADER.slice(0, LOG_COL.hash).map((_, c) => row[c] ?? null);
    const stored = canonical(row[LOG_COL.hash]).trim();
    if (rowHash(previous, fields) !== stored) {
      if (badRow < 0) badRow = r;
      badCount++;
    }
    previous = stored;
    const n = whole(row[LOG_COL.upload]);
    const code = readCode(row[LOG_COL.code] ?? null);
    if (n === null || code === null) continue;
    upload = Math.max(upload, n);
    const className = canonical(row[LOG_COL.className]).trim();
    const subject = canonical(row[LOG_COL.subject]).trim();
    const parsed = parseClassName(className);
    const grade = parsed.ok ? parsed.grade : null;
    entries.push({
      row: r,
      upload: n,
      date: canonical(row[LOG_COL.date]).trim(),
      sheet: canonical(row[LOG_COL.sheet]),
      className: parsed.ok ? parsed.value : className,
      subject,
      work: canonical(row[LOG_COL.work]).trim(),
      code,
      variants: parseVariants(canonical(row[LOG_COL.variants])),
      scores: parseScores(canonical(row[LOG_COL.scores])),
      form: grade === null ? null : formKey(grade, subject),
      grade,
    });
  }
  const seal = canonical(values[0]?.[SEAL_COL]).trim();
  let problem: LogSeal["problem"];
  if (badRow >= 0) {
    const more = badCount > 1 ? ` (и ещё строк: ${badCount - 1})` : "";
    problem = { cell: cellAddress(badRow, LOG_COL.hash), message: `журнал баллов изменён вручную: строка ${badRow + 1} листа «${name}»${more} не совпадает со своим хешем — строку изменили, вставили, удалили или переставили после загрузки` };
  } else if (rows > 0 && seal !== sealOf(previous, rows)) {
    problem = { cell: SEAL_CELL, message: `журнал баллов изменён вручную: печать в ${SEAL_CELL} листа «${name}» не сходится — удалены последние строки журнала или изменена сама печать` };
  }
  return { sheet: name, owned: true, entries, seal: problem ? { holds: false, problem } : { holds: true }, append: { row: values.length, previous, rows, upload: upload + 1 } };
}

/**
 * The state each form was last uploaded in: for every form, the rows of the latest upload that
 * built it (an upload of one work leaves the others' record as it was).
 */
export function lastUploaded(log: FingerprintLog): Map<string, LogEntry[]> {
  const latest = new Map<string, number>();
  for (const e of log.entries) if (e.form !== null) latest.set(e.form, Math.max(latest.get(e.form) ?? 0, e.upload));
  const out = new Map<string, LogEntry[]>();
  for (const e of log.entries) {
    if (e.form === null || latest.get(e.form) !== e.upload) continue;
    const list = out.get(e.form) ?? [];
    list.push(e);
    out.set(e.form, list);
  }
  return out;
}

