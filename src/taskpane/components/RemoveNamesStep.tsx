// The last step, «Удалить ФИО», with its confirmation dialog (what will be cleared, and that copies
// of the workbook keep the names), and the reminder shown at the top of the pane once the keeping
// period of the protocols has passed while names are left (src/workbook/retention.ts).
import type { ReactNode } from "react";
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { RemoveNamesSummary } from "../../workbook/removeNames";
import type { RetentionStatus } from "../../workbook/retention";
import { useStrings } from "../i18n";
import { useQuestion } from "../useQuestion";
import type { StepState } from "../status";
import { ConfirmListDialog } from "./ConfirmListDialog";
import { StepItem } from "./StepItem";

const useStyles = makeStyles({
  reminder: { marginTop: tokens.spacingVerticalS },
});

/** done: no name left; waiting: a student has no code yet; todo: names can be removed. */
export function removeNamesState(r: RetentionStatus): StepState {
  if (r.namesLeft === 0) return "done";
  return r.namesBlocked ? "waiting" : "todo";
}

export interface RemoveNamesStepProps {
  index: number;
  status: RetentionStatus;
  disabled: boolean;
  onRun: () => void;
  results?: ReactNode;
}

export function RemoveNamesStep({ index, status, disabled, onRun, results }: RemoveNamesStepProps) {
  const s = useStrings().steps.removeNames;
  const state = removeNamesState(status);
  return (
    <StepItem
      index={index}
      id="removeNames"
      state={state}
      title={s.title}
      explain={state === "waiting" ? s.explainWaiting : s.explain}
      count={state === "done" ? s.none : s.count(status.namesLeft, status.keepUntil, status.expired)}
      action={state === "todo" ? { label: s.button, onClick: onRun, disabled, primary: status.remind } : undefined}
      results={results}
    />
  );
}

/** The warning at the top of the pane: the keeping period has passed, names are left. */
export function RetentionReminder({ status }: { status: RetentionStatus }) {
  const s = useStrings().steps.removeNames;
  const styles = useStyles();
  if (!status.remind || status.keepUntil === null || status.lastWork === null) return null;
  return (
    <MessageBar intent="warning" className={styles.reminder} data-testid="retention-reminder">
      <MessageBarBody>{s.reminder(status.keepUntil, status.lastWork, status.days)}</MessageBarBody>
    </MessageBar>
  );
}

/** The question before names are cleared: `confirm` goes to removeNames, `dialog` into the pane. */
export function useRemoveNamesConfirm(): { confirm: (summary: RemoveNamesSummary) => Promise<boolean>; dialog: ReactNode } {
  const question = useQuestion<RemoveNamesSummary>();
  return { confirm: question.ask, dialog: <ConfirmRemoveNamesDialog summary={question.asked} onAnswer={question.answer} /> };
}

function ConfirmRemoveNamesDialog({ summary, onAnswer }: { summary: RemoveNamesSummary | null; onAnswer: (yes: boolean) => void }) {
  const s = useStrings().steps.removeNames;
  const items = [
    ...(summary?.roster ?? []).map((c) => ({ key: `roster-${c.header}`, text: s.confirmRoster(c.header, c.cells) })),
    ...(summary?.sheets ?? []).map((p) => ({ key: `sheet-${p.name}`, text: s.confirmSheet(p.name, p.cells) })),
  ];
  return (
    <ConfirmListDialog
      open={summary !== null}
      title={s.confirmTitle}
      body={s.confirmBody(summary?.total ?? 0)}
      items={items}
      footer={s.confirmKeeps}
      yes={s.confirmYes}
      no={s.confirmCancel}
      onAnswer={onAnswer}
    />
  );
}
