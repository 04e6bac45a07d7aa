// The check's rules added by capabilities, listed once (each declared by the module that owns it);
// ./checkRules.ts explains why they are registered rather than imported by the check.
import type { CheckRule } from "./checkRule";
import { registerCheckRules } from "./checkRules";
import { expertsRule } from "./experts/expertsRule";
import { fingerprintRule } from "./fingerprint/fingerprintRule";
import { objectivityRule } from "./objectivity/objectivityRule";

export const CHECK_RULES: readonly CheckRule[] = [objectivityRule, expertsRule, fingerprintRule];

/** Registers every rule of the list; returns it (a call, so that bundlers keep it). */
export function registerAllCheckRules(): readonly CheckRule[] {
  registerCheckRules(CHECK_RULES);
  return CHECK_RULES;
}
