// The discrepancy report (расхождения): the original scores of each re-checked work against the
// commission's, per work, per item, per school and class. Pure: the readers (workbook/recheck)
// hand in the scores already aligned to each work's items, with where each row was read.
import { round } from "../analysis/statistics";
import { markFor } from "../mark";
import type { Finding } from "../result";
import type { MarkScale } from "../work";

/** A re-checked work as the commission's protocol describes it (items in its column order). */
export interface RecheckWork {
  workId: string;
  subject: string;
  grade: number;
  items: { label: string; max: number; part: 1 | 2 }[];
  scale: MarkScale | null;
}

/** Where a row was read, for the Russian messages: file, sheet, the code's cell. */
export interface RowPlace {
  file: string;
  sheet: string;
  cell: string;
}

/** One work's scores on one side. */
export interface ScoredWork {
  school: string;
  workId: string;
  /** From the original (upload form or score sheet); the commission's protocol has none. */
  class: string | null;
  code: number;
  /** Per item of the work, X counts 0; null when the row cannot be compared (`problem` says why). */
  scores: number[] | null;
  problem?: string;
  where: RowPlace;
}

export interface ItemChange {
  label: string;
  original: number;
  recheck: number;
  change: number;
}

export interface WorkDiscrepancy {
  school: string;
  workId: string;
  subject: string;
  grade: number;
  class: string | null;
  code: number;
  originalTotal: number;
  recheckTotal: number;
  /** recheckTotal − originalTotal. */
  change: number;
  originalMark: number | null;
  recheckMark: number | null;
  /** null when the work has no scale. */
  markChanged: boolean | null;
  /** The items whose score changed, in the work's order. */
  itemChanges: ItemChange[];
}

export interface ItemDiscrepancy {
  workId: string;
  label: string;
  max: number;
  /** Works compared. */
  works: number;
  changed: number;
  up: number;
  down: number;
  /** changed / works × 100, one decimal; null when no work was compared. */
  changedShare: number | null;
  /** Mean of (commission − original) over the works compared, two decimals. */
  meanChange: number | null;
  /** Mean of |commission − original|, two decimals. */
  meanAbsChange: number | null;
}

export interface GroupDiscrepancy {
  school: string;
  /** null: the school as a whole (always after its classes). */
  class: string | null;
  works: number;
  /** Works whose primary score changed. */
  changed: number;
  meanChange: number | null;
  meanAbsChange: number | null;
  /** Works whose mark changed (works without a scale are not counted). */
  markChanged: number;
}

export interface DiscrepancySummary {
  works: number;
  changed: number;
  up: number;
  down: number;
  markChanged: number;
  markUp: number;
  markDown: number;
  meanChange: number | null;
  meanAbsChange: number | null;
  /** Change of the primary score → how many works, every change from the smallest to the largest. */
  distribution: Record<string, number>;
}

export interface DiscrepancyReport {
  works: WorkDiscrepancy[];
  items: ItemDiscrepancy[];
  groups: GroupDiscrepancy[];
  /** Items with at least one change, most often changed first (at most MOST_CHANGED). */
  mostChanged: ItemDiscrepancy[];
  summary: DiscrepancySummary;
  /** Rows left out: a code on one side only, a row that cannot be compared, a duplicate. */
  findings: Finding[];
}

export const MOST_CHANGED = 10;

/** The sample list, when the report is given one: every listed work is looked for on both sides. */
export interface ListedWorks {
  file: string;
  entries: readonly { school: string; workId: string; code: number }[];
}

const key = (school: string, workId: string, code: number): string => `${school}|${workId.toUpperCase()}|${code}`;
const at = (w: RowPlace): string => `файл «${w.file}», лист «${w.sheet}», ячейка ${w.cell}`;
const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : round(xs.reduce((a, b) => a + b, 0) / xs.length, 2));

function index(rows: readonly ScoredWork[], side: string, findings: Finding[]): Map<string, ScoredWork> {
  const map = new Map<string, ScoredWork>();
  for (const r of rows) {
    const k = key(r.school, r.workId, r.code);
    const first = map.get(k);
    if (first) {
      findings.push({ severity: "warning", code: "recheck.duplicate", sheet: r.where.sheet, cell: r.where.cell, message: `${at(r.where)}: код ${r.code} (школа ${r.school}, ${r.workId}) ${side} второй раз — взята первая строка (${at(first.where)})` });
      continue;
    }
    map.set(k, r);
  }
  return map;
}

/**
 * The report. Without a list the commission's rows are the works under re-check (original rows
 * of other codes were not drawn and are not mentioned). Works are ordered by school, grade, subject, class, code; items by work, then as in the work. */
export function discrepancies(works: readonly RecheckWork[], original: readonly ScoredWork[], recheck: readonly ScoredWork[], list?: ListedWorks): DiscrepancyReport {
  const findings: Finding[] = [];
  const byId = new Map(works.map((w) => [w.workId.toUpperCase(), w]));
  const originals = index(original, "в исходных баллах", findings);
  const rechecked = index(recheck, "в протоколе комиссии", findings);
  const out: WorkDiscrepancy[] = [];
  for (const [k, r] of rechecked) {
    const work = byId.get(r.workId.toUpperCase());
    const o = originals.get(k);
    if (!work) continue; // the reader reports a sheet whose work it cannot describe
    if (!o) {
      if (r.scores !== null) findings.push({ severity: "warning", code: "recheck.not-in-original", sheet: r.where.sheet, cell: r.where.cell, message: `${at(r.where)}: кода ${r.code} (школа ${r.school}, ${work.subject}, ${work.grade} класс) нет в исходных баллах — работа не вошла в отчёт` });
      else findings.push({ severity: "warning", code: "recheck.not-scored", sheet: r.where.sheet, cell: r.where.cell, message: `${at(r.where)}: код ${r.code} — ${r.problem ?? "баллы комиссии не выставлены"}, и в исходных баллах его нет — работа не вошла в отчёт` });
      continue;
    }
    if (r.scores === null) {
      findings.push({ severity: "warning", code: "recheck.not-scored", sheet: r.where.sheet, cell: r.where.cell, message: `${at(r.where)}: код ${r.code} есть в исходных баллах (${at(o.where)}), но ${r.problem ?? "баллы комиссии не выставлены"} — работа не вошла в отчёт` });
      continue;
    }
    if (o.scores === null) {
      findings.push({ severity: "warning", code: "recheck.original-unusable", sheet: o.where.sheet, cell: o.where.cell, message: `${at(o.where)}: код ${o.code} — ${o.problem ?? "исходные баллы не выставлены"} — работа не вошла в отчёт` });
      continue;
    }
    const itemChanges: ItemChange[] = [];
    work.items.forEach((item, i) => {
      if (o.scores![i] !== r.scores![i]) itemChanges.push({ label: item.label, original: o.scores![i], recheck: r.scores![i], change: r.scores![i] - o.scores![i] });
    });
    const originalTotal = o.scores.reduce((a, b) => a + b, 0);
    const recheckTotal = r.scores.reduce((a, b) => a + b, 0);
    const originalMark = work.scale ? markFor(originalTotal, work.scale) : null;
    const recheckMark = work.scale ? markFor(recheckTotal, work.scale) : null;
    out.push({
      school: r.school,
      workId: work.workId,
      subject: work.subject,
      grade: work.grade,
      class: o.class,
      code: r.code,
      originalTotal,
      recheckTotal,
      change: recheckTotal - originalTotal,
      originalMark,
      recheckMark,
      markChanged: work.scale ? originalMark !== recheckMark : null,
      itemChanges,
    });
  }
  // The list, when given: a listed work the commission's files or the original scores lack.
  for (const e of list?.entries ?? []) {
    const k = key(e.school, e.workId, e.code);
    if (!rechecked.has(k)) findings.push({ severity: "warning", code: "recheck.not-in-recheck", message: `выборка «${list!.file}»: код ${e.code} (школа ${e.school}, ${e.workId}) есть в выборке, но не в протоколе комиссии` });
    else if (!originals.has(k) && rechecked.get(k)!.scores !== null) continue; // reported above with its cell
    else if (!originals.has(k)) findings.push({ severity: "warning", code: "recheck.not-in-original", message: `выборка «${list!.file}»: код ${e.code} (школа ${e.school}, ${e.workId}) есть в выборке, но не в исходных баллах` });
  }
  out.sort((a, b) => a.school.localeCompare(b.school) || a.grade - b.grade || a.subject.localeCompare(b.subject, "ru") || (a.class ?? "").localeCompare(b.class ?? "", "ru") || a.code - b.code);
  return { works: out, ...figures(works, out), findings };
}

function figures(works: readonly RecheckWork[], out: readonly WorkDiscrepancy[]): Omit<DiscrepancyReport, "works" | "findings"> {
  const items: ItemDiscrepancy[] = [];
  for (const work of works) {
    const mine = out.filter((w) => w.workId.toUpperCase() === work.workId.toUpperCase());
    for (const item of work.items) {
      const changes = mine.map((w) => w.itemChanges.find((c) => c.label === item.label)?.change ?? 0);
      const changed = changes.filter((c) => c !== 0).length;
      items.push({
        workId: work.workId,
        label: item.label,
        max: item.max,
        works: mine.length,
        changed,
        up: changes.filter((c) => c > 0).length,
        down: changes.filter((c) => c < 0).length,
        changedShare: mine.length === 0 ? null : round((changed / mine.length) * 100, 1),
        meanChange: mean(changes),
        meanAbsChange: mean(changes.map(Math.abs)),
      });
    }
  }
  const mostChanged = items
    .filter((i) => i.changed > 0)
    .sort((a, b) => b.changedShare! - a.changedShare! || b.changed - a.changed)
    .slice(0, MOST_CHANGED);
  const groups: GroupDiscrepancy[] = [];
  for (const school of [...new Set(out.map((w) => w.school))].sort()) {
    const ofSchool = out.filter((w) => w.school === school);
    const classes = [...new Set(ofSchool.map((w) => w.class).filter((c): c is string => c !== null))].sort((a, b) => a.localeCompare(b, "ru", { numeric: true }));
    for (const cls of classes) groups.push(group(school, cls, ofSchool.filter((w) => w.class === cls)));
    groups.push(group(school, null, ofSchool));
  }
  const changes = out.map((w) => w.change);
  const distribution: Record<string, number> = {};
  if (changes.length > 0) {
    const lo = Math.min(0, ...changes);
    const hi = Math.max(0, ...changes);
    for (let c = lo; c <= hi; c++) distribution[String(c)] = changes.filter((x) => x === c).length;
  }
  const marked = out.filter((w) => w.markChanged);
  const summary: DiscrepancySummary = {
    works: out.length,
    changed: changes.filter((c) => c !== 0).length,
    up: changes.filter((c) => c > 0).length,
    down: changes.filter((c) => c < 0).length,
    markChanged: marked.length,
    markUp: marked.filter((w) => w.recheckMark! > w.originalMark!).length,
    markDown: marked.filter((w) => w.recheckMark! < w.originalMark!).length,
    meanChange: mean(changes),
    meanAbsChange: mean(changes.map(Math.abs)),
    distribution,
  };
  return { items, groups, mostChanged, summary };
}

function group(school: string, cls: string | null, rows: readonly WorkDiscrepancy[]): GroupDiscrepancy {
  const changes = rows.map((w) => w.change);
  return {
    school,
    class: cls,
    works: rows.length,
    changed: changes.filter((c) => c !== 0).length,
    meanChange: mean(changes),
    meanAbsChange: mean(changes.map(Math.abs)),
    markChanged: rows.filter((w) => w.markChanged).length,
  };
}
