// One step of the guide: its state (a tick when finished), title, one-line explanation, what the
// workbook holds now, and the step's button and controls.
import type { ReactNode } from "react";
import { Button, Caption1, Text, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { CheckmarkCircle24Filled, ErrorCircle24Filled } from "@fluentui/react-icons";
import { useStrings } from "../i18n";
import type { StepState } from "../status";

const useStyles = makeStyles({
  item: {
    display: "grid",
    gridTemplateColumns: "28px 1fr",
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  marker: { display: "flex", justifyContent: "center", paddingTop: "2px" },
  number: {
    width: "22px",
    height: "22px",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  numberNext: { ...shorthands.borderColor(tokens.colorBrandStroke1), color: tokens.colorBrandForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  titleRow: { display: "flex", alignItems: "baseline", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  state: { color: tokens.colorNeutralForeground3 },
  stateProblem: { color: tokens.colorPaletteRedForeground1 },
  stateNext: { color: tokens.colorBrandForeground1 },
  explain: { color: tokens.colorNeutralForeground2 },
  count: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

export interface StepAction {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  primary?: boolean;
}

export interface StepItemProps {
  index: number;
  id: string;
  state: StepState;
  title: string;
  explain: string;
  count?: string;
  action?: StepAction;
  /** Controls of the step (forms, pickers), shown before its button. */
  children?: ReactNode;
  /** What the step's last run produced (problems, files), shown after its button. */
  results?: ReactNode;
}

export function StepItem({ index, id, state, title, explain, count, action, children, results }: StepItemProps) {
  const s = useStrings();
  const styles = useStyles();
  const titleId = `step-${id}-title`;
  const marker =
    state === "done" ? (
      <CheckmarkCircle24Filled className={styles.done} aria-hidden />
    ) : state === "problem" ? (
      <ErrorCircle24Filled className={styles.problem} aria-hidden />
    ) : (
      <span className={mergeClasses(styles.number, state === "todo" && styles.numberNext)} aria-hidden>
        {index}
      </span>
    );
  return (
    <li className={styles.item} aria-labelledby={titleId} data-step={id} data-state={state}>
      <div className={styles.marker}>{marker}</div>
      <div className={styles.body}>
        <div className={styles.titleRow}>
          <h3 id={titleId} className={styles.title}>
            {index}. {title}
          </h3>
          <Caption1 className={mergeClasses(styles.state, state === "problem" && styles.stateProblem, state === "todo" && styles.stateNext)}>{s.stepState[state]}</Caption1>
        </div>
        <Text size={200} className={styles.explain}>
          {explain}
        </Text>
        {state !== "waiting" && count && (
          <Text size={300} className={styles.count} data-testid={`count-${id}`}>
            {count}
          </Text>
        )}
        {state !== "waiting" && children}
        {state !== "waiting" && action && (
          <div className={styles.actions}>
            <Button appearance={action.primary ? "primary" : "secondary"} onClick={action.onClick} disabled={action.disabled}>
              {action.label}
            </Button>
          </div>
        )}
        {results}
      </div>
    </li>
  );
}
