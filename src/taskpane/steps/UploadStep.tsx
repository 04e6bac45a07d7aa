// Step «Формы для ФИС ОКО»: the forms of the works that are ready (each work on its own), built and
// downloaded (or opened in Excel), with the blank forms the coordinator may give.
import { useState } from "react";
import type { Finding } from "../../core";
import { changeText } from "../../workbook/fingerprint/changeText";
import type { BuiltFile } from "../../workbook/operations";
import { BlankFormInput } from "../components/BlankFormInput";
import { StepItem } from "../components/StepItem";
import { UploadFiles, UploadForms } from "../components/UploadFiles";
import { downloadBytes, downloadFiles, XLSX_MIME } from "../download";
import { CancelledError, errorText } from "../guard";
import { useStrings } from "../i18n";
import type { PaneStep, StepContext } from "./paneStep";

function UploadStep({ ctx }: { ctx: StepContext }) {
  const s = useStrings();
  const [uploads, setUploads] = useState<BuiltFile[] | null>(null);
  const [blankForms, setBlankForms] = useState<Uint8Array[]>([]);
  const { status } = ctx;
  const zipName = s.uploadZip(status.settings.values.school);
  const build = () =>
    ctx.run("build", async (b, signal) => {
      setUploads(null);
      const r = await ctx.operations.buildUploads(b, blankForms);
      if (signal.aborted) throw new CancelledError();
      if (r.files.length === 0) {
        ctx.showFindings({ title: s.findingsBlocked, findings: r.findings });
        ctx.say({ intent: "error", text: s.blocked(r.findings.filter((f) => f.severity === "error").length) });
        return;
      }
      // What changed since the previous upload of these forms comes first, each with its sheet and cell.
      const changed: Finding[] = r.changes.map((c) => ({ sheet: c.sheet, cell: c.cell, severity: "warning", code: c.kind === "added" ? "fingerprint.row-added" : c.kind === "deleted" ? "fingerprint.row-deleted" : "fingerprint.changed", message: changeText(c) }));
      const rest = changed.length > 0 ? r.findings.filter((f) => !f.code.startsWith("fingerprint.")) : r.findings;
      if (changed.length > 0) ctx.showFindings({ title: s.findingsChanged(changed.length), findings: [...changed, ...rest] });
      else ctx.showFindings(r.findings.length > 0 ? { title: s.findingsCheck, findings: r.findings } : null);
      setUploads(r.files);
      const name = await downloadFiles(
        r.files.map((f) => ({ name: f.fileName, bytes: f.bytes })),
        zipName,
      );
      const notReady = r.forms.filter((f) => !f.ready).length;
      ctx.say({ intent: notReady > 0 || changed.length > 0 ? "warning" : "success", text: s.done.upload(r.files.length, name, notReady) + (changed.length > 0 ? s.uploadChanged(changed.length) : "") });
    });
  const open = ctx.openWorkbook;
  const openFile = open && ((f: BuiltFile) => void open(f.bytes).catch((e: unknown) => ctx.say({ intent: "error", text: s.failed(errorText(e)) })));
  return (
    <StepItem
      index={ctx.index}
      id={ctx.id}
      state={uploads ? "done" : ctx.state}
      title={s.steps.upload.title}
      explain={s.steps.upload.explain}
      count={status.upload.files > 0 ? s.steps.upload.count(status.upload.readyFiles, status.upload.files) : undefined}
      action={ctx.action(s.steps.upload.button, build)}
      results={ctx.after(
        uploads && (
          <UploadFiles
            files={uploads}
            onDownload={(f) => downloadBytes(f.fileName, f.bytes, XLSX_MIME)}
            onDownloadAll={() => void downloadFiles(uploads.map((f) => ({ name: f.fileName, bytes: f.bytes })), zipName)}
            onOpen={ctx.mode === "excel" ? openFile : undefined}
          />
        ),
      )}
    >
      {status.upload.forms.length > 0 && <UploadForms forms={status.upload.forms} />}
      <BlankFormInput disabled={ctx.busy} onChange={setBlankForms} />
    </StepItem>
  );
}

export const uploadStep: PaneStep = {
  id: "upload",
  state: (s) => (s.upload.ready ? "todo" : "waiting"),
  View: UploadStep,
};
