// Step «Настройки»: the school's code and name, the year, the letter for «не выполнял», the keeping period.
import { useState } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import { Edit16Regular } from "@fluentui/react-icons";
import type { SettingsValues } from "../../workbook/settings";
import { SettingsForm } from "../components/SettingsForm";
import { StepItem } from "../components/StepItem";
import { useStrings } from "../i18n";
import type { PaneStep, StepContext } from "./paneStep";

const useStyles = makeStyles({
  edit: { alignSelf: "flex-start", paddingLeft: 0, minWidth: 0 },
});

function SettingsStep({ ctx }: { ctx: StepContext }) {
  const s = useStrings();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const { status, state } = ctx;
  const save = (values: SettingsValues) =>
    ctx.run("working", async (b) => {
      const r = await ctx.operations.saveSettings(b, values);
      if (ctx.report(r, s.done.settings(r.cellsWritten))) setEditing(false);
    });
  return (
    <StepItem
      index={ctx.index}
      id={ctx.id}
      state={state}
      title={s.steps.settings.title}
      explain={s.steps.settings.explain}
      count={status.settings.exists ? s.steps.settings.count(status.settings.ok ? status.settings.values.school : "") : undefined}
      results={ctx.after()}
    >
      {status.settings.exists && (state !== "done" || editing) && (
        <SettingsForm
          key={JSON.stringify(status.settings.values)}
          initial={{ ...status.settings.values, retentionDays: status.retention.typed }}
          disabled={ctx.busy}
          onSave={save}
        />
      )}
      {state === "done" && !editing && (
        <Button appearance="transparent" size="small" className={styles.edit} icon={<Edit16Regular />} onClick={() => setEditing(true)}>
          {s.steps.settings.edit}
        </Button>
      )}
    </StepItem>
  );
}

export const settingsStep: PaneStep = {
  id: "settings",
  state: (s) => (!s.settings.exists ? "waiting" : s.settings.ok ? "done" : s.settings.values.school !== "" ? "problem" : "todo"),
  View: SettingsStep,
};
