// Batching: how an apply stays at one context.sync. A plan becomes a list of ops (an estimated
// size + a function that queues Office.js calls); the ops are packed greedily into batches under
// the request limit (Excel on the web refuses requests over 5 MB); each batch is queued and synced
// once, in order. What the ops write is ./planToOffice.ts's business. See ./README.md.

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** What one queued action costs in the request beyond its own arguments (object path, ids). */
export const ACTION_OVERHEAD_BYTES = 120;

/** The proxies of one Excel.run, shared by all its batches. */
export class Session {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}
  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }
  add(name: string): void {
    this.sheets.set(name, this.context.workbook.worksheets.add(name));
  }
}

export type Op =
  | { kind: "fixed"; bytes: number; queue: (s: Session) => void }
  /** A 2-D write that may be cut between rows: `queue(s, first, count)` writes those rows. */
  | { kind: "rows"; baseBytes: number; rowBytes: number[]; queue: (s: Session, first: number, count: number) => void };

export interface Step {
  bytes: number;
  queue: (s: Session) => void;
}

/** An op that is never cut: `actions` queued calls carrying `payload`. */
export function fixed(actions: number, payload: unknown, queue: (s: Session) => void): Op {
  return { kind: "fixed", bytes: actions * ACTION_OVERHEAD_BYTES + jsonLength(payload), queue };
}

function jsonLength(payload: unknown): number {
  return payload === undefined ? 0 : JSON.stringify(payload).length;
}

/** A rectangle write (`values`, `formulas` or `numberFormat`) starting at (row, col), cut by rows when large. */
export function rectWrite(
  sheet: string,
  row: number,
  col: number,
  data: unknown[][],
  property: "values" | "formulas" | "numberFormat",
): Op {
  const cols = data.reduce((m, r) => Math.max(m, r.length), 0);
  return {
    kind: "rows",
    baseBytes: ACTION_OVERHEAD_BYTES * 2,
    rowBytes: data.map((r) => jsonLength(r) + 1),
    queue: (s, first, count) => {
      const range = s.sheet(sheet).getRangeByIndexes(row + first, col, count, cols);
      range[property] = data.slice(first, first + count);
    },
  };
}

/**
 * Greedy packing in plan order: each batch stays under `maxBytes` unless a single fixed op or a
 * single row is bigger than that on its own. Row writes are cut to fill the space left, so the
 * number of batches is ⌈total / maxBytes⌉ or very close to it.
 */
export function packOps(ops: readonly Op[], maxBytes: number): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let used = 0;
  const flush = (): void => {
    if (current.length > 0) batches.push(current);
    current = [];
    used = 0;
  };
  const push = (step: Step): void => {
    current.push(step);
    used += step.bytes;
  };
  for (const op of ops) {
    if (op.kind === "fixed") {
      if (current.length > 0 && used + op.bytes > maxBytes) flush();
      push({ bytes: op.bytes, queue: op.queue });
      continue;
    }
    const n = op.rowBytes.length;
    let r = 0;
    while (r < n) {
      let bytes = op.baseBytes;
      let k = 0;
      while (r + k < n && used + bytes + op.rowBytes[r + k] <= maxBytes) {
        bytes += op.rowBytes[r + k];
        k++;
      }
      if (k === 0) {
        if (current.length > 0) {
          flush();
          continue;
        }
        bytes += op.rowBytes[r];
        k = 1;
      }
      const first = r;
      const count = k;
      push({ bytes, queue: (s) => op.queue(s, first, count) });
      r += k;
    }
  }
  flush();
  return batches;
}

/**
 * Queue and sync each batch in turn, inside one Excel.run: the number of syncs is the number of
 * batches (1 unless the plan passes the request limit), never one per row or sheet. Calculation is
 * suspended for every batch, so Excel does not recalculate after each write.
 */
export async function syncBatches(context: Excel.RequestContext, batches: readonly Step[][]): Promise<void> {
  const session = new Session(context);
  // A reduce keeps the sync out of a loop body: queue one batch, sync it, then the next.
  await batches.reduce<Promise<void>>(
    (previous, batch) =>
      previous.then(async () => {
        context.application.suspendApiCalculationUntilNextSync();
        for (const step of batch) step.queue(session);
        await context.sync();
      }),
    Promise.resolve(),
  );
}
