// Shared helpers of the benchmarks: timing, medians, tables, the machine description.
import { readFileSync } from "node:fs";
import * as os from "node:os";

export interface Machine {
  nproc: number;
  cpu: string;
  node: string;
  platform: string;
  date: string;
}

export function machine(): Machine {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpu = m[1].trim();
  } catch {
    /* not Linux */
  }
  const nproc = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return { nproc, cpu, node: process.version, platform: `${os.platform()} ${os.release()}`, date: new Date().toISOString() };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns every duration in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await fn();
    out.push(now() - t0);
  }
  return out;
}

/** Peak resident set size while `fn` runs, sampled every `everyMs` (and before and after). */
export async function withPeakRss<T>(fn: () => Promise<T>, everyMs = 20): Promise<{ result: T; peakRssMb: number; baseRssMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakRssMb: peak / 2 ** 20, baseRssMb: base / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export type Row = Record<string, string | number | boolean | null>;

export function table(title: string, rows: Row[]): string {
  if (rows.length === 0) return `${title}\n  (no rows)\n`;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "number" ? fmt(v) : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => "| " + vals.map((v, i) => v.padEnd(widths[i])).join(" | ") + " |";
  return [`${title}`, line(cols), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join("\n") + "\n";
}

/** Numbers as people read them: integers grouped, small ones with 2–3 significant decimals. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString("en-US").replace(/,/g, " ");
  const a = Math.abs(n);
  const d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  const s = n.toFixed(d);
  return a >= 1000 ? Number(s).toLocaleString("en-US", { maximumFractionDigits: d }).replace(/,/g, " ") : s;
}

/** "MISSED" when a target is missed, "" when met, "n/a" when not measured. */
export const missed = (ok: boolean | null): string => (ok === null ? "n/a" : ok ? "" : "MISSED");

/** Keeps a value alive so the optimiser cannot drop the work that made it. */
export let sink: unknown = null;
export const consume = (v: unknown): void => {
  sink = v;
};
