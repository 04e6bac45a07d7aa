// The guide for one open workbook: the steps of ../steps drawn from one read of the workbook, each
// step's button running one operation (one read, a pure plan, one apply), a progress bar with
// cancel, the confirmation before replacing the add-in's own sheets, and every result or error in
// words. Progress and result appear in the step whose button was pressed (the first read and
// «Обновить»: at the top); one live region, always in the page, says the same to screen readers.
// An upload form opened instead of the coordinator's workbook gets an explanation and no step.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise16Regular } from "@fluentui/react-icons";
import type { Finding } from "../../core";
import type { WorkbookBackend } from "../../workbook/backend";
import type { OperationResult } from "../../workbook/operations";
import { downloadBytes } from "../download";
import { CancelledError, errorText, guardBackend, nextPaint } from "../guard";
import { useStrings } from "../i18n";
import type { PaneOperations } from "../operations";
import { workbookStatus, type WorkbookStatus } from "../status";
import { nextStep, PANE_STEPS, stepStates } from "../steps";
import type { BusyKind, PaneMessage, Place, StepContext } from "../steps/paneStep";
import { useQuestion } from "../useQuestion";
import { BusyBar, type Busy } from "./BusyBar";
import { ConfirmReplaceDialog } from "./ConfirmReplaceDialog";
import { FindingsList } from "./FindingsList";
import { RetentionReminder } from "./RetentionReminder";

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

/** The findings list shown under one step. */
type FindingsPanel = { step: string; title: string; findings: Finding[] };

export function Pane({ mode, backend, operations, openWorkbook, onChanged, onBusyChange }: PaneProps) {
  const s = useStrings();
  const styles = useStyles();
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [busy, setBusy] = useState<(Busy & { at: Place }) | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [panel, setPanel] = useState<FindingsPanel | null>(null);
  const running = useRef(false);
  /** Runs finished, exposed as data-runs for tests and automation. */
  const [runs, setRuns] = useState(0);
  // Read through refs so that a language switch or a new callback does not re-read the workbook.
  const strings = useRef(s);
  strings.current = s;
  const changed = useRef(onChanged);
  changed.current = onChanged;

  useEffect(() => onBusyChange?.(busy !== null), [busy, onBusyChange]);

  const replace = useQuestion<string[]>();

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

  // Results of the findings list's own buttons go where that list is.
  const select = (f: Finding, at: Place) => {
    if (!backend.select || !f.sheet || !f.cell) return;
    backend.select(f.sheet, f.cell).catch((e: unknown) => setMessage({ intent: "error", text: s.failed(errorText(e)), at }));
  };
  const copy = (text: string, at: Place) =>
    navigator.clipboard.writeText(text).then(
      () => setMessage({ intent: "success", text: s.findingsCopied, at }),
      (e: unknown) => setMessage({ intent: "error", text: s.failed(errorText(e)), at }),
    );
  const saveText = (text: string) => downloadBytes(s.findingsFile, "\ufeff" + text, "text/plain;charset=utf-8");

  const isBusy = busy !== null;
  const st = status;
  const states = st ? stepStates(st) : null;
  const shown: PaneMessage | null = message?.fromStatus && st ? { ...message, ...message.fromStatus(st, s) } : message;
  const first = states ? nextStep(states) : undefined;

  /** The progress bar and the result of the run started at `at`, drawn there. */
  const feedback = (at: Place) => (
    <>
      {busy && busy.at === at && <BusyBar busy={busy} live={false} />}
      {shown && shown.at === at && (
        <MessageBar intent={shown.intent} layout="multiline" className={styles.message} data-testid="message" data-at={shown.at}>
          <MessageBarBody>{shown.text}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
  const findingsFor = (step: string) =>
    panel?.step === step && (
      <FindingsList
        title={panel.title}
        findings={panel.findings}
        onSelect={mode === "excel" ? (f) => select(f, step) : undefined}
        onCopy={mode === "web" ? (text) => copy(text, step) : undefined}
        onSave={mode === "web" ? saveText : undefined}
      />
    );

  /** What the pane gives the view of step `id` at position `index`. */
  const contextFor = (id: string, index: number, status: WorkbookStatus): StepContext => ({
    id,
    index,
    state: states?.[id] ?? "waiting",
    status,
    mode,
    busy: isBusy,
    operations,
    run: (kind, work, at = id) => run(kind, at, work),
    report: (result: OperationResult, done, declined = s.declined, at = id) => {
      const errors = result.findings.filter((f) => f.severity === "error");
      if (result.status === "blocked") {
        setPanel({ step: id, title: s.findingsBlocked, findings: result.findings });
        setMessage({ intent: "error", text: s.blocked(errors.length), at });
        return false;
      }
      if (result.status === "cancelled") {
        setMessage({ intent: "info", text: declined, at });
        return false;
      }
      setPanel(result.findings.length > 0 ? { step: id, title: s.findingsCheck, findings: result.findings } : null);
      setMessage({ intent: "success", text: done, at });
      return true;
    },
    say: (m) => setMessage({ ...m, at: m.at ?? id }),
    showFindings: (p) => setPanel(p && { step: id, ...p }),
    action: (label, onClick) => ({ label, onClick, disabled: isBusy, primary: first === id }),
    after: (more?: ReactNode) => (
      <>
        {feedback(id)}
        {findingsFor(id)}
        {more}
      </>
    ),
    feedback,
    select: mode === "excel" ? (f) => select(f, id) : undefined,
    confirmReplace: replace.ask,
    openWorkbook,
  });

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
      {st && !st.uploadForm && (
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
            {PANE_STEPS.map((step, i) => (
              <step.View key={step.id} ctx={contextFor(step.id, i + 1, st)} />
            ))}
          </ol>
        </>
      )}
      <ConfirmReplaceDialog sheets={replace.asked} onAnswer={replace.answer} />
    </div>
  );
}
