// Web mode: the same guide on an .xlsx the user opens in the browser (the file back end and the
// changed-on-disk check, loaded only once a file is opened or made);
// "Save" downloads the changed workbook — unless the file on disk was changed in another program
// since it was opened (sourceFile.ts): then nothing is downloaded and the user is asked to open it
// again. Nothing leaves the computer.
import { useCallback, useEffect, useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentAdd20Regular, FolderOpen20Regular, Save20Regular } from "@fluentui/react-icons";
import { XLSX_MIME, downloadBytes, fileBytes } from "../download";
import { errorText, nextPaint } from "../guard";
import { useStrings } from "../i18n";
import type { PaneOperations, WebFiles, WebWorkbook } from "../operations";
import type { OpenedSource } from "../sourceFile";
import { BusyBar, type Busy } from "./BusyBar";
import { FilePicker } from "./FilePicker";
import { Header } from "./Header";
import { Municipal } from "./Municipal";
import { Pane } from "./Pane";

const useStyles = makeStyles({
  start: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM },
  startButtons: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "flex-start" },
  fileBar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fileName: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-all" },
  fileText: { flexBasis: "100%" },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground1 },
  message: { marginTop: tokens.spacingVerticalS },
});

interface OpenFile {
  id: number;
  name: string;
  book: WebWorkbook;
  /** The file on disk it was opened from; null for a new workbook. */
  source: OpenedSource | null;
}

export interface WebAppProps {
  operations: PaneOperations;
  files: WebFiles;
}

/** The check that the file on disk is still what was opened: needed once a file is, with the file back end. */
const sourceFile = () => import(/* webpackChunkName: "file-backend" */ "../sourceFile");

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function WebApp({ operations, files }: WebAppProps) {
  const s = useStrings();
  const styles = useStyles();
  const [file, setFile] = useState<OpenFile | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [paneBusy, setPaneBusy] = useState(false);
  /** The municipal roll-up (many schools' files) in place of the start screen. */
  const [municipal, setMunicipal] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error" | "info"; text: string } | null>(null);
  const attempt = useRef(0);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = s.webLeave;
      return s.webLeave;
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty, s]);

  /** Opening can take seconds for a big file: a progress bar, and cancel drops the result. */
  const load = async (name: string, make: () => Promise<{ book: WebWorkbook; source: OpenedSource | null }>) => {
    const id = ++attempt.current;
    setMessage(null);
    setBusy({
      label: s.busy.open,
      cancel: () => {
        attempt.current++;
        setBusy(null);
        setMessage({ intent: "info", text: s.cancelled });
      },
    });
    try {
      await nextPaint();
      const { book, source } = await make();
      if (id !== attempt.current) return;
      setFile({ id, name, book, source });
      setDirty(false);
      setMessage({ intent: "success", text: s.webOpened(name) });
    } catch (e) {
      if (id === attempt.current) setMessage({ intent: "error", text: s.failed(errorText(e)) });
    }
    if (id === attempt.current) setBusy(null);
  };

  const pick = (f: File | undefined) => {
    if (!f) return;
    void load(f.name, async () => {
      const bytes = await fileBytes(f);
      const source = (await sourceFile()).rememberSource(f, bytes);
      return { book: await files.open(bytes), source };
    });
  };

  const save = async () => {
    if (!file) return;
    setBusy({ label: s.busy.save });
    try {
      await nextPaint();
      if (file.source && (await (await sourceFile()).sourceChanged(file.source))) {
        setMessage({ intent: "error", text: s.webChangedOnDisk(file.name) });
        setBusy(null);
        return;
      }
      downloadBytes(file.name, await file.book.toBytes(), XLSX_MIME);
      setDirty(false);
      setMessage({ intent: "success", text: s.webSaved(file.name) });
    } catch (e) {
      setMessage({ intent: "error", text: s.failed(errorText(e)) });
    }
    setBusy(null);
  };

  const onChanged = useCallback(() => setDirty(true), []);

  const openButton = (appearance: "primary" | "subtle", label: string) => (
    <FilePicker label={label} accept={XLSX_ACCEPT} appearance={appearance} icon={<FolderOpen20Regular />} disabled={busy !== null || paneBusy} showNames={false} testId="open-file" onFiles={(f) => pick(f[0])} />
  );

  return (
    <>
      <Header />
      <main>
        {!file && municipal && <Municipal onClose={() => setMunicipal(false)} />}
        {!file && !municipal && (
          <div className={styles.start}>
            <Text>{s.webIntro}</Text>
            <div className={styles.startButtons}>
              {openButton("primary", s.webOpen)}
              <Button appearance="secondary" icon={<DocumentAdd20Regular />} onClick={() => void load(s.webNewName, async () => ({ book: await files.create(), source: null }))} disabled={busy !== null}>
                {s.webNew}
              </Button>
              <Button appearance="subtle" onClick={() => (setMessage(null), setMunicipal(true))} disabled={busy !== null}>
                {s.webMunicipal}
              </Button>
            </div>
          </div>
        )}
        {file && (
          <div className={styles.fileBar} data-testid="file-bar">
            <Text size={200} className={styles.fileText}>
              {s.webFile} <span className={styles.fileName}>{file.name}</span>
              {dirty && <span className={styles.unsaved}> — {s.webUnsaved}</span>}
            </Text>
            <Button appearance={dirty ? "primary" : "secondary"} icon={<Save20Regular />} onClick={() => void save()} disabled={busy !== null || paneBusy} title={s.webSaveHint(file.name)}>
              {s.webSave}
            </Button>
            {openButton("subtle", s.webOtherFile)}
          </div>
        )}
        {busy && <BusyBar busy={busy} />}
        {message && (
          <MessageBar intent={message.intent} layout="multiline" className={styles.message} data-testid="file-message">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {file && <Pane key={file.id} mode="web" backend={file.book.backend} operations={operations} onChanged={onChanged} onBusyChange={setPaneBusy} />}
      </main>
    </>
  );
}
