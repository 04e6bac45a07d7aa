// The sample school scored, and re-check lists drawn by hand from its score sheets: some works of
// two subjects, an absent student, a code not on the sheets, a work of another school.
import { checkWorkbook } from "../../src/workbook/check";
import type { RecheckSample, SampleEntry } from "../../src/core";
import type { Snapshot } from "../../src/workbook/backend";
import type { RecheckList } from "../../src/workbook/recheck/listFile";

export const SCHOOL = "780999";

/** Entries of works as written: `n` of each (work id, class) in sheet order; `absent` adds the first absent row of the school. */
export function pickWorks(snapshot: Snapshot, picks: { workId: string; className: string; n: number; skip?: number }[], absent = true): SampleEntry[] {
  const checked = checkWorkbook(snapshot);
  const entry = (s: (typeof checked.sheets)[number], r: (typeof s.rows)[number]): SampleEntry => ({
    school: SCHOOL,
    workId: s.plan.work.id,
    subject: s.plan.subject,
    grade: s.plan.grade,
    class: s.plan.className,
    code: r.student.code!,
    variant: Number(r.row.variants[0]) || 1,
  });
  const out: SampleEntry[] = [];
  for (const p of picks) {
    const s = checked.sheets.find((x) => x.plan.work.id === p.workId && x.plan.className === p.className)!;
    out.push(...s.rows.filter((r) => r.check.status === "present").slice(p.skip ?? 0, (p.skip ?? 0) + p.n).map((r) => entry(s, r)));
  }
  if (absent) {
    for (const s of checked.sheets) {
      const r = s.rows.find((x) => x.check.status === "absent");
      if (r) {
        out.push(entry(s, r));
        break;
      }
    }
  }
  return out;
}

export const sampleOf = (entries: SampleEntry[]): RecheckSample => ({ seed: 42, rule: { percent: 5, min: null, by: "works", weighted: false }, sample: entries });

export const listOf = (entries: SampleEntry[], file = "список.json"): RecheckList => ({ file, sample: sampleOf(entries), where: entries.map((_, i) => `элемент ${i + 1} списка «${file}»`) });

export const otherSchool: SampleEntry = { school: "470167", workId: "RU4-2026", subject: "Русский язык", grade: 4, class: "4А", code: 41234, variant: 1 };
export const unknownCode: SampleEntry = { school: SCHOOL, workId: "MA4-2023", subject: "Математика", grade: 4, class: "4Б", code: 49999, variant: 2 };
