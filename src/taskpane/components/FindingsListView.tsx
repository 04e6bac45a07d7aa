// The findings list of ./FindingsList.tsx (loaded lazily from there): problems found in the workbook,
// grouped by sheet, each with its cell and Russian message. In Excel a line selects its cell; in
// web mode the list can be copied or saved as .txt.
import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Warning16Filled } from "@fluentui/react-icons";
import { describeFinding, sheetRef, type Finding } from "../../core";
import { useStrings } from "../i18n";

const SHOWN = 300;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS, minWidth: 0, overflowWrap: "anywhere" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  sheet: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "2px" },
  line: {
    display: "grid",
    gridTemplateColumns: "16px auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "start",
    textAlign: "left",
    width: "100%",
    paddingTop: "2px",
    paddingBottom: "2px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  button: {
    backgroundColor: "transparent",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    color: "inherit",
    fontFamily: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  cell: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  error: { color: tokens.colorPaletteRedForeground1, marginTop: "1px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, marginTop: "1px" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface FindingsListProps {
  title: string;
  findings: readonly Finding[];
  /** Excel: go to the cell. */
  onSelect?: (finding: Finding) => void;
  /** Web: copy the list / save it as .txt. */
  onCopy?: (text: string) => void;
  onSave?: (text: string) => void;
}

export const findingsText = (findings: readonly Finding[]): string =>
  findings.map((f) => `${f.severity === "error" ? "Ошибка" : "Предупреждение"}\t${describeFinding(f)}`).join("\n") + "\n";

export function FindingsList({ title, findings, onSelect, onCopy, onSave }: FindingsListProps) {
  const s = useStrings();
  const styles = useStyles();
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  const shown = sorted.slice(0, SHOWN);
  const groups = new Map<string, Finding[]>();
  for (const f of shown) groups.set(f.sheet ?? "", [...(groups.get(f.sheet ?? "") ?? []), f]);
  const text = findingsText(sorted);

  return (
    <section className={styles.root} aria-label={title} data-testid="findings">
      <h4 className={styles.heading}>{title}</h4>
      {findings.length === 0 && <Text size={200}>{s.findingsNone}</Text>}
      {onSelect && findings.length > 0 && <Caption1 className={styles.muted}>{s.findingsSelectHint}</Caption1>}
      {[...groups].map(([sheet, list]) => (
        <div key={sheet} className={styles.group}>
          <h5 className={styles.sheet}>
            {sheet ? `«${sheet}»` : s.findingsGeneral} — {list.length}
          </h5>
          <ul className={styles.list}>
            {list.map((f, i) => {
              const icon = f.severity === "error" ? <ErrorCircle16Filled className={styles.error} /> : <Warning16Filled className={styles.warning} />;
              const content = (
                <>
                  <span role="img" aria-label={s.severity[f.severity]}>
                    {icon}
                  </span>
                  <span className={styles.cell}>{f.cell ?? ""}</span>
                  <span>{f.message}</span>
                </>
              );
              const canSelect = onSelect && f.sheet && f.cell;
              return (
                <li key={i} data-severity={f.severity}>
                  {canSelect ? (
                    <button type="button" className={mergeClasses(styles.line, styles.button)} title={s.goTo(sheetRef(f.sheet!, f.cell!))} onClick={() => onSelect(f)}>
                      {content}
                    </button>
                  ) : (
                    <div className={styles.line}>{content}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {sorted.length > SHOWN && <Caption1>{s.findingsMore(sorted.length - SHOWN)}</Caption1>}
      {findings.length > 0 && (onCopy || onSave) && (
        <div className={styles.actions}>
          {onCopy && (
            <Button size="small" onClick={() => onCopy(text)}>
              {s.findingsCopy}
            </Button>
          )}
          {onSave && (
            <Button size="small" onClick={() => onSave(text)}>
              {s.findingsSave}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
