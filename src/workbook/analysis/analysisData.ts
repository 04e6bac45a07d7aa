// What the analysis reads: the check's own reading of the workbook (every score sheet the plan
// leads to, renamed ones too), turned into result rows per work (subject × grade), each with the
// journal mark of its subject — the same rows, codes and marks the upload forms carry.
import { resultRow, workStatistics, type CompletionThresholds, type Finding, type ResultRow, type WorkDefinition, type WorkStatistics } from "../../core";
import type { Snapshot } from "../backend";
import { checkWorkbook } from "../check";
import { compareClassNames, previousMark, type Student } from "../inputs";
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
  /** The check's findings (the analysis never blocks on them) and the thresholds' warnings. */
  findings: Finding[];
}

export function readAnalysisData(snapshot: Snapshot): AnalysisData {
  const checked = checkWorkbook(snapshot);
  const { inputs } = checked;
  const { thresholds, findings: thresholdFindings } = readThresholds(snapshot);
  const works: AnalysedWork[] = [];
  for (const form of checked.forms) {
    // A form whose classes write different works has an error of its own: analysed by its first work, as the check names it.
    const work = form.works[0];
    if (!work) continue;
    const sheets = checked.sheets.filter((s) => s.plan.grade === form.grade && form.sheets.includes(s.name));
    const rows: ResultRow[] = [];
    const students: Student[] = [];
    const classes = [...form.classes].sort(compareClassNames);
    const order = new Map(classes.map((c, i) => [c, i]));
    // By class, then code: the class's rank looked up once per row, not inside the sort.
    const keyed = sheets.flatMap((s) => s.rows.filter((r) => r.student.code !== null).map((r) => ({ r, cls: order.get(r.student.className) ?? classes.length, code: r.student.code! })));
    keyed.sort((a, b) => a.cls - b.cls || a.code - b.code);
    for (const { r } of keyed) {
      rows.push(resultRow(work, r.student.className, r.student.code!, r.row, previousMark(inputs, r.student, work.subject), r.check));
      students.push(r.student);
    }
    works.push({ work, classes, rows, students, statistics: workStatistics(work, classes, rows, thresholds) });
  }
  works.sort((a, b) => a.work.grade - b.work.grade || a.work.subject.localeCompare(b.work.subject, "ru"));
  return {
    school: inputs.settings.school,
    schoolName: inputs.settings.schoolName,
    year: inputs.settings.year,
    thresholds,
    works,
    findings: [...checked.findings, ...thresholdFindings],
  };
}
