// Asked before an operation replaces sheets the add-in made (operations call confirmReplace).
import { useStrings } from "../i18n";
import { ConfirmListDialog } from "./ConfirmListDialog";

export interface ConfirmReplaceDialogProps {
  sheets: readonly string[] | null;
  onAnswer: (replace: boolean) => void;
}

export function ConfirmReplaceDialog({ sheets, onAnswer }: ConfirmReplaceDialogProps) {
  const s = useStrings();
  return (
    <ConfirmListDialog
      open={sheets !== null}
      title={s.confirmTitle}
      body={s.confirmBody}
      items={(sheets ?? []).map((name) => ({ key: name, text: `«${name}»` }))}
      yes={s.confirmReplace}
      no={s.confirmCancel}
      onAnswer={onAnswer}
    />
  );
}
