// Signs per school against the municipality (docs/MUNICIPAL.md, «Признаки»): the objectivity tests
// of docs/OBJECTIVITY.md with a school in place of a class — journal-mismatch, boundary-peak and
// item-anomaly (a) on the school's own figures; high-results and item-anomaly (b) against the
// municipality's other schools on the same work. Schools where fewer than 10 wrote are not tested.
import { boundaryPeaks, highResults, itemAnomalies, journalMismatch, MUNICIPAL_SCOPE, type ObjectivityFlag, type ObjectivitySettings, type WorkStatistics } from "../../core";
import type { MunicipalWork } from "./statistics";

export interface MunicipalFlag extends ObjectivityFlag {
  /** The school's 6-digit code. */
  school: string;
}

/**
 * Every school's signs on every work. The core tests compare a group with the other groups whose
 * `class` is not null: handing them the schools as groups keyed by code makes "the other classes"
 * the other schools, with the municipality's own group (null) left out, as the grade's is.
 */
export function municipalFlags(works: readonly MunicipalWork[], settings: ObjectivitySettings): MunicipalFlag[] {
  const flags: MunicipalFlag[] = [];
  for (const { statistics } of works) {
    const asClasses: WorkStatistics = { ...statistics, groups: statistics.groups.map((g) => ({ ...g, class: g.school })) };
    for (const group of asClasses.groups) {
      if (group.class === null) continue;
      const school = group.class;
      const found = [
        journalMismatch(asClasses, group, settings, MUNICIPAL_SCOPE),
        ...boundaryPeaks(asClasses, group, MUNICIPAL_SCOPE),
        ...highResults(asClasses, group, null, MUNICIPAL_SCOPE),
        ...itemAnomalies(asClasses, group, MUNICIPAL_SCOPE),
      ];
      for (const f of found) if (f) flags.push({ ...f, class: null, school });
    }
  }
  return flags;
}
