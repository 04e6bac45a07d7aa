// New workbooks of the re-check (the commission's protocol, the discrepancy report) to bytes, from
// nothing: loaded lazily, as ../uploadFiles.ts, since it pulls in the file writer.
import type { NewWorkbookPlan } from "../backend";
import { buildNewWorkbook } from "../file/newWorkbook";
import { checkNewWorkbookPlan } from "../planCheck";

export async function writeNewWorkbook(plan: NewWorkbookPlan): Promise<Uint8Array> {
  checkNewWorkbookPlan(plan);
  return buildNewWorkbook(plan);
}
