// item-anomaly: (a) advanced items (П, В) done better than basic ones (Б) — unusual, since advanced
// items are harder by design; (b) one class far above the others on an item (≥ 30 percentage
// points, and beyond chance: a two-proportion z ≥ 3.3, i.e. p < 0.0005 one-sided — a grade has
// dozens of class × item pairs, and 80 % against 50 % in classes of 24 happens by chance) while
// its overall result is not (≤ 10 points above) — as if that item's answer were known.
import type { GroupStatistics } from "../analysis/statistics";
import type { WorkStatistics } from "../analysis/workStatistics";
import { CLASS_SCOPE, MIN_GROUP, ROUGH_GROUP, ru, type ObjectivityFlag, type SignScope } from "./flag";

export const ITEM_TEST = { advancedOverBasic: 5, itemPoints: 30, overallPoints: 10, z: 3.3 } as const;

/** Two-proportion z statistic (pooled), completions in per cent. */
export function proportionZ(p1: number, n1: number, p2: number, n2: number): number {
  const a = p1 / 100;
  const b = p2 / 100;
  const pooled = (a * n1 + b * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se === 0 ? (a > b ? Infinity : 0) : (a - b) / se;
}

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, x) => a + x, 0) / xs.length);

export function itemAnomalies(work: WorkStatistics, group: GroupStatistics, scope: SignScope = CLASS_SCOPE): ObjectivityFlag[] {
  if (group.wrote < MIN_GROUP) return [];
  const small = group.wrote < ROUGH_GROUP;
  const tail = small ? " (писавших меньше 20: признак ориентировочный)" : "";
  const base = { code: "item-anomaly" as const, workId: work.workId, subject: work.subject, grade: work.grade, class: group.class, small };
  const flags: ObjectivityFlag[] = [];

  const basic = mean(group.items.filter((i) => i.level === "Б" && i.completion !== null).map((i) => i.completion!));
  const advanced = mean(group.items.filter((i) => (i.level === "П" || i.level === "В") && i.completion !== null).map((i) => i.completion!));
  if (basic !== null && advanced !== null && advanced - basic >= ITEM_TEST.advancedOverBasic) {
    flags.push({
      ...base,
      numbers: { basicCompletion: Math.round(basic * 10) / 10, advancedCompletion: Math.round(advanced * 10) / 10 },
      message:
        `${work.subject}, ${work.grade} класс, ${scope.group(group.class)}: задания повышенного уровня выполнены лучше базовых (${ru(advanced)} % против ${ru(basic)} %). ` +
        `Обычно бывает наоборот; инспектор сравнит ответы на сложные задания с остальной работой${tail}.`,
    });
  }

  if (group.class !== null) {
    const rest = work.groups.filter((g) => g.class !== null && g.class !== group.class && g.wrote > 0);
    const restWrote = rest.reduce((a, g) => a + g.wrote, 0);
    if (restWrote >= MIN_GROUP && group.meanScore !== null) {
      const restScore = rest.reduce((a, g) => a + (g.meanScore ?? 0) * g.wrote, 0) / restWrote;
      const overall = ((group.meanScore - restScore) / work.maxTotal) * 100;
      if (overall <= ITEM_TEST.overallPoints) {
        const items = group.items
          .map((item, i) => {
            const restDone = rest.reduce((a, g) => a + (g.items[i].completion ?? 0) * g.wrote, 0) / restWrote;
            return { label: item.label, mine: item.completion, rest: Math.round(restDone * 10) / 10 };
          })
          .filter((x) => x.mine !== null && x.mine - x.rest >= ITEM_TEST.itemPoints && proportionZ(x.mine, group.wrote, x.rest, restWrote) >= ITEM_TEST.z);
        if (items.length > 0) {
          flags.push({
            ...base,
            numbers: { items: items.map((x) => x.label).join(", "), overallPoints: Math.round(overall * 10) / 10, ...Object.fromEntries(items.map((x) => [`item ${x.label}`, `${x.mine} vs ${x.rest}`])) },
            message:
              `${work.subject}, ${work.grade} класс, ${scope.group(group.class)}: ${items.length === 1 ? "задание" : "задания"} ${items.map((x) => `${x.label} (${ru(x.mine)} % против ${ru(x.rest)} % ${scope.othersBrief})`).join(", ")} ` +
              `${items.length === 1 ? "выполнено" : "выполнены"} намного лучше, чем ${scope.whole}, хотя в целом ${scope.unitWrote} не лучше (${ru(overall)} п. п. от максимума). Инспектор посмотрит ответы ${scope.ofUnit} на ${items.length === 1 ? "это задание" : "эти задания"}${tail}.`,
          });
        }
      }
    }
  }
  return flags;
}
