// Step «Листы для баллов»: score sheets made or merged into; typed scores a changed work would leave
// without a column go to «Архив баллов» only after the coordinator agrees in a dialog.
import { ArchiveScoresDialog } from "../components/ArchiveScoresDialog";
import { StepItem } from "../components/StepItem";
import type { Finding } from "../../core";
import { useStrings } from "../i18n";
import { useQuestion } from "../useQuestion";
import type { PaneStep, StepContext } from "./paneStep";

function ScoreSheetsStep({ ctx }: { ctx: StepContext }) {
  const s = useStrings();
  const archive = useQuestion<Finding[]>();
  const { status } = ctx;
  const make = () =>
    ctx.run("working", async (b) => {
      let r = await ctx.operations.makeScoreSheets(b, { confirmReplace: ctx.confirmReplace });
      const displaced = r.findings.filter((f) => f.code === "scores.displaced");
      if (r.status === "blocked" && displaced.length > 0 && displaced.length === r.findings.filter((f) => f.severity === "error").length) {
        if (!(await archive.ask(displaced))) {
          ctx.report({ ...r, status: "cancelled" }, "", s.archiveDeclined);
          return;
        }
        // The consent covers the rebuild of those sheets: nothing else is asked.
        r = await ctx.operations.makeScoreSheets(b, { archiveScores: true });
      }
      ctx.report(r, s.done.scoreSheets(r.sheets.length));
    });
  return (
    <>
      <StepItem
        index={ctx.index}
        id={ctx.id}
        state={ctx.state}
        title={s.steps.scoreSheets.title}
        explain={s.steps.scoreSheets.explain}
        count={s.steps.scoreSheets.count(status.scoreSheets.made, status.scoreSheets.expected)}
        action={ctx.action(s.steps.scoreSheets.button, make)}
        results={ctx.after()}
      />
      <ArchiveScoresDialog cells={archive.asked} onAnswer={archive.answer} />
    </>
  );
}

export const scoreSheetsStep: PaneStep = {
  id: "scoreSheets",
  state: (s, before) =>
    s.scoreSheets.expected > 0 && s.scoreSheets.made === s.scoreSheets.expected ? "done" : s.scoreSheets.expected === 0 || before.codes !== "done" ? "waiting" : "todo",
  View: ScoreSheetsStep,
};
