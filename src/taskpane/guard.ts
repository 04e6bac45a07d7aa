// A back end as one run of an operation sees it: it reports which phase the run is in (for the
// progress bar), keeps the snapshot of a whole-workbook read (so the step list can be drawn from
// the operation's own read instead of a second one) and refuses to start a write once the user
// has cancelled. A write already sent is never interrupted, so a cancel leaves the workbook
// either as it was or with the whole plan applied.
import type { Snapshot, WorkbookBackend, WritePlan } from "../workbook/backend";
import { projectPlan } from "../workbook/project";

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export interface RunLog {
  /** The last read of every sheet (read(null)) made during the run, if any. */
  snapshot: Snapshot | null;
  /** True once apply was called (whether or not it succeeded): the workbook may have changed. */
  applied: boolean;
  /**
   * The workbook after a successful apply, projected from the whole-workbook read the plan was
   * made from (projectPlan) — the step list needs no second read. Null when there is none.
   */
  after: Snapshot | null;
}

export function guardBackend(backend: WorkbookBackend, signal: AbortSignal, onPhase: (phase: "read" | "write") => void): { backend: WorkbookBackend; log: RunLog } {
  const log: RunLog = { snapshot: null, applied: false, after: null };
  let projected = false;
  const ensure = (): void => {
    if (signal.aborted) throw new CancelledError();
  };
  const guarded: WorkbookBackend = {
    kind: backend.kind,
    formulaStyle: backend.formulaStyle,
    async read(sheets, options) {
      ensure();
      onPhase("read");
      const snapshot = await backend.read(sheets, options);
      ensure();
      if (sheets === null && !options?.formulas) log.snapshot = snapshot;
      return snapshot;
    },
    async apply(plan: WritePlan) {
      ensure();
      onPhase("write");
      log.applied = true;
      log.after = null;
      // A back end in its own right (a decorator): the operation checked the plan against the read
      // it was made from (applyWritePlan) before it got here, so it is only passed on.
      await backend.apply(plan);
      // Only a single apply after a whole read can be projected; anything else is read again.
      log.after = log.snapshot && !projected ? projectPlan(log.snapshot, plan) : null;
      projected = true;
    },
  };
  if (backend.select) guarded.select = (sheet, address) => backend.select!(sheet, address);
  return { backend: guarded, log };
}

/** Lets the browser paint (the progress bar) before a long synchronous stretch starts. */
export const nextPaint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The message of an error for the user (back ends and operations throw Russian messages). */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
