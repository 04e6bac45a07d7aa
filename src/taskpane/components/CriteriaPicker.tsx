// Works from the built-in catalogue to put on «Критерии» when the input sheets are created.
import { Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkDefinition } from "../../core";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, marginBottom: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface CriteriaPickerProps {
  works: readonly WorkDefinition[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

export function CriteriaPicker({ works, selected, onChange }: CriteriaPickerProps) {
  const s = useStrings().steps.sheets;
  const styles = useStyles();
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{s.pick}</legend>
      {works.map((w) => (
        <Checkbox
          key={w.id}
          checked={selected.includes(w.id)}
          onChange={(_, d) => toggle(w.id, d.checked === true)}
          label={`${w.subject}, ${w.grade} кл. — ${w.id}, ${w.year}`}
        />
      ))}
      <Caption1 className={styles.hint}>{s.pickHint}</Caption1>
    </fieldset>
  );
}
