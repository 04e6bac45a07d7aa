// Which sheets the add-in owns, and deciding "create" or "replace" without ever touching a user sheet.
import { sameSheetName, type Finding } from "../core";
import type { SheetPlan, Snapshot } from "./backend";
import { ownedKind } from "./ownedSheets";

/** The kinds of sheet the add-in makes (declared by their modules, listed in ./ownedSheets.ts). */
export type OwnedKind = "slips" | "protocol" | "scores" | "archive" | "analysis" | "results" | "parentSlips" | "objectivity" | "recheck";

/** True when the existing sheet carries the signature of a sheet of this kind that the add-in made. */
export function looksOwned(snapshot: Snapshot, name: string, kind: OwnedKind): boolean {
  const existing = existingName(snapshot, name);
  const sheet = snapshot.sheets[existing ?? ""];
  if (!sheet || existing === undefined) return false;
  const k = ownedKind(kind);
  return k.named(existing) && k.signed(sheet, existing);
}

export const existingName = (snapshot: Snapshot, name: string): string | undefined => snapshot.sheetNames.find((n) => sameSheetName(n, name));

/**
 * Gives a sheet plan its mode: "create" when absent, "replace" when present and ours. A present
 * sheet that is not ours is never replaced: the plan is dropped and an error says what to do.
 */
export function placeSheet(snapshot: Snapshot, sheet: Omit<SheetPlan, "mode">, kind: OwnedKind, findings: Finding[]): SheetPlan | null {
  const existing = existingName(snapshot, sheet.name);
  if (!existing) return { ...sheet, mode: "create" };
  if (looksOwned(snapshot, existing, kind)) return { ...sheet, name: existing, mode: "replace" };
  findings.push({
    sheet: existing,
    severity: "error",
    code: "sheet.not-owned",
    message: `лист «${existing}» уже есть, но создан не надстройкой; надстройка его не трогает — переименуйте его, чтобы она могла создать свой`,
  });
  return null;
}

/** Sheets a plan would replace: the face asks the user before applying. */
export const replacedSheets = (sheets: readonly SheetPlan[]): string[] => sheets.filter((s) => s.mode === "replace").map((s) => s.name);
