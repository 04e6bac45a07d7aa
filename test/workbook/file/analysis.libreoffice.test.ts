// The analysis sheets of the sample school as LibreOffice prints them: every chart drawn (its title
// is in the PDF's text, the mark colours in its pixels), the pages A4 and fitted to the width. The
// analysis sheets alone are written into a new package by the same writer (the whole coordinator's
// workbook prints to 120 pages). Needs soffice and poppler-utils; in CI their absence fails.
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { seededRandom } from "../../../src/core";
import { planAnalysis } from "../../../src/workbook/analysis";
import { MARK_COLORS } from "../../../src/workbook/analysis/groupTable";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { buildNewWorkbook } from "../../../src/workbook/file/newWorkbook";
import { makeCodes, makeScoreSheets } from "../../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../../src/workbook/sample";
import { haveSoffice } from "../../corpus/libreoffice";

const poppler = (() => {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const PAGES_AT_MOST = 8;
const describeRender = (haveSoffice() && poppler) || process.env.CI ? describe : describe.skip;

describeRender("analysis sheets printed by LibreOffice", () => {
  let dir: string;
  let text: string[];
  let pageSizes: string[];
  let ppm: Uint8Array[];
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
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "vpr-analysis-"));
    const file = path.join(dir, "analysis.xlsx");
    await fs.writeFile(file, bytes);
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, file], { encoding: "utf8", timeout: 240000 });
    const pdf = path.join(dir, "analysis.pdf");
    await fs.access(pdf).catch(() => {
      throw new Error(`soffice could not print: ${r.stdout}${r.stderr}`);
    });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    text = Array.from({ length: pages }, (_, i) => execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], { encoding: "utf8" }));
    pageSizes = Array.from({ length: pages }, (_, i) => /Page\s+\d+\s+size:\s+([\d.]+ x [\d.]+)/.exec(execFileSync("pdfinfo", ["-f", String(i + 1), "-l", String(i + 1), pdf], { encoding: "utf8" }))![1]);
    execFileSync("pdftoppm", ["-r", "40", pdf, path.join(dir, "page")]);
    ppm = await Promise.all((await fs.readdir(dir)).filter((f) => f.endsWith(".ppm")).sort().map(async (f) => new Uint8Array(await fs.readFile(path.join(dir, f)))));
    if (process.env.VPR_CHART_KEEP) execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(process.env.VPR_CHART_KEEP, "analysis")]);
  }, 300000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test("every chart is drawn: its title is printed", () => {
    expect(chartTitles.length).toBeGreaterThanOrEqual(5);
    const all = text.join("\n").replace(/\s+/g, " ");
    for (const title of chartTitles) expect(all).toContain(title.replace(/\s+/g, " "));
  });

  test("the mark colours are on the pages (bars of the marks by class and the distribution)", () => {
    const count = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (const page of ppm) {
        const header = /^P6\s+\d+\s+\d+\s+\d+\s/.exec(new TextDecoder("latin1").decode(page.subarray(0, 40)))![0].length;
        for (let i = header; i + 2 < page.length; i += 3) if (Math.abs(page[i] - r) < 20 && Math.abs(page[i + 1] - g) < 20 && Math.abs(page[i + 2] - b) < 20) n++;
      }
      return n;
    };
    for (const c of MARK_COLORS) expect(count(c)).toBeGreaterThan(50);
  });

  test("A4 landscape pages, each table's columns on one page width (no page holds only spilled columns)", () => {
    for (const size of pageSizes) expect(size).toMatch(/^841\.\d+ x 595\.\d+$|^842 x 595$/);
    // Fitted to the width: the summary (6 works) and one work's sheet take a few pages; spilled columns would double them.
    expect(pageSizes.length).toBeLessThanOrEqual(PAGES_AT_MOST);
    // The groups' last column («Примечание») is printed on the same page as the first («Класс»).
    for (const page of text.filter((p) => p.includes("Медиана"))) expect(page).toContain("Примечани"); // wrapped in its cell
  });
});
