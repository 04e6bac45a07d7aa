// The question dialog of ./ConfirmListDialog.tsx (loaded lazily from there): a title, what will
// happen, the list of what it touches, and two answers. Closing the dialog (Escape) is "no".
import type { ReactNode } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalXL, maxHeight: "40vh", overflowY: "auto", overflowWrap: "anywhere" },
});

export interface ConfirmListDialogProps {
  open: boolean;
  title: string;
  body: ReactNode;
  items: readonly { key: string; text: ReactNode }[];
  /** Said after the list, if anything. */
  footer?: ReactNode;
  yes: string;
  no: string;
  onAnswer: (yes: boolean) => void;
}

export function ConfirmListDialog({ open, title, body, items, footer, yes, no, onAnswer }: ConfirmListDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {body}
            <ul className={styles.list}>
              {items.map((item) => (
                <li key={item.key}>{item.text}</li>
              ))}
            </ul>
            {footer}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {yes}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {no}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
