// Entry point of the task pane. Inside Excel: the Office.js back end on the open workbook.
// Anywhere else: web mode on an .xlsx the user opens (the file back end, loaded only then).
// This file's chunk draws the first screen; the parts a button or a finding brings up come in
// chunks of their own, warmed up once the first screen is drawn and the browser is idle.
import { createRoot } from "react-dom/client";
import { OfficeBackend } from "../workbook/office/OfficeBackend";
import { canOpenWorkbook, openWorkbook } from "../workbook/office/openWorkbook";
import { App } from "./components/App";
import { preloadLazyParts } from "./components/lazyPart";
import { detectEnvironment, lateExcel, type Environment } from "./environment";
import { webFiles, workbookOperations } from "./operations";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const render = (environment: Environment | null) =>
    root.render(
      <App
        environment={environment}
        operations={workbookOperations}
        webFiles={webFiles}
        officeBackend={() => new OfficeBackend()}
        openWorkbook={environment?.host === "excel" && canOpenWorkbook() ? openWorkbook : undefined}
      />,
    );
  render(null);
  void detectEnvironment().then(async (environment) => {
    render(environment);
    whenIdle(() =>
      preloadLazyParts().catch(() => {
        // Only a warm-up: a part whose chunk did not load tries again when drawn, and says so if it fails.
      }),
    );
    if (environment.host === "web") {
      const excel = await lateExcel();
      if (excel) render(excel);
    }
  });
}

function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(work, { timeout: 2000 });
  else window.setTimeout(work, 200);
}
