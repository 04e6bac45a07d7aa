// Step «Ученики и План»: typed by the coordinator in the workbook; the pane shows counts and problems.
import { FindingsList } from "../components/FindingsList";
import { StepHint } from "../components/StepHint";
import { StepItem } from "../components/StepItem";
import { useStrings } from "../i18n";
import type { PaneStep, StepContext } from "./paneStep";

function RosterStep({ ctx }: { ctx: StepContext }) {
  const s = useStrings();
  const { status, state } = ctx;
  return (
    <StepItem
      index={ctx.index}
      id={ctx.id}
      state={state}
      title={s.steps.roster.title}
      explain={s.steps.roster.explain}
      count={s.steps.roster.count(status.roster.students, status.roster.classes, status.roster.planRows)}
      results={ctx.feedback(ctx.id)}
    >
      {ctx.mode === "web" && state !== "done" && <StepHint>{s.webEditHint}</StepHint>}
      {state === "problem" && <FindingsList title={s.findingsBlocked} findings={status.roster.findings} onSelect={ctx.select} />}
    </StepItem>
  );
}

export const rosterStep: PaneStep = {
  id: "roster",
  state: (s) =>
    s.sheets.missing.length > 0 ? "waiting" : s.roster.findings.some((f) => f.severity === "error") ? "problem" : s.roster.students > 0 && s.roster.planRows > 0 ? "done" : "todo",
  View: RosterStep,
};
