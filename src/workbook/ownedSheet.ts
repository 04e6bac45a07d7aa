// What a kind of sheet the add-in makes declares about itself: its name rule, its signature (how
// an existing sheet is told to be ours), whether it holds what people typed (then it is merged
// into, never replaced) and the pane step that makes it. Each owning module exports its own
// declaration; ./ownedSheets.ts lists them once. A new kind of sheet (the analysis) adds a
// declaration there and nowhere else.
import type { SheetSnapshot } from "./backend";

export interface OwnedSheetKind {
  /** Stable id: "slips", "protocol", "scores", "archive", … */
  kind: string;
  /** What the user sees when the kind is named, in Russian («листы для баллов»). */
  title: string;
  /** True for a name this kind of sheet may have (a fixed name, or a pattern). */
  named(name: string): boolean;
  /** True when the sheet there carries this kind's signature (its header, usually). */
  signed(sheet: SheetSnapshot, name: string): boolean;
  /** The sheet holds what people typed (scores, attendance marks): merged into, never cleared. */
  holdsTypedData: boolean;
  /** The pane step whose button makes this kind of sheet. */
  step: "codes" | "scoreSheets" | "upload" | "analysis" | "recheck";
}
