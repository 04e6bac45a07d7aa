// Participant codes: one code per student for all works, drawn at random from a pool.
import { shuffled, type Random } from "./random";

/** Codes of the observed pattern for one grade: the grade followed by four digits, 0001–1500. */
export function generatedPool(grade: number, count = 1500): number[] {
  if (!Number.isInteger(grade) || grade < 1 || grade > 11) throw new RangeError(`bad grade ${grade}`);
  const base = grade * 10000;
  return Array.from({ length: count }, (_, i) => base + i + 1);
}

/** The range a form accepts for a grade's codes, e.g. [40001, 41500]. */
export const codeRangeForGrade = (grade: number, count = 1500): [number, number] => [grade * 10000 + 1, grade * 10000 + count];

/** Reads a code from a cell: a whole positive number or digits stored as text; null otherwise. */
export function readCode(v: unknown): number | null {
  if (typeof v === "number" && Number.isInteger(v) && v > 0) return v;
  if (typeof v === "string" && /^\s*\d{1,9}\s*$/.test(v)) {
    const n = Number(v.trim());
    return n > 0 ? n : null;
  }
  return null;
}

export interface CodeRequest {
  /** Stable key of the student (e.g. roster row), used to report and to write the code back. */
  key: string;
  grade: number;
  /** The code the student already has, if any: never changed. */
  code: number | null;
}

export interface CodeAssignment {
  /** New codes only: key → code. Students who had a code are not listed. */
  assigned: Map<string, number>;
  /** Students left without a code because the pool ran out, by key. */
  unassigned: string[];
}

/**
 * Gives every student without a code an unused code, drawn at random. With an imported pool the
 * codes come from it (school-wide list from FIS OKO); without one, from the grade's generated
 * pattern. Existing codes are kept, so a second run with the same roster changes nothing and a
 * late student gets a code nobody has.
 */
export function assignCodes(students: readonly CodeRequest[], random: Random, importedPool?: readonly number[]): CodeAssignment {
  const used = new Set<number>();
  for (const s of students) if (s.code !== null) used.add(s.code);
  const assigned = new Map<string, number>();
  const unassigned: string[] = [];
  const needing = students.filter((s) => s.code === null);
  if (needing.length === 0) return { assigned, unassigned };

  const groups: { pool: readonly number[]; students: CodeRequest[] }[] = [];
  if (importedPool && importedPool.length > 0) {
    groups.push({ pool: importedPool, students: needing });
  } else {
    const byGrade = new Map<number, CodeRequest[]>();
    for (const s of needing) {
      const list = byGrade.get(s.grade);
      if (list) list.push(s);
      else byGrade.set(s.grade, [s]);
    }
    for (const [grade, list] of [...byGrade].sort((a, b) => a[0] - b[0])) groups.push({ pool: generatedPool(grade), students: list });
  }
  for (const g of groups) {
    const free = shuffled([...new Set(g.pool)].filter((c) => !used.has(c)), random);
    g.students.forEach((s, i) => {
      const code = free[i];
      if (code === undefined) {
        unassigned.push(s.key);
        return;
      }
      used.add(code);
      assigned.set(s.key, code);
    });
  }
  return { assigned, unassigned };
}
