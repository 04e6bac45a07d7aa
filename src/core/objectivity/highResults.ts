// high-results: a class far above the school's other classes on the same work (share of «5» and
// mean mark), or a class or the grade far above the region's distribution the coordinator typed
// on «Сравнение». "Far": at least 25 percentage points more «5» and at least 0.5 of a mark more.
import type { GroupStatistics } from "../analysis/statistics";
import type { WorkStatistics } from "../analysis/workStatistics";
import { CLASS_SCOPE, MIN_GROUP, ROUGH_GROUP, ru, type ObjectivityFlag, type SignScope } from "./flag";
import type { Reference } from "./reference";

export const HIGH_TEST = { fivePoints: 25, markPoints: 0.5 } as const;

const share5 = (g: GroupStatistics): number | null => g.marksPercent?.["5"] ?? null;

/** The other classes (the other schools, in the municipal scope) together: «5» share and mean mark over their counts. */
function others(work: WorkStatistics, group: GroupStatistics): { wrote: number; share5: number; meanMark: number } | null {
  const rest = work.groups.filter((g) => g.class !== null && g.class !== group.class && g.marks);
  const wrote = rest.reduce((a, g) => a + g.wrote, 0);
  if (wrote < MIN_GROUP) return null;
  const fives = rest.reduce((a, g) => a + g.marks!["5"], 0);
  const marks = rest.reduce((a, g) => a + 2 * g.marks!["2"] + 3 * g.marks!["3"] + 4 * g.marks!["4"] + 5 * g.marks!["5"], 0);
  return { wrote, share5: Math.round((fives / wrote) * 1000) / 10, meanMark: Math.round((marks / wrote) * 100) / 100 };
}

export function highResults(work: WorkStatistics, group: GroupStatistics, reference: Reference | null, scope: SignScope = CLASS_SCOPE): ObjectivityFlag[] {
  const flags: ObjectivityFlag[] = [];
  const mine5 = share5(group);
  if (!work.scale || group.wrote < MIN_GROUP || mine5 === null || group.meanMark === null) return flags;
  const small = group.wrote < ROUGH_GROUP;
  const tail = small ? " (писавших меньше 20: признак ориентировочный)" : "";
  const base = { code: "high-results" as const, workId: work.workId, subject: work.subject, grade: work.grade, class: group.class, small };
  if (group.class !== null) {
    const o = others(work, group);
    if (o && mine5 - o.share5 >= HIGH_TEST.fivePoints && group.meanMark - o.meanMark >= HIGH_TEST.markPoints) {
      flags.push({
        ...base,
        numbers: { share5: mine5, othersShare5: o.share5, meanMark: group.meanMark, othersMeanMark: o.meanMark, othersWrote: o.wrote, against: scope.against },
        message:
          `${work.subject}, ${work.grade} класс, ${scope.group(group.class)}: «5» у ${ru(mine5)} % писавших против ${ru(o.share5)} % ${scope.others}, средняя отметка ${ru(group.meanMark, 2)} против ${ru(o.meanMark, 2)}. ` +
          `Резкое отличие ${scope.oneUnit} инспектор проверяет в первую очередь: кто проверял работы ${scope.thisUnit} и как баллы соотносятся с журналом${tail}.`,
      });
    }
  }
  const region = reference?.region?.marks;
  if (region) {
    const region5 = region["5"];
    const regionMean = (2 * region["2"] + 3 * region["3"] + 4 * region["4"] + 5 * region["5"]) / 100;
    if (mine5 - region5 >= HIGH_TEST.fivePoints && group.meanMark - regionMean >= HIGH_TEST.markPoints) {
      flags.push({
        ...base,
        numbers: { share5: mine5, regionShare5: region5, meanMark: group.meanMark, regionMeanMark: Math.round(regionMean * 100) / 100, against: "region" },
        message:
          `${work.subject}, ${work.grade} класс, ${scope.group(group.class)}: «5» у ${ru(mine5)} % писавших против ${ru(region5)} % по региону, средняя отметка ${ru(group.meanMark, 2)} против ${ru(regionMean, 2)}. ` +
          `Результаты намного выше региональных — признак, по которому ФИС ОКО отбирает школы для проверки объективности${tail}.`,
      });
    }
  }
  return flags;
}
