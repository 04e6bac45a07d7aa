// A generated municipality whose figures are known in advance (issue 14, parts 2–3): 36 schools on
// the list in two municipalities, one more that is not on it; mathematics in grade 4 (10 items of
// 2 points, scale 6 / 11 / 16 on «Критерии») and Russian in grade 4 (5 items of 3, no scale).
// Planted: a school with 60 % journal mismatch (A), one with a peak at the «4» boundary (B), one
// with far more «5» than the rest (D), one whose item 10 is done far better than the rest while its
// total is not (E), a school with nothing received (M), a form that lost 3 rows (I), a school
// without its Russian (X), two absent per mathematics school, an invalid and an over-maximum row.
import type { ParticipantRow, SourceFile } from "../../../src/core/municipal";
import type { Mark, WorkDefinition } from "../../../src/core";
import type { FileLoss } from "../../../src/workbook/municipal/monitoring";

export const MATH: WorkDefinition = {
  id: "MA4-T",
  subject: "Математика",
  grade: 4,
  year: "2026",
  source: "тест",
  items: Array.from({ length: 10 }, (_, i) => ({ label: String(i + 1), max: 2, part: 1 as const })),
  scale: { min3: 6, min4: 11, min5: 16 },
};
const RUSSIAN_ITEMS = Array.from({ length: 5 }, (_, i) => ({ label: String(i + 1), max: 3 }));

/** The plain school's 25 totals: smooth, no peak at any boundary. Sum 283, median 11; marks 3 / 8 / 9 / 5. */
export const PLAIN = [3, 4, 5, 6, 7, 7, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 16, 17, 18, 19, 20];
/** B: 14 works on 11–12 points, none on 9–10. Sum 368; marks 3 / 5 / 19 / 5. */
export const PEAK = [3, 4, 5, 6, 7, 7, 8, 8, ...Array(7).fill(11), ...Array(7).fill(12), 13, 13, 14, 14, 15, 16, 17, 18, 19, 20];
/** D: every work a «5». Sum 450. */
export const HIGH = [16, 17, 18, 19, 20, 16, 17, 18, 19, 20, 16, 17, 18, 19, 20, 16, 17, 18, 19, 20, 16, 17, 18, 19, 20];

export const mark = (t: number): Mark => (t >= 16 ? 5 : t >= 11 ? 4 : t >= 6 ? 3 : 2);

/** A total spread over the 10 items, earlier items first: item i gets ⌊(t + 9 − i) / 10⌋ (they sum to t). */
export const spread = (t: number): number[] => Array.from({ length: 10 }, (_, i) => Math.floor((t + 9 - i) / 10));

/** E: the same totals, but item 10 always 2 — its points taken from the first items. */
function itemTen(t: number): number[] {
  const s = spread(t);
  for (let i = 0; s[9] < 2 && i < 9; i++) {
    while (s[i] > 0 && s[9] < 2) {
      s[i]--;
      s[9]++;
    }
  }
  return s;
}

export const SCHOOLS = {
  A: "220101", // journal mismatch
  B: "220102", // boundary peak
  D: "220103", // high results
  E: "220104", // item anomaly
  M: "220105", // nothing received
  I: "220220", // a form that lost rows (plain)
  X: "220207", // no Russian (plain)
  U: "229999", // sent results, not on the list (plain)
} as const;
/** 30 plain schools on the list (I and X among them): 220201 … 220230. */
export const PLAIN_SCHOOLS = Array.from({ length: 30 }, (_, i) => String(220201 + i));
export const MUNICIPALITY = (school: string): string => (school < "220216" ? "г. Алейск" : "Алейский район");

function row(school: string, code: number, scores: (number | null)[], journal: Mark | null, absent = false): ParticipantRow {
  return { school, subject: "Математика", grade: 4, className: "4А", code, variant: absent ? null : 1 + (code % 2), absent, scores: absent ? scores.map(() => null) : scores, journal, gender: null };
}

/** One school's mathematics: its totals, journal marks that differ for the first `differ` (journal one higher, or one lower for a «5»), two absent. */
function mathRows(school: string, totals: readonly number[], differ: number, items: (t: number) => number[] = spread): ParticipantRow[] {
  const base = Number(school.slice(-3)) * 1000;
  const rows = totals.map((t, j) => {
    const m = mark(t);
    const journal: Mark = j < differ ? (m === 5 ? 4 : ((m + 1) as Mark)) : m;
    return row(school, base + j + 1, items(t), journal);
  });
  rows.push(row(school, base + 901, Array(10).fill(null), null, true), row(school, base + 902, Array(10).fill(null), null, true));
  return rows;
}

export interface Municipality {
  sources: SourceFile[];
  losses: FileLoss[];
}

export function buildMunicipality(): Municipality {
  const plainMath = [...PLAIN_SCHOOLS, SCHOOLS.U].map((s) => mathRows(s, PLAIN, 5));
  // Dirty rows on two plain schools: an unreadable score and one above its maximum (left out as invalid).
  plainMath[2].push(row(PLAIN_SCHOOLS[2], 222990, [1, 1, null, 1, 1, 1, 1, 1, 1, 1], 3));
  plainMath[3].push(row(PLAIN_SCHOOLS[3], 223990, [3, 1, 1, 1, 1, 1, 1, 1, 1, 1], 3));
  const planted = [mathRows(SCHOOLS.A, PLAIN, 15), mathRows(SCHOOLS.B, PEAK, 0), mathRows(SCHOOLS.D, HIGH, 0), mathRows(SCHOOLS.E, PLAIN, 5, itemTen)];
  const items = MATH.items.map(({ label, max }) => ({ label, max }));
  // Half the schools arrive in one FIS OKO export, the rest (and the planted ones) as their own forms.
  const exported = plainMath.slice(0, 15).flat();
  const sources: SourceFile[] = [
    { file: "Проведение работы по математике, 4 класс. ВПР 2026.xlsx", kind: "export", subject: "Математика", grade: 4, items, rows: exported },
    ...[...plainMath.slice(15), ...planted].map((rows) => ({ file: `${rows[0].school}_4_Математика.xlsx`, kind: "form" as const, subject: "Математика", grade: 4, items, rows })),
  ];
  const russianSchools = [...PLAIN_SCHOOLS, SCHOOLS.A, SCHOOLS.B, SCHOOLS.D, SCHOOLS.E].filter((s) => s !== SCHOOLS.X);
  const russian: ParticipantRow[] = russianSchools.flatMap((school) =>
    Array.from({ length: 20 }, (_, j) => ({ school, subject: "Русский язык", grade: 4, className: "4а", code: Number(school.slice(-3)) * 1000 + j + 1, variant: 1, absent: false, scores: [2, 2, 1, 3, 1], journal: 4 as Mark, gender: null })),
  );
  sources.push({ file: "Проведение работы по русскому языку, 4 класс. ВПР 2026.xlsx", kind: "export", subject: "Русский язык", grade: 4, items: RUSSIAN_ITEMS, rows: russian });
  return { sources, losses: [{ file: `${SCHOOLS.I}_4_Математика.xlsx`, school: SCHOOLS.I, subject: "Математика", grade: 4, rows: 3 }] };
}

/** The list as the sheet «Школы»: code, name, municipality, grades «4»; no «Работы» (expected: every grade-4 work received). */
export function schoolsSheet(): (string | number | null)[][] {
  const codes = [SCHOOLS.A, SCHOOLS.B, SCHOOLS.D, SCHOOLS.E, SCHOOLS.M, ...PLAIN_SCHOOLS];
  return [["Код ОО", "Наименование", "Муниципалитет", "Параллели", "Работы"], ...codes.map((c) => [Number(c), `Школа № ${c.slice(-3)}`, MUNICIPALITY(c), "4", null])];
}
