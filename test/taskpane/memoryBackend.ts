// An in-memory WorkbookBackend for component and status tests: values only (formats, validations
// and print setup are accepted and dropped); formula blocks store their cached results.
import { cellAddress, parseCellAddress, parseRangeAddress } from "../../src/core/address";
import type { CellValue, Snapshot, WorkbookBackend, WritePlan } from "../../src/workbook/backend";

export class MemoryBackend implements WorkbookBackend {
  readonly kind = "file" as const;
  readonly formulaStyle = "standard" as const;
  readonly sheets = new Map<string, CellValue[][]>();
  reads = 0;
  applies = 0;
  selected: { sheet: string; address: string }[] = [];
  /** Set to make the next apply fail (the workbook stays as it was). */
  failNextApply: Error | null = null;
  /** Set to hold reads until the returned promise's resolver is called. */
  gate: Promise<void> | null = null;
  /** Set to make the next read fail. */
  failNextRead: Error | null = null;

  constructor(plan?: WritePlan) {
    if (plan) this.write(plan);
  }

  async read(names: readonly string[] | null): Promise<Snapshot> {
    this.reads++;
    if (this.gate) await this.gate;
    if (this.failNextRead) {
      const e = this.failNextRead;
      this.failNextRead = null;
      throw e;
    }
    const sheetNames = [...this.sheets.keys()];
    const wanted = names === null ? sheetNames : sheetNames.filter((n) => names.includes(n));
    const out: Snapshot = { sheetNames, sheets: {} };
    for (const n of wanted) out.sheets[n] = { values: pad(this.sheets.get(n)!.map((r) => [...r])) };
    return out;
  }

  async apply(plan: WritePlan): Promise<void> {
    this.applies++;
    if (this.failNextApply) {
      const e = this.failNextApply;
      this.failNextApply = null;
      throw e;
    }
    this.write(plan);
  }

  async select(sheet: string, address: string): Promise<void> {
    this.selected.push({ sheet, address });
  }

  setCell(sheet: string, address: string, value: CellValue): void {
    const rows = this.sheets.get(sheet);
    if (!rows) throw new Error(`no sheet ${sheet}`);
    const { row, col } = parseCellAddress(address);
    while (rows.length <= row) rows.push([]);
    while (rows[row].length <= col) rows[row].push(null);
    rows[row][col] = value;
  }

  private write(plan: WritePlan): void {
    for (const sp of plan.sheets) {
      if (sp.mode === "create" && this.sheets.has(sp.name)) throw new Error(`sheet ${sp.name} exists`);
      this.sheets.set(sp.name, sp.values.map((r) => [...r]));
      for (const block of sp.formulas ?? []) {
        const at = parseRangeAddress(block.range.replace(/\$/g, ""));
        block.results?.forEach((r, i) => r.forEach((v, j) => this.setCell(sp.name, cellAddress(at.row + i, at.col + j), v)));
      }
    }
    for (const m of plan.merges ?? []) {
      for (const c of m.cells) this.setCell(m.name, cellAddress(c.row, c.col), c.value);
      for (const block of m.formulas ?? []) {
        const at = parseRangeAddress(block.range.replace(/\$/g, ""));
        block.results?.forEach((r, i) => r.forEach((v, j) => this.setCell(m.name, cellAddress(at.row + i, at.col + j), v)));
      }
    }
    for (const w of plan.cellWrites) this.setCell(w.sheet, w.address, w.value);
  }
}

function pad(values: CellValue[][]): CellValue[][] {
  const width = Math.max(0, ...values.map((r) => r.length));
  return values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
}
