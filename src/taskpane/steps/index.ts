// The guide's steps, in order. Each step is one file that declares its state and its view; the
// pane draws this list and `stepStates` reads it.
import type { StepState, WorkbookStatus } from "../status";
import { analysisStep } from "./AnalysisStep";
import { checkStep } from "./CheckStep";
import { codesStep } from "./CodesStep";
import { packetsStep } from "./PacketsStep";
import { recheckStep } from "./RecheckStep";
import type { PaneStep } from "./paneStep";
import { removeNamesStep } from "./RemoveNamesStep";
import { rosterStep } from "./RosterStep";
import { scoreSheetsStep } from "./ScoreSheetsStep";
import { settingsStep } from "./SettingsStep";
import { sheetsStep } from "./SheetsStep";
import { uploadStep } from "./UploadStep";

export const PANE_STEPS: readonly PaneStep[] = [sheetsStep, settingsStep, rosterStep, codesStep, scoreSheetsStep, checkStep, packetsStep, uploadStep, analysisStep, recheckStep, removeNamesStep];

/** The state of each step, in order: what is done, what comes next, what waits for an earlier step. */
export function stepStates(status: WorkbookStatus, steps: readonly PaneStep[] = PANE_STEPS): Record<string, StepState> {
  const states: Record<string, StepState> = {};
  for (const step of steps) states[step.id] = step.state(status, states);
  return states;
}

/** The suggested next step: the first that leads and is to do or to fix. */
export function nextStep(states: Readonly<Record<string, StepState>>, steps: readonly PaneStep[] = PANE_STEPS): string | undefined {
  return steps.find((step) => step.leads !== false && (states[step.id] === "todo" || states[step.id] === "problem"))?.id;
}
