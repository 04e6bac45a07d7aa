// The official blank form(s) from FIS OKO: when given, buildUploads fills them instead of making its own.
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentTable20Regular } from "@fluentui/react-icons";
import { fileBytes } from "../download";
import { useStrings } from "../i18n";
import { FilePicker } from "./FilePicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface BlankFormInputProps {
  disabled?: boolean;
  onChange: (forms: Uint8Array[]) => void;
}

export function BlankFormInput({ disabled, onChange }: BlankFormInputProps) {
  const s = useStrings().steps.upload;
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <FilePicker label={s.blank} accept=".xlsx" multiple appearance="subtle" icon={<DocumentTable20Regular />} disabled={disabled} testId="blank-form" onFiles={(files) => void Promise.all(files.map(fileBytes)).then(onChange)} />
      <Caption1 className={styles.hint}>{s.blankHint}</Caption1>
    </div>
  );
}
