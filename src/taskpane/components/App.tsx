// The pane's root: Fluent theme, the language (Office's display language unless the user chose),
// and either the Excel pane or the web mode.
// The English table is loaded when English is first wanted: until then the pane shows the loading
// spinner (before the first screen) or stays in the language it is in (a switch), so the guide
// is never drawn again and the workbook never read again for a language.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FluentProvider, Spinner, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { WorkbookBackend } from "../../workbook/backend";
import type { Environment } from "../environment";
import { I18nContext } from "../i18n";
import type { PaneOperations, WebFiles } from "../operations";
import { languageFor, loadStrings, ru, type Language, type Strings } from "../strings";
import { ExcelApp } from "./ExcelApp";
import { WebApp } from "./WebApp";

const useStyles = makeStyles({
  // Long sheet names, file names and messages wrap anywhere: nothing may widen a pane of 320 px.
  root: { minHeight: "100vh", boxSizing: "border-box", padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`, maxWidth: "640px", overflowWrap: "anywhere" },
  loading: { paddingTop: tokens.spacingVerticalXXL },
});

const STORED = "vpr-coordinator.language";

function storedLanguage(): Language | null {
  try {
    const v = window.localStorage.getItem(STORED);
    return v === "ru" || v === "en" ? v : null;
  } catch {
    return null; // storage blocked (private mode, sandboxed iframe): no stored choice
  }
}

export interface AppProps {
  /** null while the host is being detected. */
  environment: Environment | null;
  operations: PaneOperations;
  webFiles: WebFiles;
  /** Excel mode: the Office.js back end. */
  officeBackend?: () => WorkbookBackend;
  openWorkbook?: (bytes: Uint8Array) => Promise<void>;
}

export function App({ environment, operations, webFiles, officeBackend, openWorkbook }: AppProps) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<Language | null>(storedLanguage);
  const wanted = chosen ?? languageFor(environment?.displayLanguage);
  /** The tables loaded so far; null: its chunk could not be loaded (offline, or the add-in was updated meanwhile). */
  const [tables, setTables] = useState<Partial<Record<Language, Strings | null>>>({ ru });
  useEffect(() => {
    if (tables[wanted] !== undefined) return;
    let current = true;
    loadStrings(wanted).then(
      (table) => current && setTables((t) => ({ ...t, [wanted]: table })),
      () => current && setTables((t) => ({ ...t, [wanted]: null })),
    );
    return () => {
      current = false;
    };
  }, [wanted, tables]);
  /** The language the pane was last drawn in; null before the first screen (only the spinner is drawn). */
  const drawn = useRef<Language | null>(null);
  // A table that cannot be loaded leaves the pane in Russian.
  const language: Language | null = tables[wanted] === undefined ? drawn.current : tables[wanted] ? wanted : "ru";
  if (environment && language) drawn.current = language;
  const setLanguage = useCallback((l: Language) => {
    setChosen(l);
    try {
      window.localStorage.setItem(STORED, l);
    } catch {
      // storage blocked: the choice lasts until the pane is closed
    }
  }, []);
  const i18n = useMemo(() => ({ language: language ?? "ru", strings: (language && tables[language]) || ru, setLanguage }), [language, tables, setLanguage]);
  const backend = useMemo(() => (environment?.host === "excel" && officeBackend ? officeBackend() : null), [environment, officeBackend]);

  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={webLightTheme} lang={i18n.language} className={styles.root}>
        {(!environment || !language) && <Spinner className={styles.loading} label={i18n.strings.loading} />}
        {environment && language && backend && <ExcelApp backend={backend} operations={operations} openWorkbook={openWorkbook} />}
        {environment && language && !backend && <WebApp operations={operations} files={webFiles} />}
      </FluentProvider>
    </I18nContext.Provider>
  );
}
