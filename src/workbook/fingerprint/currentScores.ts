// The score rows as they stand now, per form, normalised like the log (./normalise.ts): what the
// record of the last upload is compared with. Read from the score sheets the check located.
import { cellAddress, columnHeader } from "../../core";
import type { Snapshot } from "../backend";
import { formKey } from "../forms";
import type { ScheduleRow } from "../inputs";
import { readScoreSheet, type ScoreLayout } from "../scoreSheet";
import { scoreText, variantText } from "./normalise";

export interface CurrentValue {
  value: string;
  cell: string;
}

export interface CurrentRow {
  sheet: string;
  className: string;
  code: number;
  /** The row's code cell. */
  cell: string;
  /** One per part, with its column's header («Вариант», «Вариант (часть 2)»). */
  variants: (CurrentValue & { header: string })[];
  /** Item label → value. */
  scores: Map<string, CurrentValue>;
}

export interface CurrentForm {
  /** Code → its row (the first one, when a code is typed twice: the check reports the other). */
  rows: Map<number, CurrentRow>;
  /** The classes with a score sheet now, and each one's sheet. */
  sheets: Map<string, string>;
}

/** A located score sheet: the check's `CheckedSheet` carries these. */
export interface LocatedSheet {
  name: string;
  plan: ScheduleRow;
  layout: ScoreLayout;
}

export function currentScores(snapshot: Snapshot, sheets: readonly LocatedSheet[]): Map<string, CurrentForm> {
  const out = new Map<string, CurrentForm>();
  for (const s of sheets) {
    const sheet = snapshot.sheets[s.name];
    if (!sheet) continue;
    const key = formKey(s.plan.grade, s.plan.subject);
    const form = out.get(key) ?? { rows: new Map<number, CurrentRow>(), sheets: new Map<string, string>() };
    out.set(key, form);
    form.sheets.set(s.plan.className, s.name);
    const read = readScoreSheet(s.name, sheet, s.layout);
    const { work, columns } = s.layout;
    for (const r of read.rows) {
      if (r.code === null || form.rows.has(r.code)) continue;
      const variants: CurrentRow["variants"] = [];
      const scores = new Map<string, CurrentValue>();
      let v = 0;
      let item = 0;
      columns.forEach((c, i) => {
        const col = read.columnOf[i];
        const cell = col === null ? cellAddress(r.row, read.columnOf[0] ?? 0) : cellAddress(r.row, col);
        if (c.kind === "variant") variants.push({ header: columnHeader(work, c), value: variantText(r.variants[v++] ?? null), cell });
        if (c.kind === "item") scores.set(work.items[c.index].label, { value: scoreText(r.scores[item++] ?? null), cell });
      });
      form.rows.set(r.code, { sheet: s.name, className: s.plan.className, code: r.code, cell: cellAddress(r.row, read.columnOf[0] ?? 0), variants, scores });
    }
  }
  return out;
}
