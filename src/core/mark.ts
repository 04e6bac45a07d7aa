// The mark (отметка) for a primary total on a work's scale.
import type { MarkScale } from "./work";

export function markFor(total: number, scale: MarkScale): 2 | 3 | 4 | 5 {
  if (total >= scale.min5) return 5;
  if (total >= scale.min4) return 4;
  if (total >= scale.min3) return 3;
  return 2;
}

/** Reads a scale from three minima (for 3, 4, 5); null when they are not three increasing whole numbers. */
export function scaleFromMinima(values: readonly unknown[]): MarkScale | null {
  const nums = values.map((v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v));
  if (nums.length !== 3 || !nums.every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0)) return null;
  const [min3, min4, min5] = nums as number[];
  if (!(min3 < min4 && min4 < min5)) return null;
  return { min3, min4, min5 };
}
