// What a re-check sample is drawn from (docs/RECHECK.md, «Выборка»): the written works of one
// school's coordinator workbook, or of a folder of upload forms from many schools — each with
// whether its school or class has an objectivity sign, for a weighted draw. Absent students and
// rows with nothing typed are never works; what is left out is counted and, when it looks like a
// mistake, named with file, sheet and cell.
import { DEFAULT_OBJECTIVITY, DEFAULT_THRESHOLDS, cellAddress, isAbsentText, objectivityFlags, resultRow, workStatistics, type Finding, type ObjectivityFlag, type PopulationWork } from "../../core";
import type { Snapshot } from "../backend";
import { analysedWorks } from "../analysis/analysisData";
import { checkWorkbook } from "../check";
import { cellText, SETTINGS_SHEET } from "../contract";
import { FileBackend, UnreadableWorkbookError } from "../file/FileBackend";
import { schoolFlags } from "../objectivity/objectivityData";
import { readComparison } from "../objectivity/comparisonSheet";
import { readThresholds } from "../settings";
import { readUploadForm, writtenVariant, type UploadFormData } from "./uploadForm";

export interface Population {
  works: PopulationWork[];
  /** Absent students (every or one part «отсутствовал»): not works. */
  absent: number;
  /** Files read as forms (1 for a workbook). */
  sources: number;
  /** Errors stop the draw (a workbook without its school code); warnings name what was left out. */
  findings: Finding[];
}

const isFlagged = (flags: readonly ObjectivityFlag[], subject: string, grade: number, className: string): boolean => flags.some((f) => f.grade === grade && f.subject === subject && (f.class === null || f.class === className));

/**
 * One school's workbook: the rows of its score sheets the check calls present (every part written),
 * with the school code of «Настройки» and the signs the analysis would show (one check for both).
 */
export function populationFromWorkbook(snapshot: Snapshot, file: string): Population {
  const checked = checkWorkbook(snapshot);
  const { inputs } = checked;
  const school = inputs.settings.school;
  if (school === null) {
    const why = inputs.findings.filter((f) => f.code.startsWith("settings.school"));
    return { works: [], absent: 0, sources: 1, findings: [{ severity: "error", code: "recheck.school", sheet: SETTINGS_SHEET, cell: why[0]?.cell ?? "B2", message: `книга «${file}»: нет кода ОО (6 цифр) — без него выборку не связать со школой и сканами${why[0] ? ` (${why[0].message})` : ""}` }] };
  }
  const { thresholds, objectivity } = readThresholds(snapshot);
  const flags = schoolFlags(analysedWorks(inputs, checked.sheets, thresholds), objectivity, readComparison(snapshot).references);
  const works: PopulationWork[] = [];
  const findings: Finding[] = [];
  let absent = 0;
  for (const sheet of checked.sheets) {
    const { plan } = sheet;
    const variantCol = sheet.layout.columns.findIndex((c) => c.kind === "variant");
    for (const { student, row, check } of sheet.rows) {
      const code = row.code ?? student.code;
      if (code === null || check.status === "blank") continue;
      if (check.status !== "present") {
        absent++;
        continue;
      }
      const variant = writtenVariant(row.variants);
      if (variant === null) {
        findings.push({ severity: "warning", code: "recheck.variant", sheet: sheet.name, cell: cellAddress(row.row, variantCol), message: `код ${code}: вариант «${cellText(row.variants[0] ?? null)}» не номер варианта — работа не попадёт в выборку, пока вариант не исправлен` });
        continue;
      }
      works.push({ school, workId: plan.work.id, subject: plan.subject, grade: plan.grade, class: student.className, code, variant, flagged: isFlagged(flags, plan.subject, plan.grade, student.className) });
    }
  }
  return { works, absent, sources: 1, findings };
}

/** One upload form's written works, flagged by the signs its own rows show (the defaults of «Настройки»; no references). */
export function populationFromForm(form: UploadFormData, fileName: string): Population {
  const works: PopulationWork[] = [];
  const findings: Finding[] = [];
  let absent = 0;
  for (const r of form.rows) {
    if (r.variants.some(isAbsentText)) {
      absent++;
      continue;
    }
    const variant = writtenVariant(r.variants);
    if (variant === null) {
      const typed = [...r.variants, ...r.scores].some((v) => cellText(v) !== "");
      if (typed) findings.push({ severity: "warning", code: "recheck.variant", sheet: form.sheet, cell: cellAddress(r.row, form.variantCols[0] ?? 1), message: `файл «${fileName}», код ${r.code}: вариант «${cellText(r.variants[0] ?? null)}» не номер варианта — работа не попадёт в выборку` });
      continue;
    }
    works.push({ school: form.school, workId: form.work.id, subject: form.subject, grade: form.grade, class: r.className, code: r.code, variant });
  }
  const results = form.rows.map((r) => resultRow(form.work, r.className, r.code, { variants: r.variants, scores: r.scores }, r.journal));
  const classes = [...new Set(results.map((r) => r.className))].sort();
  const flags = objectivityFlags(workStatistics(form.work, classes, results, DEFAULT_THRESHOLDS), DEFAULT_OBJECTIVITY);
  for (const w of works) w.flagged = isFlagged(flags, form.subject, form.grade, w.class);
  return { works, absent, sources: 1, findings };
}

/**
 * A folder's files (name and bytes), in name order: every upload form's works; a file that cannot
 * be read or is no form is named in a warning and the others are read all the same. A code twice
 * in one school's subject × grade (a copy of a form) counts once.
 */
export async function populationFromFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Population> {
  const total: Population = { works: [], absent: 0, sources: 0, findings: [] };
  const seen = new Map<string, string>();
  for (const file of files.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    // Lock files of Excel (~$…) and LibreOffice (.~lock…#) stand beside an open form: not files of the folder's owner.
    if (file.name.startsWith("~$") || file.name.startsWith(".")) continue;
    if (!/\.xlsx$/i.test(file.name)) {
      total.findings.push({ severity: "warning", code: "recheck.form", message: `файл «${file.name}»: не .xlsx, пропущен` });
      continue;
    }
    let snapshot: Snapshot;
    try {
      snapshot = await (await FileBackend.fromBytes(file.bytes)).read(null);
    } catch (e) {
      if (!(e instanceof UnreadableWorkbookError)) throw e;
      total.findings.push({ severity: "warning", code: "recheck.form", message: `файл «${file.name}» не открывается: ${e.message} Файл пропущен.` });
      continue;
    }
    const { form, findings } = readUploadForm(snapshot, file.name);
    total.findings.push(...findings);
    if (!form) continue;
    const part = populationFromForm(form, file.name);
    total.sources++;
    total.absent += part.absent;
    total.findings.push(...part.findings);
    let repeated = 0;
    for (const w of part.works) {
      const key = `${w.school}|${w.grade}|${w.subject}|${w.code}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, file.name);
        total.works.push(w);
      } else repeated++;
    }
    if (repeated > 0) total.findings.push({ severity: "warning", code: "recheck.duplicate", message: `файл «${file.name}»: ${repeated} код(ов) уже есть в форме той же школы, параллели и предмета — посчитаны один раз` });
  }
  return total;
}
