// Schools of any size for the benchmarks: grades 4–11, up to five classes a grade (А–Д), three
// works a class (Математика 20 items, Русский язык in two parts, История), roster names from the
// fictional sample generator. Codes are generated per grade (≤1500 a grade, so ≤12 000 students).
import { type WorkDefinition } from "../src/core";
import type { SheetPlan } from "../src/workbook/backend";
import { sampleSchool, sampleWorkbookPlan, type SampleSchool } from "../src/workbook/sample";

const GRADES = [4, 5, 6, 7, 8, 9, 10, 11];
const LETTERS = ["А", "Б", "В", "Г", "Д"];

export function benchWorks(grade: number): WorkDefinition[] {
  const src = "бенчмарк (вымышленная структура)";
  return [
    {
      id: `MA${grade}-BENCH`,
      subject: "Математика",
      grade,
      year: "2026",
      source: src,
      items: Array.from({ length: 20 }, (_, i) => ({ label: String(i + 1), max: 1 + (i % 3), part: 1 as const })),
      scale: { min3: 10, min4: 20, min5: 30 },
    },
    {
      id: `RU${grade}-BENCH`,
      subject: "Русский язык",
      grade,
      year: "2026",
      source: src,
      items: Array.from({ length: 15 }, (_, i) => ({ label: i < 3 ? `1К${i + 1}` : String(i - 1), max: 1 + (i % 4), part: (i < 5 ? 1 : 2) as 1 | 2 })),
      scale: { min3: 8, min4: 16, min5: 28 },
    },
    {
      id: `HI${grade}-BENCH`,
      subject: "История",
      grade,
      year: "2026",
      source: src,
      items: Array.from({ length: 10 }, (_, i) => ({ label: String(i + 1), max: 1 + (i % 2), part: 1 as const })),
      scale: { min3: 4, min4: 8, min5: 12 },
    },
  ];
}

/** Class sizes for `n` students: classes of about 25 while there are letters, larger after that. */
export function classSizes(n: number): Record<string, number> {
  const all = GRADES.flatMap((g) => LETTERS.map((l) => `${g}${l}`));
  const count = Math.max(1, Math.min(all.length, Math.ceil(n / 25)));
  const sizes: Record<string, number> = {};
  for (let i = 0; i < count; i++) sizes[all[i]] = Math.floor(n / count) + (i < n % count ? 1 : 0);
  return sizes;
}

export function benchSchool(n: number, worksPerClass = 3, seed = 7): SampleSchool {
  const sizes = classSizes(n);
  const base = sampleSchool(seed, sizes);
  const grades = [...new Set(Object.keys(sizes).map((c) => parseInt(c, 10)))];
  const customWorks = grades.flatMap((g) => benchWorks(g).slice(0, worksPerClass));
  const plan = Object.keys(sizes).flatMap((cls) =>
    benchWorks(parseInt(cls, 10))
      .slice(0, worksPerClass)
      .map((w) => ({ className: cls, subject: w.subject, work: w.id, date: "15.04.2026" })),
  );
  return { ...base, late: [], plan, customWorks, builtInWorks: [] };
}

/** The input sheets of the school (what the coordinator typed). */
export const inputSheets = (school: SampleSchool): SheetPlan[] => sampleWorkbookPlan(school).sheets;
