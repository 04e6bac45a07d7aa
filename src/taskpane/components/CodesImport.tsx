// The code list from FIS OKO, pasted or from a file, for «Коды»: a button that opens the panel.
// The panel (./CodesImportPanel.tsx, with the text box, the file picker and the code list parser)
// is a chunk of its own (./lazyPart.tsx); what was typed or read is kept here, so closing and
// opening the panel loses nothing.
import { useId, useState, type ReactNode } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import type { CodeListRead } from "../../workbook/importCodes";
import { useStrings } from "../i18n";
import type { FileRead } from "./CodesImportPanel";
import { lazyPart } from "./lazyPart";

const useStyles = makeStyles({
  toggle: { alignSelf: "flex-start", paddingLeft: 0, textAlign: "left", maxWidth: "100%" },
});

const Panel = lazyPart(() => import(/* webpackChunkName: "codes-import" */ "./CodesImportPanel").then((m) => m.CodesImportPanel));

export interface CodesImportProps {
  disabled: boolean;
  onImport: (codes: number[]) => void;
  /** Reads an .xlsx code list (the file back end is loaded only then). */
  readXlsx: (bytes: Uint8Array, fileName: string) => Promise<CodeListRead>;
  onError: (message: string) => void;
  /** The progress and result of «Записать на лист «Коды»», shown under that button. */
  feedback?: ReactNode;
}

export function CodesImport({ disabled, onImport, readXlsx, onError, feedback }: CodesImportProps) {
  const s = useStrings().steps.codes;
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [fromFile, setFromFile] = useState<FileRead | null>(null);
  const panelId = useId();
  const onText = (value: string, file: FileRead | null) => {
    setText(value);
    setFromFile(file);
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
      {open && <Panel id={panelId} disabled={disabled} text={text} fromFile={fromFile} onText={onText} onImport={onImport} readXlsx={readXlsx} onError={onError} feedback={feedback} />}
      {!open && feedback}
    </>
  );
}
