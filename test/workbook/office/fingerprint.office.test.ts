// «Журнал баллов» through the Office.js back end on the strict fake of Excel: the upload is one
// read and one apply (two syncs), the log reads back as written (texts stay texts), and an edit
// after the upload is a warning with its cell and old → new — as on the file back end.
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { LOG_SHEET, readFingerprint } from "../../../src/workbook/fingerprint";
import { OfficeBackend } from "../../../src/workbook/office/OfficeBackend";
import { buildUploads, check } from "../../../src/workbook/operations";
import { MATHS_4A, editScore, scored } from "../../helpers/fingerprint";
import { createFakeExcel } from "../../fakes/fakeExcel";

test("upload in two syncs; an edit after it is caught with its cell; the second upload says so in two syncs; unchanged, one", async () => {
  const fake = createFakeExcel();
  fake.workbook.addSheet("Лист1");
  const b = new OfficeBackend({ run: fake.run, isSetSupported: () => true });
  await scored(b);
  const syncs = async <T>(op: () => Promise<T>): Promise<{ value: T; syncs: number }> => {
    fake.resetStats();
    const value = await op();
    return { value, syncs: fake.stats.syncs };
  };

  const first = await syncs(() => buildUploads(b, [], { today: "2026-05-20" }));
  expect(first.syncs).toBe(2);
  expect(first.value.recorded).toHaveLength(8);
  const snapshot = await b.read(null);
  const log = readFingerprint(snapshot);
  expect(log.seal).toEqual({ holds: true });
  // Dates, hashes and variants written as texts come back as the same texts (Excel would turn "2026-05-20" into a date).
  expect(snapshot.sheets[LOG_SHEET].values[1][1]).toBe("2026-05-20");
  expect((await check(b)).findings.filter((f) => f.code.startsWith("fingerprint."))).toEqual([]);

  // The same workbook on the file back end records the same log, row for row.
  const file = FileBackend.empty();
  await scored(file);
  await buildUploads(file, [], { today: "2026-05-20" });
  expect((await file.read([LOG_SHEET])).sheets[LOG_SHEET].values).toEqual(snapshot.sheets[LOG_SHEET].values);

  const edit = await editScore(b);
  const found = (await check(b)).findings.filter((f) => f.code.startsWith("fingerprint."));
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ sheet: MATHS_4A, cell: edit.cell, code: "fingerprint.changed" });
  expect(found[0].message).toContain(`ячейка ${edit.cell}, код ${edit.code}, задание 1: было ${edit.old}, стало ${edit.now}`);

  const second = await syncs(() => buildUploads(b, [], { today: "2026-05-21" }));
  expect(second.syncs).toBe(2);
  expect(second.value.changes.map((c) => [c.sheet, c.cell, c.old, c.new])).toEqual([[MATHS_4A, edit.cell, edit.old, edit.now]]);
  expect(second.value.recorded.map((r) => r.form)).toEqual(["4|математика"]);
  expect(readFingerprint(await b.read(null)).seal.holds).toBe(true);
  expect((await check(b)).findings.filter((f) => f.code.startsWith("fingerprint."))).toEqual([]);

  const third = await syncs(() => buildUploads(b, [], { today: "2026-05-22" }));
  expect(third.syncs).toBe(1);
  expect(third.value.recorded).toEqual([]);

  // A hand edit of the log in Excel.
  await b.apply({ sheets: [], cellWrites: [{ sheet: LOG_SHEET, address: "G2", value: 99999 }] });
  expect((await check(b)).findings.find((f) => f.code === "fingerprint.log-edited")?.cell).toBe("J2");
});
