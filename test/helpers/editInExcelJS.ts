// A user's edit made in another program: the workbook is saved, opened in ExcelJS (standing in for
// Excel or LibreOffice), changed there, saved again and reopened by our back end.
import * as ExcelJS from "exceljs";
import { FileBackend } from "../../src/workbook/file/FileBackend";

export async function editInExcelJS(b: FileBackend, change: (wb: ExcelJS.Workbook) => void): Promise<FileBackend> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await b.toBytes()).slice().buffer as ArrayBuffer);
  change(wb);
  return FileBackend.fromBytes(new Uint8Array(await wb.xlsx.writeBuffer()));
}
