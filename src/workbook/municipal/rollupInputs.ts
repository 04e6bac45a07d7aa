// From what the readers and the monitoring give to what the roll-up and the JSON show
// (rollupData.ts): the files with their problems, what each file lost (for the monitoring) and the
// monitoring's schools and works, the statistics, signs and ranking.
import type { FileLoss, Monitoring } from "./monitoring";
import type { SchoolRank as RankedSchool } from "./ranking";
import type { MunicipalFlag } from "./signs";
import type { MunicipalWork as WorkRead } from "./statistics";
import type { FolderRead } from "./readSources";
import type { MonitoringEntry, MunicipalWork, RollupFile, RollupSchool, SchoolRank, SchoolSign } from "./rollupData";
import { parseFormFileName } from "./workFromFileName";

export function rollupFiles(read: FolderRead): RollupFile[] {
  const strip = (p: { message: string; severity: "error" | "warning"; code: string; sheet?: string; cell?: string; row?: number }) => ({ message: p.message, severity: p.severity, code: p.code, sheet: p.sheet, cell: p.cell, row: p.row });
  return [
    ...read.files.map((f): RollupFile => ({ file: f.file, kind: f.kind, subject: f.subject, grade: f.grade, rows: f.rows.length, problems: f.problems.map(strip), ...(f.leftOut.length > 0 ? { leftOut: f.leftOut.map((l) => ({ reason: l.reason, rows: l.rows })) } : {}) })),
    ...read.unread.map((u): RollupFile => {
      const work = parseFormFileName(u.file.slice(u.file.lastIndexOf("/") + 1));
      return { file: u.file, kind: u.problems.some((p) => p.code === "municipal.not-a-form") ? "not-a-form" : "unreadable", subject: work?.subject ?? null, grade: work?.grade ?? null, rows: 0, problems: u.problems.map(strip) };
    }),
  ];
}

/**
 * What each file lost: a read file's rows left out (a form's school from its rows; an export's rows
 * belong to no one school), a file not read at all (its work from the form's file name, if any).
 * Rows of a work another file already brought are not lost.
 */
export function fileLosses(read: FolderRead): FileLoss[] {
  const losses: FileLoss[] = [];
  for (const f of read.files) {
    const rows = f.leftOut.filter((l) => !l.reason.includes("уже прочитана")).reduce((n, l) => n + l.rows, 0);
    if (rows === 0) continue;
    const schools = new Set<string>();
    for (let i = 0; i < f.rows.length; i++) schools.add(f.rows.schoolAt(i));
    const own = f.kind === "export" ? null : schools.size === 1 ? [...schools][0] : (parseFormFileName(f.file.slice(f.file.lastIndexOf("/") + 1))?.school ?? null);
    losses.push({ file: f.file, school: own, subject: f.subject, grade: f.grade, rows });
  }
  for (const u of read.unread) {
    if (u.problems.every((p) => p.severity !== "error")) continue;
    const work = parseFormFileName(u.file.slice(u.file.lastIndexOf("/") + 1));
    losses.push({ file: u.file, school: work?.school ?? null, subject: work?.subject ?? null, grade: work?.grade ?? null, rows: null });
  }
  return losses;
}

export function monitoringEntries(m: Monitoring): { schools: RollupSchool[]; entries: MonitoringEntry[] } {
  return {
    schools: m.schools.map((s) => ({ school: s.school, name: s.name, municipality: s.municipality, ...(s.listed && s.nothingReceived ? { nothingReceived: true } : {}) })),
    entries: m.schools.flatMap((s) =>
      s.works.map((w): MonitoringEntry => ({
        school: s.school,
        subject: w.subject,
        grade: w.grade,
        status: w.status,
        participants: w.participants,
        absent: w.absent,
        files: w.files,
        note: w.leftOut === null ? "файл не прочитан" : w.leftOut > 0 ? `строк не учтено: ${w.leftOut}` : undefined,
      })),
    ),
  };
}

/** The statistics per work, the signs and the ranking (its order kept), with each school's number of works. */
export function statisticsData(works: readonly WorkRead[], flags: readonly MunicipalFlag[], ranked: readonly RankedSchool[]): { works: MunicipalWork[]; signs: SchoolSign[]; ranking: SchoolRank[] } {
  const worksOf = new Map<string, number>();
  for (const w of works) for (const g of w.statistics.groups) if (g.school !== null && g.class === null) worksOf.set(g.school, (worksOf.get(g.school) ?? 0) + 1);
  return {
    works: works.map((w) => w.statistics),
    signs: flags.map((f) => ({ school: f.school, workId: f.workId, subject: f.subject, grade: f.grade, code: f.code, message: f.message, numbers: f.numbers, small: f.small })),
    ranking: [...ranked].sort((a, b) => a.rank - b.rank).map((r) => ({ school: r.school, signs: r.signs, flaggedWorks: r.works.length, works: worksOf.get(r.school) ?? r.works.length, score: r.score })),
  };
}
