// The upload files just built (./UploadFiles.tsx loads this lazily): each file with its rows, to
// download again or (in Excel) to open.
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload16Regular, Open16Regular } from "@fluentui/react-icons";
import type { BuiltFile } from "../../workbook/operations";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", rowGap: "2px" },
  name: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, wordBreak: "break-all" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

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
