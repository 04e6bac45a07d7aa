// The analysis sheets of the sample school as LibreOffice prints them: every chart drawn (its title
// is in the PDF's text, the mark colours in its pixels), the pages A4 and fitted to the width. The
// analysis sheets alone are written into a new package by the same writer (the whole coordinator's
// workbook prints to 120 pages). Needs soffice and poppler-utils; in CI their absence fails.
import { seededRandom } from "../../../src/core";
import { planAnalysis } from "../../../src/workbook/analysis";
import { MARK_COLORS } from "../../../src/workbook/analysis/groupTable";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { buildNewWorkbook } from "../../../src/workbook/file/newWorkbook";
import { makeCodes, makeScoreSheets } from "../../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../../src/workbook/sample";
import { haveSoffice } from "../../corpus/libreoffice";
import { countColor, havePoppler, printWithLibreOffice, type Printed } from "../../helpers/libreOfficePdf";

const poppler = havePoppler();
const PAGES_AT_MOST = 8;
const describeRender = (haveSoffice() && poppler) || process.env.CI ? describe : describe.skip;

describeRender("analysis sheets printed by LibreOffice", () => {
  let printed: Printed;
  let chartTitles: string[];

  beforeAll(async () => {
    const b = FileBackend.empty();
    await b.apply(sampleWorkbookPlan(sampleSchool()));
    await makeCodes(b, { random: seededRandom(1) });
    await makeScoreSheets(b);
    await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) });
    const { plan } = planAnalysis(await b.read(null), { today: "26.11.2026", byName: false });
    const wanted = plan.sheets.filter((s) => s.name === "Анализ" || s.name === "Анализ 4 Русский язык");
    chartTitles = wanted.flatMap((s) => (s.charts ?? []).map((c) => c.title));
    const bytes = await buildNewWorkbook({ sheets: wanted.map(({ mode: _mode, ...s }) => s), properties: { title: "Анализ" } });
    printed = await printWithLibreOffice(bytes, { dpi: 40, keepAs: "analysis" });
  }, 300000);

  test("every chart is drawn: its title is printed", () => {
    expect(chartTitles.length).toBeGreaterThanOrEqual(5);
    const all = printed.texts.join("\n").replace(/\s+/g, " ");
    for (const title of chartTitles) expect(all).toContain(title.replace(/\s+/g, " "));
  });

  test("the mark colours are on the pages (bars of the marks by class and the distribution)", () => {
    for (const c of MARK_COLORS) expect(countColor(printed.rasters, c)).toBeGreaterThan(50);
  });

  test("A4 landscape pages, each table's columns on one page width (no page holds only spilled columns)", () => {
    for (const size of printed.sizes) expect(size).toMatch(/^841\.\d+ x 595\.\d+|^842 x 595/);
    // Fitted to the width: the summary and one work's sheet take a few pages; spilled columns would double them.
    expect(printed.pages).toBeLessThanOrEqual(PAGES_AT_MOST);
    // The groups' last column («Примечание») is printed on the same page as the first («Класс»).
    for (const page of printed.texts.filter((p) => p.includes("Медиана"))) expect(page).toContain("Примечани"); // wrapped in its cell
  });
});
