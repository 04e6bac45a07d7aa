// Upload files to bytes: from scratch, or into the official blank form when one fits.
// Loaded lazily (it pulls in ExcelJS).
import { UPLOAD_SHEET, type Finding } from "../core";
import { fillForm, readFormHeader } from "./file/fillForm";
import { buildNewWorkbook } from "./file/newWorkbook";
import { checkNewWorkbookPlan } from "./planCheck";
import type { BuiltFile } from "./operations";
import { matchOfficialForm, toFormRow, type UploadFile } from "./upload";

/**
 * Each file is built from scratch unless an official blank form was supplied: then the form whose
 * header matches the work is filled instead. When a single form and a single work are given and
 * they differ, every difference is reported and nothing is built. `findings` (the check's) are
 * passed through: the files given are the ready ones, so only the blank forms' own errors refuse.
 */
export async function writeUploadFiles(files: UploadFile[], findings: Finding[], officialForms: Uint8Array[] = []): Promise<{ files: BuiltFile[]; findings: Finding[] }> {
  const headers = await Promise.all(officialForms.map((bytes) => readFormHeader(bytes, UPLOAD_SHEET)));
  const out: BuiltFile[] = [];
  const problems: Finding[] = [];
  for (const file of files) {
    const matches = headers.map((h) => matchOfficialForm(h.headers, file.work));
    const fit = matches.findIndex((m) => m.findings.length === 0);
    if (fit >= 0) {
      const bytes = await fillForm(officialForms[fit], UPLOAD_SHEET, file.rows.map((r) => toFormRow(r, matches[fit])), 2);
      out.push({ fileName: file.fileName, bytes, file });
      continue;
    }
    if (officialForms.length === 1 && files.length === 1) {
      problems.push(...matches[0].findings);
      continue;
    }
    if (officialForms.length > 0) {
      problems.push({ severity: "warning", code: "form.none-fits", message: `ни один из загруженных бланков не подходит к работе «${file.work.subject}», ${file.grade} класс: форма создана по описанию работы` });
    }
    checkNewWorkbookPlan(file.workbook);
    out.push({ fileName: file.fileName, bytes: await buildNewWorkbook(file.workbook), file });
  }
  return { files: problems.some((p) => p.severity === "error") ? [] : out, findings: [...findings, ...problems] };
}
