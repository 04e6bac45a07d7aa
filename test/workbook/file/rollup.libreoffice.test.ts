// The roll-up workbook «Свод» as LibreOffice prints it: every sheet on A4, the charts drawn (titles
// in the PDF's text, their colours in the pixels), the tables' words there. Built from the hand-made
// municipality by the same planner and writer as `vpr municipal --out`. Needs soffice and
// poppler-utils; in CI their absence fails.
import { MARK_COLORS } from "../../../src/workbook/analysis/groupTable";
import { writeNewWorkbook } from "../../../src/workbook/recheck/recheckFiles";
import { MONITORING_CHART_TITLE, STATUS_COLORS } from "../../../src/workbook/municipal/rollupMonitoring";
import { RANKING_CHART_TITLE, RANKING_COLOR } from "../../../src/workbook/municipal/rollupSigns";
import { MEAN_COLOR, marksChartTitle, meanChartTitle } from "../../../src/workbook/municipal/rollupStatistics";
import { rollupWorkbook } from "../../../src/workbook/municipal/rollupWorkbook";
import { haveSoffice } from "../../corpus/libreoffice";
import { countColor, havePoppler, printWithLibreOffice, type Printed } from "../../helpers/libreOfficePdf";
import { rollupFixture } from "../../helpers/municipalRollup";

const describeRender = (haveSoffice() && havePoppler()) || process.env.CI ? describe : describe.skip;
const flat = (p: Printed): string => p.texts.join("\n").replace(/\s+/g, " ");

describeRender("the roll-up workbook printed by LibreOffice", () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await printWithLibreOffice(await writeNewWorkbook(rollupWorkbook(rollupFixture())), { dpi: 40, keepAs: "municipal-rollup" });
  }, 300000);

  test("every page is A4", () => {
    expect(printed.pages).toBeGreaterThanOrEqual(5);
    for (const s of printed.sizes) expect(s).toContain("A4");
  });

  test("the four charts are drawn: titles printed, bars in their colours", () => {
    const all = flat(printed);
    for (const title of [MONITORING_CHART_TITLE, marksChartTitle({ subject: "Математика", grade: 4 }), meanChartTitle({ subject: "Русский язык", grade: 5 }), RANKING_CHART_TITLE]) expect(all).toContain(title);
    for (const color of [STATUS_COLORS.received, STATUS_COLORS.missing, MARK_COLORS[3], MEAN_COLOR, RANKING_COLOR]) expect(countColor(printed.rasters, color)).toBeGreaterThan(20);
  });

  test("each sheet's words are on paper", () => {
    const all = flat(printed);
    for (const word of ["Мониторинг загрузки результатов", "Муниципалитет", "Статистика по школам и муниципалитету", "Рейтинг школ по признакам", "Общественные наблюдатели", "работает в ОО 111111", "выгрузка ФИС ОКО", "и ещё 13", "«Лист1»!J11: балл 3 больше максимума"]) expect(all).toContain(word);
  });
});
