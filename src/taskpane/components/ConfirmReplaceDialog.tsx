// Asked before an operation replaces sheets the add-in made (operations call confirmReplace).
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalXL, maxHeight: "40vh", overflowY: "auto" },
});

export interface ConfirmReplaceDialogProps {
  sheets: readonly string[] | null;
  onAnswer: (replace: boolean) => void;
}

export function ConfirmReplaceDialog({ sheets, onAnswer }: ConfirmReplaceDialogProps) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <Dialog open={sheets !== null} modalType="alert" onOpenChange={(_, d) => !d.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.confirmTitle}</DialogTitle>
          <DialogContent>
            {s.confirmBody}
            <ul className={styles.list}>
              {(sheets ?? []).map((name) => (
                <li key={name}>«{name}»</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {s.confirmReplace}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {s.confirmCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
