// The school's package on the sample school: the checklist «Перепроверка» (a re-run keeps ticks
// and what the coordinator typed beside them), the protocol — exactly the upload rows of the
// listed codes, no name anywhere — and the list's entries that are not the school's works.
import { seededRandom } from "../../../src/core";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { makeCodes, makeScoreSheets } from "../../../src/workbook/operations";
import { CHECKLIST_HEADER, CHECKLIST_SHEET } from "../../../src/workbook/recheck/checklistSheet";
import { readRecheckList } from "../../../src/workbook/recheck/listFile";
import { PROTOCOL_WORKS_SHEET } from "../../../src/workbook/recheck/protocolFile";
import { sampleWorkbook } from "../../../src/workbook/recheck/sampleFile";
import { buildRecheckPackage, checkRecheckScans } from "../../../src/workbook/recheck/schoolPackage";
import { planUploads } from "../../../src/workbook/upload";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../../src/workbook/sample";
import { buildNewWorkbook } from "../../../src/workbook/file/newWorkbook";
import { documentProperties, fold, nameTerms, privacyScan, scanFileName } from "../../helpers/privacyScan";
import { SCHOOL, listOf, otherSchool, pickWorks, sampleOf, unknownCode } from "../../helpers/recheckSchool";

const school = sampleSchool();

async function scored(): Promise<FileBackend> {
  const b = FileBackend.empty();
  await b.apply(sampleWorkbookPlan(school));
  await makeCodes(b, { random: seededRandom(5) });
  await makeScoreSheets(b);
  await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(6)) });
  return b;
}

test("the checklist, the protocol equal to the upload rows, the entries not ours said with the list's row", async () => {
  const b = await scored();
  const snapshot = await b.read(null);
  const ours = pickWorks(snapshot, [
    { workId: "RU4-2026", className: "4А", n: 3 },
    { workId: "MA5-15", className: "5А", n: 2 },
  ]);
  const entries = [...ours, unknownCode, otherSchool];
  const r = await buildRecheckPackage(b, listOf(entries));
  expect(r.status).toBe("done");
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  // The absent student: no paper, said with the list's element and the sheet's cell.
  const absent = r.findings.find((f) => f.code === "recheck.absent")!;
  expect(absent.message).toMatch(/^элемент 6 списка «список\.json» \(.*код \d+\): на листе участник отмечен как отсутствовавший/);
  expect(absent.sheet).toBeDefined();
  expect(absent.cell).toMatch(/^B\d+$/);
  // The code not on the sheets.
  expect(r.findings.find((f) => f.code === "recheck.not-found")!.message).toMatch(/^элемент 7 списка «список\.json» \(Математика, 4Б, код 49999\): кода 49999 нет на листах «4А Математика», «4Б Математика» — в протокол работа не попадёт/);
  expect(r.works.map((w) => w.status)).toEqual(["ok", "ok", "ok", "ok", "ok", "absent", "notFound"]);

  // The checklist: the five written works and the one not found (its scan is still due), no absent one.
  const sheet = (await b.read([CHECKLIST_SHEET])).sheets[CHECKLIST_SHEET].values;
  expect(sheet[0]).toEqual([...CHECKLIST_HEADER]);
  expect(sheet.slice(1).map((row) => row[5])).toEqual([...ours.slice(0, 5), unknownCode].map((e) => `${SCHOOL}_${e.code}_вар.${e.variant}.pdf`));
  expect(sheet.slice(1).map((row) => row.slice(0, 5))).toEqual([...ours.slice(0, 5), unknownCode].map((e) => [e.class, e.subject, e.workId, e.code, e.variant]));

  // The protocol: one sheet per work, each exactly the upload form's rows of the listed codes.
  expect(r.protocol!.fileName).toBe(`${SCHOOL}_перепроверка_протокол.xlsx`);
  const protocol = await (await FileBackend.fromBytes(r.protocol!.bytes)).read(null);
  expect(protocol.sheetNames).toEqual([PROTOCOL_WORKS_SHEET, "4 Русский язык", "5 Математика"]);
  const uploads = planUploads(snapshot);
  for (const [sheetName, workId] of [["4 Русский язык", "RU4-2026"], ["5 Математика", "MA5-15"]]) {
    const form = uploads.files.find((f) => f.work.id === workId)!;
    const codes = new Set(ours.slice(0, 5).filter((e) => e.workId === workId).map((e) => e.code));
    const expected = [form.header, ...form.rows.filter((row) => codes.has(row[0] as number))];
    expect(protocol.sheets[sheetName].values).toEqual(expected);
  }
  expect(protocol.sheets[PROTOCOL_WORKS_SHEET].values.slice(1).map((row) => row[3])).toEqual(ours.slice(0, 5).map((e) => e.code));
  expect(r.protocol!.rows).toBe(5);

  // No roster name anywhere in the protocol: parts, file name, properties.
  const names = [...school.students, ...school.late].map((s) => s.name);
  expect(scanFileName(r.protocol!.fileName, names)).toEqual([]);
  expect(await privacyScan(r.protocol!.bytes, names)).toEqual([]);
  for (const value of Object.values(await documentProperties(r.protocol!.bytes))) for (const n of names) for (const t of nameTerms(n)) expect(fold(value).includes(t)).toBe(false);
  // The workbook does hold them (the scan is not vacuous).
  expect((await privacyScan(await b.toBytes(), names.slice(0, 1))).length).toBeGreaterThan(0);
});

test("a re-run keeps the ticks and what was typed beside them; new works appended; a work gone from the list stays and is named", async () => {
  const b = await scored();
  const snapshot = await b.read(null);
  const first = pickWorks(snapshot, [{ workId: "RU4-2026", className: "4А", n: 3 }], false);
  expect((await buildRecheckPackage(b, listOf(first))).status).toBe("done");
  // The coordinator ticks rows 2 and 3, writes a note in I2 and sorts nothing.
  await b.apply({ sheets: [], cellWrites: [
    { sheet: CHECKLIST_SHEET, address: "G2", value: "да" },
    { sheet: CHECKLIST_SHEET, address: "H2", value: "да" },
    { sheet: CHECKLIST_SHEET, address: "G3", value: "да" },
    { sheet: CHECKLIST_SHEET, address: "I2", value: "отправлено почтой 12.05" },
  ] });
  // The new list: the first work gone, the other two kept, one more added.
  const more = pickWorks(snapshot, [{ workId: "MA4-2023", className: "4Б", n: 1 }], false);
  const second = [first[1], first[2], ...more];
  const r = await buildRecheckPackage(b, listOf(second));
  expect(r.status).toBe("done");
  expect(r.created).toEqual([]);
  expect(r.merged).toEqual([CHECKLIST_SHEET]);
  const values = (await b.read([CHECKLIST_SHEET])).sheets[CHECKLIST_SHEET].values;
  expect(values.map((row) => [row[3], row[6], row[7], row[8] ?? null])).toEqual([
    ["Код", "Скан готов", "Отправлено", null],
    [first[0].code, "да", "да", "отправлено почтой 12.05"],
    [first[1].code, "да", null, null],
    [first[2].code, null, null, null],
    [more[0].code, null, null, null],
  ]);
  const left = r.findings.find((f) => f.code === "recheck.checklist-left")!;
  expect(left).toMatchObject({ sheet: CHECKLIST_SHEET, cell: "D2", severity: "warning" });
  expect(left.message).toContain(`работы RU4-2026 с кодом ${first[0].code} нет в новом списке: строка 2 оставлена как есть`);
  // The same list again: nothing of ours differs, nothing typed is touched.
  const again = await buildRecheckPackage(b, listOf(second));
  expect(again.merged).toEqual([]);
  expect((await b.read([CHECKLIST_SHEET])).sheets[CHECKLIST_SHEET].values).toEqual(values);
});

test("a user's sheet named «Перепроверка» is never touched; a list without our school, or a workbook without its code, writes nothing", async () => {
  const b = await scored();
  const snapshot = await b.read(null);
  const entries = pickWorks(snapshot, [{ workId: "RU4-2026", className: "4А", n: 1 }], false);
  await b.apply({ sheets: [{ name: "перепроверка", mode: "create", values: [["мои заметки"]] }], cellWrites: [] });
  const mine = await buildRecheckPackage(b, listOf(entries));
  expect(mine.status).toBe("blocked");
  expect(mine.protocol).toBeNull();
  expect(mine.findings[0]).toMatchObject({ sheet: "перепроверка", code: "sheet.not-owned" });
  expect((await b.read(["перепроверка"])).sheets["перепроверка"].values).toEqual([["мои заметки"]]);

  const other = await buildRecheckPackage(b, listOf([otherSchool]));
  expect(other.status).toBe("blocked");
  expect(other.findings[0].message).toBe("в списке «список.json» нет работ школы 780999 (код ОО с листа «Настройки»): все 1 — других школ; проверьте код ОО и файл списка");
});

test("the list as .xlsx: messages name its sheet row; the scan check of the same list", async () => {
  const b = await scored();
  const entries = pickWorks(await b.read(null), [{ workId: "RU4-2026", className: "4Б", n: 2 }], false);
  // A blank row in the list: rows are counted as the sheet has them.
  const plan = sampleWorkbook(sampleOf([otherSchool, ...entries, unknownCode]));
  plan.sheets[0].values.splice(2, 0, [null, null, null, null, null, null, null]);
  const bytes = await buildNewWorkbook(plan);
  const { list, findings } = await readRecheckList("выборка.xlsx", bytes, async (x) => (await FileBackend.fromBytes(x)).read(null));
  expect(findings).toEqual([]);
  expect(list!.where).toEqual([2, 4, 5, 6].map((r) => `строка ${r} листа «Выборка» файла «выборка.xlsx»`));
  const r = await checkRecheckScans(b, list!, [{ name: `${SCHOOL}_${entries[0].code}_вар.${entries[0].variant}.pdf`, size: 100, isFile: true, head: new TextEncoder().encode("%PDF-1.4") }]);
  expect(r.expected).toBe(3);
  expect(r.ready).toBe(1);
  expect(r.problems.map((p) => p.message)).toEqual([
    `нет скана «${SCHOOL}_${entries[1].code}_вар.${entries[1].variant}.pdf» (Русский язык, 4Б, код ${entries[1].code}, вариант ${entries[1].variant}; строка 5 листа «Выборка» файла «выборка.xlsx»): отсканируйте работу целиком, в цвете, в один PDF с этим именем`,
    `нет скана «${SCHOOL}_49999_вар.2.pdf» (Математика, 4Б, код 49999, вариант 2; строка 6 листа «Выборка» файла «выборка.xlsx»): отсканируйте работу целиком, в цвете, в один PDF с этим именем`,
  ]);
});
