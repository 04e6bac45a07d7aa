// The check shows the objectivity signs as warnings before the upload (a school sees what FIS OKO
// would find months later), scoped to the form of their work. Never an error.
import type { Finding } from "../../core";
import { analysedWorks } from "../analysis/analysisData";
import type { CheckRule } from "../checkRule";
import { readThresholds } from "../settings";
import { readComparison } from "./comparisonSheet";
import { schoolFlags } from "./objectivityData";

export const objectivityRule: CheckRule = {
  id: "objectivity",
  findings({ snapshot, inputs, sheets }) {
    const { thresholds, objectivity } = readThresholds(snapshot);
    const { references, findings: comparison } = readComparison(snapshot);
    const flags = schoolFlags(analysedWorks(inputs, sheets, thresholds), objectivity, references);
    return [
      ...comparison.map((finding) => ({ finding, scope: "all" as const })),
      ...flags.map((f) => {
        const sheet = sheets.find((s) => s.plan.grade === f.grade && s.plan.subject === f.subject && (f.class === null || s.plan.className === f.class));
        const finding: Finding = { sheet: sheet?.name, cell: sheet ? "A1" : undefined, severity: "warning", code: `objectivity.${f.code}`, message: `признак необъективности — ${f.message}` };
        return { finding, scope: [{ grade: f.grade, subject: f.subject }] };
      }),
    ];
  },
};
