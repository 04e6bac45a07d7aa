// The works of «Критерии» from a workbook given with `--criteria FILE` (the school workbook's own
// format, read by the same reader): what gives an export's items their maxima. Browser-safe.
import type { Finding, WorkDefinition } from "../../core";
import { CRITERIA_SHEET } from "../contract";
import { FileBackend } from "../file/FileBackend";
import { readCriteria } from "../inputs";

export async function criteriaFromBytes(bytes: Uint8Array): Promise<{ works: WorkDefinition[]; findings: Finding[] }> {
  const backend = await FileBackend.fromBytes(bytes);
  const snapshot = await backend.read([CRITERIA_SHEET]);
  const findings: Finding[] = [];
  if (!snapshot.sheets[CRITERIA_SHEET]) findings.push({ severity: "error", code: "municipal.criteria", message: `в книге нет листа «${CRITERIA_SHEET}»` });
  return { works: readCriteria(snapshot, findings), findings };
}
