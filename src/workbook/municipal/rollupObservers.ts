// «Наблюдатели» of the roll-up: the coordinator's list as read (names shown: this workbook is the
// municipality's own), each conflict beside its row and filled, and what could not be read beside
// its row too (sheet-wide problems above the table). JSON and the console name rows only
// (observers.ts).
import { describeFinding, parseCellAddress } from "../../core";
import type { SheetPlan } from "../backend";
import { LOW_FILL, SheetBuilder } from "../analysis/sheetBuilder";
import type { RollupData } from "./rollupData";
import { fitRows } from "../analysis/rowHeight";

export const OBSERVERS_ROLLUP_SHEET = "Наблюдатели";

const WIDTHS = [8, 28, 22, 24, 14, 24, 50];
const cellRow = (cell: string): number => parseCellAddress(cell).row + 1;
const print = { landscape: true, fitToWidth: true, header: OBSERVERS_ROLLUP_SHEET };

export function observersSheet(data: RollupData): Omit<SheetPlan, "mode"> {
  const b = new SheetBuilder();
  b.title("Общественные наблюдатели: проверка назначений");
  const o = data.observers;
  if (!o) {
    b.note("Список наблюдателей не задан (--observers ФАЙЛ с листом «Наблюдатели»): назначения не проверялись.");
    return b.build(OBSERVERS_ROLLUP_SHEET, [60], { print });
  }
  b.note(
    `Из файла «${o.list.file}», лист «${o.list.sheet}». Наблюдателем не может быть работник ОО, в которую он назначен, или родитель её участника; проверяется по школе (класс и дата работы не сверяются). Лист содержит ФИО — только для муниципалитета.`,
  );
  b.add([`Наблюдателей: ${o.list.observers.length}; назначений с конфликтом: ${o.flags.length}.`], { bold: true });
  const observerRows = new Set(o.list.observers.map((x) => x.row));
  for (const f of o.list.findings.filter((f) => !f.cell || !observerRows.has(cellRow(f.cell)))) b.add([describeFinding(f)], { italic: true });
  b.blank();

  b.header(["Строка", "ФИО", "Место работы", "Дети", "Назначен в", "Конфликт", "Замечания"]);
  const conflicts = new Map<number, string[]>();
  for (const f of o.flags) {
    const what = f.code === "municipal.observer-works-there" ? `работает в ОО ${f.school}` : `ребёнок${f.class ? ` (${f.class})` : ""} учится в ОО ${f.school}`;
    conflicts.set(f.row, [...(conflicts.get(f.row) ?? []), what]);
  }
  const notes = (row: number): string | null => {
    const list = o.list.findings.filter((f) => f.cell && cellRow(f.cell) === row).map((f) => `${f.cell}: ${f.message.replace(/^.*?ячейка [A-Z]+\d+: /, "")}`);
    return list.length > 0 ? list.join("\n") : null;
  };
  const rows = o.list.observers.map((x) => [x.row, x.name || null, x.workplaceText || null, x.childrenText || null, x.assignedText || null, conflicts.get(x.row)?.join("; ") ?? null, notes(x.row)]);
  const start = b.rows(rows);
  fitRows(b, start, rows, WIDTHS, [1, 2, 3, 4, 5, 6]);
  b.style(start, 1, o.list.observers.length, 6, { wrap: true, vertical: "top" });
  o.list.observers.forEach((x, i) => {
    if (conflicts.has(x.row)) b.style(start + i, 5, 1, 1, { fill: LOW_FILL, bold: true });
  });
  return b.build(OBSERVERS_ROLLUP_SHEET, WIDTHS, { print });
}
