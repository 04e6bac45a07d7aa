// Municipal statistics (docs/MUNICIPAL.md, «Статистика»): the analysis figures of docs/ANALYSIS.md
// per school and for the municipality, per work (subject × grade). A group is a school (`school`:
// its 6-digit code, `class`: null) and the last group, `school: null`, is everyone. Marks need the
// work's scale: from «Критерии» (`--criteria FILE`) when it describes the work, else primary scores
// only and every mark figure null — as the school's analysis does without a scale.
import { DEFAULT_THRESHOLDS, groupStatistics, markFor, maxTotal, nameKey, type CompletionThresholds, type Finding, type GroupStatistics, type ResultRow, type WorkDefinition, type WorkStatistics } from "../../core";
import type { ParticipantRow, SourceFile } from "../../core/municipal";

export interface MunicipalGroup extends GroupStatistics {
  /** The school's 6-digit code; null for the whole municipality (always last). */
  school: string | null;
}

export interface MunicipalWorkStatistics extends Omit<WorkStatistics, "groups"> {
  groups: MunicipalGroup[];
}

/** A participant's result with its school. */
export interface SchoolResult extends ResultRow {
  school: string;
  variant: number | null;
}

export interface MunicipalWork {
  /** From «Критерии», or made from the files' items (no scale). */
  definition: WorkDefinition;
  /** From «Критерии» (so marks are known). */
  fromCriteria: boolean;
  /**
   * Every participant's result, worked out again from the files on each call: a region's year is a
   * million rows, and kept as results they would take ~600 MB (the files keep them compactly).
   */
  results(): Iterable<SchoolResult>;
  statistics: MunicipalWorkStatistics;
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A participant row as the analysis sees it: absent, not entered (nothing at all), invalid (a score empty, unreadable or above its maximum) or wrote. */
export function participantResult(work: WorkDefinition, row: ParticipantRow): SchoolResult {
  const base = { school: row.school, className: row.className ?? "", code: row.code, variant: row.variant, journal: row.journal, scores: work.items.map(() => null), total: null, mark: null };
  if (row.absent) return { ...base, status: "absent" };
  if (row.variant === null && row.scores.every((s) => s === null)) return { ...base, status: "notEntered" };
  const scores = work.items.map((item, i) => row.scores[i] ?? null);
  const bad = row.scores.length !== work.items.length || scores.some((s, i) => s === null || !Number.isInteger(s) || s < 0 || s > work.items[i].max);
  if (bad) return { ...base, status: "invalid" };
  const total = (scores as number[]).reduce((a, b) => a + b, 0);
  return { ...base, status: "wrote", scores, total, mark: work.scale ? markFor(total, work.scale) : null };
}

/**
 * The work of one subject × grade: the «Критерии» block with that subject and grade when its items
 * match the files' in number; else the files' items (each item's largest maximum over the files),
 * with no scale. The id of a work without a block is «<предмет>, <параллель> класс».
 */
function definitionFor(files: readonly SourceFile[], criteria: readonly WorkDefinition[], findings: Finding[]): { definition: WorkDefinition; fromCriteria: boolean } {
  const { subject, grade } = files[0];
  const counts = new Set(files.map((f) => f.items.length));
  const block = criteria.find((w) => w.grade === grade && nameKey(w.subject) === nameKey(subject));
  if (block && counts.size === 1 && counts.has(block.items.length)) return { definition: block, fromCriteria: true };
  if (block) findings.push({ severity: "warning", code: "municipal.criteria-items", message: `«${subject}, ${grade} класс»: в «Критериях» (работа ${block.id}) ${block.items.length} заданий, а в файлах ${[...counts].join(" / ")} — отметки не считаются, только первичные баллы` });
  else if (criteria.length > 0) findings.push({ severity: "warning", code: "municipal.criteria-missing", message: `«${subject}, ${grade} класс»: в «Критериях» нет этой работы — отметки не считаются, только первичные баллы` });
  const first = files[0].items;
  const items = first.map((item, i) => ({ label: item.label, part: 1 as const, max: Math.max(...files.map((f) => f.items[i]?.max ?? 0)) }));
  return { definition: { id: `${subject}, ${grade} класс`, subject, grade, year: "", source: "файлы школ", items }, fromCriteria: false };
}

/** Files grouped by work (grade, then subject in the spelling of the first file by name). */
function byWork(sources: readonly SourceFile[]): SourceFile[][] {
  const groups = new Map<string, SourceFile[]>();
  for (const f of [...sources].sort((a, b) => text(a.file, b.file))) {
    const key = `${f.grade}\u0000${nameKey(f.subject)}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  return [...groups.values()].sort((a, b) => a[0].grade - b[0].grade || text(a[0].subject, b[0].subject));
}

export function municipalStatistics(sources: readonly SourceFile[], criteria: readonly WorkDefinition[] = [], thresholds: CompletionThresholds = DEFAULT_THRESHOLDS): { works: MunicipalWork[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const works = byWork(sources).map((files): MunicipalWork => {
    const { definition, fromCriteria } = definitionFor(files, criteria, findings);
    const counted = files.filter((file) => {
      if (file.items.length === definition.items.length) return true;
      findings.push({ severity: "warning", code: "municipal.items-differ", message: `файл «${file.file}»: ${file.items.length} заданий, а в работе «${definition.id}» ${definition.items.length} — строки файла в статистику не вошли` });
      return false;
    });
    const results = () => workResults(definition, counted);
    return { definition, fromCriteria, results, statistics: statisticsOf(definition, [...results()], thresholds) };
  });
  return { works, findings };
}

/** The results of a work's rows, file by file; a code counts once per school (a form sent twice, or a form beside the export, is not two children). */
function* workResults(definition: WorkDefinition, files: readonly SourceFile[]): Generator<SchoolResult> {
  const seen = new Set<string>();
  for (const file of files) {
    for (const row of file.rows) {
      const key = `${row.school}\u0000${row.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield participantResult(definition, row);
    }
  }
}

function statisticsOf(work: WorkDefinition, rows: readonly SchoolResult[], thresholds: CompletionThresholds): MunicipalWorkStatistics {
  const bySchool = new Map<string, SchoolResult[]>();
  for (const r of rows) {
    let list = bySchool.get(r.school);
    if (!list) bySchool.set(r.school, (list = []));
    list.push(r);
  }
  const groups: MunicipalGroup[] = [...bySchool.keys()].sort(text).map((school) => ({ school, ...groupStatistics(work, null, bySchool.get(school)!, thresholds) }));
  groups.push({ school: null, ...groupStatistics(work, null, rows, thresholds) });
  return { workId: work.id, subject: work.subject, grade: work.grade, maxTotal: maxTotal(work), scale: work.scale ? [work.scale.min3, work.scale.min4, work.scale.min5] : null, groups };
}
