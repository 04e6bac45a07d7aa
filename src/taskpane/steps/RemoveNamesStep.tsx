// The last step, «Удалить ФИО»: asks (what will be cleared, and that copies keep the names), then
// clears every name the add-in knows of. Never the suggested next step: its button stands out
// only once the keeping period has passed.
import type { RetentionStatus } from "../../workbook/retention";
import type { StepState } from "../status";
import { ConfirmRemoveNamesDialog } from "../components/ConfirmRemoveNamesDialog";
import { StepItem } from "../components/StepItem";
import { useStrings } from "../i18n";
import { useQuestion } from "../useQuestion";
import type { RemoveNamesSummary } from "../../workbook/removeNames";
import type { PaneStep, StepContext } from "./paneStep";

/** done: no name left; waiting: a student has no code yet; todo: names can be removed. */
export function removeNamesState(r: RetentionStatus): StepState {
  if (r.namesLeft === 0) return "done";
  return r.namesBlocked ? "waiting" : "todo";
}

function RemoveNamesStep({ ctx }: { ctx: StepContext }) {
  const s = useStrings().steps.removeNames;
  const question = useQuestion<RemoveNamesSummary>();
  const { state } = ctx;
  const status = ctx.status.retention;
  const remove = () =>
    ctx.run("working", async (b) => {
      const r = await ctx.operations.removeNames(b, { confirm: question.ask });
      ctx.report(r, s.done(r.cellsWritten), s.declined);
    });
  const action = ctx.action(s.button, remove);
  return (
    <>
      <StepItem
        index={ctx.index}
        id={ctx.id}
        state={state}
        title={s.title}
        explain={state === "waiting" ? s.explainWaiting : s.explain}
        count={state === "done" ? s.none : s.count(status.namesLeft, status.keepUntil, status.expired)}
        action={state === "todo" ? { ...action, primary: status.remind } : undefined}
        results={ctx.after()}
      />
      <ConfirmRemoveNamesDialog summary={question.asked} onAnswer={question.answer} />
    </>
  );
}

export const removeNamesStep: PaneStep = {
  id: "removeNames",
  state: (s) => removeNamesState(s.retention),
  leads: false,
  View: RemoveNamesStep,
};
