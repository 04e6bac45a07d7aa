// Item headers of the official form: "5.1 (1б)", "3(2) (2б)", "1К1 (1б)", "11.3 k1 (2б)".
import type { Item } from "./work";

export type HeaderParse = { ok: true; label: string; max: number } | { ok: false; message: string };

// A label is a task number, then optional sub-item (.1), part in brackets ((2)) and criterion (К1 / k1).
const LABEL = String.raw`\d{1,2}(?:\.\d{1,2})*(?:\(\d{1,2}\))?(?:\s?[KkКк]\d{1,2})?`;
const HEADER = new RegExp(String.raw`^(${LABEL})\s*\(\s*(\d{1,2})\s*[бb]\.?\s*\)$`, "u");

export function parseItemHeader(text: unknown): HeaderParse {
  const raw = typeof text === "number" ? String(text) : typeof text === "string" ? text : "";
  const s = raw.replace(/\s+/g, " ").trim();
  const m = HEADER.exec(s);
  if (!m) {
    return {
      ok: false,
      message: `заголовок «${raw}» не похож на заголовок задания: ожидается номер задания и максимальный балл в скобках, например «5.1 (1б)», «3(2) (2б)» или «1К1 (1б)»`,
    };
  }
  const max = Number(m[2]);
  if (max < 1) return { ok: false, message: `в заголовке «${raw}» максимальный балл должен быть не меньше 1` };
  return { ok: true, label: m[1], max };
}

/** The form's header text for an item: `5.1 (1б)`. */
export const formatItemHeader = (item: Pick<Item, "label" | "max">): string => `${item.label} (${item.max}б)`;
