// A workbook built from nothing (upload files). Nothing of the coordinator's workbook can travel:
// the only inputs are the plan's sheets and its three properties. Browser-safe.

import type { NewWorkbookPlan } from "../backend";
import { blankPackage, PRODUCT_NAME } from "./package/blankPackage";
import { applyToPackage } from "./writer/applyPlan";

export { PRODUCT_NAME };

/**
 * Build the .xlsx for a NewWorkbookPlan (checked by ../planCheck). Document properties: creator and
 * lastModifiedBy are the plan's creator or PRODUCT_NAME, title and company from the plan, nothing
 * else. The same plan gives the same parts every time but for the dates in docProps/core.xml.
 */
export async function buildNewWorkbook(plan: NewWorkbookPlan): Promise<Uint8Array> {
  if (plan.sheets.length === 0) throw new Error("В книге должен быть хотя бы один лист.");
  const pkg = blankPackage(plan.properties);
  await applyToPackage(pkg, { sheets: plan.sheets.map((s) => ({ ...s, mode: "create" as const })), cellWrites: [], activate: plan.sheets[0].name });
  return pkg.toBytes();
}
