// Fictional schools for the re-check tests: each school's workbook with codes, score sheets and
// seeded scores (the demo's flow), and its upload forms — the school code varied in «Настройки».
import { seededRandom } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { buildUploads, makeCodes, makeScoreSheets, readAll } from "../../src/workbook/operations";
import { applyWritePlan } from "../../src/workbook/planCheck";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan, type SampleSchool } from "../../src/workbook/sample";

export interface BuiltSchool {
  school: SampleSchool;
  workbook: FileBackend;
  forms: { name: string; bytes: Uint8Array }[];
}

/** A school with code `code`, students and scores from `seed`. */
export async function buildSchool(code: string, seed: number): Promise<BuiltSchool> {
  const school = { ...sampleSchool(seed), school: code };
  const workbook = FileBackend.empty();
  await applyWritePlan(workbook, sampleWorkbookPlan(school), []);
  if ((await makeCodes(workbook, { random: seededRandom(seed) })).status !== "done") throw new Error("codes");
  if ((await makeScoreSheets(workbook)).status !== "done") throw new Error("score sheets");
  const snapshot = await readAll(workbook);
  await applyWritePlan(workbook, { sheets: [], cellWrites: sampleScoreWrites(snapshot, seededRandom(seed + 2)) }, snapshot.sheetNames);
  const uploads = await buildUploads(workbook);
  return { school, workbook, forms: uploads.files.map((f) => ({ name: f.fileName, bytes: f.bytes })) };
}

export const everyName = (schools: readonly BuiltSchool[]): string[] => schools.flatMap((s) => [...s.school.students, ...s.school.late].map((p) => p.name));
