// What a step of the guide declares about itself (id, how its state follows from the workbook's
// status, whether it can be the suggested next step, its view) and what the pane gives each
// step's view (StepContext). The pane and the step states read the list in ./index.ts; a new
// capability adds a step file and one line there, nothing else.
import type { ComponentType, ReactNode } from "react";
import type { Finding } from "../../core";
import type { WorkbookBackend } from "../../workbook/backend";
import type { OperationResult } from "../../workbook/operations";
import type { StepAction } from "../components/StepItem";
import type { PaneOperations } from "../operations";
import type { StepState, WorkbookStatus } from "../status";
import type { Strings } from "../strings";

export type BusyKind = keyof Strings["busy"];

/** Where a run's progress and result are shown: a step's id, a place inside a step («codesImport»), or "top". */
export type Place = string;

export type MessageIntent = "success" | "error" | "warning" | "info";

export interface PaneMessage {
  intent: MessageIntent;
  text: string;
  at: Place;
  /** Worded from the status each time the pane is drawn, so that a message and the step list always agree. */
  fromStatus?: (status: WorkbookStatus, strings: Strings) => { intent: MessageIntent; text: string };
}

/** What the pane gives a step's view: the workbook's status, the runner and the places to show results. */
export interface StepContext {
  id: string;
  /** 1-based position in the list. */
  index: number;
  state: StepState;
  status: WorkbookStatus;
  mode: "excel" | "web";
  /** An operation is running (every button is disabled). */
  busy: boolean;
  operations: PaneOperations;
  /** Runs one operation: progress bar, cancel, errors in words, then a new step list; shown at `at` (this step unless said). */
  run: (kind: BusyKind, work: (backend: WorkbookBackend, signal: AbortSignal) => Promise<void>, at?: Place) => Promise<void>;
  /** Shows an operation's result at this step: blocked → its errors; cancelled → `declined`; else `done` and any findings. True when applied. */
  report: (result: OperationResult, done: string, declined?: string, at?: Place) => boolean;
  /** A message of this step's own (at this step unless said). */
  say: (message: Omit<PaneMessage, "at"> & { at?: Place }) => void;
  /** The findings list under this step (null: none). */
  showFindings: (panel: { title: string; findings: Finding[] } | null) => void;
  /** The step's button: the primary one when this is the suggested next step. */
  action: (label: string, onClick: () => void) => StepAction;
  /** What a step shows after its button: the run's progress and result, its findings, then `more`. */
  after: (more?: ReactNode) => ReactNode;
  /** The progress and result of runs started at `at` (a place inside the step). */
  feedback: (at: Place) => ReactNode;
  /** Excel: select a finding's cell (errors shown at this step); undefined in web mode. */
  select?: (finding: Finding) => void;
  /** Asks before the add-in replaces sheets of its own; false: «Не заменять». */
  confirmReplace: (sheets: string[]) => Promise<boolean>;
  /** Excel: open a built workbook as a new window. */
  openWorkbook?: (bytes: Uint8Array) => Promise<void>;
}

export interface PaneStep {
  id: string;
  /** The state from the workbook's status and the states of the steps before this one. */
  state: (status: WorkbookStatus, before: Readonly<Record<string, StepState>>) => StepState;
  /** false: never the suggested next step (the view decides when its button stands out). */
  leads?: boolean;
  View: ComponentType<{ ctx: StepContext }>;
}
