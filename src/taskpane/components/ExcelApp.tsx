// The pane inside Excel: the guide on the open workbook through the Office.js back end.
import type { WorkbookBackend } from "../../workbook/backend";
import type { PaneOperations } from "../operations";
import { Header } from "./Header";
import { Pane } from "./Pane";

export interface ExcelAppProps {
  backend: WorkbookBackend;
  operations: PaneOperations;
  openWorkbook?: (bytes: Uint8Array) => Promise<void>;
}

export function ExcelApp({ backend, operations, openWorkbook }: ExcelAppProps) {
  return (
    <>
      <Header />
      <main>
        <Pane mode="excel" backend={backend} operations={operations} openWorkbook={openWorkbook} />
      </main>
    </>
  );
}
