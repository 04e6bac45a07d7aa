// The warning at the top of the pane once the keeping period of the protocols has passed while
// names are left (src/workbook/retention.ts).
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { RetentionStatus } from "../../workbook/retention";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  reminder: { marginTop: tokens.spacingVerticalS },
});

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
