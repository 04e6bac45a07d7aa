// The kinds of sheet the add-in makes, listed once (each declared by the module that owns it).
// Ownership checks ask this list; a new kind of sheet is one more line here.
import type { SheetSnapshot } from "./backend";
import { PROTOCOL_SHEET_KIND, SLIPS_SHEET_KIND } from "./codes";
import type { OwnedSheetKind } from "./ownedSheet";
import { ANALYSIS_SHEET_KIND, OBJECTIVITY_SHEET_KIND, PARENT_SLIPS_SHEET_KIND, RESULTS_SHEET_KIND } from "./analysis/analysisSheets";
import { ARCHIVE_SHEET_KIND } from "./scoreArchive";
import { FINGERPRINT_SHEET_KIND } from "./fingerprint/logSheet";
import { SCORE_SHEET_KIND } from "./scoreSheet";
import { CHECKLIST_SHEET_KIND } from "./recheck/checklistSheet";

/** A function, not a constant: the owning modules import ./ownership, which imports this list. */
export const ownedSheetKinds = (): readonly OwnedSheetKind[] => [
  SLIPS_SHEET_KIND,
  PROTOCOL_SHEET_KIND,
  SCORE_SHEET_KIND,
  ARCHIVE_SHEET_KIND,
  ANALYSIS_SHEET_KIND,
  RESULTS_SHEET_KIND,
  PARENT_SLIPS_SHEET_KIND,
  OBJECTIVITY_SHEET_KIND,
  FINGERPRINT_SHEET_KIND,
  CHECKLIST_SHEET_KIND,
];

export function ownedKind(kind: string): OwnedSheetKind {
  const found = ownedSheetKinds().find((k) => k.kind === kind);
  if (!found) throw new Error(`неизвестный вид листа надстройки: ${kind}`);
  return found;
}

/** The kind of an existing sheet that the add-in made, or null for the user's own sheets. */
export function kindOfSheet(name: string, sheet: SheetSnapshot | undefined): OwnedSheetKind | null {
  if (!sheet) return null;
  return ownedSheetKinds().find((k) => k.named(name) && k.signed(sheet, name)) ?? null;
}
