// The commission's protocol: per work a score sheet's lists and highlights over empty item cells,
// codes and variants as listed, «Проверка» saying «нет баллов» until scored; no hidden sheet, no
// name; read back by header once filled in (and «отсутствовал», a blank row, a bad score said so).
import JSZip from "jszip";
import { findWork, type RecheckSample } from "../../../src/core";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { planCommission } from "../../../src/workbook/recheck/commission";
import { readCommissionProtocol } from "../../../src/workbook/recheck/commissionRead";
import { writeNewWorkbook } from "../../../src/workbook/recheck/recheckFiles";
import { sampleSchool } from "../../../src/workbook/sample";
import { scoreLayout, scoreRules } from "../../../src/workbook/scoreSheet";
import { privacyScan } from "../../helpers/privacyScan";

const entry = (school: string, workId: string, code: number, variant = 1) => ({ school, workId, subject: "", grade: 4, class: "4А", code, variant });
const sample: RecheckSample = {
  seed: 7,
  rule: { percent: 10, min: null, by: "works", weighted: false },
  sample: [entry("780002", "RU4-2026", 40003, 2), entry("780001", "RU4-2026", 40007), entry("780001", "MA4-2023", 40007), entry("780001", "RU4-2026", 40001)],
};

test("a sheet per work: codes and variants sorted by school and code, item cells empty, the score sheet's rules", () => {
  const { workbook, sheets, findings } = planCommission(sample, [], "выборка.json");
  expect(findings).toEqual([]);
  expect(workbook!.sheets.map((s) => s.name)).toEqual(["Инструкция", "Работы", "4 Математика", "4 Русский язык"]);
  expect(sheets.map((s) => [s.name, s.rows, s.schools])).toEqual([
    ["4 Математика", 1, ["780001"]],
    ["4 Русский язык", 3, ["780001", "780002"]],
  ]);
  const ru = workbook!.sheets[3];
  expect(ru.values.map((r) => [r[0], r[1], r[r.length - 1]])).toEqual([
    ["Код", "Вариант", "Школа"],
    [40001, 1, "780001"],
    [40007, 1, "780001"],
    [40003, 2, "780002"],
  ]);
  for (const r of ru.values.slice(1)) expect(r.slice(2, 14)).toEqual(Array(12).fill(null));
  const rules = scoreRules(scoreLayout(findWork("RU4-2026")!), 3);
  expect(ru.validations).toEqual(rules.validations);
  expect(ru.highlights).toEqual(rules.highlights);
  expect(ru.formulas![0].formulas[0][2]).toMatch(/^=IF\(COUNTA\(C2,D2,.*N2\)=0,"нет баллов",IF\(/);
  expect(ru.formulas![0].results).toEqual(Array(3).fill(["", "", "нет баллов"]));
  expect(workbook!.sheets[1].values).toEqual([
    ["Лист", "Работа", "Предмет", "Параллель", "Максимум", "«3» от", "«4» от", "«5» от"],
    ["4 Математика", "MA4-2023", "Математика", 4, 20, 6, 10, 15],
    ["4 Русский язык", "RU4-2026", "Русский язык", 4, 24, 10, 16, 21],
  ]);
});

test("a work neither in the catalogue nor on «Критерии» stops the protocol with the list's name", () => {
  const { workbook, findings } = planCommission({ ...sample, sample: [entry("780001", "XX9-1", 1)] }, [], "выборка.xlsx");
  expect(workbook).toBeNull();
  expect(findings[0].message).toMatch(/^выборка «выборка.xlsx»: работы «XX9-1» нет ни в каталоге, ни на листе «Критерии»/);
});

test("the file: every sheet visible, data validations on the work sheets, no name; read back by header", async () => {
  const bytes = await writeNewWorkbook(planCommission(sample, [], "выборка.json").workbook!);
  const zip = await JSZip.loadAsync(bytes);
  expect(await zip.file("xl/workbook.xml")!.async("string")).not.toMatch(/state="(hidden|veryHidden)"/);
  const names = [...sampleSchool().students, ...sampleSchool().late].map((s) => s.name);
  expect(await privacyScan(bytes, names)).toEqual([]);
  const b = await FileBackend.fromBytes(bytes);
  const validationsIn = async (i: number) => ((await zip.file(`xl/worksheets/sheet${i}.xml`)!.async("string")).match(/<dataValidation /g) ?? []).length;
  expect(await validationsIn(4)).toBe(13); // variant + 12 items of RU4-2026
  // Filled in: one scored, one «отсутствовал», one left as it was, one with a score over the maximum.
  await b.apply({
    sheets: [],
    cellWrites: [
      ...[2, 1, 2, 3, 2, 1, 1, 2, 3, 3, 1, 3].map((v, i) => ({ sheet: "4 Русский язык", address: `${String.fromCharCode(67 + i)}2`, value: v })),
      { sheet: "4 Русский язык", address: "B3", value: "отсутствовал" },
      { sheet: "4 Русский язык", address: "C4", value: 9 },
    ],
  });
  const read = readCommissionProtocol(await b.read(null), "комиссия.xlsx");
  expect(read.findings).toEqual([]);
  expect(read.works.map((w) => [w.workId, w.items.length, w.scale])).toEqual([
    ["MA4-2023", 15, { min3: 6, min4: 10, min5: 15 }],
    ["RU4-2026", 12, { min3: 10, min4: 16, min5: 21 }],
  ]);
  expect(read.rows.filter((r) => r.workId === "RU4-2026").map((r) => [r.school, r.code, r.scores && r.scores.length, r.problem, r.where.cell])).toEqual([
    ["780001", 40001, 12, undefined, "A2"],
    ["780001", 40007, null, "работа отмечена «отсутствовал»", "A3"],
    ["780002", 40003, null, "баллы выставлены не полностью или с ошибкой (см. столбец «Проверка»)", "A4"],
  ]);
  expect(readCommissionProtocol(await (await FileBackend.fromBytes(bytes)).read(null), "x.xlsx").rows.every((r) => r.problem === "баллы не выставлены")).toBe(true);
});
