// `npm run bench`: every benchmark, a table each, all figures in bench/results.json.
//   node bench/dist/bench/run.js [--only=roundtrips,core,file,functions,pane,analysis,municipal] [--quick]
// A full run also rewrites the figures block of docs/BENCHMARKS.md (see report.ts).
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { machine, table, type Row } from "./lib";
import { updateDoc } from "./report";

type Bench = { id: string; title: string; run: (log: (s: string) => void, quick: boolean) => Promise<Row[]> };

const BENCHES: Bench[] = [
  { id: "roundtrips", title: "1. Excel round trips per operation (fake Excel API + OfficeBackend) vs. naive one-sync-per-row", run: async (log) => (await import("./roundtrips")).roundTrips(log) },
  { id: "core", title: "2. Core throughput", run: async (log, quick) => (await import("./core")).coreThroughput(log, quick) },
  { id: "file", title: "3. File mode: whole flow on FileBackend vs. plain ExcelJS read+write of the same cells", run: async (log, quick) => (await import("./file")).fileMode(log, quick) },
  { id: "functions", title: "4. Custom functions", run: async (log, quick) => (await import("./functions")).customFunctions(log, quick) },
  { id: "pane", title: "5. Task pane", run: async (log) => (await import("./pane")).taskPane(log) },
  { id: "analysis", title: "6. Analysis planning (statistics, sheets, charts) from one snapshot", run: async (log, quick) => (await import("./analysis")).analysisPlanning(log, quick) },
  { id: "municipal", title: "7. Municipal reader: a region's FIS OKO exports vs. ExcelJS's streaming reader, 500 school forms vs. ExcelJS load, the whole vpr municipal", run: async (log, quick) => (await import("./municipal")).municipalRead(log, quick) },
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith("--only="))?.slice(7).split(",");
  const quick = args.includes("--quick");
  const root = path.resolve(__dirname, "..", "..", "..");
  const m = machine();
  const log = (s: string) => process.stderr.write(`${s}\n`);
  console.log(`machine: ${m.nproc} CPUs, ${m.cpu}, node ${m.node}, ${m.platform}\n`);
  const results: Record<string, unknown> = { machine: m, quick, benches: {} };
  const t0 = Date.now();
  for (const b of BENCHES) {
    if (only && !only.includes(b.id)) continue;
    log(`▶ ${b.id}`);
    const started = Date.now();
    const rows = await b.run(log, quick);
    const seconds = (Date.now() - started) / 1000;
    console.log(table(`${b.title}  (${seconds.toFixed(1)} s)`, rows));
    (results.benches as Record<string, unknown>)[b.id] = { title: b.title, seconds, rows };
  }
  results.totalSeconds = (Date.now() - t0) / 1000;
  const out = path.join(root, "bench", "results.json");
  writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  console.log(`total ${(results.totalSeconds as number).toFixed(1)} s; written ${path.relative(process.cwd(), out)}`);
  // A full run (every benchmark, not --quick) refreshes the figures in docs/BENCHMARKS.md.
  if (!only && !quick && updateDoc(out)) console.log("docs/BENCHMARKS.md figures updated");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
