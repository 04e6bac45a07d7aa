// The municipal roll-up in web mode (docs/MUNICIPAL.md «В браузере, без Excel»): the files the
// schools sent and FIS OKO's exports — many files or a whole folder — plus, optionally, the list of
// schools, «Критерии» and the observers; «Составить свод» reads the files one at a time with a
// progress line («Файл n из N: …»), shows a short summary and the files' problems, and downloads
// «Свод» (.xlsx) or its JSON. The same roll-up as `vpr municipal` (../municipalRun.ts). A chunk of
// its own (./Municipal.tsx), with its texts (./municipalStrings.ts); the work itself is one more
// chunk, loaded on the first press.
import { useEffect, useRef, useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeft20Regular, ArrowDownload20Regular, DocumentMultiple20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import type { Finding } from "../../core";
import type { MunicipalRollup, UnusableList } from "../../workbook/municipal/municipalRollup";
import { XLSX_MIME, downloadBytes } from "../download";
import { errorText, nextPaint } from "../guard";
import { useI18n } from "../i18n";
import type { ChosenLists } from "../municipalRun";
import { FilePicker } from "./FilePicker";
import { FindingsList } from "./FindingsList";
import { MunicipalSummary } from "./MunicipalSummary";
import { municipalStrings } from "./municipalStrings";

const run = () => import(/* webpackChunkName: "municipal-run" */ "../municipalRun");

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "flex-start", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  chosen: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, alignSelf: "stretch" },
  progressRow: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  progressText: { wordBreak: "break-all" },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  live: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

type ListKey = keyof ChosenLists;
const LISTS: readonly ListKey[] = ["schools", "criteria", "observers"];
const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Sources {
  files: File[];
  /** The folder chosen (its name), or null for files chosen one by one. */
  folder: string | null;
}

interface Busy {
  /** Files read so far and in all; null before the files (the lists are read) and after (the roll-up is made). */
  done: number | null;
  total: number;
  label: string;
  cancel?: () => void;
}

export interface MunicipalViewProps {
  /** Back to web mode's start screen. */
  onClose: () => void;
}

export function MunicipalView({ onClose }: MunicipalViewProps) {
  const { strings: s, language } = useI18n();
  const t = municipalStrings[language];
  const styles = useStyles();
  const [sources, setSources] = useState<Sources | null>(null);
  const [lists, setLists] = useState<ChosenLists>({});
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<{ intent: "success" | "error" | "info" | "warning"; text: string } | null>(null);
  const [result, setResult] = useState<{ rollup: MunicipalRollup; findings: Finding[] } | null>(null);
  const [unusable, setUnusable] = useState<UnusableList[]>([]);
  const attempt = useRef(0);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  const chooseSources = (files: File[], folder: boolean) => {
    const top = folder ? (files.find((f) => f.webkitRelativePath)?.webkitRelativePath.split("/")[0] ?? null) : null;
    setSources({ files, folder: top });
    setResult(null);
    setMessage(null);
  };
  const chooseList = (key: ListKey, file: File | null) => {
    setLists((l) => ({ ...l, [key]: file }));
    setResult(null);
    setUnusable([]);
  };

  const make = async (chosen: Sources) => {
    const id = ++attempt.current;
    const current = () => id === attempt.current;
    const cancel = () => {
      attempt.current++;
      setBusy(null);
      setMessage({ intent: "info", text: t.cancelled });
    };
    setMessage(null);
    setResult(null);
    setUnusable([]);
    setBusy({ done: null, total: chosen.files.length, label: t.reading, cancel });
    try {
      await nextPaint();
      const { runMunicipal } = await run();
      const r = await runMunicipal(
        chosen.files,
        lists,
        (done, total, name) => current() && setBusy({ done, total, label: t.progress(done, total, name), cancel }),
        () => !current(),
      );
      if (!current()) return;
      if ("unusable" in r) {
        setUnusable(r.unusable);
        setMessage({ intent: "error", text: t.unusableLists });
      } else if (r.ok) {
        const { rollup } = r;
        setResult({ rollup, findings: problemsOf(rollup, r.listFindings) });
        setMessage({ intent: "success", text: t.done(rollup.files.total, rollup.files.read) });
      }
    } catch (e) {
      if (current()) setMessage({ intent: "error", text: s.failed(errorText(e)) });
    }
    if (current()) setBusy(null);
  };

  const download = async (rollup: MunicipalRollup, kind: "xlsx" | "json") => {
    try {
      const m = await run();
      if (kind === "xlsx") downloadBytes(t.fileName, await m.rollupXlsx(rollup.data), XLSX_MIME);
      else downloadBytes(t.jsonName, m.rollupJson(rollup.data), "application/json");
      setMessage({ intent: "success", text: t.downloaded(kind === "xlsx" ? t.fileName : t.jsonName) });
    } catch (e) {
      setMessage({ intent: "error", text: s.failed(errorText(e)) });
    }
  };

  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setMessage({ intent: "success", text: s.findingsCopied }),
      (e: unknown) => setMessage({ intent: "error", text: s.failed(errorText(e)) }),
    );
  const saveText = (text: string) => downloadBytes(t.problemsFile, "\ufeff" + text, "text/plain;charset=utf-8");
  // Said once when the reading starts, not file by file; then the result.
  const live = busy ? t.reading : (message?.text ?? "");
  const disabled = busy !== null;

  return (
    <section className={styles.root} aria-labelledby="municipal-title" data-testid="municipal">
      <div>
        <Button appearance="subtle" icon={<ArrowLeft20Regular />} onClick={onClose} disabled={disabled}>
          {t.back}
        </Button>
      </div>
      <h2 id="municipal-title" className={styles.title} ref={title} tabIndex={-1}>
        {t.title}
      </h2>
      <Text size={200}>{t.intro}</Text>

      <div className={styles.group}>
        <h3 className={styles.heading}>{t.sources}</h3>
        <FilePicker label={t.chooseFiles} accept={XLSX_ACCEPT} multiple appearance={sources ? "secondary" : "primary"} icon={<DocumentMultiple20Regular />} disabled={disabled} showNames={false} testId="municipal-files" onFiles={(f) => chooseSources(f, false)} />
        <FilePicker label={t.chooseFolder} accept="" multiple folder icon={<FolderOpen20Regular />} disabled={disabled} showNames={false} testId="municipal-folder" onFiles={(f) => chooseSources(f, true)} />
        {sources && <Caption1 className={styles.name}>{sources.folder !== null ? t.chosenFolder(sources.folder, sources.files.length) : t.chosenFiles(sources.files.length)}</Caption1>}
      </div>

      <div className={styles.group}>
        <h3 className={styles.heading}>{t.lists}</h3>
        <Caption1 className={styles.muted}>{t.listsHint}</Caption1>
        {LISTS.map((key) => {
          const file = lists[key];
          return file ? (
            <div key={key} className={styles.chosen}>
              <Caption1 className={styles.name}>{t[key].chosen(file.name)}</Caption1>
              <Button size="small" aria-label={t[key].remove} disabled={disabled} onClick={() => chooseList(key, null)}>
                {t.remove}
              </Button>
            </div>
          ) : (
            <FilePicker key={key} label={t[key].choose} accept={XLSX_ACCEPT} disabled={disabled} showNames={false} testId={`municipal-${key}`} onFiles={(f) => chooseList(key, f[0])} />
          );
        })}
      </div>

      <div>
        <Button appearance={sources ? "primary" : "secondary"} disabled={disabled || !sources} onClick={() => sources && void make(sources)}>
          {t.make}
        </Button>
      </div>

      {busy && (
        <div className={styles.progress} data-testid="municipal-progress">
          <ProgressBar aria-label={t.progressLabel} thickness="large" value={busy.done !== null && busy.total > 0 ? busy.done / busy.total : undefined} />
          <div className={styles.progressRow}>
            <Text size={200} className={styles.progressText}>
              {busy.label}
            </Text>
            {busy.cancel && (
              <Button size="small" onClick={busy.cancel}>
                {t.cancel}
              </Button>
            )}
          </div>
        </div>
      )}
      {message && (
        <MessageBar intent={message.intent} layout="multiline" data-testid="municipal-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {unusable.map((u) => (
        <FindingsList key={u.list} title={t[u.list].unusable(u.file)} findings={u.findings} />
      ))}
      {result && (
        <>
          <div className={styles.buttons}>
            <Button appearance="primary" icon={<ArrowDownload20Regular />} onClick={() => void download(result.rollup, "xlsx")}>
              {t.download}
            </Button>
            <Button icon={<ArrowDownload20Regular />} onClick={() => void download(result.rollup, "json")}>
              {t.downloadJson}
            </Button>
          </div>
          <MunicipalSummary rollup={result.rollup} t={t} />
          {result.findings.length > 0 && <FindingsList title={t.problems(result.findings.length)} findings={result.findings} onCopy={(text) => void copy(text)} onSave={saveText} />}
        </>
      )}
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.live} data-testid="municipal-live">
        {live}
      </div>
    </section>
  );
}

/**
 * Everything to fix, for the findings list: the lists' warnings, the monitoring's and the
 * statistics' findings (with their sheet and cell), the observers' conflicts (by row: no names)
 * and each file's problems (their message names the file, the sheet and the cell).
 */
function problemsOf(rollup: MunicipalRollup, listFindings: readonly Finding[]): Finding[] {
  const { data } = rollup;
  return [
    ...listFindings,
    ...rollup.findings,
    ...(data.observers?.flags ?? []).map((f): Finding => ({ severity: "warning", code: f.code, message: f.message })),
    ...data.files.flatMap((f) => f.problems.map((p): Finding => ({ severity: p.severity ?? "warning", code: (p.code ?? "municipal.file") as Finding["code"], message: p.message }))),
  ];
}
