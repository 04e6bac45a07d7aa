// A workbook built from nothing (upload files). Nothing of the coordinator's workbook can travel:
// the only inputs are the plan's sheets and its three properties. Browser-safe.

import * as ExcelJS from "exceljs";
import type { NewWorkbookPlan } from "../backend";
import { checkSheetPlan, writeSheet } from "./writeSheet";

export const PRODUCT_NAME = "ВПР: координатор";

/**
 * Build the .xlsx for a NewWorkbookPlan. Document properties: creator and lastModifiedBy are the
 * plan's creator or PRODUCT_NAME, title and company from the plan, nothing else (ExcelJS's own
 * defaults — "Unknown" — are overwritten). The same plan gives the same sheet XML every time; only
 * the created/modified dates in docProps/core.xml and zip timestamps change.
 */
export async function buildNewWorkbook(plan: NewWorkbookPlan): Promise<Uint8Array> {
  const names = new Set<string>();
  for (const sp of plan.sheets) {
    checkSheetPlan(sp);
    const key = sp.name.toLocaleLowerCase("ru");
    if (names.has(key)) throw new Error(`the plan has sheet «${sp.name}» twice`);
    names.add(key);
  }
  if (plan.sheets.length === 0) throw new Error("a workbook needs at least one sheet");

  const wb = new ExcelJS.Workbook();
  const who = plan.properties.creator?.trim() || PRODUCT_NAME;
  wb.creator = who;
  wb.lastModifiedBy = who;
  wb.title = plan.properties.title ?? "";
  wb.company = plan.properties.company ?? "";
  wb.manager = "";
  const now = new Date();
  wb.created = now;
  wb.modified = now;

  for (const sp of plan.sheets) writeSheet(wb.addWorksheet(sp.name), sp);

  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
