// The sample school's whole flow (codes, score sheets, scores) with the optional sheet «Эксперты»
// and the column «План»!Проверял added the way a coordinator types them: for the experts tests.
import { seededRandom } from "../../src/core";
import type { CellValue, CellWrite, Snapshot } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";

/** Teachers' names that no sample student has (the privacy scan searches surnames too). */
export const EXPERT_NAMES = ["Гребнева Тамара Аркадьевна", "Шаповалов Эдуард Юрьевич", "Вишнякова Лидия Игнатьевна", "Костромин Аристарх Львович"];

/** «Эксперты» of a school with three teachers of Математика and one of Русский язык. */
export const EXPERTS_ROWS: CellValue[][] = [
  ["ФИО", "Предмет", "Классы", "Стаж, лет"],
  [EXPERT_NAMES[0], "Математика", "4А", 12],
  [EXPERT_NAMES[1], "Математика", "4Б, 5А", 8],
  [EXPERT_NAMES[2], "Математика", "8А", 2],
  [EXPERT_NAMES[3], "Русский язык", "4А, 4Б", 20],
];

/** The sample school with codes, score sheets and scores, on the file back end. */
export async function sampleFlow(seed = 7): Promise<FileBackend> {
  const b = FileBackend.empty();
  await b.apply(sampleWorkbookPlan(sampleSchool()));
  expect((await makeCodes(b, { random: seededRandom(seed) })).status).toBe("done");
  expect((await makeScoreSheets(b)).status).toBe("done");
  await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(seed + 1)) });
  return b;
}

/** «План» row (0-based) of a class and subject of the sample plan. */
export function planRow(snapshot: Snapshot, className: string, subject: string): number {
  const rows = snapshot.sheets["План"].values;
  const r = rows.findIndex((row) => row[0] === className && row[1] === subject);
  if (r < 0) throw new Error(`no plan row ${className} ${subject}`);
  return r;
}

export interface ExpertsEdit {
  /** «Эксперты» as typed, header included; null: no such sheet. */
  experts: CellValue[][] | null;
  /** «4А Математика» → what «Проверял» holds for that plan row. */
  checkedBy: Record<string, CellValue>;
  /** The header typed over the column (default «Проверял»); null: no column. */
  header?: string | null;
  /** The sheet's name as typed (default «Эксперты»). */
  sheetName?: string;
}

const column = 4;

/** The snapshot with «Эксперты» and «План»!E as typed (pure: the snapshot itself is not changed). */
export function withExperts(snapshot: Snapshot, edit: ExpertsEdit): Snapshot {
  const plan = snapshot.sheets["План"].values.map((r) => {
    const row = [...r];
    while (row.length <= column) row.push(null);
    return row;
  });
  if (edit.header !== null) plan[0][column] = edit.header ?? "Проверял";
  for (const [key, value] of Object.entries(edit.checkedBy)) {
    const [cls, ...subject] = key.split(" ");
    plan[planRow(snapshot, cls, subject.join(" "))][column] = value;
  }
  const sheets = { ...snapshot.sheets, ["План"]: { values: plan } };
  const name = edit.sheetName ?? "Эксперты";
  if (!edit.experts) return { sheetNames: snapshot.sheetNames, sheets };
  const width = Math.max(...edit.experts.map((r) => r.length));
  const values = edit.experts.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
  return { sheetNames: [...snapshot.sheetNames, name], sheets: { ...sheets, [name]: { values } } };
}

/** The same edit as a coordinator's typing into a back end: the sheet created, the column's cells written. */
export async function typeExperts(b: FileBackend, edit: ExpertsEdit): Promise<void> {
  const snapshot = await b.read(null);
  const cellWrites: CellWrite[] = [];
  const letter = String.fromCharCode(65 + column);
  if (edit.header !== null) cellWrites.push({ sheet: "План", address: `${letter}1`, value: edit.header ?? "Проверял" });
  for (const [key, value] of Object.entries(edit.checkedBy)) {
    const [cls, ...subject] = key.split(" ");
    cellWrites.push({ sheet: "План", address: `${letter}${planRow(snapshot, cls, subject.join(" ")) + 1}`, value });
  }
  const sheets = edit.experts ? [{ name: edit.sheetName ?? "Эксперты", mode: "create" as const, values: withExperts(snapshot, edit).sheets[edit.sheetName ?? "Эксперты"].values }] : [];
  await b.apply({ sheets, cellWrites });
}
