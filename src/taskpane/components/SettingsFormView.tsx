// The settings form of ./SettingsForm.tsx (loaded lazily from there): school settings (code, name,
// year, the X letter, days to keep works and protocols) written to «Настройки» by saveSettings.
// Narrow panes (320–350 px): every label sits above its input (Field vertical), inputs take the
// whole width, code and year share a row only when both fit, and long texts wrap.
import { useState, type FormEvent } from "react";
import { Button, Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { XLetter } from "../../core";
import { RETENTION_DEFAULT_DAYS, settingsProblems, type SettingsValues } from "../../workbook/settings";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalXS, minWidth: 0, overflowWrap: "anywhere" },
  /** Code and year side by side when the pane is wide enough (≥ about 380 px), one above the other below that. */
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  code: { flexGrow: 2, flexShrink: 1, flexBasis: "180px", minWidth: 0 },
  year: { flexGrow: 1, flexShrink: 1, flexBasis: "120px", minWidth: 0 },
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0, maxWidth: "100%" },
  native: { width: "100%", minWidth: 0 },
  radios: { flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  actions: { display: "flex", flexWrap: "wrap" },
});

export interface SettingsFormProps {
  initial: { school: string; schoolName: string; year: string; xLetter: string; retentionDays?: string };
  disabled: boolean;
  onSave: (values: SettingsValues) => void;
}

export function SettingsForm({ initial, disabled, onSave }: SettingsFormProps) {
  const s = useStrings().steps.settings;
  const styles = useStyles();
  const [school, setSchool] = useState(initial.school);
  const [schoolName, setSchoolName] = useState(initial.schoolName);
  const [year, setYear] = useState(initial.year);
  const [xLetter, setXLetter] = useState<XLetter>(initial.xLetter === "Х" || initial.xLetter === "х" ? "Х" : "X");
  const [retentionDays, setRetentionDays] = useState(initial.retentionDays ?? "");
  const [touched, setTouched] = useState(false);
  const values: SettingsValues = { school, schoolName, year, xLetter, retentionDays };
  const problems = settingsProblems(values);
  const problem = (field: keyof SettingsValues) => (touched ? problems.find((p) => p.field === field)?.message : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problems.length === 0) onSave(values);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={s.title} noValidate>
      <div className={styles.row}>
        <Field orientation="vertical" className={styles.code} label={s.school} validationMessage={problem("school")} validationState={problem("school") ? "error" : "none"} required>
          <Input value={school} onChange={(_, d) => setSchool(d.value)} inputMode="numeric" maxLength={6} autoComplete="off" name="school" className={styles.input} input={{ className: styles.native }} />
        </Field>
        <Field orientation="vertical" className={styles.year} label={s.year} validationMessage={problem("year")} validationState={problem("year") ? "error" : "none"}>
          <Input value={year} onChange={(_, d) => setYear(d.value)} inputMode="numeric" maxLength={4} autoComplete="off" name="year" className={styles.input} input={{ className: styles.native }} />
        </Field>
      </div>
      <Field orientation="vertical" className={styles.field} label={s.schoolName}>
        <Input value={schoolName} onChange={(_, d) => setSchoolName(d.value)} autoComplete="organization" name="schoolName" className={styles.input} input={{ className: styles.native }} />
      </Field>
      <Field orientation="vertical" className={styles.field} label={s.xLetter}>
        <RadioGroup value={xLetter} onChange={(_, d) => setXLetter(d.value as XLetter)} layout="horizontal" name="xLetter" className={styles.radios}>
          <Radio value="X" label={s.xLatin} />
          <Radio value="Х" label={s.xCyrillic} />
        </RadioGroup>
      </Field>
      <Field orientation="vertical" className={styles.field} label={s.retentionDays} hint={s.retentionHint} validationMessage={problem("retentionDays")} validationState={problem("retentionDays") ? "error" : "none"}>
        <Input
          value={retentionDays}
          onChange={(_, d) => setRetentionDays(d.value)}
          inputMode="numeric"
          maxLength={4}
          placeholder={String(RETENTION_DEFAULT_DAYS)}
          autoComplete="off"
          name="retentionDays"
          className={styles.input}
          input={{ className: styles.native }}
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="secondary" disabled={disabled}>
          {s.button}
        </Button>
      </div>
    </form>
  );
}
