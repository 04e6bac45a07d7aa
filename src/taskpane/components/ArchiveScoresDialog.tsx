// Asked when a re-run of the score sheets would leave typed scores without a column (the work's
// description changed): they move to «Архив баллов» only if the coordinator says so.
import type { Finding } from "../../core";
import { useStrings } from "../i18n";
import { ConfirmListDialog } from "./ConfirmListDialog";

export interface ArchiveScoresDialogProps {
  /** The `scores.displaced` findings, one per cell; null when the dialog is closed. */
  cells: readonly Finding[] | null;
  onAnswer: (move: boolean) => void;
}

export function ArchiveScoresDialog({ cells, onAnswer }: ArchiveScoresDialogProps) {
  const s = useStrings();
  return (
    <ConfirmListDialog
      open={cells !== null}
      title={s.archiveTitle}
      body={s.archiveBody(cells?.length ?? 0)}
      items={(cells ?? []).map((f) => ({ key: `${f.sheet}!${f.cell}`, text: `«${f.sheet}»!${f.cell}` }))}
      yes={s.archiveMove}
      no={s.archiveCancel}
      onAnswer={onAnswer}
    />
  );
}
