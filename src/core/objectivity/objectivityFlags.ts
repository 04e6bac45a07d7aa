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
  for (const group of work.groups) {
    const j = journalMismatch(work, group, settings);
    if (j) flags.push(j);
    flags.push(...boundaryPeaks(work, group), ...highResults(work, group, reference), ...itemAnomalies(work, group));
  }
  return flags;
}
