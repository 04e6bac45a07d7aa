// The discrepancy report as LibreOffice prints it: both charts drawn (titles in the PDF's text,
// their bar colours in the pixels). The report is built from a small hand-made comparison by the
// same planner and writer as `vpr recheck report --out`. Needs soffice and poppler-utils; in CI
// their absence fails.
import { discrepancies, type RecheckWork, type ScoredWork } from "../../../src/core";
import { writeNewWorkbook } from "../../../src/workbook/recheck/recheckFiles";
import { CHANGE_COLOR, DISTRIBUTION_TITLE, SHARE_COLOR, SHARE_TITLE, reportWorkbook } from "../../../src/workbook/recheck/reportWorkbook";
import { haveSoffice } from "../../corpus/libreoffice";
import { countColor, havePoppler, printWithLibreOffice, type Printed } from "../../helpers/libreOfficePdf";

const poppler = havePoppler();
const describeRender = (haveSoffice() && poppler) || process.env.CI ? describe : describe.skip;

const work: RecheckWork = { workId: "W4", subject: "Предмет", grade: 4, items: ["1", "2", "3", "4"].map((label) => ({ label, max: 3, part: 1 as const })), scale: { min3: 3, min4: 6, min5: 9 } };
const side = (file: string, cls: string | null, rows: number[][]): ScoredWork[] => rows.map((scores, i) => ({ school: "111111", workId: "W4", class: cls ?? (i % 2 ? "4А" : "4Б"), code: i + 1, scores, where: { file, sheet: "Лист", cell: `A${i + 2}` } }));
const original = side("o.xlsx", null, [[1, 2, 3, 0], [3, 3, 3, 3], [0, 0, 1, 1], [2, 2, 2, 2], [1, 1, 1, 1], [3, 0, 3, 0]]);
const recheck = side("r.xlsx", null, [[1, 1, 3, 0], [3, 3, 2, 1], [1, 0, 1, 1], [2, 2, 2, 2], [0, 0, 1, 1], [3, 0, 3, 3]]);

describeRender("the discrepancy report printed by LibreOffice", () => {
  let printed: Printed;
  beforeAll(async () => {
    const report = discrepancies([work], original, recheck);
    printed = await printWithLibreOffice(await writeNewWorkbook(reportWorkbook(report)), { dpi: 40, keepAs: "recheck-report" });
  }, 300000);

  test("both charts are drawn: titles printed, bars in their colours", () => {
    const all = printed.texts.join("\n").replace(/\s+/g, " ");
    expect(all).toContain(DISTRIBUTION_TITLE);
    expect(all).toContain(SHARE_TITLE);
    expect(countColor(printed.rasters, CHANGE_COLOR)).toBeGreaterThan(50);
    expect(countColor(printed.rasters, SHARE_COLOR)).toBeGreaterThan(50);
  });

  test("the works whose mark changed are on the works sheet", () => {
    expect(printed.texts.join("\n")).toMatch(/Отметка\s+изменилась/);
  });
});
