// Step «Коды»: codes for students without one (from an imported pool or generated); a code erased
// from the roster while scores carry it is typed back, never replaced — the step then shows what to fix.
import { CodesImport } from "../components/CodesImport";
import { FindingsList } from "../components/FindingsList";
import { StepHint } from "../components/StepHint";
import { StepItem } from "../components/StepItem";
import { useStrings } from "../i18n";
import type { PaneStep, StepContext } from "./paneStep";

/** The place under the import panel's own button. */
const IMPORT = "codesImport";

function CodesStep({ ctx }: { ctx: StepContext }) {
  const s = useStrings();
  const { status, state } = ctx;
  const make = () =>
    ctx.run("working", async (b) => {
      const r = await ctx.operations.makeCodes(b, { confirmReplace: ctx.confirmReplace });
      ctx.report(r, s.done.codes(r.assigned));
    });
  const importCodes = (codes: number[]) =>
    ctx.run(
      "working",
      async (b) => {
        const r = await ctx.operations.importCodes(b, codes);
        ctx.report(r, s.done.importCodes(r.imported), s.declined, IMPORT);
      },
      IMPORT,
    );
  // The import panel shows its own result under its button; once it is gone (codes imported), the step does.
  const importShown = status.codes.pool === 0 && state !== "done";
  return (
    <StepItem
      index={ctx.index}
      id={ctx.id}
      state={state}
      title={s.steps.codes.title}
      explain={s.steps.codes.explain}
      count={`${s.steps.codes.count(status.codes.assigned, status.codes.total)}${status.codes.pool > 0 ? `. ${s.steps.codes.pool(status.codes.pool)}` : ""}`}
      action={status.codes.cleared.length > 0 ? undefined : ctx.action(s.steps.codes.button, make)}
      results={ctx.after(!importShown && ctx.feedback(IMPORT))}
    >
      {status.codes.cleared.length > 0 && (
        <>
          <StepHint>{s.steps.codes.cleared}</StepHint>
          <FindingsList title={s.findingsBlocked} findings={status.codes.cleared} onSelect={ctx.select} />
        </>
      )}
      {importShown && (
        <CodesImport
          disabled={ctx.busy}
          onImport={importCodes}
          readXlsx={ctx.operations.readCodeListXlsx}
          onError={(m) => ctx.say({ intent: "error", text: s.failed(m), at: IMPORT })}
          feedback={ctx.feedback(IMPORT)}
        />
      )}
    </StepItem>
  );
}

export const codesStep: PaneStep = {
  id: "codes",
  state: (s) => (s.codes.total === 0 ? "waiting" : s.codes.cleared.length > 0 ? "problem" : s.codes.assigned === s.codes.total ? "done" : "todo"),
  View: CodesStep,
};
