// The pane's root: Fluent theme, the language (Office's display language unless the user chose),
// and either the Excel pane or the web mode.
import { useCallback, useMemo, useState } from "react";
import { FluentProvider, Spinner, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { WorkbookBackend } from "../../workbook/backend";
import type { Environment } from "../environment";
import { I18nContext } from "../i18n";
import type { PaneOperations, WebFiles } from "../operations";
import { STRINGS, languageFor, type Language } from "../strings";
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
  const language = chosen ?? languageFor(environment?.displayLanguage);
  const setLanguage = useCallback((l: Language) => {
    setChosen(l);
    try {
      window.localStorage.setItem(STORED, l);
    } catch {
      // storage blocked: the choice lasts until the pane is closed
    }
  }, []);
  const i18n = useMemo(() => ({ language, strings: STRINGS[language], setLanguage }), [language, setLanguage]);
  const backend = useMemo(() => (environment?.host === "excel" && officeBackend ? officeBackend() : null), [environment, officeBackend]);

  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={webLightTheme} lang={language} className={styles.root}>
        {!environment && <Spinner className={styles.loading} label={i18n.strings.loading} />}
        {environment && backend && <ExcelApp backend={backend} operations={operations} openWorkbook={openWorkbook} />}
        {environment && !backend && <WebApp operations={operations} files={webFiles} />}
      </FluentProvider>
    </I18nContext.Provider>
  );
}
