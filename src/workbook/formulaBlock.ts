// The cells of a FormulaBlock, for code that needs each one (a filled-down block carries only its
// first row's formulas; see backend.ts).
import { formulaTemplate, parseRangeAddress } from "../core";
import type { FormulaBlock } from "./backend";

/** Rows and columns the block covers. */
export function blockSize(block: FormulaBlock): { row: number; col: number; rows: number; cols: number } {
  return parseRangeAddress(block.range.replace(/\$/g, ""));
}

/** The formula of every row of the block, filled-down rows worked out from the first. */
export function blockFormulas(block: FormulaBlock): string[][] {
  if (!block.fillDown) return block.formulas;
  const { rows } = blockSize(block);
  const first = block.formulas[0] ?? [];
  const moved = first.map((f) => formulaTemplate(f));
  return Array.from({ length: rows }, (_, i) => (i === 0 ? first : moved.map((at) => at(i, 0))));
}
