// Step «Создать листы»: the input sheets, with the works picked from the catalogue.
import { useState } from "react";
import { CATALOGUE } from "../../core";
import { CriteriaPicker } from "../components/CriteriaPicker";
import { StepItem } from "../components/StepItem";
import { useStrings } from "../i18n";
import type { PaneStep, StepContext } from "./paneStep";

function SheetsStep({ ctx }: { ctx: StepContext }) {
  const s = useStrings();
  const [works, setWorks] = useState<string[]>([]);
  const { status } = ctx;
  const create = () =>
    ctx.run("working", async (b) => {
      const r = await ctx.operations.createInputSheets(b, { works }, { confirmReplace: ctx.confirmReplace });
      ctx.report(r, s.done.sheets(r.created, r.skipped));
    });
  return (
    <StepItem
      index={ctx.index}
      id={ctx.id}
      state={ctx.state}
      title={s.steps.sheets.title}
      explain={s.steps.sheets.explain}
      count={s.steps.sheets.count(status.sheets.present, status.sheets.total)}
      action={ctx.state === "done" ? undefined : ctx.action(s.steps.sheets.button, create)}
      results={ctx.after()}
    >
      {ctx.state !== "done" && <CriteriaPicker works={CATALOGUE} selected={works} onChange={setWorks} />}
    </StepItem>
  );
}

export const sheetsStep: PaneStep = {
  id: "sheets",
  state: (s) => (s.sheets.missing.length === 0 ? "done" : "todo"),
  View: SheetsStep,
};
