// What is running: an indeterminate progress bar, its label, and a cancel button. `live` (default):
// the bar is its own live region; the pane passes false, since its one live region already says it.
import { Button, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} 0` },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

export interface Busy {
  label: string;
  cancel?: () => void;
  cancelling?: boolean;
}

export function BusyBar({ busy, live = true }: { busy: Busy; live?: boolean }) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <div className={styles.root} role={live ? "status" : undefined} aria-live={live ? "polite" : undefined} data-testid="busy">
      <ProgressBar aria-label={s.progressLabel} thickness="large" />
      <div className={styles.row}>
        <Text size={200}>{busy.cancelling ? s.cancelling : busy.label}</Text>
        {busy.cancel && (
          <Button size="small" onClick={busy.cancel} disabled={busy.cancelling}>
            {s.cancel}
          </Button>
        )}
      </div>
    </div>
  );
}
