// A merge into a sheet we made, in Excel: one sync, nothing cleared but our rules in our ranges.
import type { SheetMerge, SheetPlan } from "../../../src/workbook/backend";
import { OfficeBackend } from "../../../src/workbook/office/OfficeBackend";
import { createFakeExcel } from "../../fakes/fakeExcel";

const SHEET: SheetPlan = {
  name: "4А Математика",
  mode: "create",
  values: [
    ["Код", "Вариант", "1 (1б)", "2 (2б)", "Итого"],
    [40001, 1, 1, 0, null],
    [40002, 2, null, null, null],
  ],
  formulas: [{ range: "E2:E3", formulas: [['=IF(COUNTA(C2:D2)=0,"",SUM(C2:D2))']], fillDown: true }],
  validations: [{ range: "C2:D3", list: ["0", "1", "X"] }],
  highlights: [{ range: "C2:D3", formula: "=C2>1", fill: "#F8CBAD" }],
};

const MERGE: SheetMerge = {
  name: SHEET.name,
  cells: [{ row: 3, col: 0, value: 40003 }],
  formulas: [{ range: "E2:E4", formulas: [['=IF(COUNTA(C2:D2)=0,"",SUM(C2:D2))']], fillDown: true }],
  validations: [{ range: "C2:D4", list: ["0", "1", "X"] }],
  highlights: [{ range: "C2:D4", formula: "=C2>1", fill: "#F8CBAD" }],
  styles: [{ range: "A4:E4", italic: true }],
  print: { area: "A1:E4" },
};

test("a late student's row and our rules over it; the user's column, value and rule stay; one sync", async () => {
  const fake = createFakeExcel();
  const backend = new OfficeBackend({ run: fake.run, isSetSupported: () => true });
  await backend.apply({ sheets: [SHEET], cellWrites: [] });
  const ws = fake.workbook.sheet(SHEET.name);
  ws.setValues("F1", [["Комментарий"], ["переписать"]]).setValues("C3", [[1]]).addValidation("F2:F9", { list: { inCellDropDown: true, source: "да,нет" } });
  const before = fake.stats.syncs;
  await backend.apply({ sheets: [], cellWrites: [], merges: [MERGE] });
  expect(fake.stats.syncs - before).toBe(1);
  expect(ws.value("A4")).toBe(40003);
  expect(ws.value("C3")).toBe(1);
  expect(ws.value("F1")).toBe("Комментарий");
  expect(ws.value("F2")).toBe("переписать");
  expect(ws.formula("E4")).toBe('=IF(COUNTA(C4:D4)=0,"",SUM(C4:D4))');
  expect(ws.validationAt("D4")?.rule).toEqual({ list: { inCellDropDown: true, source: "0,1,X" } });
  expect(ws.validationAt("F5")?.rule).toEqual({ list: { inCellDropDown: true, source: "да,нет" } });
  expect(ws.highlightsAt("C4")).toHaveLength(1);
  expect(ws.highlightsAt("C2")).toHaveLength(1);
  expect(ws.formatAt("A4", "font.italic")).toBe(true);
});
