// «Сравнение»: reference values the coordinator pastes from FIS OKO «Аналитика», per work:
//   Работа                 | MA4-2023
//   Регион: отметки, %     | «2» | «3» | «4» | «5»
//   Россия: отметки, %     | …
//   Регион: выполнение, %  | item 1 | item 2 | …   (in the work's item order)
//   Россия: выполнение, %  | …
// Blocks are separated by an empty row, like «Критерии». Optional: without it the analysis compares
// the school's classes with one another only. Labels are read loosely (case, «:», «%» ignored).
import { cellAddress, type Finding, type Reference, type ReferenceLevel } from "../../core";
import type { CellValue, Snapshot } from "../backend";
import { cellText, headerKey } from "../contract";

export const COMPARISON_SHEET = "Сравнение";

const number = (v: CellValue | undefined): number | null => {
  if (typeof v === "number") return v;
  const t = cellText(v).replace(",", ".").replace(/%$/, "").trim();
  return t === "" || !Number.isFinite(Number(t)) ? null : Number(t);
};

/** The reference of every work typed on «Сравнение», by work id (upper case); findings for unreadable cells. */
export function readComparison(snapshot: Snapshot): { references: Map<string, Reference>; findings: Finding[] } {
  const references = new Map<string, Reference>();
  const findings: Finding[] = [];
  const rows = snapshot.sheets[COMPARISON_SHEET]?.values ?? [];
  let current: Reference | null = null;
  rows.forEach((row, r) => {
    const label = headerKey(row[0]).replace(/[:%,]/g, " ").replace(/\s+/g, " ").trim();
    if (label === "") {
      current = null;
      return;
    }
    if (label === "работа") {
      const id = cellText(row[1]);
      current = { workId: id, region: null, russia: null };
      if (id) references.set(id.toUpperCase(), current);
      return;
    }
    const level: "region" | "russia" | null = label.startsWith("регион") ? "region" : label.startsWith("росси") ? "russia" : null;
    const kind: "marks" | "items" | null = label.includes("отметк") ? "marks" : label.includes("выполн") ? "items" : null;
    if (!current || !level || !kind) {
      if (current || level) findings.push({ sheet: COMPARISON_SHEET, cell: cellAddress(r, 0), severity: "warning", code: "comparison.label", message: `строка «${cellText(row[0])}» не распознана: ожидается «Работа», «Регион: отметки, %», «Россия: отметки, %», «Регион: выполнение, %» или «Россия: выполнение, %»` });
      return;
    }
    const values = row.slice(1).map(number);
    const target: ReferenceLevel = (current[level] ??= { marks: null, items: null });
    if (kind === "marks") {
      const [m2, m3, m4, m5] = values;
      if ([m2, m3, m4, m5].some((v) => v === null || v === undefined)) {
        findings.push({ sheet: COMPARISON_SHEET, cell: cellAddress(r, 1), severity: "warning", code: "comparison.marks", message: `работа ${current.workId}: доли отметок «2», «3», «4», «5» в процентах — четыре числа в столбцах B–E` });
        return;
      }
      target.marks = { "2": m2!, "3": m3!, "4": m4!, "5": m5! };
    } else {
      let n = values.length;
      while (n > 0 && values[n - 1] === null) n--;
      target.items = values.slice(0, n);
    }
  });
  return { references, findings };
}
