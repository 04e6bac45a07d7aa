// The question before names are cleared: what will be cleared (roster columns, sheets, cells) and
// that copies of the workbook keep the names.
import type { RemoveNamesSummary } from "../../workbook/removeNames";
import { useStrings } from "../i18n";
import { ConfirmListDialog } from "./ConfirmListDialog";

export function ConfirmRemoveNamesDialog({ summary, onAnswer }: { summary: RemoveNamesSummary | null; onAnswer: (yes: boolean) => void }) {
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
