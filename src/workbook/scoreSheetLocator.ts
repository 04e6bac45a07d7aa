// Finding the score sheets of a workbook, whatever the coordinator renamed. Pure: a snapshot and
// its inputs in, sheet names out; the check, the upload and the score-sheet merge all ask here.
//
// 1. By name: the sheet the plan row names («<класс> <предмет>», compared as Excel compares sheet
//    names) is that row's sheet, whatever its header says (the check then reports its columns).
// 2. By header: a plan row whose sheet is missing takes a sheet carrying a score sheet's header
//    (`isScoreSheet`) whose columns are exactly that work's (the layout signature: every code,
//    variant and item header of the work present, and no item or variant header of another work),
//    and whose class — told by the codes on it, else by a class in its name — is the row's.
//    «4А Математика» renamed to «4А Матем (проверено)» is found again.
// 3. Every other sheet with a score sheet's header is unplanned: no «План» row leads to it. It is
//    described as far as it can be (does it hold scores; which known work its header fits; which
//    class its codes or its name say; which plan row already has a sheet of that class and work),
//    so that the check can name it and say which form would lose that class.
import { CATALOGUE, parseClassName, parseItemHeader, readCode, sameSheetName, type WorkDefinition } from "../core";
import type { CellValue, SheetSnapshot, Snapshot } from "./backend";
import { headerKey } from "./contract";
import { readInputs, type Inputs, type ScheduleRow } from "./inputs";
import { isScoreSheet, scoreLayout, scoreSheetName } from "./scoreSheet";

/** A plan row and the name of its score sheet (see `scoreSheetTargets` for the name clashes). */
export interface ScoreSheetTarget {
  row: ScheduleRow;
  name: string;
}

export interface LocatedScoreSheet {
  plan: ScheduleRow;
  /** The name the plan gives the sheet: «<класс> <предмет>». */
  expected: string;
  /** The sheet that holds this row's scores, as it is named in the workbook; null when there is none. */
  sheet: string | null;
  /** "name": under the expected name; "header": a renamed sheet recognised by its header. */
  found: "name" | "header" | null;
}

export interface UnplannedScoreSheet {
  sheet: string;
  /** A variant or a score is typed in some row. */
  hasScores: boolean;
  /** The known work (on «Критерии» or built in) whose layout its header fits; null when none or several. */
  work: WorkDefinition | null;
  /** The class its codes (most of them) or else its name tell; null when neither does. */
  className: string | null;
  grade: number | null;
  /** The plan row of that class and work, which already has a sheet: this one is a copy or an old renamed one. */
  twinOf: LocatedScoreSheet | null;
}

export interface ScoreSheetMap {
  /** One per target, in plan order. */
  located: LocatedScoreSheet[];
  /** Sheets with a score sheet's header that no plan row leads to, in workbook order. */
  unplanned: UnplannedScoreSheet[];
}

/** The targets of a plan: one sheet name per row; a row whose name another row already took is left out. */
export function planTargets(plan: readonly ScheduleRow[]): ScoreSheetTarget[] {
  const out: ScoreSheetTarget[] = [];
  for (const row of plan) {
    const name = scoreSheetName(row.className, row.subject);
    if (!out.some((o) => sameSheetName(o.name, name))) out.push({ row, name });
  }
  return out;
}

/**
 * Where each plan row's scores are, and which score sheets no plan row leads to.
 * `targets` defaults to `planTargets(inputs.schedule)`; the check passes `scoreSheetTargets`, which
 * also reports name clashes.
 */
export function findScoreSheets(
  snapshot: Snapshot,
  inputs: Inputs = readInputs(snapshot),
  targets: readonly ScoreSheetTarget[] = planTargets(inputs.schedule),
  options: { unplanned?: boolean } = {},
): ScoreSheetMap {
  const byName = new Map<string, string>(); // target name → sheet name
  const taken = new Set<string>();
  for (const t of targets) {
    const existing = snapshot.sheetNames.find((n) => sameSheetName(n, t.name));
    if (existing && snapshot.sheets[existing]) {
      byName.set(t.name, existing);
      taken.add(existing);
    }
  }
  const classOfCode = new Map(inputs.roster.students.filter((s) => s.code !== null).map((s) => [s.code!, s.className]));
  // Every other sheet is looked at only when a row's sheet is missing or unplanned sheets are
  // asked for (a file back end parses a sheet when it is first looked at).
  let found: { name: string; sheet: SheetSnapshot; className: string | null }[] | null = null;
  const all = () =>
    (found ??= snapshot.sheetNames
      .filter((n) => !byName.has(n) && ![...byName.values()].includes(n) && isScoreSheet(snapshot.sheets[n]))
      .map((n) => ({ name: n, sheet: snapshot.sheets[n], className: sheetClass(n, snapshot.sheets[n], classOfCode) })));

  const located: LocatedScoreSheet[] = targets.map((t) => {
    const sheet = byName.get(t.name) ?? null;
    return { plan: t.row, expected: t.name, sheet, found: sheet ? "name" : null };
  });
  // Renamed sheets: a missing row takes the one fitting sheet of its class; a sheet whose class is
  // unknown goes to a row only when it is the one fitting sheet and the row the one missing row of that work.
  const free = (c: { name: string }) => !taken.has(c.name);
  const claim = (loc: LocatedScoreSheet, name: string): void => {
    loc.sheet = name;
    loc.found = "header";
    taken.add(name);
  };
  for (const loc of located.filter((l) => l.sheet === null)) {
    const fit = all().filter((c) => free(c) && c.className === loc.plan.className && fitsWork(c.sheet, loc.plan.work));
    if (fit.length === 1) claim(loc, fit[0].name);
  }
  for (const loc of located.filter((l) => l.sheet === null)) {
    const rows = located.filter((l) => l.sheet === null && l.plan.work.id === loc.plan.work.id);
    const fit = all().filter((c) => free(c) && c.className === null && fitsWork(c.sheet, loc.plan.work));
    if (rows.length === 1 && fit.length === 1) claim(loc, fit[0].name);
  }

  if (options.unplanned === false) return { located, unplanned: [] };
  const known = knownWorks(inputs);
  const unplanned = all()
    .filter(free)
    .map((c): UnplannedScoreSheet => {
      const fits = known.filter((w) => fitsWork(c.sheet, w));
      const planned = fits.filter((w) => inputs.schedule.some((p) => p.work.id === w.id));
      const work = fits.length === 1 ? fits[0] : planned.length === 1 ? planned[0] : null;
      const grade = c.className ? parseInt(c.className, 10) : work ? work.grade : null;
      const twinOf = work && c.className ? located.find((l) => l.sheet !== null && l.plan.className === c.className && l.plan.work.id === work.id) ?? null : null;
      return { sheet: c.name, hasScores: holdsScores(c.sheet), work, className: c.className, grade: Number.isInteger(grade) ? grade : null, twinOf };
    });
  return { located, unplanned };
}

/** Works of «Критерии» first, then built-in ones they do not override. */
function knownWorks(inputs: Inputs): WorkDefinition[] {
  const ids = new Set(inputs.works.map((w) => w.id.toUpperCase()));
  return [...inputs.works, ...CATALOGUE.filter((w) => !ids.has(w.id.toUpperCase()))];
}

const isVariantHeader = (key: string): boolean => key.startsWith(headerKey("Вариант"));
const isScoreHeader = (h: CellValue): boolean => isVariantHeader(headerKey(h)) || parseItemHeader(h).ok;

/**
 * The layout signature: every header of the work's code, variant and item columns is on the
 * sheet's first row, and the sheet has no variant or item header the work does not have (other
 * columns — notes, «Комментарий» — do not matter).
 */
export function fitsWork(sheet: SheetSnapshot, work: WorkDefinition): boolean {
  const layout = scoreLayout(work);
  const want = layout.headers.slice(0, layout.columns.length).map(headerKey);
  const header = sheet.values[0] ?? [];
  const keys = new Set(header.map(headerKey));
  if (!want.every((k) => keys.has(k))) return false;
  const mine = new Set(want);
  return header.every((h) => !isScoreHeader(h) || mine.has(headerKey(h)));
}

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A variant or a score typed in some data row (by header: «Вариант…» and «label (Nб)» columns). */
export function holdsScores(sheet: SheetSnapshot): boolean {
  const cols = (sheet.values[0] ?? []).map((h, i) => (isScoreHeader(h) ? i : -1)).filter((i) => i >= 0);
  return sheet.values.slice(1).some((row) => cols.some((c) => !blank(row[c])));
}

/**
 * The class of a score sheet: the class most of its codes belong to (more than half of the codes
 * the roster knows), else a class written in its name («4А Матем (проверено)», «Матем 4А»).
 */
export function sheetClass(name: string, sheet: SheetSnapshot, classOfCode: ReadonlyMap<number, string>): string | null {
  const codeCol = (sheet.values[0] ?? []).findIndex((h) => headerKey(h) === headerKey("Код"));
  if (codeCol >= 0) {
    const counts = new Map<string, number>();
    let known = 0;
    for (const row of sheet.values.slice(1)) {
      const cls = classOfCode.get(readCode(row[codeCol] ?? null) ?? NaN);
      if (cls === undefined) continue;
      known++;
      counts.set(cls, (counts.get(cls) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] * 2 > known) return best[0];
  }
  for (const m of name.matchAll(/(?:^|[\s_(])(\d{1,2}\s?[А-ЯЁа-яёA-Za-z])(?=$|[\s_).,-])/gu)) {
    const cls = parseClassName(m[1]);
    if (cls.ok) return cls.value;
  }
  return null;
}
