// The signs of every work of the school, from the works the analysis reads, the settings on
// «Настройки» and the references on «Сравнение».
import { objectivityFlags, type ObjectivityFlag, type ObjectivitySettings, type Reference } from "../../core";
import type { AnalysedWork } from "../analysis/analysisData";

export function schoolFlags(works: readonly AnalysedWork[], settings: ObjectivitySettings, references: ReadonlyMap<string, Reference>): ObjectivityFlag[] {
  return works.flatMap((w) => objectivityFlags(w.statistics, settings, references.get(w.work.id.toUpperCase()) ?? null));
}
