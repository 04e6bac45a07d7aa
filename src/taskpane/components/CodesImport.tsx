// The code list from FIS OKO, pasted or from a file, for «Коды». A file is read by the one code
// list reader (src/workbook/importCodes.ts, also behind `vpr codes --codes`): its «Код» column,
// whatever else the file holds; the codes then show in the text box to be checked and written by
// importCodes. Pasted text is parsed here (to show what was recognised).
import { useId, useState, type ReactNode } from "react";
import { Button, Caption1, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { Attach20Regular, ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import { columnLetter, describeFinding, type Finding } from "../../core";
import { parseCodeList, readCodeListText, type CodeListRead } from "../../workbook/importCodes";
import { fileBytes, fileText } from "../download";
import { useStrings } from "../i18n";
import { FilePicker } from "./FilePicker";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  toggle: { alignSelf: "flex-start", paddingLeft: 0, textAlign: "left", maxWidth: "100%" },
  problems: { color: tokens.colorPaletteRedForeground1, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  note: { color: tokens.colorNeutralForeground2 },
  write: { alignSelf: "flex-start" },
});

export interface CodesImportProps {
  disabled: boolean;
  onImport: (codes: number[]) => void;
  /** Reads an .xlsx code list (the file back end is loaded only then). */
  readXlsx: (bytes: Uint8Array, fileName: string) => Promise<CodeListRead>;
  onError: (message: string) => void;
  /** The progress and result of «Записать на лист «Коды»», shown under that button. */
  feedback?: ReactNode;
}

/** What the last chosen file gave: where its codes were, or the cells that are not codes. */
type FileRead = { file: string; read: CodeListRead; errors: Finding[] };

export function CodesImport({ disabled, onImport, readXlsx, onError, feedback }: CodesImportProps) {
  const s = useStrings().steps.codes;
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [fromFile, setFromFile] = useState<FileRead | null>(null);
  const panelId = useId();
  const parsed = text.trim() ? parseCodeList(text) : null;
  const errors = parsed?.findings.filter((f) => f.severity === "error") ?? [];

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const read = /\.xlsx$/i.test(file.name) ? await readXlsx(await fileBytes(file), file.name) : readCodeListText(await fileText(file), file.name);
      const bad = read.findings.filter((f) => f.severity === "error");
      setFromFile({ file: file.name, read, errors: bad });
      if (bad.length === 0) setText(read.codes.join("\n"));
    } catch (e) {
      setFromFile(null);
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  const edit = (value: string) => {
    setText(value);
    setFromFile(null);
  };

  const where = (r: CodeListRead) => ({ sheet: r.source.sheet, column: r.source.sheet === null ? String(r.source.column + 1) : columnLetter(r.source.column), header: r.source.header });

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
            <Textarea value={text} onChange={(_, d) => edit(d.value)} rows={4} resize="vertical" />
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
          {fromFile && fromFile.errors.length === 0 && (
            <Caption1 className={styles.note} data-testid="codes-file-note">
              {s.importFrom(fromFile.file, where(fromFile.read), fromFile.read.codes.length, fromFile.read.duplicates)}
            </Caption1>
          )}
          {fromFile && fromFile.errors.length > 0 && (
            <div data-testid="codes-file-problems">
              <Caption1>{s.importFileBad(fromFile.file)}</Caption1>
              <ul className={styles.problems}>
                {fromFile.errors.slice(0, 10).map((f, i) => (
                  <li key={i}>
                    <Caption1>{describeFinding(f)}</Caption1>
                  </li>
                ))}
                {fromFile.errors.length > 10 && (
                  <li>
                    <Caption1>…</Caption1>
                  </li>
                )}
              </ul>
            </div>
          )}
          <Button
            appearance="secondary"
            className={styles.write}
            disabled={disabled || !parsed || errors.length > 0 || parsed.codes.length === 0 || (fromFile !== null && fromFile.errors.length > 0)}
            onClick={() => parsed && onImport(parsed.codes)}
          >
            {s.importButton}
          </Button>
          {feedback}
        </div>
      )}
      {!open && feedback}
    </>
  );
}
