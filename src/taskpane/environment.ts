// Where the pane runs: inside Excel (Office.onReady says so) or in a plain browser (web mode).
// taskpane.html loads office.js only where it can matter and never lets a missing network block
// the page; see the comment there.

declare global {
  interface Window {
    /** Set by taskpane.html: true once office.js has loaded, false if it failed or timed out. */
    vprOfficeJs?: Promise<boolean>;
    /** Set by taskpane.html: whether the page looks like an Office task pane (URL, iframe, WebView2). */
    vprInOffice?: boolean;
  }
}

export interface Environment {
  host: "excel" | "web";
  /** Office's display language ("ru-RU"), when known. */
  displayLanguage?: string;
}

const hasOffice = (): boolean => typeof window.Office !== "undefined" && typeof window.Office.onReady === "function";

const after = (ms: number): Promise<null> => new Promise((resolve) => setTimeout(() => resolve(null), ms));

export async function detectEnvironment(timeoutMs = 10_000): Promise<Environment> {
  if (!hasOffice()) {
    // A plain browser tab: web mode at once, whatever office.js does (see lateExcel).
    if (window.vprInOffice === false) return { host: "web" };
    const loaded = await (window.vprOfficeJs ?? Promise.resolve(false));
    if (!loaded || !hasOffice()) return { host: "web" };
  }
  return askOffice(timeoutMs);
}

/**
 * After web mode was chosen because the page did not look like a task pane: if office.js loads
 * anyway and Office says this is Excel (a pane reloaded without its URL parameters), Excel mode.
 */
export async function lateExcel(timeoutMs = 10_000): Promise<Environment | null> {
  const loaded = await (window.vprOfficeJs ?? Promise.resolve(false));
  if (!loaded || !hasOffice()) return null;
  const env = await askOffice(timeoutMs);
  return env.host === "excel" ? env : null;
}

async function askOffice(timeoutMs: number): Promise<Environment> {
  const info = await Promise.race([Office.onReady(), after(timeoutMs)]);
  if (info && String(info.host) === "Excel") {
    let displayLanguage: string | undefined;
    try {
      displayLanguage = Office.context?.displayLanguage;
    } catch {
      displayLanguage = undefined; // not every host exposes it before the first call
    }
    return { host: "excel", displayLanguage };
  }
  return { host: "web" };
}
