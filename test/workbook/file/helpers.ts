import JSZip from "jszip";
import type { CellValue, SheetPlan } from "../../../src/workbook/backend";
import { parseRangeAddress } from "../../../src/core/address";

export async function unzip(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) out[name] = await zip.files[name].async("string");
  }
  return out;
}

/** The sheet part of `name` inside an unzipped package. */
export function sheetPart(parts: Record<string, string>, name: string): string {
  const wb = parts["xl/workbook.xml"];
  const rels = parts["xl/_rels/workbook.xml.rels"];
  const esc = name.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const sheet = new RegExp(`<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`).exec(wb);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rid = /r:id="([^"]+)"/.exec(sheet[0])![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*>`).exec(rels)![0];
  const t = /Target="([^"]+)"/.exec(target)![1].replace(/^\/?(xl\/)?/, "");
  return parts[`xl/${t}`];
}

/** The <c> element at `address` in sheet XML, or null. */
export function cellXml(sheetXml: string, address: string): string | null {
  const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheetXml);
  return m ? m[0] : null;
}

/** What read() must give back for a sheet plan: values with formula results laid over, "" as null, trimmed. */
export function expectedValues(plan: Pick<SheetPlan, "values" | "formulas">): CellValue[][] {
  const grid: CellValue[][] = plan.values.map((r) => r.map((v) => (v === "" ? null : v)));
  const occupied = new Set<string>();
  const put = (r: number, c: number, v: CellValue) => {
    occupied.add(`${r},${c}`);
    while (grid.length <= r) grid.push([]);
    while (grid[r].length <= c) grid[r].push(null);
    grid[r][c] = v;
  };
  for (const b of plan.formulas ?? []) {
    const { row, col } = parseRangeAddress(b.range);
    b.formulas.forEach((fr, i) => fr.forEach((_, j) => put(row + i, col + j, b.results?.[i]?.[j] === "" ? null : (b.results?.[i]?.[j] ?? null))));
  }
  let rows = 0;
  let cols = 0;
  grid.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null || occupied.has(`${i},${j}`)) {
        rows = Math.max(rows, i + 1);
        cols = Math.max(cols, j + 1);
      }
    }),
  );
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => grid[i]?.[j] ?? null));
}
