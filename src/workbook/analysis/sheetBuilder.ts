// A small builder for the analysis sheets: rows appended top to bottom, with the styles and charts
// that go with them, so each sheet module says what it shows, not where each cell lands.
import { cellAddress, rangeAddress } from "../../core";
import type { CellStyle, CellValue, ChartPlan, SheetPlan } from "../backend";
import { HEADER_FILL } from "../contract";

/** Rows a chart takes below its table. */
export const CHART_ROWS = 16;
/** Columns a chart spans. */
export const CHART_COLS = 9;
/** Fill of a figure worth a look (an item below its threshold). */
export const LOW_FILL = "#FCE4D6";

export class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly charts: ChartPlan[] = [];

  /** 0-based index of the next row. */
  get row(): number {
    return this.values.length;
  }

  add(cells: CellValue[], style?: Omit<CellStyle, "range">): number {
    const r = this.values.length;
    this.values.push(cells);
    if (style && cells.length > 0) this.style(r, 0, 1, cells.length, style);
    return r;
  }

  blank(n = 1): void {
    for (let i = 0; i < n; i++) this.values.push([]);
  }

  title(text: string): number {
    return this.add([text], { bold: true, fontSize: 14 });
  }

  heading(text: string): number {
    return this.add([text], { bold: true, fontSize: 12 });
  }

  note(text: string): number {
    return this.add([text], { italic: true });
  }

  header(cells: CellValue[]): number {
    return this.add(cells, { bold: true, wrap: true, fill: HEADER_FILL, border: "thin", vertical: "middle", rowHeight: 32 });
  }

  /** Table rows with thin borders; `bold` for a total row. */
  rows(rows: CellValue[][], bold: (i: number) => boolean = () => false): number {
    const first = this.values.length;
    rows.forEach((cells, i) => this.add(cells, bold(i) ? { bold: true, border: "thin" } : { border: "thin" }));
    return first;
  }

  /**
   * A format over a block. The same format on the rows right below a recent block (same columns)
   * extends that block: each format is several requests in Excel, a table's rows are one. The
   * formats of the analysis never set the same property twice on a cell, so their order is free.
   */
  style(row: number, col: number, rows: number, cols: number, style: Omit<CellStyle, "range">): void {
    if (rows <= 0 || cols <= 0) return;
    const key = JSON.stringify(style);
    // The formats of a table interleave (a row's border, a cell's fill): look a few blocks back.
    for (let i = this.blocks.length - 1; i >= Math.max(0, this.blocks.length - 16); i--) {
      const b = this.blocks[i];
      if (b.key === key && b.col === col && b.cols === cols && b.row + b.rows === row) {
        b.rows += rows;
        return;
      }
    }
    this.blocks.push({ key, style, row, col, rows, cols });
  }

  private readonly blocks: { key: string; style: Omit<CellStyle, "range">; row: number; col: number; rows: number; cols: number }[] = [];

  get styles(): CellStyle[] {
    return this.blocks.map((b) => ({ range: rangeAddress(b.row, b.col, b.rows, b.cols), ...b.style }));
  }

  /** A chart below the current row, with empty rows reserved for it; `cols` columns wide (fewer on a sheet of wide columns). */
  chart(chart: Omit<ChartPlan, "anchor">, cols = CHART_COLS): void {
    const from = this.values.length;
    this.blank(CHART_ROWS);
    this.charts.push({ ...chart, anchor: { from: { row: from, col: 0 }, to: { row: from + CHART_ROWS - 1, col: cols - 1 } } });
    this.blank();
  }

  build(name: string, columnWidths: number[], extra: Partial<Omit<SheetPlan, "name" | "mode" | "values">> = {}): Omit<SheetPlan, "mode"> {
    const width = Math.max(1, ...this.values.map((r) => r.length));
    const values = this.values.map((r) => (r.length < width ? [...r, ...Array<CellValue>(width - r.length).fill(null)] : r));
    return { name, values, columnWidths, styles: this.styles, charts: this.charts.length > 0 ? this.charts : undefined, ...extra };
  }
}

/** A one-column range of `count` rows from (row, col). */
export const columnRange = (row: number, col: number, count: number): string => `${cellAddress(row, col)}:${cellAddress(row + count - 1, col)}`;
