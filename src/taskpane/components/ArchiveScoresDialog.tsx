// Asked when a re-run of the score sheets would leave typed scores without a column (the work's
// description changed): they move to «Архив баллов» only if the coordinator says so.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalXL, maxHeight: "40vh", overflowY: "auto", overflowWrap: "anywhere" },
});

export interface ArchiveScoresDialogProps {
  /** The `scores.displaced` findings, one per cell; null when the dialog is closed. */
  cells: readonly Finding[] | null;
  onAnswer: (move: boolean) => void;
}

export function ArchiveScoresDialog({ cells, onAnswer }: ArchiveScoresDialogProps) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <Dialog open={cells !== null} modalType="alert" onOpenChange={(_, d) => !d.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.archiveTitle}</DialogTitle>
          <DialogContent>
            {s.archiveBody(cells?.length ?? 0)}
            <ul className={styles.list}>
              {(cells ?? []).map((f) => (
                <li key={`${f.sheet}!${f.cell}`}>
                  «{f.sheet}»!{f.cell}
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {s.archiveMove}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {s.archiveCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
