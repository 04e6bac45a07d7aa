// Reference values the coordinator types on «Сравнение» from FIS OKO «Аналитика»: for a work, the
// region's and Russia's mark distribution (per cent of «2»–«5») and item completion (per cent).
export interface ReferenceLevel {
  /** Per cent of «2», «3», «4», «5». */
  marks: Record<"2" | "3" | "4" | "5", number> | null;
  /** Completion per item, in the work's item order (null where not typed). */
  items: (number | null)[] | null;
}

export interface Reference {
  workId: string;
  region: ReferenceLevel | null;
  russia: ReferenceLevel | null;
}
