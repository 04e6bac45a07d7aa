// Code lists as another program saves them (ExcelJS standing in for Excel or the FIS OKO export):
// a list with a title, a header row and other columns («№», «Класс»), and a bare column of codes.
import * as ExcelJS from "exceljs";

export type Row = (string | number | null)[];

/** An .xlsx with the given sheets (name → rows from A1; null leaves a cell empty). */
export async function xlsxWith(sheets: Record<string, Row[]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The FIS OKO list as a school gets it: a title, a blank line, «№ | Класс | Код участника», codes as numbers and as text, a blank row. */
export const FIS_OKO_LIST: Row[] = [
  ["Список кодов участников ВПР", null, null],
  [],
  ["№", "Класс", "Код участника"],
  [1, "4А", 40011],
  [2, "4А", "40012"],
  [],
  [3, "4Б", 40013],
  [4, "4Б", 40011],
];

/** The same codes in the first column, no header. */
export const BARE_LIST: Row[] = [[40011], [40012], [null], [40013]];
