// What a capability adds to the check (objectivity signs, changes since the upload, who checked
// whom): warnings computed from what the check has read, each with the forms it concerns. A rule
// never blocks an upload: the check shows anything a rule returns as a warning.
// Rules are declared by the modules that own them and listed once in ./checkRules.ts.
import type { Finding } from "../core";
import type { Snapshot } from "./backend";
import type { CheckedSheet } from "./check";
import type { FindingScope } from "./forms";
import type { Inputs } from "./inputs";

export interface CheckContext {
  snapshot: Snapshot;
  inputs: Inputs;
  /** Every score sheet the plan leads to, with its checked rows. */
  sheets: readonly CheckedSheet[];
}

export interface CheckRule {
  /** Stable id: "objectivity", "fingerprint", "experts". */
  id: string;
  /** Warnings, each with the forms it concerns ("all" or grade × subject). */
  findings(context: CheckContext): { finding: Finding; scope: FindingScope }[];
}
