// Step «Перепроверка»: when a region's list of works to re-check arrives — the checklist sheet and
// the protocol of the school's listed works (downloaded), and the check of a folder of scans
// (src/workbook/recheck). The controls are a chunk of their own (./RecheckControls): the first
// screen draws only the step. Waits until scores are typed; never the suggested next step (only
// schools on a list re-check).
import { RecheckControls } from "../components/RecheckControls";
import { StepItem } from "../components/StepItem";
import { useStrings } from "../i18n";
import type { PaneStep, StepContext } from "./paneStep";

/** The checklist sheet (src/workbook/recheck/checklistSheet.ts): its presence means the package was made. */
const CHECKLIST_SHEET = "Перепроверка";

function RecheckStep({ ctx }: { ctx: StepContext }) {
  const t = useStrings().steps.recheck;
  return (
    <StepItem index={ctx.index} id={ctx.id} state={ctx.state} title={t.title} explain={t.explain} results={ctx.after()}>
      {ctx.state !== "waiting" && <RecheckControls ctx={ctx} />}
    </StepItem>
  );
}

export const recheckStep: PaneStep = {
  id: "recheck",
  state: (s) => (s.scores.filled === 0 ? "waiting" : s.sheetNames.some((n) => n.toLowerCase() === CHECKLIST_SHEET.toLowerCase()) ? "done" : "todo"),
  leads: false,
  View: RecheckStep,
};
