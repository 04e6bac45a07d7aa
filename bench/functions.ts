// 4. Custom functions: time per VALIDATE call over 100 000 calls, as the score sheet calls it
// (=VPR.VALIDATE(C2:V2,C$1:V$1): a row of 20 scores and the header row "5.1 (1б)" as maxima),
// and with numeric maxima. Median of several passes of 100 000 calls each.
import { VALIDATE } from "../src/functions/functions";
import { formatItemHeader } from "../src/core";
import { buildRows } from "./core";
import { consume, median, missed, now, type Row } from "./lib";
import { benchWorks } from "./school";

const CALLS = 100_000;
const TARGET_US = 5;

export async function customFunctions(log: (s: string) => void, quick: boolean): Promise<Row[]> {
  const work = benchWorks(6)[0];
  // Excel passes a range as any[][]; the web host sends "" for an empty cell.
  const rows = buildRows(work, 5000, 3).map((r) => [r.scores.map((v) => v ?? "")]);
  const headers = [work.items.map(formatItemHeader)];
  const numeric = [work.items.map((i) => i.max)];
  const bad = rows.map((r) => [r[0].map((v, i) => (i === 3 ? 7 : i === 9 ? "2,5" : v))]);
  const passes = quick ? 3 : 7;
  const time = (maxima: unknown[][], data: unknown[][][]) => {
    const pass = () => {
      let last = "";
      const t0 = now();
      for (let i = 0; i < CALLS; i++) last = VALIDATE(data[i % data.length], maxima);
      const us = ((now() - t0) * 1000) / CALLS;
      consume(last);
      return us;
    };
    pass();
    return median(Array.from({ length: passes }, pass));
  };
  const out: Row[] = [];
  const add = (label: string, us: number, target: boolean) =>
    out.push({ measure: label, calls: CALLS, "µs/call": us, "calls/s": Math.round(1e6 / us), target: target ? `≤${TARGET_US} µs` : "", MISSED: target ? missed(us <= TARGET_US) : "" });
  add("VALIDATE, 20 scores, maxima from the header row (as on the score sheet)", time(headers, rows), true);
  add("VALIDATE, 20 scores, numeric maxima", time(numeric, rows), true);
  add("VALIDATE, 20 scores with 2 errors (message built)", time(headers, bad), false);
  log("  functions: done");
  return out;
}
