// A workbook printed by LibreOffice, as people look at it: `soffice --convert-to pdf` in a private
// profile, then poppler's pdfinfo / pdftotext (text and page sizes per page) and, when asked,
// pdftoppm pages as raw PPM rasters. Shared by the print, chart and analysis tests.
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** poppler-utils (pdfinfo, pdftotext, pdftoppm) on PATH. */
export function havePoppler(): boolean {
  try {
    for (const tool of ["pdfinfo", "pdftotext", "pdftoppm"]) execFileSync(tool, ["-v"], { stdio: "ignore", timeout: 30000 });
    return true;
  } catch {
    return false;
  }
}

export interface Printed {
  /** pdfinfo's page count. */
  pages: number;
  /** Text of each page (pdftotext), in order. */
  texts: string[];
  /** Page size line of each page, e.g. "595.304 x 841.89 pts (A4)". */
  sizes: string[];
  /** Each page rasterised (binary PPM, P6) at `dpi`, when asked. */
  rasters: Uint8Array[];
}

export async function printWithLibreOffice(bytes: Uint8Array, options: { dpi?: number; keepAs?: string } = {}): Promise<Printed> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "vpr-print-"));
  try {
    const file = path.join(dir, "book.xlsx");
    await fs.writeFile(file, bytes);
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--nologo", "--convert-to", "pdf", "--outdir", dir, file], {
      encoding: "utf8",
      timeout: 240000,
      env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "" },
    });
    const pdf = path.join(dir, "book.pdf");
    await fs.access(pdf).catch(() => {
      throw new Error(`soffice could not print book.xlsx to PDF (exit ${r.status}): ${r.stdout}${r.stderr}`);
    });
    const keep = process.env.VPR_PRINT_KEEP;
    if (keep && options.keepAs) {
      await fs.copyFile(pdf, path.join(keep, `${options.keepAs}.pdf`));
      execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(keep, options.keepAs)], { timeout: 60000 });
    }
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    const sizes = [...execFileSync("pdfinfo", ["-f", "1", "-l", String(pages), pdf], { encoding: "utf8" }).matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((m) => m[1].trim());
    const texts = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\f").slice(0, pages);
    let rasters: Uint8Array[] = [];
    if (options.dpi) {
      execFileSync("pdftoppm", ["-r", String(options.dpi), pdf, path.join(dir, "page")], { timeout: 120000 });
      const names = (await fs.readdir(dir)).filter((f) => f.startsWith("page") && f.endsWith(".ppm")).sort();
      rasters = await Promise.all(names.map(async (f) => new Uint8Array(await fs.readFile(path.join(dir, f)))));
    }
    return { pages, texts, sizes, rasters };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Pixels within `tolerance` of "#RRGGBB" over binary PPM pages. */
export function countColor(rasters: readonly Uint8Array[], color: string, tolerance = 20): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  let n = 0;
  for (const page of rasters) {
    const header = /^P6\s+\d+\s+\d+\s+\d+\s/.exec(new TextDecoder("latin1").decode(page.subarray(0, 40)))![0].length;
    for (let i = header; i + 2 < page.length; i += 3) if (Math.abs(page[i] - r) < tolerance && Math.abs(page[i + 1] - g) < tolerance && Math.abs(page[i + 2] - b) < tolerance) n++;
  }
  return n;
}
