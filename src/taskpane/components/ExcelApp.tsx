// The pane inside Excel: the guide on the open workbook through the Office.js back end.
import { useState } from "react";
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
  const [refreshKey, setRefreshKey] = useState(0);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Header onRefresh={() => setRefreshKey((k) => k + 1)} refreshDisabled={busy} />
      <main>
        <Pane mode="excel" backend={backend} operations={operations} openWorkbook={openWorkbook} refreshKey={refreshKey} onBusyChange={setBusy} />
      </main>
    </>
  );
}
