// Step «Анализ результатов»: the school summary (statistics of every work, class and grade) and the
// analysis sheets with charts, results by name and slips for parents (src/workbook/analysis). The
// summary alone is one read; the sheets, one read and one apply. Waits until scores are typed.
import { useState } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import type { AnalysisData } from "../../workbook/analysis/analysisData";
import { AnalysisSummary } from "../components/AnalysisSummary";
import type { AnalysisSummaryProps } from "../components/AnalysisSummaryView";
import { StepItem } from "../components/StepItem";
import { useStrings } from "../i18n";
import type { PaneStep, StepContext } from "./paneStep";

const useStyles = makeStyles({
  show: { alignSelf: "flex-start", paddingLeft: 0, minWidth: 0 },
});

const summaryOf = (data: AnalysisData): AnalysisSummaryProps => ({ works: data.works.map((w) => w.statistics), flags: data.flags });

/** The analysis's own summary sheet: its presence means the analysis was made. */
const SUMMARY_SHEET = "Анализ";

function AnalysisStep({ ctx }: { ctx: StepContext }) {
  const s = useStrings();
  const t = s.steps.analysis;
  const styles = useStyles();
  const [summary, setSummary] = useState<AnalysisSummaryProps | null>(null);
  const { status, state } = ctx;
  const make = (slips: boolean) =>
    ctx.run("working", async (b) => {
      const r = await ctx.operations.analyze(b, { slips });
      if (ctx.report(r, t.done(r.sheets.length))) setSummary(summaryOf(r.data));
    });
  const show = () =>
    ctx.run("read", async (b) => {
      const r = await ctx.operations.analyze(b, { write: false });
      setSummary(summaryOf(r.data));
    });
  return (
    <StepItem
      index={ctx.index}
      id={ctx.id}
      state={state}
      title={t.title}
      explain={t.explain}
      count={status.sheetNames.includes(SUMMARY_SHEET) ? t.made : undefined}
      action={ctx.action(t.button, () => void make(false))}
      results={ctx.after(summary && <AnalysisSummary {...summary} />)}
    >
      {!summary && (
        <Button appearance="transparent" size="small" className={styles.show} onClick={show} disabled={ctx.busy}>
          {t.show}
        </Button>
      )}
      <Button appearance="transparent" size="small" className={styles.show} onClick={() => void make(true)} disabled={ctx.busy} title={t.slipsHint}>
        {t.slips}
      </Button>
    </StepItem>
  );
}

export const analysisStep: PaneStep = {
  id: "analysis",
  // Something to analyse once scores are typed; done once the sheets exist (made again any time).
  state: (s) => (s.scores.filled === 0 ? "waiting" : s.sheetNames.includes(SUMMARY_SHEET) ? "done" : "todo"),
  View: AnalysisStep,
};
