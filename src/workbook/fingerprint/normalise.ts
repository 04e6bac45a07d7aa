// Scores as typed, normalised the way the upload form reads them, as the text the log keeps: a
// score typed as 2, "2" or "2,0" is the same «2», X in any spelling is «X», so only a change the
// form would show is a change. Items are kept with their label («3=2»), so the record still reads
// right after the work's description changed.
import { ABSENT, parseScore, type WorkDefinition } from "../../core";
import type { CellValue } from "../backend";

const ITEM_SEPARATOR = "; ";
const PART_SEPARATOR = " / ";

/** One score cell as the log keeps it: "" empty, "X", a whole number, «отсутствовал», else the text as typed (trimmed). */
export function scoreText(v: CellValue): string {
  const cell = parseScore(v);
  switch (cell.kind) {
    case "empty":
      return "";
    case "x":
      return "X";
    case "absent":
      return ABSENT;
    case "score":
      return String(cell.value);
    default:
      return String(v).trim();
  }
}

/** One variant cell: a whole number, «отсутствовал», "" or the text as typed. */
export const variantText = (v: CellValue): string => {
  const t = scoreText(v);
  return t === "X" ? String(v).trim() : t;
};

/** «1» or, for a two-part work, «1 / 2». */
export const variantsText = (variants: readonly CellValue[]): string => variants.map(variantText).join(PART_SEPARATOR);

export const parseVariants = (text: string): string[] => text.split(PART_SEPARATOR);

/** «1=1; 2=0; 3=X; 4=»: every item of the work with its label. */
export const scoresText = (work: WorkDefinition, scores: readonly CellValue[]): string =>
  work.items.map((item, i) => `${item.label}=${scoreText(scores[i] ?? null)}`).join(ITEM_SEPARATOR);

/** Label → value, in the order written. A value never holds "=" or "; " (only scores that passed the check are recorded). */
export function parseScores(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (text.trim() === "") return out;
  for (const part of text.split(ITEM_SEPARATOR)) {
    const at = part.lastIndexOf("=");
    if (at < 0) continue;
    out.set(part.slice(0, at), part.slice(at + 1));
  }
  return out;
}
