// Every sign of one work: each group (the classes and the grade) through each test.
import type { WorkStatistics } from "../analysis/workStatistics";
import { boundaryPeaks } from "./boundaryPeak";
import type { ObjectivityFlag, ObjectivitySettings } from "./flag";
import { highResults } from "./highResults";
import { itemAnomalies } from "./itemAnomaly";
import { journalMismatch } from "./journalMismatch";
import type { Reference } from "./reference";

export function objectivityFlags(work: WorkStatistics, settings: ObjectivitySettings, reference: Reference | null = null): ObjectivityFlag[] {
  const flags: ObjectivityFlag[] = [];
  // A grade of one class is that class: its signs are the class's, not told twice.
  const classes = work.groups.filter((g) => g.class !== null).length;
  for (const group of work.groups) {
    if (group.class === null && classes === 1) continue;
    const j = journalMismatch(work, group, settings);
    if (j) flags.push(j);
    flags.push(...boundaryPeaks(work, group), ...highResults(work, group, reference), ...itemAnomalies(work, group));
  }
  return flags;
}
