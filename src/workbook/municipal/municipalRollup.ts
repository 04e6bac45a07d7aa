// The municipal roll-up from the files read and the optional lists: monitoring, statistics per
// school and municipality, signs and ranking, the observers' conflicts — the data of «Свод» and of
// the JSON (docs/MUNICIPAL.md). One place for `vpr municipal` (src/cli/municipal.ts) and the pane's
// web mode (src/taskpane/components/MunicipalView.tsx). Browser-safe: the lists come as snapshots
// or bytes, the files as what readSources (./readSources.ts) gave.
import { DEFAULT_OBJECTIVITY, type DrawResult, type Finding, type ObjectivitySettings, type SampleRule, type WorkDefinition } from "../../core";
import { FileBackend } from "../file/FileBackend";
import { criteriaFromBytes } from "./criteriaFile";
import { monitoring } from "./monitoring";
import { observerFlags } from "./observers";
import { readObservers, type ObserversList } from "./observersSheet";
import { rankSchools } from "./ranking";
import { municipalSample } from "./recheckSample";
import type { FolderRead } from "./readSources";
import type { RollupData } from "./rollupData";
import { fileLosses, monitoringEntries, rollupFiles, statisticsData } from "./rollupInputs";
import { readSchoolList, type SchoolList } from "./schoolList";
import { municipalFlags } from "./signs";
import { municipalStatistics } from "./statistics";

/** The optional inputs besides the files: the expected schools, «Критерии», the observers. */
export interface MunicipalLists {
  schools?: SchoolList | null;
  criteria?: readonly WorkDefinition[] | null;
  observers?: ObserversList | null;
}

export interface MunicipalRollup {
  /** What «Свод» and the JSON show. */
  data: RollupData;
  /** The monitoring's and the statistics' findings (not the files' own problems: those are in data.files). */
  findings: Finding[];
  /** Files seen (read or not), files read, participant rows kept. */
  files: { total: number; read: number; rows: number };
  /** School × work entries of the monitoring by status. */
  works: { received: number; missing: number; invalid: number };
  /** Whether a list of schools was given (without one the expected works are not compared). */
  listed: boolean;
  /** A re-check sample across the schools (docs/MUNICIPAL.md, «Выборка для перепроверки по школам»). */
  sample(rule: SampleRule, seed: number): DrawResult;
}

/** Everything of the roll-up from the files read and the lists. */
export function municipalRollup(read: FolderRead, lists: MunicipalLists = {}, objectivity: ObjectivitySettings = DEFAULT_OBJECTIVITY): MunicipalRollup {
  const files = rollupFiles(read);
  const m = monitoring(read.files, fileLosses(read), lists.schools ?? null);
  const mon = monitoringEntries(m);
  const gradesAt = new Map<string, number[]>();
  for (const f of read.files)
    for (let i = 0; i < f.rows.length; i++) {
      const school = f.rows.schoolAt(i);
      if (!gradesAt.get(school)?.includes(f.grade)) gradesAt.set(school, [...(gradesAt.get(school) ?? []), f.grade]);
    }
  const names = new Map(mon.schools.map((s) => [s.school, s.name ?? undefined]));
  const observers = lists.observers ? { list: lists.observers, flags: observerFlags(lists.observers, { gradesAt: (s) => gradesAt.get(s), schoolName: (s) => names.get(s) }) } : null;

  const st = municipalStatistics(read.files, lists.criteria ?? []);
  const flags = municipalFlags(st.works, objectivity);
  const stats = statisticsData(st.works, flags, rankSchools(flags));
  const count = (status: string) => mon.entries.filter((e) => e.status === status).length;
  return {
    data: { files, schools: mon.schools, monitoring: mon.entries, works: stats.works, signs: stats.signs, ranking: stats.ranking, observers },
    findings: [...m.findings, ...st.findings],
    files: { total: files.length, read: read.files.length, rows: read.files.reduce((n, f) => n + f.rows.length, 0) },
    works: { received: count("received"), missing: count("missing"), invalid: count("invalid") },
    listed: Boolean(lists.schools),
    sample: (rule, seed) => municipalSample(st.works, flags, rule, seed),
  };
}

/** A school's name from the roll-up's schools (the list), if known. */
export const schoolName = (data: RollupData, school: string): string | undefined => data.schools.find((s) => s.school === school)?.name ?? undefined;

/** The JSON of docs/MUNICIPAL.md: files, schools with their works, works with "school" in each group, flags. Observers by row only. */
export function municipalJson(data: RollupData) {
  return {
    files: data.files,
    schools: data.schools.map((s) => ({ ...s, works: (data.monitoring ?? []).filter((e) => e.school === s.school).map(({ school: _school, ...w }) => w) })),
    works: data.works,
    flags: [
      ...data.signs,
      ...(data.observers?.flags ?? []).map((f) => ({ code: f.code, file: f.file, sheet: f.sheet, row: f.row, cell: f.cell, school: f.school, class: f.class, gradeWrites: f.gradeWrites, message: f.message })),
    ],
    ranking: data.ranking,
  };
}

/** A list given as a file's bytes (the browser's file dialog): its name and bytes. */
export interface ListFile {
  name: string;
  bytes: Uint8Array;
}

/** A list that cannot be used: which one, and why (errors of its reader, or the file does not open). */
export interface UnusableList {
  list: "schools" | "criteria" | "observers";
  file: string;
  findings: Finding[];
}

/**
 * The lists from their bytes, each read by the reader the CLI uses on the file it opens. A list
 * with an error (no header, no sheet, a file that does not open) is unusable: the roll-up is not
 * made with it — the CLI stops the same way (exit 2). Warnings come back with the lists.
 */
export async function readMunicipalLists(files: { schools?: ListFile | null; criteria?: ListFile | null; observers?: ListFile | null }): Promise<{ lists: MunicipalLists; findings: Finding[]; unusable: UnusableList[] }> {
  const lists: MunicipalLists = {};
  const findings: Finding[] = [];
  const unusable: UnusableList[] = [];
  const take = <T>(list: UnusableList["list"], file: string, found: readonly Finding[], value: T): T | null => {
    const errors = found.filter((f) => f.severity === "error");
    if (errors.length > 0) {
      unusable.push({ list, file, findings: errors });
      return null;
    }
    findings.push(...found);
    return value;
  };
  const open = async (list: UnusableList["list"], f: ListFile) => {
    try {
      return await (await FileBackend.fromBytes(f.bytes)).read(null);
    } catch (e) {
      unusable.push({ list, file: f.name, findings: [{ severity: "error", code: "municipal.unreadable", message: `файл «${f.name}» не открывается: ${e instanceof Error ? e.message : String(e)}` }] });
      return null;
    }
  };
  if (files.schools) {
    const snapshot = await open("schools", files.schools);
    if (snapshot) {
      const r = readSchoolList(snapshot, files.schools.name);
      lists.schools = take("schools", files.schools.name, r.findings, r.list);
    }
  }
  if (files.criteria) {
    const f = files.criteria;
    const r = await criteriaFromBytes(f.bytes).catch((e: unknown) => {
      unusable.push({ list: "criteria", file: f.name, findings: [{ severity: "error", code: "municipal.unreadable", message: `файл «${f.name}» не открывается: ${e instanceof Error ? e.message : String(e)}` }] });
      return null;
    });
    if (r) lists.criteria = take("criteria", f.name, r.findings, r.works);
  }
  if (files.observers) {
    const snapshot = await open("observers", files.observers);
    if (snapshot) {
      const r = readObservers(files.observers.name, snapshot);
      lists.observers = take("observers", files.observers.name, r.findings, r);
    }
  }
  return { lists, findings, unusable };
}
