// What the analysis reads: the check's own reading of the workbook (every score sheet the plan
// leads to, renamed ones too), turned into result rows per work (subject × grade), each with the
// journal mark of its subject — the same rows, codes and marks the upload forms carry.
import { resultRow, workStatistics, type CompletionThresholds, type Finding, type ObjectivityFlag, type Reference, type ResultRow, type WorkDefinition, type WorkStatistics } from "../../core";
import { readComparison } from "../objectivity/comparisonSheet";
import { schoolFlags } from "../objectivity/objectivityData";
import { fingerprintChangeCount } from "../fingerprint";
import type { Snapshot } from "../backend";
import { checkWorkbook, type CheckedSheet } from "../check";
import { formKey } from "../forms";
import { compareClassNames, previousMark, type Inputs, type Student } from "../inputs";
import { readThresholds } from "../settings";

/** One work of the school: its definition, classes (in order) and every row of its score sheets. */
export interface AnalysedWork {
  work: WorkDefinition;
  classes: string[];
  rows: ResultRow[];
  /** The student behind each row (same order), for the sheets by name that stay in the workbook. */
  students: Student[];
  statistics: WorkStatistics;
}

export interface AnalysisData {
  school: string | null;
  schoolName: string;
  year: string;
  thresholds: CompletionThresholds;
  works: AnalysedWork[];
  /** Signs of possibly non-objective results (docs/OBJECTIVITY.md). */
  flags: ObjectivityFlag[];
  /** Score cells changed since the last upload recorded on «Журнал баллов»; null before any upload. */
  changesSinceUpload: number | null;
  /** What the coordinator typed on «Сравнение», by work id in upper case. */
  references: Map<string, Reference>;
  /** The check's findings (the analysis never blocks on them) and the thresholds' warnings. */
  findings: Finding[];
}

export function readAnalysisData(snapshot: Snapshot): AnalysisData {
  const checked = checkWorkbook(snapshot);
  const { inputs } = checked;
  const { thresholds, objectivity, findings: thresholdFindings } = readThresholds(snapshot);
  const { references } = readComparison(snapshot);
  const works = analysedWorks(inputs, checked.sheets, thresholds);
  return {
    school: inputs.settings.school,
    schoolName: inputs.settings.schoolName,
    year: inputs.settings.year,
    thresholds,
    works,
    flags: schoolFlags(works, objectivity, references),
    changesSinceUpload: fingerprintChangeCount(snapshot, checked),
    references,
    // The check's findings hold the «Сравнение» warnings and the signs already (objectivityRule).
    findings: [...checked.findings, ...thresholdFindings],
  };
}

/**
 * The works of the school (subject × grade, as the upload forms group them) from the check's rows:
 * its classes are the «План» rows of that grade and subject. Shared by the analysis and the
 * objectivity signs the check shows.
 */
export function analysedWorks(inputs: Inputs, checkedSheets: readonly CheckedSheet[], thresholds: CompletionThresholds): AnalysedWork[] {
  const byForm = new Map<string, CheckedSheet[]>();
  for (const s of checkedSheets) {
    const key = formKey(s.plan.grade, s.plan.subject);
    const list = byForm.get(key);
    if (list) list.push(s);
    else byForm.set(key, [s]);
  }
  const works: AnalysedWork[] = [];
  for (const [key, sheets] of byForm) {
    // A form whose classes write different works has an error of its own: analysed by its first work, as the check names it.
    const work = sheets[0].plan.work;
    const classes = [...new Set(inputs.schedule.filter((p) => formKey(p.grade, p.subject) === key).map((p) => p.className))].sort(compareClassNames);
    const order = new Map(classes.map((c, i) => [c, i]));
    // By class, then code: the class's rank looked up once per row, not inside the sort.
    const keyed = sheets.flatMap((s) => s.rows.filter((r) => r.student.code !== null).map((r) => ({ r, cls: order.get(r.student.className) ?? classes.length, code: r.student.code! })));
    keyed.sort((a, b) => a.cls - b.cls || a.code - b.code);
    const rows: ResultRow[] = [];
    const students: Student[] = [];
    for (const { r } of keyed) {
      rows.push(resultRow(work, r.student.className, r.student.code!, r.row, previousMark(inputs, r.student, work.subject), r.check));
      students.push(r.student);
    }
    works.push({ work, classes, rows, students, statistics: workStatistics(work, classes, rows, thresholds) });
  }
  return works.sort((a, b) => a.work.grade - b.work.grade || a.work.subject.localeCompare(b.work.subject, "ru"));
}
