// The scan check, pure: a folder with every kind of mistake against the school's listed works.
import type { SampleEntry } from "../../../src/core";
import { checkScans, scanFinding, type ScanEntry } from "../../../src/workbook/recheck/scans";
import type { ListedWork } from "../../../src/workbook/recheck/schoolWorks";

const SCHOOL = "470167";
const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj");

const work = (code: number, variant: number, subject = "Русский язык", status: ListedWork["status"] = "ok", row = code - 5000): ListedWork => {
  const entry: SampleEntry = { school: SCHOOL, workId: subject === "Русский язык" ? "RU4-2026" : "MA4-2023", subject, grade: 4, class: "4А", code, variant };
  return { entry, where: `строка ${row} листа «Выборка» файла «список.xlsx»`, scanName: `${SCHOOL}_${code}_вар.${variant}.pdf`, status, found: null };
};

const works = [work(5001, 1), work(5002, 2), work(5003, 1), work(5004, 2), work(5005, 1), work(5006, 2), work(5007, 1), work(5008, 1), work(5009, 2), work(5010, 1), work(5011, 1, "Русский язык", "absent")];
const pdf = (name: string, head: Uint8Array | undefined = PDF): ScanEntry => ({ name, size: 120_000, isFile: true, head });

const folder: ScanEntry[] = [
  pdf(`${SCHOOL}_5001_вар.1.pdf`), // right
  pdf(`${SCHOOL}_5002_вар.2.PDF`), // right: the extension's case is tolerated
  pdf(`470168_5003_вар.1.pdf`), // wrong school
  pdf(`${SCHOOL}_5004_вар.1.pdf`), // wrong variant (the list says 2)
  pdf(`${SCHOOL}_5005_var.1.pdf`), // misnamed: var
  { name: `${SCHOOL}_5006_вар.2.jpg`, size: 80_000, isFile: true }, // not a PDF by extension
  { name: `${SCHOOL}_5007_вар.1.pdf`, size: 0, isFile: true, head: new Uint8Array() }, // empty
  pdf(`${SCHOOL}_5008_вар.1.pdf`, new TextEncoder().encode("\x89PNG\r\n")), // not a PDF inside
  pdf(`${SCHOOL}_5001_вар1.pdf`), // a second scan of 5001
  pdf(`${SCHOOL}_6000_вар.1.pdf`), // unknown code
  pdf(`${SCHOOL}_5011_вар.1.pdf`), // the student was absent
  pdf("отчёт директору.docx"), // extra
  { name: "старые", size: 0, isFile: false }, // a folder inside
  { name: "Thumbs.db", size: 4096, isFile: true }, // system file: skipped
  { name: ".DS_Store", size: 4096, isFile: true },
  // 5009 and 5010: missing
];

test("every kind of mistake, each once, with the file and what to do", () => {
  const r = checkScans(SCHOOL, works, folder);
  const kinds = r.problems.map((p) => [p.kind, p.file ?? p.expected]);
  expect(kinds).toEqual(
    expect.arrayContaining([
      ["wrong-school", "470168_5003_вар.1.pdf"],
      ["wrong-variant", `${SCHOOL}_5004_вар.1.pdf`],
      ["misnamed", `${SCHOOL}_5005_var.1.pdf`],
      ["not-pdf", `${SCHOOL}_5006_вар.2.jpg`],
      ["empty", `${SCHOOL}_5007_вар.1.pdf`],
      ["not-pdf", `${SCHOOL}_5008_вар.1.pdf`],
      ["duplicate", `${SCHOOL}_5001_вар1.pdf`],
      ["unknown-code", `${SCHOOL}_6000_вар.1.pdf`],
      ["extra", `${SCHOOL}_5011_вар.1.pdf`],
      ["extra", "отчёт директору.docx"],
      ["folder", "старые"],
      ["missing", `${SCHOOL}_5009_вар.2.pdf`],
      ["missing", `${SCHOOL}_5010_вар.1.pdf`],
    ]),
  );
  expect(r.problems).toHaveLength(13);
  expect(r.expected).toBe(10);
  expect(r.ready).toBe(2);
  const message = (file: string) => r.problems.find((p) => p.file === file)!.message;
  expect(message("470168_5003_вар.1.pdf")).toMatch(/^файл «470168_5003_вар\.1\.pdf»: код ОО 470168, а у школы 470167 .*переименуйте в «470167_5003_вар\.1\.pdf»/);
  expect(message(`${SCHOOL}_5004_вар.1.pdf`)).toMatch(/в имени вариант 1, а в списке у кода 5004 — вариант 2 \(строка 4 листа «Выборка» файла «список\.xlsx»\): проверьте вариант на бланке/);
  expect(message(`${SCHOOL}_5004_вар.1.pdf`)).toContain("«470167_5004_вар.2.pdf»");
  expect(message(`${SCHOOL}_5005_var.1.pdf`)).toContain("переименуйте в «470167_5005_вар.1.pdf»");
  expect(message(`${SCHOOL}_5006_вар.2.jpg`)).toMatch(/расширение «\.jpg», а нужен PDF/);
  expect(message(`${SCHOOL}_5007_вар.1.pdf`)).toMatch(/пустой \(0 байт\)/);
  expect(message(`${SCHOOL}_5008_вар.1.pdf`)).toMatch(/нет заголовка %PDF-/);
  expect(message(`${SCHOOL}_5001_вар1.pdf`)).toMatch(/второй скан работы .*первый — «470167_5001_вар\.1\.pdf»/);
  expect(message(`${SCHOOL}_6000_вар.1.pdf`)).toMatch(/работы с кодом 6000 в списке школы нет/);
  const missing = r.problems.find((p) => p.kind === "missing" && p.expected === `${SCHOOL}_5009_вар.2.pdf`)!;
  expect(missing.message).toMatch(/^нет скана «470167_5009_вар\.2\.pdf» \(Русский язык, 4А, код 5009, вариант 2; строка 9 листа «Выборка»/);
  // As findings for the faces' lists: errors, with a recheck.scan-* code.
  expect(scanFinding(missing)).toEqual({ severity: "error", code: "recheck.scan-missing", message: missing.message });
});

test("a misnamed scan of a listed work counts for it: renamed, not also missing", () => {
  const r = checkScans(SCHOOL, [work(5001, 1)], [pdf(`${SCHOOL} - 5001 - ВАР 1.pdf`)]);
  expect(r.problems.map((p) => p.kind)).toEqual(["misnamed"]);
  expect(r.ready).toBe(0);
});

test("a right folder: no problem; bytes not given are not asked for", () => {
  const r = checkScans(SCHOOL, [work(5001, 1), work(5002, 2)], [pdf(`${SCHOOL}_5001_вар.1.pdf`), { name: `${SCHOOL}_5002_вар.2.pdf`, size: 10, isFile: true }]);
  expect(r).toEqual({ problems: [], expected: 2, ready: 2 });
});

test("one code for two subjects: two files of one name cannot be in one folder, the second subject's scan is missing", () => {
  const r = checkScans(SCHOOL, [work(5001, 1), work(5001, 1, "Математика")], [pdf(`${SCHOOL}_5001_вар.1.pdf`)]);
  expect(r.problems.map((p) => p.kind)).toEqual(["missing"]);
  expect(r.problems[0].message).toContain("Математика");
});
