// The open panel of ./CodesImport.tsx (loaded lazily from there): the code list pasted or from a
// file. A file is read by the one code list reader (src/workbook/importCodes.ts, also behind
// `vpr codes --codes`): its «Код» column, whatever else the file holds; the codes then show in the
// text box to be checked and written by importCodes. Pasted text is parsed here (to show what was
// recognised). What was typed or read lives in CodesImport, so closing and opening the panel keeps it.
import type { ReactNode } from "react";
import { Button, Caption1, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { Attach20Regular } from "@fluentui/react-icons";
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
  problems: { color: tokens.colorPaletteRedForeground1, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  note: { color: tokens.colorNeutralForeground2 },
  write: { alignSelf: "flex-start" },
});

/** What the last chosen file gave: where its codes were, or the cells that are not codes. */
export type FileRead = { file: string; read: CodeListRead; errors: Finding[] };

export interface CodesImportPanelProps {
  id: string;
  disabled: boolean;
  /** The text box, and what the last chosen file gave (null: typed or pasted). */
  text: string;
  fromFile: FileRead | null;
  onText: (text: string, fromFile: FileRead | null) => void;
  onImport: (codes: number[]) => void;
  /** Reads an .xlsx code list (the file back end is loaded only then). */
  readXlsx: (bytes: Uint8Array, fileName: string) => Promise<CodeListRead>;
  onError: (message: string) => void;
  /** The progress and result of «Записать на лист «Коды»», shown under that button. */
  feedback?: ReactNode;
}

export function CodesImportPanel({ id, disabled, text, fromFile, onText, onImport, readXlsx, onError, feedback }: CodesImportPanelProps) {
  const s = useStrings().steps.codes;
  const styles = useStyles();
  const parsed = text.trim() ? parseCodeList(text) : null;
  const errors = parsed?.findings.filter((f) => f.severity === "error") ?? [];

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const read = /\.xlsx$/i.test(file.name) ? await readXlsx(await fileBytes(file), file.name) : readCodeListText(await fileText(file), file.name);
      const bad = read.findings.filter((f) => f.severity === "error");
      onText(bad.length === 0 ? read.codes.join("\n") : text, { file: file.name, read, errors: bad });
    } catch (e) {
      onText(text, null);
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  const where = (r: CodeListRead) => ({ sheet: r.source.sheet, column: r.source.sheet === null ? String(r.source.column + 1) : columnLetter(r.source.column), header: r.source.header });

  return (
    <div className={styles.panel} id={id}>
      <Field label={s.importText} hint={parsed && errors.length === 0 ? s.importParsed(parsed.codes.length) : undefined}>
        <Textarea value={text} onChange={(_, d) => onText(d.value, null)} rows={4} resize="vertical" />
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
  );
}
