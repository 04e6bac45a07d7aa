// When an item counts as mastered: FIOKO's 2026 recommendations (../shared/DOMAIN.md «Analysis»)
// treat a basic item as mastered at ≥ 60 % and an advanced one at ≥ 30 %. The school may type
// other thresholds on «Настройки»; they are validated here and only here.

/** Item levels as «Критерии» writes them: Б — базовый, П — повышенный, В — высокий. */
export type ItemLevel = "Б" | "П" | "В";

export interface CompletionThresholds {
  /** Per cent below which a basic item is marked as not mastered. */
  basic: number;
  /** The same for advanced and high items. */
  advanced: number;
}

export const DEFAULT_THRESHOLDS: CompletionThresholds = { basic: 60, advanced: 30 };

export const thresholdFor = (level: ItemLevel, t: CompletionThresholds): number => (level === "Б" ? t.basic : t.advanced);

/** A level as typed: «Б», «базовый», «П», «повышенный», «В», «высокий» (any case, Latin B and P too); null when it is none. */
export function parseLevel(raw: unknown): ItemLevel | null {
  const v = String(raw ?? "").trim().toLowerCase();
  if (v === "") return null;
  if (v === "б" || v.startsWith("баз") || v === "b") return "Б";
  if (v === "п" || v.startsWith("пов") || v === "p") return "П";
  if (v === "в" || v.startsWith("выс")) return "В";
  return null;
}

/** The one check of a threshold as typed: null when usable (empty is usable: the default). */
export function thresholdProblem(raw: unknown): string | null {
  const v = String(raw ?? "").trim().replace(",", ".").replace(/%$/, "").trim();
  if (v === "") return null;
  const n = typeof raw === "number" ? raw : Number(v);
  if (Number.isFinite(n) && n > 0 && n <= 100) return null;
  return `порог выполнения «${String(raw)}» не подходит: укажите процент от 1 до 100 (рекомендации ФИОКО: базовые задания — ${DEFAULT_THRESHOLDS.basic}, повышенные — ${DEFAULT_THRESHOLDS.advanced})`;
}

/** A threshold cell's value, or the default when it is empty or wrong. */
export function thresholdValue(raw: unknown, fallback: number): number {
  if (thresholdProblem(raw) !== null) return fallback;
  const v = String(raw ?? "").trim().replace(",", ".").replace(/%$/, "").trim();
  if (v === "") return fallback;
  return typeof raw === "number" ? raw : Number(v);
}
