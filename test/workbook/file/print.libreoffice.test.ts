// Slips and protocols as they come out of a printer: the sample school's workbook after codes, late
// students and codes again, printed to PDF by LibreOffice (`soffice --convert-to pdf`), pages
// counted by `pdfinfo` and read by `pdftotext`. Every class's slips on one A4 page with all three
// columns, every protocol on one page with all five columns: a column that spilled onto a page of
// its own would show up as an extra page without the class's other columns.
// Needs `soffice` and poppler-utils on PATH. In CI (process.env.CI set) their absence is a failure;
// locally a skip. VPR_PRINT_KEEP=<folder> keeps the PDF and PNG pages to look at.
import { execFileSync } from "node:child_process";
import { seededRandom } from "../../../src/core";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { makeCodes } from "../../../src/workbook/operations";
import { lateStudentWrites, sampleSchool, sampleWorkbookPlan } from "../../../src/workbook/sample";
import { haveSoffice } from "../../corpus/libreoffice";
import { printWithLibreOffice } from "../../helpers/libreOfficePdf";

function havePoppler(): boolean {
  try {
    execFileSync("pdfinfo", ["-v"], { stdio: "ignore", timeout: 30000 });
    execFileSync("pdftotext", ["-v"], { stdio: "ignore", timeout: 30000 });
    return true;
  } catch {
    return false;
  }
}

const available = haveSoffice() && havePoppler();
if (!available && !process.env.CI) {
  console.log("print.libreoffice.test.ts: soffice or pdfinfo not found, print checks skipped (apt-get install libreoffice-calc-nogui poppler-utils)");
}
const describePrint = available || process.env.CI ? describe : describe.skip;

describePrint("slips and protocols printed by LibreOffice", () => {
  jest.setTimeout(240000);

  test("soffice and pdfinfo are installed (required in CI)", () => {
    expect(available).toBe(true);
  });

  test("A4; a page of slips per class, three across; a page per protocol with all five columns", async () => {
    // 4Б reaches 33 students with its late student: a large class, 11 rows of slips, still one page.
    const school = sampleSchool(2026, { "4А": 25, "4Б": 32, "5А": 26, "6А": 22, "8А": 20 });
    const b = FileBackend.empty();
    await b.apply(sampleWorkbookPlan(school));
    expect((await makeCodes(b, { random: seededRandom(1) })).status).toBe("done");
    await b.apply({ sheets: [], cellWrites: lateStudentWrites(await b.read(null), school) });
    expect((await makeCodes(b, { random: seededRandom(2) })).assigned).toBe(2);

    const roster = (await b.read(["Ученики"])).sheets["Ученики"].values.slice(1);
    const classes = [...new Set(roster.map((r) => r[0] as string))];
    const inClass = (cls: string) => roster.filter((r) => r[0] === cls);
    expect(inClass("4Б")).toHaveLength(33);

    const printed = await printWithLibreOffice(await b.toBytes(), { keepAs: "slips-and-protocols" });
    expect(printed.texts).toHaveLength(printed.pages);
    expect(printed.sizes).toHaveLength(printed.pages);
    const pages = printed.texts.map((text, i) => ({ text, size: printed.sizes[i] }));

    // Slips: one page per class, each holding every slip of that class and no other's.
    const slipPages = pages.filter((p) => p.text.includes("по протоколу"));
    expect(slipPages.map((p) => [...new Set([...p.text.matchAll(/(\d{1,2}[А-ЯЁ]), № \d+ по протоколу/g)].map((m) => m[1]))])).toEqual(classes.map((c) => [c]));
    slipPages.forEach((p, i) => {
      const numbers = [...p.text.matchAll(/№ (\d+) по протоколу/g)].map((m) => Number(m[1])).sort((x, y) => x - y);
      expect(numbers).toEqual(inClass(classes[i]).map((_, k) => k + 1));
      const codes = [...p.text.matchAll(/Код участника: (\d+)/g)].map((m) => Number(m[1])).sort();
      expect(codes).toEqual(inClass(classes[i]).map((r) => r[3] as number).sort());
      expect(p.size).toMatch(/^595(\.\d+)? x 841(\.\d+)? pts \(A4\)$/);
    });

    // Protocols: one page each, the whole header and every student's name and code on it.
    const protocolPages = pages.filter((p) => p.text.includes("Протокол соответствия кодов и ФИО"));
    expect(protocolPages.map((p) => /класс (\S+)/.exec(p.text)![1])).toEqual(classes);
    protocolPages.forEach((p, i) => {
      for (const h of ["№", "ФИО", "Код", "Присутствовал", "Подпись"]) expect(p.text).toContain(h);
      for (const r of inClass(classes[i])) {
        expect(p.text).toContain(String(r[1]));
        expect(p.text).toContain(String(r[3]));
      }
      expect(p.size).toMatch(/\(A4\)$/);
    });
  });
});
