// Monitoring (docs/MUNICIPAL.md, «Мониторинг»): per school × work, whether its results arrived —
// received, missing, invalid (a file whose errors left rows out, or that could not be read) — with
// participants and absent, grouped by municipality when the list names them. Pure: the read files
// (`SourceFile[]`), what the readers left out (`FileLoss[]`) and the optional expected list.
import { nameKey, type Finding } from "../../core";
import type { SourceFile } from "../../core/municipal";
import type { ExpectedSchool, ExpectedWork, SchoolList } from "./schoolList";

/**
 * Rows a reader left out of a file (errors), for one school when it knows which: a school's form has
 * one; an export row without a readable login has none. `rows: null` — the file could not be read at
 * all (its school, subject and grade from the file name, when the name tells them).
 */
export interface FileLoss {
  file: string;
  school: string | null;
  subject: string | null;
  grade: number | null;
  rows: number | null;
}

export type WorkStatus = "received" | "missing" | "invalid";

export interface MonitoredWork {
  subject: string;
  grade: number;
  status: WorkStatus;
  /** On the school's expected list (or, without works on the list, expected by the rule in docs). */
  expected: boolean;
  /** Files that hold this school's rows of the work (a form, or exports of many schools). */
  files: string[];
  /** Distinct codes not absent. */
  participants: number;
  /** Distinct codes «отсутствовал». */
  absent: number;
  /** Rows left out by the readers; null when a file of the work could not be read at all. */
  leftOut: number | null;
}

export interface MonitoredSchool {
  school: string;
  name: string | null;
  municipality: string | null;
  /** On the expected list (false: files came from a school the list does not name). */
  listed: boolean;
  /** Nothing at all arrived from the school. */
  nothingReceived: boolean;
  works: MonitoredWork[];
  received: number;
  missing: number;
  invalid: number;
}

export interface MunicipalitySummary {
  municipality: string | null;
  schools: number;
  /** Schools with every expected work received and valid. */
  complete: number;
  nothingReceived: number;
  received: number;
  missing: number;
  invalid: number;
  participants: number;
  absent: number;
}

export interface Monitoring {
  schools: MonitoredSchool[];
  /** One per municipality named by the list (null: not named), in name order. */
  municipalities: MunicipalitySummary[];
  /** Rows left out that no school can be told for, per work («subject, grade»). */
  unattributed: { subject: string | null; grade: number | null; rows: number | null; file: string }[];
  findings: Finding[];
}

const workKey = (subject: string, grade: number): string => `${grade}\u0000${nameKey(subject)}`;
const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Tally {
  subject: string;
  grade: number;
  files: Set<string>;
  present: Set<number>;
  absent: Set<number>;
  leftOut: number | null;
  lost: boolean;
}

/**
 * Which works a school is expected to write. «Работы» on the list: those. «Параллели» only: every
 * work any school sent in those grades. Neither (the FIS OKO list): every work any school sent in
 * the grades this school sent something for — a school with nothing received has no works to list
 * and is told as «ничего не получено». A school not on a given list: nothing expected.
 */
function expectedWorks(entry: ExpectedSchool | undefined, listGiven: boolean, own: Iterable<Tally>, all: readonly ExpectedWork[]): ExpectedWork[] {
  // A school the list does not name is expected to write nothing: what it sent is shown as sent.
  if (listGiven && !entry) return [];
  if (entry?.works) return entry.works;
  const grades = entry?.grades ?? [...new Set([...own].map((t) => t.grade))];
  return all.filter((w) => grades.includes(w.grade));
}

export function monitoring(sources: readonly SourceFile[], losses: readonly FileLoss[], list: SchoolList | null): Monitoring {
  const findings: Finding[] = [];
  const tallies = new Map<string, Map<string, Tally>>();
  const tally = (school: string, subject: string, grade: number): Tally => {
    let bySchool = tallies.get(school);
    if (!bySchool) tallies.set(school, (bySchool = new Map()));
    const key = workKey(subject, grade);
    let t = bySchool.get(key);
    if (!t) bySchool.set(key, (t = { subject, grade, files: new Set(), present: new Set(), absent: new Set(), leftOut: 0, lost: false }));
    return t;
  };
  // Every work seen anywhere, in the spelling of its first file: what a school without «Работы» is expected to write.
  const seen = new Map<string, ExpectedWork>();
  for (const source of [...sources].sort((a, b) => text(a.file, b.file))) {
    if (!seen.has(workKey(source.subject, source.grade))) seen.set(workKey(source.subject, source.grade), { subject: source.subject, grade: source.grade });
    for (const row of source.rows) {
      const t = tally(row.school, source.subject, source.grade);
      t.files.add(source.file);
      // A code counts once, whichever file repeats it (a form sent twice, an export beside the form).
      if (row.absent) t.absent.add(row.code);
      else t.present.add(row.code);
    }
  }
  const unattributed: Monitoring["unattributed"] = [];
  for (const loss of losses) {
    if (loss.school === null || loss.subject === null || loss.grade === null) {
      if (loss.school === null) unattributed.push({ subject: loss.subject, grade: loss.grade, rows: loss.rows, file: loss.file });
      else findings.push({ severity: "warning", code: "municipal.file-unknown-work", message: `файл «${loss.file}» школы ${loss.school} не прочитан, и по имени не видно, какая это работа: проверьте его и попросите школу прислать заново` });
      continue;
    }
    if (loss.rows === 0) continue;
    const t = tally(loss.school, loss.subject, loss.grade);
    if (!seen.has(workKey(loss.subject, loss.grade))) seen.set(workKey(loss.subject, loss.grade), { subject: loss.subject, grade: loss.grade });
    t.files.add(loss.file);
    t.lost = true;
    t.leftOut = loss.rows === null || t.leftOut === null ? null : t.leftOut + loss.rows;
  }
  const allWorks = [...seen.values()].sort((a, b) => a.grade - b.grade || text(a.subject, b.subject));

  const listed = new Map((list?.schools ?? []).map((s) => [s.school, s]));
  const codes = [...new Set([...listed.keys(), ...tallies.keys()])];
  const schools: MonitoredSchool[] = codes.map((school) => {
    const entry = listed.get(school);
    const own = tallies.get(school) ?? new Map<string, Tally>();
    const expected = expectedWorks(entry, list !== null, own.values(), allWorks);
    const keys = new Set(expected.map((w) => workKey(w.subject, w.grade)));
    const works: MonitoredWork[] = expected.map((w) => {
      const t = own.get(workKey(w.subject, w.grade));
      return t ? workOf(t, true) : { subject: w.subject, grade: w.grade, status: "missing", expected: true, files: [], participants: 0, absent: 0, leftOut: 0 };
    });
    for (const [key, t] of own) if (!keys.has(key)) works.push(workOf(t, list === null));
    works.sort((a, b) => a.grade - b.grade || text(a.subject, b.subject));
    const count = (s: WorkStatus) => works.filter((w) => w.status === s).length;
    const result: MonitoredSchool = { school, name: entry?.name ?? null, municipality: entry?.municipality ?? null, listed: entry !== undefined, nothingReceived: own.size === 0, works, received: count("received"), missing: count("missing"), invalid: count("invalid") };
    if (list && !entry) findings.push({ severity: "warning", code: "municipal.school-unlisted", message: `школа ${school} прислала результаты (${works.map((w) => `${w.subject}, ${w.grade} класс`).join("; ")}), но её нет в списке школ: проверьте код ОО в файлах или дополните список` });
    if (entry && own.size === 0) findings.push({ severity: "warning", code: "municipal.school-nothing", sheet: entry.sheet, cell: `A${entry.row + 1}`, message: `школа ${school}${entry.name ? ` «${entry.name}»` : ""}: в списке есть, но ни одного файла с её результатами не получено` });
    for (const w of works.filter((x) => x.status === "missing")) findings.push({ severity: "warning", code: "municipal.work-missing", message: `школа ${school}: нет результатов работы «${w.subject}, ${w.grade} класс»` });
    return result;
  });
  schools.sort((a, b) => text(a.municipality ?? "\uffff", b.municipality ?? "\uffff") || text(a.school, b.school));
  return { schools, municipalities: summarise(schools), unattributed, findings };
}

function workOf(t: Tally, expected: boolean): MonitoredWork {
  // A code both present and absent (two files disagree) counts as present.
  const absent = [...t.absent].filter((c) => !t.present.has(c)).length;
  return { subject: t.subject, grade: t.grade, status: t.lost ? "invalid" : "received", expected, files: [...t.files].sort(text), participants: t.present.size, absent, leftOut: t.leftOut };
}

function summarise(schools: readonly MonitoredSchool[]): MunicipalitySummary[] {
  const by = new Map<string | null, MunicipalitySummary>();
  for (const s of schools) {
    let m = by.get(s.municipality);
    if (!m) by.set(s.municipality, (m = { municipality: s.municipality, schools: 0, complete: 0, nothingReceived: 0, received: 0, missing: 0, invalid: 0, participants: 0, absent: 0 }));
    m.schools++;
    if (s.nothingReceived) m.nothingReceived++;
    else if (s.missing === 0 && s.invalid === 0) m.complete++;
    m.received += s.received;
    m.missing += s.missing;
    m.invalid += s.invalid;
    for (const w of s.works) {
      m.participants += w.participants;
      m.absent += w.absent;
    }
  }
  return [...by.values()];
}
