// Renders bench/results.json as Markdown into docs/BENCHMARKS.md, between the markers
// <!-- figures:begin --> and <!-- figures:end -->. Called by run.ts after a full run; by hand:
//   node bench/dist/bench/report.js
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fmt, type Machine, type Row } from "./lib";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const BEGIN = "<!-- figures:begin -->";
const END = "<!-- figures:end -->";

interface Results {
  machine: Machine;
  quick: boolean;
  totalSeconds: number;
  benches: Record<string, { title: string; seconds: number; rows: Row[] }>;
}

const cell = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? fmt(v) : String(v).replace(/\|/g, "\\|"));

function markdownTable(rows: Row[]): string {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [`| ${cols.join(" | ")} |`, `|${cols.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${cols.map((c) => cell(r[c])).join(" | ")} |`)].join("\n");
}

export function renderFigures(results: Results): string {
  const m = results.machine;
  const parts = [
    `Run ${m.date.slice(0, 16).replace("T", " ")} UTC on ${m.nproc} CPUs (nproc), ${m.cpu}, node ${m.node}, ${m.platform}; whole run ${results.totalSeconds.toFixed(0)} s${results.quick ? " (--quick)" : ""}.`,
  ];
  for (const b of Object.values(results.benches)) parts.push(`#### ${b.title} (${b.seconds.toFixed(1)} s)\n\n${markdownTable(b.rows)}`);
  return parts.join("\n\n");
}

export function updateDoc(resultsFile = path.join(ROOT, "bench", "results.json"), doc = path.join(ROOT, "docs", "BENCHMARKS.md")): boolean {
  const results = JSON.parse(readFileSync(resultsFile, "utf8")) as Results;
  const text = readFileSync(doc, "utf8");
  const a = text.indexOf(BEGIN);
  const z = text.indexOf(END);
  if (a < 0 || z < a) return false;
  writeFileSync(doc, `${text.slice(0, a + BEGIN.length)}\n${renderFigures(results)}\n${text.slice(z)}`);
  return true;
}

if (require.main === module) {
  console.log(updateDoc() ? "docs/BENCHMARKS.md updated" : "no figure markers in docs/BENCHMARKS.md");
}
