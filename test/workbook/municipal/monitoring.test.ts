// Monitoring (src/workbook/municipal/monitoring.ts) and the expected list (schoolList.ts) on the
// generated municipality of municipalityFixture.ts, whose counts are known in advance.
import type { Snapshot } from "../../../src/workbook/backend";
import { monitoring } from "../../../src/workbook/municipal/monitoring";
import { parseGrades, parseWorks, readSchoolList, schoolCode } from "../../../src/workbook/municipal/schoolList";
import { buildMunicipality, PLAIN_SCHOOLS, SCHOOLS, schoolsSheet } from "./municipalityFixture";

const snapshot = (sheets: Record<string, (string | number | null)[][]>): Snapshot => ({ sheetNames: Object.keys(sheets), sheets: Object.fromEntries(Object.entries(sheets).map(([n, values]) => [n, { values }])) });

describe("the expected list", () => {
  test("«Школы»: 35 schools with name, municipality and grades, no finding", () => {
    const { list, findings } = readSchoolList(snapshot({ Лист1: [["что-то"]], Школы: schoolsSheet() }), "школы.xlsx");
    expect(findings).toEqual([]);
    expect(list!.layout).toBe("ours");
    expect(list!.sheet).toBe("Школы");
    expect(list!.schools).toHaveLength(35);
    expect(list!.schools[0]).toEqual({ school: SCHOOLS.A, name: "Школа № 101", municipality: "г. Алейск", grades: [4], works: null, sheet: "Школы", row: 1 });
  });

  test("the FIS OKO list as it is: logins, «регион» is the municipality, a title row above the header", () => {
    const { list, findings } = readSchoolList(
      snapshot({ Sheet1: [["Список ОО"], ["логин", "имя", "регион"], ["sch220101", "МБОУ СОШ № 1", "г. Алейск"], ["sch22010", "МБОУ СОШ № 2", "г. Алейск"], ["sch220101", "дубль", "г. Алейск"], [null, null, null], ["220102", "МБОУ СОШ № 3", "Алейский район"]] }),
      "oko.xlsx",
    );
    expect(list!.layout).toBe("fis-oko");
    expect(list!.schools.map((s) => [s.school, s.name, s.municipality])).toEqual([
      ["220101", "МБОУ СОШ № 1", "г. Алейск"],
      ["220102", "МБОУ СОШ № 3", "Алейский район"],
    ]);
    expect(findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ["municipal.list-code", "Sheet1", "A4"],
      ["municipal.list-duplicate", "Sheet1", "A5"],
    ]);
    expect(findings[0].message).toContain("sch22010");
    expect(findings[1].message).toContain("строке 3");
  });

  test("grades and works as typed; what is none is named with its cell", () => {
    expect(parseGrades("4, 5; 7–8")).toEqual([4, 5, 7, 8]);
    expect(parseGrades("пятый")).toBeNull();
    expect(parseWorks("Математика 4, Русский язык 4\n5 Окружающий мир; История, 5 класс; Биология")).toEqual({
      works: [
        { subject: "Математика", grade: 4 },
        { subject: "Русский язык", grade: 4 },
        { subject: "Окружающий мир", grade: 5 },
        { subject: "История", grade: 5 },
      ],
      bad: ["Биология"],
    });
    expect(schoolCode(22010)).toBe("022010");
    expect(schoolCode("SCH220101")).toBe("220101");
    expect(schoolCode("школа 1")).toBeNull();
    const { list, findings } = readSchoolList(snapshot({ Школы: [["Код ОО", "Параллели", "Работы"], [220101, "4-", "Математика 4; Биология"]] }), "s.xlsx");
    expect(list!.schools[0]).toMatchObject({ grades: null, works: [{ subject: "Математика", grade: 4 }] });
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ["municipal.list-grades", "B2"],
      ["municipal.list-work", "C2"],
    ]);
  });

  test("no header anywhere: one error, no list", () => {
    const { list, findings } = readSchoolList(snapshot({ Лист1: [["ФИО", "Класс"]] }), "x.xlsx");
    expect(list).toBeNull();
    expect(findings).toMatchObject([{ severity: "error", code: "municipal.list-header" }]);
  });
});

describe("monitoring the generated municipality", () => {
  const { sources, losses } = buildMunicipality();
  const { list } = readSchoolList(snapshot({ Школы: schoolsSheet() }), "школы.xlsx");
  const m = monitoring(sources, losses, list);
  const school = (code: string) => m.schools.find((s) => s.school === code)!;
  const work = (code: string, subject: string) => school(code).works.find((w) => w.subject === subject)!;

  test("every listed school and the one not listed, by municipality then code", () => {
    expect(m.schools).toHaveLength(36);
    expect(m.schools.map((s) => s.municipality)).toEqual([...Array(15).fill("Алейский район"), ...Array(20).fill("г. Алейск"), null]);
    expect(m.schools[35]).toMatchObject({ school: SCHOOLS.U, listed: false, received: 1, missing: 0, works: [{ subject: "Математика", expected: false, status: "received" }] });
  });

  test("a plain school: both works received, 25 participants and 2 absent in mathematics, 20 in Russian", () => {
    expect(school(PLAIN_SCHOOLS[0])).toMatchObject({ listed: true, nothingReceived: false, received: 2, missing: 0, invalid: 0, name: "Школа № 201" });
    expect(work(PLAIN_SCHOOLS[0], "Математика")).toEqual({ subject: "Математика", grade: 4, status: "received", expected: true, files: ["Проведение работы по математике, 4 класс. ВПР 2026.xlsx"], participants: 25, absent: 2, leftOut: 0 });
    expect(work(PLAIN_SCHOOLS[0], "Русский язык")).toMatchObject({ status: "received", participants: 20, absent: 0 });
    // A dirty row is still a participant: monitoring counts who wrote, the statistics what is usable.
    expect(work(PLAIN_SCHOOLS[2], "Математика").participants).toBe(26);
    expect(work(SCHOOLS.B, "Математика")).toMatchObject({ files: [`${SCHOOLS.B}_4_Математика.xlsx`], participants: 32, absent: 2 });
  });

  test("missing, nothing received, invalid", () => {
    expect(school(SCHOOLS.M)).toMatchObject({ nothingReceived: true, received: 0, missing: 2 });
    expect(school(SCHOOLS.M).works.map((w) => [w.subject, w.status])).toEqual([
      ["Математика", "missing"],
      ["Русский язык", "missing"],
    ]);
    expect(school(SCHOOLS.X)).toMatchObject({ received: 1, missing: 1, invalid: 0 });
    expect(work(SCHOOLS.X, "Русский язык")).toMatchObject({ status: "missing", participants: 0, files: [] });
    expect(work(SCHOOLS.I, "Математика")).toMatchObject({ status: "invalid", leftOut: 3, participants: 25, absent: 2 });
    expect(m.findings.map((f) => f.code).sort()).toEqual(["municipal.school-nothing", "municipal.school-unlisted", "municipal.work-missing", "municipal.work-missing", "municipal.work-missing"]);
    expect(m.findings.find((f) => f.code === "municipal.school-nothing")).toMatchObject({ sheet: "Школы", cell: "A6" });
  });

  test("per municipality", () => {
    expect(m.municipalities).toEqual([
      { municipality: "Алейский район", schools: 15, complete: 14, nothingReceived: 0, received: 29, missing: 0, invalid: 1, participants: 15 * 25 + 15 * 20, absent: 30 },
      { municipality: "г. Алейск", schools: 20, complete: 18, nothingReceived: 1, received: 37, missing: 3, invalid: 0, participants: 25 + 32 + 25 + 25 + 15 * 25 + 2 + 18 * 20, absent: 19 * 2 },
      { municipality: null, schools: 1, complete: 1, nothingReceived: 0, received: 1, missing: 0, invalid: 0, participants: 25, absent: 2 },
    ]);
  });

  test("a file no school can be told for, an unreadable form with no work in its name", () => {
    const r = monitoring(sources, [{ file: "export.xlsx", school: null, subject: "Математика", grade: 4, rows: 4 }, { file: "220201.xlsx", school: "220201", subject: null, grade: null, rows: null }], null);
    expect(r.unattributed).toEqual([{ file: "export.xlsx", subject: "Математика", grade: 4, rows: 4 }]);
    // X and U (no list: U is expected the grade's works like anyone) miss their Russian.
    expect(r.findings.map((f) => f.code)).toEqual(["municipal.file-unknown-work", "municipal.work-missing", "municipal.work-missing"]);
    // Without a list: every school that sent something, expected the grade's works it could have sent.
    expect(r.schools).toHaveLength(35);
    expect(r.municipalities.map((x) => x.municipality)).toEqual([null]);
    expect(r.schools.find((s) => s.school === SCHOOLS.X)!.missing).toBe(1);
  });

  test("an unreadable form of a known work makes the work invalid with no count of rows", () => {
    const r = monitoring(sources, [{ file: `${SCHOOLS.M}_4_Математика.xlsx`, school: SCHOOLS.M, subject: "Математика", grade: 4, rows: null }], list);
    expect(r.schools.find((s) => s.school === SCHOOLS.M)!.works.map((w) => [w.subject, w.status, w.leftOut])).toEqual([
      ["Математика", "invalid", null],
      ["Русский язык", "missing", 0],
    ]);
  });
});
