// The guide for one open workbook: the step list drawn from one read of the workbook, each step's
// button running one operation (one read, a pure plan, one apply), a progress bar with cancel,
// the confirmation before replacing the add-in's own sheets, and every result or error in words.
// Progress and result appear in the step whose button was pressed (the first read and «Обновить»:
// at the top); one live region, always in the page, says the same to screen readers. An upload
// form opened instead of the coordinator's workbook gets an explanation and no step at all.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise16Regular, Edit16Regular } from "@fluentui/react-icons";
import { CATALOGUE, type Finding } from "../../core";
import type { WorkbookBackend } from "../../workbook/backend";
import type { BuiltFile, OperationResult } from "../../workbook/operations";
import type { SettingsValues } from "../../workbook/settings";
import { downloadBytes, downloadFiles, XLSX_MIME } from "../download";
import { CancelledError, errorText, guardBackend, nextPaint } from "../guard";
import { useStrings } from "../i18n";
import type { PaneOperations } from "../operations";
import { stepStates, workbookStatus, type StepId, type WorkbookStatus } from "../status";
import type { Strings } from "../strings";
import { BlankFormInput } from "./BlankFormInput";
import { BusyBar, type Busy } from "./BusyBar";
import { CodesImport } from "./CodesImport";
import { useQuestion } from "../useQuestion";
import { ArchiveScoresDialog } from "./ArchiveScoresDialog";
import { ConfirmReplaceDialog } from "./ConfirmReplaceDialog";
import { CriteriaPicker } from "./CriteriaPicker";
import { FindingsList } from "./FindingsList";
import { RemoveNamesStep, RetentionReminder, useRemoveNamesConfirm } from "./RemoveNamesStep";
import { SettingsForm } from "./SettingsForm";
import { StepItem } from "./StepItem";
import { UploadFiles, UploadForms } from "./UploadFiles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", position: "relative", minWidth: 0, overflowWrap: "anywhere" },
  steps: { listStyleType: "none", margin: 0, padding: 0 },
  headingRow: { display: "flex", alignItems: "center", justifyContent: "space-between", marginTop: tokens.spacingVerticalM, minHeight: "24px" },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    textTransform: "uppercase",
    letterSpacing: "0.04em",
  },
  message: { marginTop: tokens.spacingVerticalS },
  edit: { alignSelf: "flex-start", paddingLeft: 0, minWidth: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
  /** The live region: read by screen readers, not shown. */
  live: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  notice: { marginTop: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalS },
  noticeText: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, margin: 0 },
});

export interface PaneProps {
  mode: "excel" | "web";
  backend: WorkbookBackend;
  operations: PaneOperations;
  /** Excel: open a built form as a new workbook. */
  openWorkbook?: (bytes: Uint8Array) => Promise<void>;
  /** Called whenever an operation may have changed the workbook (web mode: unsaved changes). */
  onChanged?: () => void;
  /** Lets the parent show the busy bar's state (e.g. disable "Save" while writing). */
  onBusyChange?: (busy: boolean) => void;
}

/**
 * Where a run's progress and result are shown: the step whose button was pressed; "codesImport":
 * under the import panel's own button; "top": the first read and «Обновить».
 */
type Place = StepId | "removeNames" | "codesImport" | "top";
/** `fromStatus`: the check's message, worded from the step list's own counts so that the two always agree. */
type Message = { intent: "success" | "error" | "warning" | "info"; text: string; at: Place; fromStatus?: "check" };
type FindingsPanel = { step: StepId | "removeNames"; title: string; findings: Finding[] };
type BusyKind = keyof Strings["busy"];

export function Pane({ mode, backend, operations, openWorkbook, onChanged, onBusyChange }: PaneProps) {
  const s = useStrings();
  const styles = useStyles();
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [busy, setBusy] = useState<(Busy & { at: Place }) | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [panel, setPanel] = useState<FindingsPanel | null>(null);
  const [uploads, setUploads] = useState<BuiltFile[] | null>(null);
  const [editSettings, setEditSettings] = useState(false);
  const [works, setWorks] = useState<string[]>([]);
  const [blankForms, setBlankForms] = useState<Uint8Array[]>([]);
  const namesConfirm = useRemoveNamesConfirm();
  const running = useRef(false);
  /** Runs finished, exposed as data-runs for tests and automation. */
  const [runs, setRuns] = useState(0);
  // Read through refs so that a language switch or a new callback does not re-read the workbook.
  const strings = useRef(s);
  strings.current = s;
  const changed = useRef(onChanged);
  changed.current = onChanged;

  useEffect(() => onBusyChange?.(busy !== null), [busy, onBusyChange]);

  // Questions asked from inside an operation, answered in a dialog.
  const archive = useQuestion<Finding[]>();
  const confirmArchive = archive.ask;
  const replace = useQuestion<string[]>();
  const confirmReplace = replace.ask;


  /**
   * Runs one operation: progress bar, cancel, errors in words, then the step list from the
   * operation's own whole-workbook read — projected through its plan when it wrote — or, when the
   * operation read only some sheets, from one fresh read.
   */
  const run = useCallback(
    async (kind: BusyKind, at: Place, work: (b: WorkbookBackend, signal: AbortSignal) => Promise<void>) => {
      if (running.current) return;
      running.current = true;
      const t = strings.current;
      const controller = new AbortController();
      const cancel = () => {
        controller.abort();
        setBusy((b) => b && { ...b, cancelling: true });
      };
      setBusy({ label: t.busy[kind], cancel, at });
      setMessage(null);
      const { backend: guarded, log } = guardBackend(backend, controller.signal, (phase) => {
        if (kind === "working") setBusy((b) => b && { ...b, label: t.busy[phase] });
      });
      try {
        await nextPaint();
        await work(guarded, controller.signal);
      } catch (e) {
        setMessage(e instanceof CancelledError ? { intent: "info", text: t.cancelled, at } : { intent: "error", text: t.failed(errorText(e)), at });
      }
      try {
        if (log.applied) {
          changed.current?.();
          if (log.after) setStatus(workbookStatus(log.after));
          else {
            setBusy({ label: t.busy.read, at });
            setStatus(workbookStatus(await operations.readAll(backend)));
          }
        } else if (log.snapshot) setStatus(workbookStatus(log.snapshot));
      } catch (e) {
        setMessage({ intent: "error", text: t.failed(errorText(e)), at });
      }
      setBusy(null);
      setRuns((n) => n + 1);
      running.current = false;
    },
    [backend, operations],
  );

  const refresh = useCallback(
    () =>
      run("read", "top", async (b) => {
        await operations.readAll(b);
      }),
    [run, operations],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Common reporting of an operation's result (shown at `at`, the step's own place unless said); true when it was applied. */
  const report = (step: FindingsPanel["step"], result: OperationResult, done: string, declined = s.declined, at: Place = step): boolean => {
    const errors = result.findings.filter((f) => f.severity === "error");
    if (result.status === "blocked") {
      setPanel({ step, title: s.findingsBlocked, findings: result.findings });
      setMessage({ intent: "error", text: s.blocked(errors.length), at });
      return false;
    }
    if (result.status === "cancelled") {
      setMessage({ intent: "info", text: declined, at });
      return false;
    }
    setPanel(result.findings.length > 0 ? { step, title: s.findingsCheck, findings: result.findings } : null);
    setMessage({ intent: "success", text: done, at });
    return true;
  };

  const createSheets = () =>
    run("working", "sheets", async (b) => {
      const r = await operations.createInputSheets(b, { works }, { confirmReplace });
      report("sheets", r, s.done.sheets(r.created, r.skipped));
    });
  const saveSettings = (values: SettingsValues) =>
    run("working", "settings", async (b) => {
      const r = await operations.saveSettings(b, values);
      if (report("settings", r, s.done.settings(r.cellsWritten))) setEditSettings(false);
    });
  const importCodes = (codes: number[]) =>
    run("working", "codesImport", async (b) => {
      const r = await operations.importCodes(b, codes);
      report("codes", r, s.done.importCodes(r.imported), s.declined, "codesImport");
    });
  const makeCodes = () =>
    run("working", "codes", async (b) => {
      const r = await operations.makeCodes(b, { confirmReplace });
      report("codes", r, s.done.codes(r.assigned));
    });
  const makeScoreSheets = () =>
    run("working", "scoreSheets", async (b) => {
      let r = await operations.makeScoreSheets(b, { confirmReplace });
      // Typed scores whose column is gone (the work changed) move to the archive only when asked.
      const displaced = r.findings.filter((f) => f.code === "scores.displaced");
      if (r.status === "blocked" && displaced.length > 0 && displaced.length === r.findings.filter((f) => f.severity === "error").length) {
        if (!(await confirmArchive(displaced))) {
          report("scoreSheets", { ...r, status: "cancelled" }, "", s.archiveDeclined);
          return;
        }
        // The consent covers the rebuild of those sheets: nothing else is asked.
        r = await operations.makeScoreSheets(b, { archiveScores: true });
      }
      report("scoreSheets", r, s.done.scoreSheets(r.sheets.length));
    });
  const check = () =>
    run("read", "check", async (b) => {
      const r = await operations.check(b);
      setPanel({ step: "check", title: s.findingsCheck, findings: r.findings });
      setMessage({ intent: "info", text: "", at: "check", fromStatus: "check" });
    });
  const buildUploads = () =>
    run("build", "upload", async (b, signal) => {
      setUploads(null);
      const r = await operations.buildUploads(b, blankForms);
      if (signal.aborted) throw new CancelledError();
      if (r.files.length === 0) {
        const errors = r.findings.filter((f) => f.severity === "error").length;
        setPanel({ step: "upload", title: s.findingsBlocked, findings: r.findings });
        setMessage({ intent: "error", text: s.blocked(errors), at: "upload" });
        return;
      }
      setPanel(r.findings.length > 0 ? { step: "upload", title: s.findingsCheck, findings: r.findings } : null);
      setUploads(r.files);
      const name = await downloadFiles(
        r.files.map((f) => ({ name: f.fileName, bytes: f.bytes })),
        s.uploadZip(status?.settings.values.school ?? ""),
      );
      const notReady = r.forms.filter((f) => !f.ready).length;
      setMessage({ intent: notReady > 0 ? "warning" : "success", text: s.done.upload(r.files.length, name, notReady), at: "upload" });
    });

  const removeNames = () =>
    run("working", "removeNames", async (b) => {
      const r = await operations.removeNames(b, { confirm: namesConfirm.confirm });
      report("removeNames", r, s.steps.removeNames.done(r.cellsWritten), s.steps.removeNames.declined);
    });

  // Results of the findings list's own buttons go where that list is (the roster's list: the roster step).
  const select = (f: Finding, at: Place = panel?.step ?? "top") => {
    if (!backend.select || !f.sheet || !f.cell) return;
    backend.select(f.sheet, f.cell).catch((e: unknown) => setMessage({ intent: "error", text: s.failed(errorText(e)), at }));
  };
  const copy = (text: string) => {
    const at: Place = panel?.step ?? "top";
    return navigator.clipboard.writeText(text).then(
      () => setMessage({ intent: "success", text: s.findingsCopied, at }),
      (e: unknown) => setMessage({ intent: "error", text: s.failed(errorText(e)), at }),
    );
  };
  const saveText = (text: string) => downloadBytes(s.findingsFile, "\ufeff" + text, "text/plain;charset=utf-8");
  const openFile = (f: BuiltFile) => openWorkbook?.(f.bytes).catch((e: unknown) => setMessage({ intent: "error", text: s.failed(errorText(e)), at: "upload" }));

  const isBusy = busy !== null;
  const st = status;
  const states = st ? stepStates(st) : null;
  const shown: Message | null =
    message?.fromStatus === "check" && st
      ? {
          intent: st.problems.errors > 0 || st.scores.filled < st.scores.rows ? "warning" : "success",
          text: s.done.check(st.problems.errors, st.problems.warnings, st.scores.rows - st.scores.filled, st.scoreSheets.expected - st.scoreSheets.made),
          at: "check",
        }
      : message;
  const firstTodo = states ? (Object.entries(states).find(([, v]) => v === "todo" || v === "problem")?.[0] as StepId | undefined) : undefined;
  const action = (id: StepId, label: string, onClick: () => void) => ({ label, onClick, disabled: isBusy, primary: firstTodo === id });
  const findingsFor = (step: FindingsPanel["step"]) =>
    panel?.step === step && (
      <FindingsList
        title={panel.title}
        findings={panel.findings}
        onSelect={mode === "excel" ? select : undefined}
        onCopy={mode === "web" ? copy : undefined}
        onSave={mode === "web" ? saveText : undefined}
      />
    );
  // The import panel shows its own result under its button; once it is gone (codes imported), the step does.
  const importShown = st !== null && states !== null && st.codes.pool === 0 && states.codes !== "done";
  const placeOf = (at: Place): Place => (at === "codesImport" && !importShown ? "codes" : at);
  /** The progress bar and the result of the run started at `at` (the step's button), drawn there. */
  const feedback = (at: Place) => (
    <>
      {busy && placeOf(busy.at) === at && <BusyBar busy={busy} live={false} />}
      {shown && placeOf(shown.at) === at && (
        <MessageBar intent={shown.intent} layout="multiline" className={styles.message} data-testid="message" data-at={shown.at}>
          <MessageBarBody>{shown.text}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
  /** What a step shows after its button: the run's progress and result, then its problems or files. */
  const after = (step: FindingsPanel["step"], more?: ReactNode) => (
    <>
      {feedback(step)}
      {findingsFor(step)}
      {more}
    </>
  );
  const live = busy ? (busy.cancelling ? s.cancelling : busy.label) : (shown?.text ?? (st?.uploadForm ? s.uploadForm.title : ""));

  return (
    <div className={styles.root} data-runs={runs}>
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.live} data-testid="live">
        {live}
      </div>
      {!st && feedback("top")}
      {st?.uploadForm && (
        <>
          <MessageBar intent="warning" layout="multiline" className={styles.notice} data-testid="upload-form">
            <MessageBarBody className={styles.noticeText}>
              <MessageBarTitle>{s.uploadForm.title}</MessageBarTitle>
              <span>{s.uploadForm.describe(st.uploadForm)}</span>
              <span>{mode === "excel" ? s.uploadForm.excel : s.uploadForm.web}</span>
              {st.uploadForm.rows === 0 && <span>{s.uploadForm.blank}</span>}
            </MessageBarBody>
          </MessageBar>
          {mode === "excel" && (
            <Button size="small" appearance="subtle" className={styles.edit} icon={<ArrowClockwise16Regular />} onClick={() => void refresh()} disabled={isBusy} title={s.refreshLabel}>
              {s.refresh}
            </Button>
          )}
          {feedback("top")}
        </>
      )}
      {st && states && !st.uploadForm && (
        <>
          <RetentionReminder status={st.retention} />
          <div className={styles.headingRow}>
            <h2 className={styles.heading}>{s.stepsHeading}</h2>
            {mode === "excel" && (
              <Button size="small" appearance="subtle" icon={<ArrowClockwise16Regular />} onClick={() => void refresh()} disabled={isBusy} title={s.refreshLabel}>
                {s.refresh}
              </Button>
            )}
          </div>
          {feedback("top")}
          <ol className={styles.steps}>
            <StepItem
              index={1}
              id="sheets"
              state={states.sheets}
              title={s.steps.sheets.title}
              explain={s.steps.sheets.explain}
              count={s.steps.sheets.count(st.sheets.present, st.sheets.total)}
              action={states.sheets === "done" ? undefined : action("sheets", s.steps.sheets.button, createSheets)}
              results={after("sheets")}
            >
              {states.sheets !== "done" && <CriteriaPicker works={CATALOGUE} selected={works} onChange={setWorks} />}
            </StepItem>
            <StepItem
              index={2}
              id="settings"
              state={states.settings}
              title={s.steps.settings.title}
              explain={s.steps.settings.explain}
              count={st.settings.exists ? s.steps.settings.count(st.settings.ok ? st.settings.values.school : "") : undefined}
              results={after("settings")}
            >
              {st.settings.exists && (states.settings !== "done" || editSettings) && (
                <SettingsForm key={JSON.stringify(st.settings.values)} initial={{ ...st.settings.values, retentionDays: st.retention.typed }} disabled={isBusy} onSave={saveSettings} />
              )}
              {states.settings === "done" && !editSettings && (
                <Button appearance="transparent" size="small" className={styles.edit} icon={<Edit16Regular />} onClick={() => setEditSettings(true)}>
                  {s.steps.settings.edit}
                </Button>
              )}
            </StepItem>
            <StepItem
              index={3}
              id="roster"
              state={states.roster}
              title={s.steps.roster.title}
              explain={s.steps.roster.explain}
              count={s.steps.roster.count(st.roster.students, st.roster.classes, st.roster.planRows)}
              results={feedback("roster")}
            >
              {mode === "web" && states.roster !== "done" && <p className={styles.hint}>{s.webEditHint}</p>}
              {states.roster === "problem" && <FindingsList title={s.findingsBlocked} findings={st.roster.findings} onSelect={mode === "excel" ? (f) => select(f, "roster") : undefined} />}
            </StepItem>
            <StepItem
              index={4}
              id="codes"
              state={states.codes}
              title={s.steps.codes.title}
              explain={s.steps.codes.explain}
              count={`${s.steps.codes.count(st.codes.assigned, st.codes.total)}${st.codes.pool > 0 ? `. ${s.steps.codes.pool(st.codes.pool)}` : ""}`}
              action={st.codes.cleared.length > 0 ? undefined : action("codes", s.steps.codes.button, makeCodes)}
              results={after("codes")}
            >
              {st.codes.cleared.length > 0 && (
                <>
                  <p className={styles.hint}>{s.steps.codes.cleared}</p>
                  <FindingsList title={s.findingsBlocked} findings={st.codes.cleared} onSelect={mode === "excel" ? (f) => select(f, "codes") : undefined} />
                </>
              )}
              {importShown && (
                <CodesImport
                  disabled={isBusy}
                  onImport={importCodes}
                  readXlsx={operations.readCodeListXlsx}
                  onError={(m) => setMessage({ intent: "error", text: s.failed(m), at: "codesImport" })}
                  feedback={feedback("codesImport")}
                />
              )}
            </StepItem>
            <StepItem
              index={5}
              id="scoreSheets"
              state={states.scoreSheets}
              title={s.steps.scoreSheets.title}
              explain={s.steps.scoreSheets.explain}
              count={s.steps.scoreSheets.count(st.scoreSheets.made, st.scoreSheets.expected)}
              action={action("scoreSheets", s.steps.scoreSheets.button, makeScoreSheets)}
              results={after("scoreSheets")}
            />
            <StepItem
              index={6}
              id="check"
              state={states.check}
              title={s.steps.check.title}
              explain={s.steps.check.explain}
              count={s.steps.check.count(st.scores.filled, st.scores.rows, st.problems.errors, st.problems.warnings)}
              action={action("check", s.steps.check.button, check)}
              results={after("check")}
            >
              {mode === "web" && states.check !== "done" && states.check !== "waiting" && <p className={styles.hint}>{s.webEditHint}</p>}
            </StepItem>
            <StepItem
              index={7}
              id="upload"
              state={uploads ? "done" : states.upload}
              title={s.steps.upload.title}
              explain={s.steps.upload.explain}
              count={st.upload.files > 0 ? s.steps.upload.count(st.upload.readyFiles, st.upload.files) : undefined}
              action={action("upload", s.steps.upload.button, buildUploads)}
              results={after(
                "upload",
                uploads && (
                  <UploadFiles
                    files={uploads}
                    onDownload={(f) => downloadBytes(f.fileName, f.bytes, XLSX_MIME)}
                    onDownloadAll={() => void downloadFiles(uploads.map((f) => ({ name: f.fileName, bytes: f.bytes })), s.uploadZip(st.settings.values.school))}
                    onOpen={mode === "excel" && openWorkbook ? openFile : undefined}
                  />
                ),
              )}
            >
              {st.upload.forms.length > 0 && <UploadForms forms={st.upload.forms} />}
              <BlankFormInput disabled={isBusy} onChange={setBlankForms} />
            </StepItem>
            <RemoveNamesStep index={8} status={st.retention} disabled={isBusy} onRun={removeNames} results={after("removeNames")} />
          </ol>
        </>
      )}
      <ConfirmReplaceDialog sheets={replace.asked} onAnswer={replace.answer} />
      <ArchiveScoresDialog cells={archive.asked} onAnswer={archive.answer} />
      {namesConfirm.dialog}
    </div>
  );
}
