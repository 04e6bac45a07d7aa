// The fingerprint flow on any back end: the sample school scored, uploaded, a score edited after
// the upload. Shared by the file and the Office.js tests of «Журнал баллов».
import { seededRandom } from "../../src/core";
import type { CellValue, WorkbookBackend } from "../../src/workbook/backend";
import { makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";

export const MATHS_4A = "4А Математика";

/** The sample school with codes, score sheets and every score typed. */
export async function scored(b: WorkbookBackend): Promise<void> {
  await b.apply(sampleWorkbookPlan(sampleSchool()));
  await makeCodes(b, { random: seededRandom(1) });
  await makeScoreSheets(b);
  await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) });
}

/** A present student's row on «4А Математика» (0-based) and its item 1 (column C, max 1). */
export async function presentRow(b: WorkbookBackend, skip = 0): Promise<{ row: number; code: number; old: CellValue }> {
  const values = (await b.read([MATHS_4A])).sheets[MATHS_4A].values;
  const rows = values.map((r, i) => ({ r, i })).filter(({ r, i }) => i > 0 && r[1] !== "отсутствовал" && typeof r[0] === "number");
  const { r, i } = rows[skip];
  return { row: i, code: r[0] as number, old: r[2] };
}

/** Item 1 of that row set to another valid score; the values as the log shows them. */
export async function editScore(b: WorkbookBackend, skip = 0): Promise<{ cell: string; code: number; old: string; now: string }> {
  const { row, code, old } = await presentRow(b, skip);
  const next = old === 1 ? 0 : 1;
  await b.apply({ sheets: [], cellWrites: [{ sheet: MATHS_4A, address: `C${row + 1}`, value: next }] });
  const shown = old === null ? "" : typeof old === "string" && /^[XxХх]$/.test(old) ? "X" : String(old);
  return { cell: `C${row + 1}`, code, old: shown, now: String(next) };
}
