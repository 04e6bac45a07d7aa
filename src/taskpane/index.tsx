// Entry point of the task pane. Inside Excel: the Office.js back end on the open workbook.
// Anywhere else: web mode on an .xlsx the user opens (ExcelJS, loaded only then).
import { createRoot } from "react-dom/client";
import { OfficeBackend } from "../workbook/office/OfficeBackend";
import { canOpenWorkbook, openWorkbook } from "../workbook/office/openWorkbook";
import { App } from "./components/App";
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
    if (environment.host === "web") {
      const excel = await lateExcel();
      if (excel) render(excel);
    }
  });
}
