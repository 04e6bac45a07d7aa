// The upload forms just built: each file with its rows, to download again or (in Excel) to open;
// and, before that, every form of the workbook with whether it is ready and why not.
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload16Regular, Open16Regular } from "@fluentui/react-icons";
import type { UploadForm } from "../../workbook/forms";
import type { BuiltFile } from "../../workbook/operations";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", rowGap: "2px" },
  name: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, wordBreak: "break-all" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  formName: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  notReady: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** Each form of the workbook: its grade and subject, its classes, ready or why not (the check's reason, Russian). */
export function UploadForms({ forms }: { forms: readonly UploadForm[] }) {
  const s = useStrings();
  const styles = useStyles();
  const t = s.steps.upload;
  return (
    <section className={styles.root} aria-label={t.forms} data-testid="forms">
      <h4 className={styles.heading}>{t.forms}</h4>
      <ul className={styles.list}>
        {forms.map((f) => (
          <li key={f.key} className={styles.item} data-ready={f.ready}>
            <span className={styles.formName}>
              {t.formTitle(f.grade, f.subject)}
              {f.classes.length > 0 ? ` (${f.classes.join(", ")})` : ""}
            </span>
            <Caption1 className={f.ready ? styles.ready : styles.notReady}>{f.ready ? t.formReady : t.formNotReady(f.reason)}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface UploadFilesProps {
  files: readonly BuiltFile[];
  onDownload: (file: BuiltFile) => void;
  onDownloadAll: () => void;
  onOpen?: (file: BuiltFile) => void;
}

export function UploadFiles({ files, onDownload, onDownloadAll, onOpen }: UploadFilesProps) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={s.uploadFiles} data-testid="uploads">
      <h4 className={styles.heading}>{s.uploadFiles}</h4>
      <ul className={styles.list}>
        {files.map((f) => (
          <li key={f.fileName} className={styles.item}>
            <span className={styles.name}>{f.fileName}</span>
            <Caption1>
              {f.file.classes.join(", ")} · {s.uploadRows(f.file.rows.length)}
            </Caption1>
            <div className={styles.buttons}>
              <Button size="small" icon={<ArrowDownload16Regular />} onClick={() => onDownload(f)} aria-label={`${s.uploadDownload} ${f.fileName}`}>
                {s.uploadDownload}
              </Button>
              {onOpen && (
                <Button size="small" icon={<Open16Regular />} onClick={() => onOpen(f)} aria-label={`${s.uploadOpen}: ${f.fileName}`}>
                  {s.uploadOpen}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {files.length > 1 && (
        <Button appearance="secondary" icon={<ArrowDownload16Regular />} onClick={onDownloadAll} style={{ alignSelf: "flex-start" }}>
          {s.uploadDownloadAll}
        </Button>
      )}
    </section>
  );
}
