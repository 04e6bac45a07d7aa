// When the names must go: works and protocols are kept a period after the last work (90 days by the
// regulations, shared/DOMAIN.md «Storage»; the school's own period on «Настройки», validated in
// settings.ts). Past that date, while any cell still holds a name, the pane and the CLI remind the
// coordinator to remove the names. Pure: `today` is a parameter.
import { hasErrors, type Finding } from "../core";
import type { CellValue, Snapshot } from "./backend";
import { PLAN, PLAN_SHEET, cellText as text, headerKey } from "./contract";
import { existingName } from "./ownership";
import { planRemoveNames } from "./removeNames";
import { readRetention } from "./settings";

export interface RetentionStatus {
  /** The period in force, in days. */
  days: number;
  /** As typed on «Настройки» ("" when empty or missing), for the settings form. */
  typed: string;
  /** The latest date in «План»!Дата (дд.мм.гггг), or null when no row has a readable date. */
  lastWork: string | null;
  /** The last day to keep them: lastWork + days (дд.мм.гггг), or null. */
  keepUntil: string | null;
  /** True when today is after keepUntil. */
  expired: boolean;
  /** Cells that still hold names (roster name columns, protocols). */
  namesLeft: number;
  /** True when remove-names would refuse now (a listed student has no code, no roster…). */
  namesBlocked: boolean;
  /** Time to remove the names: expired, and names left. */
  remind: boolean;
  /** A warning about the typed period, if it is not one. */
  findings: Finding[];
}

const DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system, as Excel counts it (1900 is taken as a leap year, so day 60 is its 29 February). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

/** A UTC midnight for a real calendar day, or null. */
function utcDay(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? t : null;
}

/**
 * A date as a cell holds it: an Excel date (a serial number, how Excel and the file back end read a
 * typed date), or text «16.04.2026», «16.04.26», «16/04/2026», «2026-04-16», «16 апреля 2026».
 * Returns the UTC midnight of that day, or null.
 */
export function readDate(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) && v >= 1 && v < 2_958_466 ? EXCEL_EPOCH + Math.floor(v) * DAY : null;
  const s = text(v).toLowerCase();
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:\s|г|$)/.exec(s);
  if (m) return utcDay(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t\s]|$)/.exec(s);
  if (m) return utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s+([а-я]+)\s+(\d{4})/.exec(s);
  if (m) {
    const month = MONTHS.findIndex((p) => m![2].startsWith(p) && (p !== "ма" || /^ма[йя]$/.test(m![2])));
    return month >= 0 ? utcDay(Number(m[3]), month + 1, Number(m[1])) : null;
  }
  return null;
}

const two = (n: number) => String(n).padStart(2, "0");
/** дд.мм.гггг of a UTC midnight. */
export const formatDate = (t: number): string => {
  const d = new Date(t);
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
};

/** The latest readable date in the «Дата» column of «План», or null. */
export function lastWorkDate(snapshot: Snapshot): number | null {
  const rows = snapshot.sheets[existingName(snapshot, PLAN_SHEET) ?? ""]?.values ?? [];
  const col = (rows[0] ?? []).findIndex((h) => headerKey(h) === headerKey(PLAN.date));
  if (col < 0) return null;
  let last: number | null = null;
  for (const row of rows.slice(1)) {
    const t = readDate(row[col] ?? null);
    if (t !== null && (last === null || t > last)) last = t;
  }
  return last;
}

export function retentionStatus(snapshot: Snapshot, today: Date = new Date()): RetentionStatus {
  const retention = readRetention(snapshot);
  const last = lastWorkDate(snapshot);
  const until = last === null ? null : last + retention.days * DAY;
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const expired = until !== null && now > until;
  const names = planRemoveNames(snapshot);
  const left = names.summary.total;
  return {
    days: retention.days,
    typed: retention.typed,
    lastWork: last === null ? null : formatDate(last),
    keepUntil: until === null ? null : formatDate(until),
    expired,
    namesLeft: left,
    namesBlocked: hasErrors(names.findings),
    remind: expired && left > 0,
    findings: retention.finding ? [retention.finding] : [],
  };
}
