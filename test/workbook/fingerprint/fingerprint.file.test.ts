// «Журнал баллов» on the file back end: the upload records the forms it built; an edit made after
// it is a warning naming sheet, cell, code, item, old → new; the next upload says what changed and
// records a new state; a hand edit of the log is caught.
import type { CellValue } from "../../../src/workbook/backend";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { changesSinceUpload, fingerprintChangeCount, LOG_SHEET, readFingerprint } from "../../../src/workbook/fingerprint";
import { buildUploads, check } from "../../../src/workbook/operations";
import { MATHS_4A, editScore, presentRow, scored } from "../../helpers/fingerprint";

const fingerprintFindings = async (b: FileBackend) => (await check(b)).findings.filter((f) => f.code.startsWith("fingerprint."));
const logRows = async (b: FileBackend): Promise<CellValue[][]> => (await b.read([LOG_SHEET])).sheets[LOG_SHEET]?.values ?? [];

async function uploaded(): Promise<FileBackend> {
  const b = FileBackend.empty();
  await scored(b);
  const first = await buildUploads(b, [], { today: "2026-05-20" });
  expect(first.files).toHaveLength(8);
  expect(first.recorded).toHaveLength(8);
  expect(first.changes).toEqual([]);
  return b;
}

test("the first upload records every row of every form built; nothing has changed since", async () => {
  const b = await uploaded();
  const snapshot = await b.read(null);
  const log = readFingerprint(snapshot);
  expect(log.seal).toEqual({ holds: true });
  const rows = (await check(b)).forms.filter((f) => f.ready);
  expect(log.entries.length).toBe(snapshot.sheetNames.filter((n) => rows.some((f) => f.sheets.includes(n))).reduce((n, s) => n + snapshot.sheets[s].values.length - 1, 0));
  const values = await logRows(b);
  expect(values[0].slice(0, 10)).toEqual(["Загрузка", "Дата", "Лист", "Класс", "Предмет", "Работа", "Код", "Варианты", "Баллы", "Хеш строки"]);
  expect(values[1].slice(0, 7)).toEqual([1, "2026-05-20", expect.any(String), expect.any(String), expect.any(String), expect.any(String), expect.any(Number)]);
  expect(String(values[1][8])).toMatch(/^1=.*; 2=/);
  expect(await fingerprintFindings(b)).toEqual([]);
  expect(changesSinceUpload(snapshot)).toEqual([]);
  expect(fingerprintChangeCount(snapshot)).toBe(0);
  // Uploaded again as it was: nothing new recorded, the workbook unchanged.
  const before = await b.toBytes();
  const again = await buildUploads(b, [], { today: "2026-05-21" });
  expect(again.recorded).toEqual([]);
  expect(again.files).toHaveLength(8);
  expect(await b.toBytes()).toEqual(before);
});

test("no upload recorded: no count, no warning", async () => {
  const b = FileBackend.empty();
  await scored(b);
  expect(fingerprintChangeCount(await b.read(null))).toBeNull();
  expect(await fingerprintFindings(b)).toEqual([]);
});

test("an edit after the upload: a warning with sheet, cell, code, item, old → new; the next upload says so and records a new state", async () => {
  const b = await uploaded();
  const edit = await editScore(b);
  const found = await fingerprintFindings(b);
  expect(found).toEqual([
    {
      sheet: MATHS_4A,
      cell: edit.cell,
      severity: "warning",
      code: "fingerprint.changed",
      message: `после загрузки 20.05.2026 (№ 1) изменён балл: лист «${MATHS_4A}», ячейка ${edit.cell}, код ${edit.code}, задание 1: было ${edit.old}, стало ${edit.now}: если исправление верное, сформируйте форму заново и загрузите её в ФИС ОКО`,
    },
  ]);
  // A warning: the form is still ready, and the warning is told with it.
  const maths4 = (await check(b)).forms.find((f) => f.grade === 4 && f.subject === "Математика")!;
  expect(maths4.ready).toBe(true);
  expect(maths4.notes.map((n) => n.code)).toContain("fingerprint.changed");
  expect(fingerprintChangeCount(await b.read(null))).toBe(1);

  const before = await logRows(b);
  const second = await buildUploads(b, [], { today: "2026-05-21" });
  expect(second.changes).toEqual([expect.objectContaining({ kind: "score", sheet: MATHS_4A, cell: edit.cell, code: edit.code, item: "1", old: edit.old, new: edit.now, upload: { number: 1, date: "2026-05-20" } })]);
  expect(second.recorded).toEqual([{ form: "4|математика", fileName: "780999_4_Математика.xlsx", rows: expect.any(Number) }]);
  const after = await logRows(b);
  // Earlier rows as they were (only the seal in the header row is renewed); the new block appended.
  expect(after.slice(1, before.length)).toEqual(before.slice(1));
  expect(after[0].slice(0, 11)).toEqual(before[0].slice(0, 11));
  expect(after[0][12]).not.toEqual(before[0][12]);
  expect(after.length - before.length).toBe(second.recorded[0].rows);
  expect(after.slice(before.length).every((r) => r[0] === 2 && r[1] === "2026-05-21")).toBe(true);
  const log = readFingerprint(await b.read(null));
  expect(log.seal.holds).toBe(true);
  expect(await fingerprintFindings(b)).toEqual([]);
  expect(fingerprintChangeCount(await b.read(null))).toBe(0);

  // A further edit is compared with the second upload, the other forms still with the first.
  const again = await editScore(b, 1);
  const next = await fingerprintFindings(b);
  expect(next.map((f) => [f.cell, f.message.slice(0, 36)])).toEqual([[again.cell, "после загрузки 21.05.2026 (№ 2) изме"]]);
});

test("a variant changed and a row deleted are warnings of their form", async () => {
  const b = await uploaded();
  const { row, code } = await presentRow(b, 2);
  const width = (await b.read([MATHS_4A])).sheets[MATHS_4A].values[0].length;
  const other = await presentRow(b, 3);
  await b.apply({
    sheets: [],
    cellWrites: [
      { sheet: MATHS_4A, address: `B${other.row + 1}`, value: "отсутствовал" },
      ...Array.from({ length: width }, (_, c) => ({ sheet: MATHS_4A, address: `${String.fromCharCode(65 + c)}${row + 1}`, value: null })),
    ],
  });
  const found = await fingerprintFindings(b);
  const variant = found.find((f) => f.cell === `B${other.row + 1}`)!;
  expect(variant.code).toBe("fingerprint.changed");
  expect(variant.message).toContain(`изменён вариант: лист «${MATHS_4A}», ячейка B${other.row + 1}, код ${other.code}, «Вариант»: было `);
  expect(variant.message).toContain("стало отсутствовал");
  const deleted = found.find((f) => f.code === "fingerprint.row-deleted")!;
  expect(deleted.sheet).toBe(MATHS_4A);
  expect(deleted.message).toContain(`удалена строка: на листе «${MATHS_4A}» нет кода ${code}, а в загруженной форме он был (вариант`);
  expect(deleted.message).toMatch(/запись — 'Журнал баллов'!G\d+/);

  // The whole sheet cleared: every recorded row of it is reported, each in its form.
  const c = FileBackend.empty();
  await scored(c);
  const first = await buildUploads(c, [], { today: "2026-05-20" });
  const values = (await c.read([MATHS_4A])).sheets[MATHS_4A].values;
  await c.apply({ sheets: [], cellWrites: values.flatMap((r, i) => r.map((_, j) => ({ sheet: MATHS_4A, address: `${String.fromCharCode(65 + j)}${i + 1}`, value: null }))) });
  const cleared = (await fingerprintFindings(c)).filter((f) => f.code === "fingerprint.row-deleted");
  expect(cleared).toHaveLength(values.length - 1);
  expect(first.recorded.find((r) => r.form === "4|математика")!.rows).toBeGreaterThan(values.length - 1);
});

test("the log edited by hand: a changed row, and rows cut off the end", async () => {
  const b = await uploaded();
  const values = await logRows(b);
  await b.apply({ sheets: [], cellWrites: [{ sheet: LOG_SHEET, address: "I3", value: String(values[2][8]).replace(/^1=\d/, "1=X") === values[2][8] ? "1=0" : String(values[2][8]).replace(/^1=\S*?;/, "1=X;") }] });
  const edited = await fingerprintFindings(b);
  expect(edited.find((f) => f.code === "fingerprint.log-edited")).toEqual({
    sheet: LOG_SHEET,
    cell: "J3",
    severity: "warning",
    code: "fingerprint.log-edited",
    message: expect.stringMatching(/^журнал баллов изменён вручную: строка 3 листа «Журнал баллов» не совпадает со своим хешем.*удалите лист «Журнал баллов»/),
  });

  const c = await uploaded();
  const rows = await logRows(c);
  const last = rows.length;
  await c.apply({ sheets: [], cellWrites: rows[last - 1].map((_, j) => ({ sheet: LOG_SHEET, address: `${String.fromCharCode(65 + j)}${last}`, value: null })) });
  const cut = (await fingerprintFindings(c)).find((f) => f.code === "fingerprint.log-edited")!;
  expect(cut.cell).toBe("M1");
  expect(cut.message).toContain("печать в M1 листа «Журнал баллов» не сходится");
  expect(readFingerprint(await c.read(null)).seal.holds).toBe(false);
});

test("a user's sheet called «Журнал баллов» is never written: the upload warns and records nothing", async () => {
  const b = FileBackend.empty();
  await scored(b);
  await b.apply({ sheets: [{ name: LOG_SHEET, mode: "create", values: [["мой журнал"]] }], cellWrites: [] });
  const r = await buildUploads(b, [], { today: "2026-05-20" });
  expect(r.files).toHaveLength(8);
  expect(r.recorded).toEqual([]);
  expect(r.findings.find((f) => f.code === "fingerprint.log-not-owned")?.message).toContain("это не журнал баллов надстройки");
  expect((await logRows(b))).toEqual([["мой журнал"]]);
});

test("a class's score sheet gone since the upload: one warning for the class, each row counted", async () => {
  const b = await uploaded();
  const snapshot = await b.read(null);
  const rows = snapshot.sheets[MATHS_4A].values.length - 1;
  // The sheet deleted (a snapshot without it: operations cannot delete sheets).
  const without = { sheetNames: snapshot.sheetNames.filter((n) => n !== MATHS_4A), sheets: Object.fromEntries(Object.entries(snapshot.sheets).filter(([n]) => n !== MATHS_4A)) };
  const changes = changesSinceUpload(without);
  expect(changes).toHaveLength(rows);
  expect(changes.every((c) => c.kind === "deleted" && c.sheetGone && c.sheet === MATHS_4A)).toBe(true);
  expect(fingerprintChangeCount(without)).toBe(rows);
  const { checkWorkbook } = await import("../../../src/workbook/check");
  const gone = checkWorkbook(without).findings.filter((f) => f.code === "fingerprint.sheet-gone");
  expect(gone).toEqual([
    {
      sheet: MATHS_4A,
      cell: "A1",
      severity: "warning",
      code: "fingerprint.sheet-gone",
      message: `после загрузки 20.05.2026 (№ 1) нет листа для баллов класса 4А (Математика): в загрузке был лист «${MATHS_4A}», строк — ${rows}. Верните лист или строку плана; если класс убран верно, сформируйте форму заново и загрузите её в ФИС ОКО`,
    },
  ]);
});
