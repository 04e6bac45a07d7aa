// The check's rules added by capabilities, listed once (each declared by the module that owns it).
// A function, not a constant: the owning modules import ./check, which imports this list.
import type { CheckRule } from "./checkRule";
import { expertsRule } from "./experts/expertsRule";
import { objectivityRule } from "./objectivity/objectivityRule";

export const checkRules = (): readonly CheckRule[] => [objectivityRule, expertsRule];
