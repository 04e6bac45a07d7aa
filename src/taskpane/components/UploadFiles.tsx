// Every form of the workbook with whether it is ready and why not; and, once built, the upload
// files, each with its rows, to download again or (in Excel) to open. The list of built files
// (./UploadFilesView.tsx) is a chunk of its own (./lazyPart.tsx).
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { UploadForm } from "../../workbook/forms";
import { useStrings } from "../i18n";
import { lazyPart } from "./lazyPart";
import type { UploadFilesProps } from "./UploadFilesView";

export type { UploadFilesProps };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", rowGap: "2px" },
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

export const UploadFiles = lazyPart(() => import(/* webpackChunkName: "upload-files" */ "./UploadFilesView").then((m) => m.UploadFiles));
