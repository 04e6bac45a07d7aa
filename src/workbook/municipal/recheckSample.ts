// A re-check sample across the municipality's schools (docs/MUNICIPAL.md, «Признаки»): the draw of
// `vpr recheck sample` (src/core/recheck/draw.ts) over the works written in every school, a work
// flagged when its school has a sign on that subject × grade — weighted ×3 when the rule says so.
import { drawSample, type DrawResult, type PopulationWork, type SampleRule } from "../../core";
import type { MunicipalFlag } from "./signs";
import type { MunicipalWork } from "./statistics";

/** The written works (absent, invalid and not entered are no works; nor a row without a variant). */
export function municipalPopulation(works: readonly MunicipalWork[], flags: readonly MunicipalFlag[]): PopulationWork[] {
  const flagged = new Set(flags.map((f) => `${f.school}\u0000${f.grade}\u0000${f.subject}`));
  const population: PopulationWork[] = [];
  for (const { definition, results } of works) {
    for (const r of results()) {
      if (r.status !== "wrote" || r.variant === null) continue;
      population.push({ school: r.school, workId: definition.id, subject: definition.subject, grade: definition.grade, class: r.className, code: r.code, variant: r.variant, flagged: flagged.has(`${r.school}\u0000${definition.grade}\u0000${definition.subject}`) });
    }
  }
  return population;
}

export const municipalSample = (works: readonly MunicipalWork[], flags: readonly MunicipalFlag[], rule: SampleRule, seed: number): DrawResult => drawSample(municipalPopulation(works, flags), rule, seed);
