// Step «Проверка»: the whole workbook checked; the message is worded from the step list's own
// counts so that the two always agree.
import { StepHint } from "../components/StepHint";
import { StepItem } from "../components/StepItem";
import { useStrings } from "../i18n";
import type { PaneStep, StepContext } from "./paneStep";

function CheckStep({ ctx }: { ctx: StepContext }) {
  const s = useStrings();
  const { status, state } = ctx;
  const check = () =>
    ctx.run("read", async (b) => {
      const r = await ctx.operations.check(b);
      ctx.showFindings({ title: s.findingsCheck, findings: r.findings });
      ctx.say({
        intent: "info",
        text: "",
        fromStatus: (st, t) => ({
          intent: st.problems.errors > 0 || st.scores.filled < st.scores.rows ? "warning" : "success",
          text: t.done.check(st.problems.errors, st.problems.warnings, st.scores.rows - st.scores.filled, st.scoreSheets.expected - st.scoreSheets.made),
        }),
      });
    });
  return (
    <StepItem
      index={ctx.index}
      id={ctx.id}
      state={state}
      title={s.steps.check.title}
      explain={s.steps.check.explain}
      count={s.steps.check.count(status.scores.filled, status.scores.rows, status.problems.errors, status.problems.warnings)}
      action={ctx.action(s.steps.check.button, check)}
      results={ctx.after()}
    >
      {ctx.mode === "web" && state !== "done" && state !== "waiting" && <StepHint>{s.webEditHint}</StepHint>}
    </StepItem>
  );
}

export const checkStep: PaneStep = {
  id: "check",
  state: (s) =>
    s.scoreSheets.made === 0
      ? "waiting"
      : s.problems.errors > 0
        ? "problem"
        : s.scores.filled === s.scores.rows && s.scoreSheets.made === s.scoreSheets.expected
          ? "done"
          : "todo",
  View: CheckStep,
};
