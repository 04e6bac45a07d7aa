// Teachers' names stay in the workbook: the sample school's flow with «Эксперты» and «План»!Проверял
// filled, then every upload form, its file name and document properties searched for every
// expert's name (full name and surname, case and Ё folded).
import { buildUploads } from "../../src/workbook/operations";
import { EXPERTS_ROWS, EXPERT_NAMES, sampleFlow, typeExperts } from "../helpers/experts";
import { documentProperties, fold, nameTerms, privacyScan, scanFileName } from "../helpers/privacyScan";

test("no upload form carries an expert's name", async () => {
  const b = await sampleFlow(23);
  const checkedBy = { "4А Математика": `${EXPERT_NAMES[0]}, ${EXPERT_NAMES[1]}`, "4Б Математика": "Вишнякова Л.И.", "4А Русский язык": EXPERT_NAMES[3], "8А Математика": "Шаповалов Э.Ю.; Неизвестнова Ольга Олеговна" };
  await typeExperts(b, { experts: EXPERTS_ROWS, checkedBy });
  const { files, findings } = await buildUploads(b);
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  // The names are in the workbook and in the check's warnings: the scan below is not vacuous.
  expect(findings.some((f) => f.code.startsWith("experts.") && f.message.includes(EXPERT_NAMES[0]))).toBe(true);
  expect(files.length).toBeGreaterThan(0);
  const names = [...EXPERT_NAMES, "Неизвестнова Ольга Олеговна"];
  for (const f of files) {
    expect(scanFileName(f.fileName, names)).toEqual([]);
    expect(await privacyScan(f.bytes, names)).toEqual([]);
    const props = await documentProperties(f.bytes);
    for (const value of Object.values(props)) for (const name of names) for (const term of nameTerms(name)) expect(fold(value).includes(term)).toBe(false);
  }
  // And the workbook itself does hold them (the scan finds what is there).
  expect((await privacyScan(await b.toBytes(), [EXPERT_NAMES[0]])).length).toBeGreaterThan(0);
});
