// The charts we write are drawn by another program, not just well-formed: LibreOffice prints the
// sheet to PDF (`soffice --convert-to pdf`), poppler rasterises it (`pdftoppm -r 60`) and the pixels
// of every series colour are counted against the same sheet printed without charts. openpyxl loads
// the file and finds the charts. Needs `soffice`, poppler-utils and python3 with openpyxl; in CI
// (process.env.CI set) their absence is a failure, locally a skip. VPR_PRINT_KEEP=<folder> keeps
// the PDF and PNG pages to look at.
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ChartPlan, SheetPlan } from "../../../src/workbook/backend";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { haveSoffice } from "../../corpus/libreoffice";
import { printWithLibreOffice } from "../../helpers/libreOfficePdf";
import { CHARTS, COLORS, SHEET, chartSheet } from "./charts.fixture";

function runs(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: "ignore", timeout: 60000 });
    return true;
  } catch {
    return false;
  }
}

const poppler = runs("pdftoppm", ["-v"]);
/** The first python that has openpyxl (pyenv's python3 or the system's python3-openpyxl). */
const python = ["python3", "/usr/bin/python3"].find((p) => runs(p, ["-c", "import openpyxl"]));
const available = haveSoffice() && poppler;
if (!available && !process.env.CI) console.log("charts.libreoffice.test.ts: soffice or pdftoppm not found, chart rendering skipped (apt-get install libreoffice-calc-nogui poppler-utils)");
if (!python && !process.env.CI) console.log("charts.libreoffice.test.ts: python3 with openpyxl not found, openpyxl check skipped (apt-get install python3-openpyxl)");
const describeRender = available || process.env.CI ? describe : describe.skip;
const testOpenpyxl = python || process.env.CI ? test : test.skip;

interface Raster {
  width: number;
  height: number;
  /** RGB bytes, row by row. */
  rgb: Uint8Array;
}

/** A binary PPM (P6) as pdftoppm writes it. */
function parsePpm(bytes: Uint8Array): Raster {
  const header = new TextDecoder("latin1").decode(bytes.subarray(0, 64));
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error("not a binary PPM");
  const [width, height] = [Number(m[1]), Number(m[2])];
  return { width, height, rgb: bytes.subarray(m[0].length, m[0].length + width * height * 3) };
}

/** Every page of the workbook printed by LibreOffice, rasterised at 60 dpi (VPR_PRINT_KEEP keeps them). */
async function printed(bytes: Uint8Array, keepAs?: string): Promise<Raster[]> {
  return (await printWithLibreOffice(bytes, { dpi: 60, keepAs })).rasters.map(parsePpm);
}

/** Pixels within `tolerance` (per channel) of a colour "#RRGGBB", over all pages. */
function countColor(pages: Raster[], color: string, tolerance = 24): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  let n = 0;
  for (const { rgb } of pages) {
    for (let i = 0; i < rgb.length; i += 3) {
      if (Math.abs(rgb[i] - r) <= tolerance && Math.abs(rgb[i + 1] - g) <= tolerance && Math.abs(rgb[i + 2] - b) <= tolerance) n++;
    }
  }
  return n;
}

function nonWhite(pages: Raster[]): number {
  let n = 0;
  for (const { rgb } of pages) for (let i = 0; i < rgb.length; i += 3) if (rgb[i] + rgb[i + 1] + rgb[i + 2] < 3 * 240) n++;
  return n;
}

async function workbook(sheet: SheetPlan): Promise<Uint8Array> {
  const b = FileBackend.empty();
  await b.apply({ sheets: [sheet], cellWrites: [] });
  return b.toBytes();
}

describeRender("charts drawn by LibreOffice", () => {
  jest.setTimeout(240000);

  test("soffice and pdftoppm are installed (required in CI)", () => {
    expect(available).toBe(true);
  });

  test("every chart kind shows: the series colours are on the page, and the page holds much more than without charts", async () => {
    const withCharts = await printed(await workbook(chartSheet("create")), "charts");
    const without = await printed(await workbook(chartSheet("create", [])), "no-charts");
    // Text and grid lines only without charts: none of the series colours.
    for (const c of Object.values(COLORS)) expect([c, countColor(without, c)]).toEqual([c, 0]);
    // Bars: solid areas (the «2» bars are few and small, the others larger); the line: a stroke.
    const counts = Object.fromEntries(Object.entries(COLORS).map(([k, c]) => [k, countColor(withCharts, c)]));
    expect(counts.two).toBeGreaterThan(100);
    expect(counts.three).toBeGreaterThan(200);
    expect(counts.four).toBeGreaterThan(200);
    expect(counts.five).toBeGreaterThan(400);
    expect(counts.line).toBeGreaterThan(40);
    // The 2026 line has no colour in the plan: it is drawn in Office's second palette colour.
    expect(countColor(withCharts, "#ED7D31")).toBeGreaterThan(40);
    expect(countColor(without, "#ED7D31")).toBe(0);
    expect(nonWhite(withCharts)).toBeGreaterThan(nonWhite(without) + 5000);
  });

  test("one chart of each kind on its own: each draws, in the plan's colours or, without them, in Office's", async () => {
    const OFFICE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000"];
    for (const chart of CHARTS) {
      const uncoloured: ChartPlan = { ...chart, series: chart.series.map(({ name, values }) => ({ name, values })) };
      for (const c of [chart, uncoloured]) {
        const pages = await printed(await workbook(chartSheet("create", [c])));
        c.series.forEach((s, i) => {
          const color = s.color ?? OFFICE[i];
          expect([c.title, s.name, color, countColor(pages, color) > 40]).toEqual([c.title, s.name, color, true]);
        });
      }
    }
  });

  testOpenpyxl("openpyxl opens the file and finds the four charts with their series", async () => {
    expect(python).toBeDefined();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "vpr-charts-py-"));
    try {
      const file = path.join(dir, "book.xlsx");
      await fs.writeFile(file, await workbook(chartSheet("create")));
      const script = [
        "import json, sys, openpyxl",
        "wb = openpyxl.load_workbook(sys.argv[1])",
        "ws = wb[sys.argv[2]]",
        "print(json.dumps([{'tag': c.tagname, 'series': len(c.series)} for c in ws._charts]))",
      ].join("\n");
      const out = execFileSync(python!, ["-c", script, file, SHEET], { encoding: "utf8", timeout: 60000 });
      expect(JSON.parse(out)).toEqual(CHARTS.map((c) => ({ tag: c.type === "line" ? "lineChart" : "barChart", series: c.series.length })));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

