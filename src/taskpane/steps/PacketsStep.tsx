// Step «Пакеты для экспертов»: copies of the score sheets without names, one file per work (or per
// class), downloaded (a .zip when several); and «Принять баллы экспертов»: the returned files
// merged back by code, with a question when a packet's value differs from the workbook's.
import { Button, makeStyles } from "@fluentui/react-components";
import type { PacketConflict } from "../../workbook/packets/planMergePackets";
import { ConfirmListDialog } from "../components/ConfirmListDialog";
import { FilePicker } from "../components/FilePicker";
import { StepItem } from "../components/StepItem";
import { downloadFiles, fileBytes } from "../download";
import { CancelledError } from "../guard";
import { useStrings } from "../i18n";
import { useQuestion } from "../useQuestion";
import type { PaneStep, StepContext } from "./paneStep";

const useStyles = makeStyles({
  byClass: { alignSelf: "flex-start", paddingLeft: 0, minWidth: 0 },
});

/** The dialog lists this many conflicts; the rest are counted. */
const SHOWN = 50;

function PacketsStep({ ctx }: { ctx: StepContext }) {
  const s = useStrings();
  const t = s.steps.packets;
  const styles = useStyles();
  const question = useQuestion<PacketConflict[]>();
  const build = (by: "work" | "class") =>
    ctx.run("working", async (b, signal) => {
      const r = await ctx.operations.buildPackets(b, { by });
      if (signal.aborted) throw new CancelledError();
      if (r.files.length === 0) {
        ctx.showFindings({ title: s.findingsBlocked, findings: r.findings });
        ctx.say({ intent: "error", text: s.blocked(r.findings.filter((f) => f.severity === "error").length) });
        return;
      }
      ctx.showFindings(r.findings.length > 0 ? { title: s.findingsCheck, findings: r.findings } : null);
      const name = await downloadFiles(r.files.map((f) => ({ name: f.fileName, bytes: f.bytes })), t.zip(ctx.status.settings.values.school));
      ctx.say({ intent: "success", text: t.made(r.files.length, name) });
    });
  const merge = (files: File[]) =>
    ctx.run("working", async (b) => {
      const packets = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await fileBytes(f) })));
      const r = await ctx.operations.mergePackets(b, packets, { confirm: question.ask });
      if (r.status === "blocked") {
        ctx.showFindings({ title: s.findingsBlocked, findings: r.findings });
        ctx.say({ intent: "error", text: t.refused(r.findings.filter((f) => f.severity === "error").length) });
        return;
      }
      ctx.report(r, t.merged(r.filled, r.conflicts.length, r.overwritten));
    });
  const asked = question.asked ?? [];
  return (
    <>
      <StepItem
        index={ctx.index}
        id={ctx.id}
        state={ctx.state}
        title={t.title}
        explain={t.explain}
        action={ctx.state === "waiting" ? undefined : ctx.action(t.button, () => void build("work"))}
        results={ctx.after()}
      >
        {ctx.state !== "waiting" && (
          <>
            <Button appearance="transparent" size="small" className={styles.byClass} onClick={() => void build("class")} disabled={ctx.busy} title={t.byClassHint}>
              {t.byClass}
            </Button>
            <FilePicker label={t.merge} accept=".xlsx" multiple disabled={ctx.busy} testId="packets-input" onFiles={(files) => void merge(files)} />
          </>
        )}
      </StepItem>
      <ConfirmListDialog
        open={question.asked !== null}
        title={t.confirmTitle}
        body={t.confirmBody(asked.length)}
        items={asked.slice(0, SHOWN).map((c) => ({ key: `${c.file}|${c.sheet}|${c.cell}`, text: t.conflict(c.sheet, c.cell, c.code, c.item, String(c.ours), String(c.theirs), c.file) }))}
        footer={asked.length > SHOWN ? t.more(asked.length - SHOWN) : undefined}
        yes={t.confirmYes}
        no={t.confirmNo}
        onAnswer={question.answer}
      />
    </>
  );
}

export const packetsStep: PaneStep = {
  id: "packets",
  // Something to pack once score sheets exist; never the suggested next step (experts may type in the workbook itself).
  state: (s) => (s.scoreSheets.made === 0 ? "waiting" : "todo"),
  leads: false,
  View: PacketsStep,
};
