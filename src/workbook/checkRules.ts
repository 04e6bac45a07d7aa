// The check's rules added by capabilities (./checkRuleList.ts lists them once). The check asks this
// registry rather than importing the list, so that the task pane's first screen — which runs the
// check for its step list — does not carry every capability's code: the pane loads the list in
// parallel with its first read (src/taskpane/operations.ts), the CLI and the operations register
// it when they load (./operations.ts, ./analysis/analyze.ts).
import type { CheckRule } from "./checkRule";

const registered: CheckRule[] = [];

/** Adds rules (each id once); the check runs them from then on. */
export function registerCheckRules(rules: readonly CheckRule[]): void {
  for (const rule of rules) if (!registered.some((r) => r.id === rule.id)) registered.push(rule);
}

export const checkRules = (): readonly CheckRule[] => registered;
