// What the roll-up workbook «Свод» and `vpr municipal --json` show: the files read, the monitoring,
// the statistics per school and for the municipality, the signs and the ranking, the observers.
// Declared here, in the shape the JSON asks for, so that the roll-up does not depend on how
// the readers, the monitoring and the statistics compute them (src/workbook/municipal/read*,
// monitoring*, statistics*): those fill it in. Codes and figures only, but for the observers' list,
// which holds names and is shown on the roll-up's own sheet only.
import type { GroupStatistics, SourceKind } from "../../core";
import type { ObserverFlag } from "./observers";
import type { ObserversList } from "./observersSheet";

/** One problem of a file, with its place: sheet and cell, or row. */
export interface FileProblem {
  message: string;
  severity?: "error" | "warning";
  code?: string;
  sheet?: string;
  cell?: string;
  row?: number;
}

/** A file of the folder: what it is, the work it holds, how many participant rows, what was wrong. */
export interface RollupFile {
  file: string;
  /** The source kinds, or a file that could not be read or is no form. */
  kind: SourceKind | "unreadable" | "not-a-form";
  subject: string | null;
  grade: number | null;
  rows: number;
  problems: FileProblem[];
  /** Rows of a read file left out, by reason («повтор кода», «ничего не записано»…); absent when none. */
  leftOut?: { reason: string; rows: number }[];
}

export interface RollupSchool {
  /** 6-digit code. */
  school: string;
  name: string | null;
  municipality: string | null;
  /** On the list, and not one file of it arrived (shown even when no work of it can be named). */
  nothingReceived?: boolean;
}

export type WorkStatus = "received" | "missing" | "invalid";

/** Monitoring: one school × work, expected (the list «Школы») or received. */
export interface MonitoringEntry {
  school: string;
  subject: string;
  grade: number;
  status: WorkStatus;
  participants: number;
  absent: number;
  files: string[];
  /** Why invalid, or anything else worth a word. */
  note?: string;
}

/** A group of a work: a school (class null = the whole school) or the municipality (school null). */
export type SchoolGroup = GroupStatistics & { school: string | null };

/** One work across schools: the analysis's shape, the groups per school, the municipality last. */
export interface MunicipalWork {
  workId: string;
  subject: string;
  grade: number;
  maxTotal: number;
  scale: [number, number, number] | null;
  groups: SchoolGroup[];
}

/** A sign of a school's results on a work, measured against the municipality, with the numbers. */
export interface SchoolSign {
  school: string;
  workId: string;
  subject: string;
  grade: number;
  code: string;
  message: string;
  numbers: Record<string, number | string | null>;
  small: boolean;
}

/** A school's place in the ranking by signs (the list's order is the ranking). */
export interface SchoolRank {
  school: string;
  signs: number;
  /** Works with at least one sign, and all works of the school. */
  flaggedWorks: number;
  works: number;
  /** The ranking's own measure, when it has one beyond the count. */
  score?: number | null;
}

export interface RollupData {
  title?: string;
  files: RollupFile[];
  schools: RollupSchool[];
  /** null when there was no expected list and no monitoring was made. */
  monitoring: MonitoringEntry[] | null;
  works: MunicipalWork[];
  signs: SchoolSign[];
  ranking: SchoolRank[];
  observers: { list: ObserversList; flags: ObserverFlag[] } | null;
}

/** «123456 Школа № 1», or the code alone. */
export function schoolLabel(data: Pick<RollupData, "schools">): (school: string) => string {
  const names = new Map(data.schools.map((s) => [s.school, s.name]));
  return (school) => {
    const name = names.get(school);
    return name ? `${school} ${name}` : school;
  };
}
