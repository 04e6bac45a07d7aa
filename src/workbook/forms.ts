// Upload readiness, once for every face: the forms a workbook makes (one per grade × subject, the
// file grouping key below), and for each whether it can be built now and, if not, why. Works are
// written on different days and each form is due within days of its own work, so a form waits only
// for its own problems: errors on its classes' score sheets, on its «План» rows, on its work's
// block of «Критерии», on the roster rows of its grade — and the few that concern every form (the
// school code, a missing input sheet, a roster header, scores no one can place).
import { findWork, parseClassName, uploadFileName, type Finding, type WorkDefinition } from "../core";
import type { CellValue, Snapshot } from "./backend";
import { CRITERIA, CRITERIA_SHEET, PLAN, PLAN_SHEET, ROSTER, ROSTER_SHEET, cellText, headerKey } from "./contract";
import { compareClassNames, type Inputs } from "./inputs";

/** The file grouping key: one upload form per grade and subject, every class of that grade in it. */
export const formKey = (grade: number, subject: string): string => `${grade}|${headerKey(subject)}`;

/**
 * Which forms a finding concerns: every form, or the forms of these grades and subjects (either
 * left out: any). Errors hold those forms back; warnings are told with them.
 */
export type FindingScope = "all" | { grade?: number; subject?: string }[];

/** One class's part of a form: a plan row and its score sheet. */
export interface FormMember {
  grade: number;
  subject: string;
  className: string;
  work: WorkDefinition;
  /** The score sheet as named in the workbook; null when it is missing. */
  sheet: string | null;
  /** «План» row, 0-based. */
  planRow: number;
}

export interface UploadForm {
  key: string;
  grade: number;
  subject: string;
  /** The works its classes write (two is an error: one form has one header). */
  works: WorkDefinition[];
  classes: string[];
  /** Its score sheets as named in the workbook. */
  sheets: string[];
  /** `<Код ОО>_<параллель>_<предмет>.xlsx`; null while the school code is missing. */
  fileName: string | null;
  /** The errors that hold it back: its own and those concerning every form. */
  blockers: Finding[];
  /** The warnings that concern it (its own and the workbook-wide ones): told, never blocking. */
  notes: Finding[];
  ready: boolean;
  /** Why it is not ready, in Russian («не заполнено строк — 20 на листе «8А Физика»»); "" when ready. */
  reason: string;
}

const matches = (scope: FindingScope, grade: number, subject: string): boolean =>
  scope === "all" || scope.some((s) => (s.grade === undefined || s.grade === grade) && (s.subject === undefined || headerKey(s.subject) === headerKey(subject)));

/**
 * The forms of the plan (and of scores no plan row leads to, when their grade and subject are
 * known), each with its blockers. `scopes` gives the scope of findings made outside the input
 * sheets (score sheets, unplanned sheets); findings of the input sheets are placed by their row.
 * A form whose classes write different works gets an error here (pushed into `findings`).
 */
export function uploadForms(snapshot: Snapshot, inputs: Inputs, members: readonly FormMember[], findings: Finding[], scopes: ReadonlyMap<Finding, FindingScope>, extra: readonly { grade: number; subject: string }[] = []): UploadForm[] {
  const groups = new Map<string, { grade: number; subject: string; members: FormMember[] }>();
  for (const m of members) {
    const key = formKey(m.grade, m.subject);
    const g = groups.get(key) ?? { grade: m.grade, subject: m.subject, members: [] };
    g.members.push(m);
    groups.set(key, g);
  }
  for (const e of extra) {
    const key = formKey(e.grade, e.subject);
    if (!groups.has(key)) groups.set(key, { grade: e.grade, subject: e.subject, members: [] });
  }
  const own = new Map<Finding, FindingScope>(scopes);
  for (const g of groups.values()) {
    const first = g.members[0];
    const other = g.members.find((m) => m.work.id !== first.work.id);
    if (!first || !other) continue;
    const f: Finding = {
      sheet: PLAN_SHEET,
      cell: `C${other.planRow + 1}`,
      severity: "error",
      code: "upload.mixed-works",
      message: `классы ${first.className} и ${other.className} пишут «${g.subject}» по разным описаниям (${first.work.id} и ${other.work.id}), а форма для параллели одна: укажите на листе «${PLAN_SHEET}» одну работу`,
    };
    findings.push(f);
    own.set(f, [{ grade: g.grade, subject: g.subject }]);
  }
  const placer = inputPlacer(snapshot, inputs);
  const scoped = findings.map((f) => ({ f, scope: own.get(f) ?? placer(f) }));
  const errors = scoped.filter((e) => e.f.severity === "error");
  const warnings = scoped.filter((e) => e.f.severity !== "error");
  const forms: UploadForm[] = [];
  for (const [key, g] of groups) {
    const blockers = errors.filter((e) => matches(e.scope, g.grade, g.subject)).map((e) => e.f);
    if (g.members.length === 0 && blockers.length === 0) continue;
    const works = [...new Map(g.members.map((m) => [m.work.id, m.work])).values()];
    const subject = works[0]?.subject ?? g.subject;
    forms.push({
      key,
      grade: g.grade,
      subject,
      works,
      classes: [...new Set(g.members.map((m) => m.className))].sort(compareClassNames),
      sheets: g.members.map((m) => m.sheet).filter((s): s is string => s !== null),
      fileName: inputs.settings.school ? uploadFileName(inputs.settings.school, g.grade, subject) : null,
      blockers,
      notes: warnings.filter((e) => matches(e.scope, g.grade, g.subject)).map((e) => e.f),
      ready: blockers.length === 0 && g.members.length > 0,
      reason: blockers.length > 0 ? reasonOf(blockers) : g.members.length === 0 ? "нет ни одной строки плана" : "",
    });
  }
  return forms.sort((a, b) => a.grade - b.grade || a.subject.localeCompare(b.subject, "ru"));
}

/** The forms the given work ids (case-insensitive) go into. */
export const formsOfWorks = (forms: readonly UploadForm[], ids: readonly string[]): UploadForm[] => {
  const wanted = new Set(ids.map((id) => id.trim().toUpperCase()));
  return forms.filter((f) => f.works.some((w) => wanted.has(w.id.toUpperCase())));
};

/** A form's name for people: «4 класс, Математика». */
export const formTitle = (form: Pick<UploadForm, "grade" | "subject">): string => `${form.grade} класс, ${form.subject}`;

function reasonOf(blockers: readonly Finding[]): string {
  const sheets = (list: readonly Finding[]) => {
    const names = [...new Set(list.map((f) => f.sheet).filter((s): s is string => s !== undefined))];
    if (names.length === 0) return "";
    return ` на ${names.length === 1 ? "листе" : "листах"} ${names.map((n) => `«${n}»`).join(", ")}`;
  };
  const blank = blockers.filter((f) => f.code === "row.blank");
  const missing = blockers.filter((f) => f.code === "sheet.scores-missing");
  const other = blockers.filter((f) => f.code !== "row.blank" && f.code !== "sheet.scores-missing");
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`нет ${missing.length === 1 ? "листа" : "листов"} ${missing.map((f) => `«${f.sheet ?? ""}»`).join(", ")}`);
  if (blank.length > 0) parts.push(`не заполнено строк — ${blank.length}${sheets(blank)}`);
  if (other.length > 0) parts.push(`ошибок — ${other.length}${sheets(other)}`);
  return parts.join("; ");
}

/**
 * Places a finding of an input sheet by its row: a roster row holds back the forms of its grade, a
 * plan row the form of its grade and subject, a block of «Критерии» the forms of the plan rows
 * naming that work (none when no row does). Findings without a row, on «Настройки», or anywhere
 * else: every form.
 */
function inputPlacer(snapshot: Snapshot, inputs: Inputs): (f: Finding) => FindingScope {
  const rowOf = (f: Finding): number | null => {
    const m = /^[A-Z]+(\d+)$/.exec(f.cell ?? "");
    return m ? Number(m[1]) - 1 : null;
  };
  const valuesOf = (name: string): CellValue[][] => snapshot.sheets[name]?.values ?? [];
  const colOf = (rows: CellValue[][], name: string): number => (rows[0] ?? []).findIndex((h) => headerKey(h) === headerKey(name));
  const roster = valuesOf(ROSTER_SHEET);
  const rosterClass = colOf(roster, ROSTER.className);
  const plan = valuesOf(PLAN_SHEET);
  const planClass = colOf(plan, PLAN.className);
  const planSubject = colOf(plan, PLAN.subject);
  const planWork = colOf(plan, PLAN.work);
  const criteria = valuesOf(CRITERIA_SHEET);

  const gradeAt = (rows: CellValue[][], r: number, col: number): number | null => {
    if (col < 0) return null;
    const cls = parseClassName(rows[r]?.[col] ?? null);
    return cls.ok ? cls.grade : null;
  };
  const planRowScope = (r: number): FindingScope => {
    const grade = gradeAt(plan, r, planClass);
    if (grade === null) return "all";
    const id = planWork >= 0 ? cellText(plan[r]?.[planWork] ?? null) : "";
    const subject = (id && findWork(id, inputs.works)?.subject) || (planSubject >= 0 ? cellText(plan[r]?.[planSubject] ?? null) : "");
    return [subject ? { grade, subject } : { grade }];
  };
  return (f) => {
    const r = rowOf(f);
    if (f.sheet === ROSTER_SHEET) {
      if (r === null || r === 0 || f.code === "roster.duplicate-code") return "all";
      const grade = gradeAt(roster, r, rosterClass);
      return grade === null ? "all" : [{ grade }];
    }
    if (f.sheet === PLAN_SHEET) return r === null || r === 0 ? "all" : planRowScope(r);
    if (f.sheet === CRITERIA_SHEET && r !== null) {
      let start = r;
      while (start >= 0 && headerKey(criteria[start]?.[0] ?? null) !== headerKey(CRITERIA.work)) start--;
      if (start < 0) return [];
      const id = cellText(criteria[start][1] ?? null).toUpperCase();
      const rows = plan.map((_, i) => i).filter((i) => i > 0 && planWork >= 0 && id !== "" && cellText(plan[i][planWork] ?? null).toUpperCase() === id);
      return rows.flatMap((i) => {
        const s = planRowScope(i);
        return s === "all" ? [] : s;
      });
    }
    return "all";
  };
}
