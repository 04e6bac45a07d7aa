// The code list from FIS OKO, pasted or from a file, for «Коды». Parsed here (to show what was
// recognised) and written by importCodes.
import { useId, useState } from "react";
import { Button, Caption1, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { Attach20Regular, ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import { describeFinding } from "../../core";
import { parseCodeList } from "../../workbook/importCodes";
import { fileBytes, fileText } from "../download";
import { useStrings } from "../i18n";
import { FilePicker } from "./FilePicker";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalS, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  toggle: { alignSelf: "flex-start", paddingLeft: 0 },
  problems: { color: tokens.colorPaletteRedForeground1, margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface CodesImportProps {
  disabled: boolean;
  onImport: (codes: number[]) => void;
  readXlsx: (bytes: Uint8Array) => Promise<string>;
  onError: (message: string) => void;
}

export function CodesImport({ disabled, onImport, readXlsx, onError }: CodesImportProps) {
  const s = useStrings().steps.codes;
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const panelId = useId();
  const parsed = text.trim() ? parseCodeList(text) : null;
  const errors = parsed?.findings.filter((f) => f.severity === "error") ?? [];

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      setText(/\.xlsx$/i.test(file.name) ? await readXlsx(await fileBytes(file)) : await fileText(file));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <Button
        appearance="transparent"
        className={styles.toggle}
        icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {s.importToggle}
      </Button>
      {open && (
        <div className={styles.panel} id={panelId}>
          <Field label={s.importText} hint={parsed && errors.length === 0 ? s.importParsed(parsed.codes.length) : undefined}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={4} resize="vertical" />
          </Field>
          {errors.length > 0 && (
            <ul className={styles.problems}>
              {errors.slice(0, 5).map((f, i) => (
                <li key={i}>
                  <Caption1>{describeFinding(f)}</Caption1>
                </li>
              ))}
            </ul>
          )}
          <FilePicker label={s.importFile} accept=".txt,.csv,.xlsx,text/plain,text/csv" appearance="subtle" icon={<Attach20Regular />} onFiles={(files) => void pickFile(files[0])} />
          <Button appearance="secondary" disabled={disabled || !parsed || errors.length > 0 || parsed.codes.length === 0} onClick={() => parsed && onImport(parsed.codes)} style={{ alignSelf: "flex-start" }}>
            {s.importButton}
          </Button>
        </div>
      )}
    </>
  );
}
