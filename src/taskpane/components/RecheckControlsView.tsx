// The re-check step's controls: choose the list (JSON or .xlsx from the region), then «Сделать
// чек-лист и протокол» (the checklist written, the protocol downloaded) and «Проверить сканы» (a
// folder picker; the problems in the step's findings list). The buttons wait for a list.
import { useState } from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { RecheckList } from "../../workbook/recheck/listFile";
import { scanFinding } from "../../workbook/recheck/scans";
import { XLSX_MIME, downloadBytes, fileBytes } from "../download";
import { useStrings } from "../i18n";
import { scanEntries } from "../scanFolder";
import type { StepContext } from "../steps/paneStep";
import { FilePicker } from "./FilePicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "flex-start" },
  chosen: { color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
});

export function RecheckControls({ ctx }: { ctx: StepContext }) {
  const s = useStrings();
  const t = s.steps.recheck;
  const styles = useStyles();
  const [list, setList] = useState<RecheckList | null>(null);
  const choose = (files: File[]) =>
    ctx.run("open", async () => {
      const r = await ctx.operations.readRecheckList(await fileBytes(files[0]), files[0].name);
      setList(r.list);
      ctx.showFindings(r.findings.length > 0 ? { title: r.list ? s.findingsCheck : s.findingsBlocked, findings: r.findings } : null);
    });
  const make = (chosen: RecheckList) =>
    ctx.run("working", async (b) => {
      const r = await ctx.operations.buildRecheckPackage(b, chosen);
      if (ctx.report(r, t.made(r.protocol?.fileName ?? null)) && r.protocol) downloadBytes(r.protocol.fileName, r.protocol.bytes, XLSX_MIME);
    });
  const scans = (chosen: RecheckList, files: File[]) =>
    ctx.run("read", async (b) => {
      const r = await ctx.operations.checkRecheckScans(b, chosen, await scanEntries(files));
      const findings = [...r.findings, ...r.problems.map(scanFinding)];
      ctx.showFindings(findings.length > 0 ? { title: t.problems, findings } : null);
      ctx.say({ intent: r.problems.length === 0 && r.expected > 0 ? "success" : "warning", text: t.scansResult(r.ready, r.expected, r.problems.length) });
    });
  return (
    <div className={styles.root}>
      <FilePicker label={t.list} accept=".json,.xlsx" disabled={ctx.busy} showNames={false} testId="recheck-list" onFiles={(f) => void choose(f)} />
      {list && (
        <>
          <Caption1 className={styles.chosen}>{t.chosen(list.file, list.sample.sample.length)}</Caption1>
          <Button appearance="primary" disabled={ctx.busy} onClick={() => void make(list)}>
            {t.button}
          </Button>
          <FilePicker label={t.scans} accept="" multiple folder disabled={ctx.busy} showNames={false} testId="recheck-scans" onFiles={(f) => void scans(list, f)} />
        </>
      )}
    </div>
  );
}
