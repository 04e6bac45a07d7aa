// journal-mismatch: the share of those who wrote whose ВПР mark differs from their journal mark.
// Seed 001 §6.3: municipalities re-check schools where more than 50 % did not confirm their marks.
import type { GroupStatistics } from "../analysis/statistics";
import type { WorkStatistics } from "../analysis/workStatistics";
import { MIN_GROUP, ROUGH_GROUP, ru, type ObjectivityFlag, type ObjectivitySettings, CLASS_SCOPE, type SignScope } from "./flag";

export function journalMismatch(work: WorkStatistics, group: GroupStatistics, settings: ObjectivitySettings, scope: SignScope = CLASS_SCOPE): ObjectivityFlag | null {
  const j = group.journal;
  if (!j || group.wrote < MIN_GROUP) return null;
  const compared = j.lower + j.same + j.higher;
  if (compared < MIN_GROUP) return null;
  const differ = j.lower + j.higher;
  const percent = Math.round((differ / compared) * 1000) / 10;
  if (percent <= settings.journalMismatchPercent) return null;
  const small = compared < ROUGH_GROUP;
  return {
    code: "journal-mismatch",
    workId: work.workId,
    subject: work.subject,
    grade: work.grade,
    class: group.class,
    small,
    numbers: { compared, differ, lower: j.lower, higher: j.higher, same: j.same, percent, lowerPercent: j.lowerPercent, higherPercent: j.higherPercent, threshold: settings.journalMismatchPercent },
    message:
      `${work.subject}, ${work.grade} класс, ${scope.group(group.class)}: ${ru(percent)} % писавших (${differ} из ${compared}) не подтвердили отметку по журналу — ` +
      `понизили ${j.lower}, повысили ${j.higher}; порог ${settings.journalMismatchPercent} %. Муниципалитет по такому признаку назначает перепроверку работ и сравнивает баллы ВПР с журналом` +
      `${small ? " (писавших меньше 20: признак ориентировочный)" : ""}.`,
  };
}
