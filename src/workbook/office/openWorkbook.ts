// Opens bytes of an .xlsx as a new workbook window in Excel (ExcelApi 1.8: Excel.createWorkbook).
// Used by the task pane to offer a built upload form without a download.

/** True when this Excel can open a workbook from bytes. */
export function canOpenWorkbook(): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.8") === true && typeof Excel !== "undefined" && typeof Excel.createWorkbook === "function";
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** Opens the file in a new Excel window. */
export async function openWorkbook(bytes: Uint8Array): Promise<void> {
  await Excel.createWorkbook(base64(bytes));
}
