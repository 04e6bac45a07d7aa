// The built-in catalogue: only the entries verified in the domain notes (shared/DOMAIN.md),
// each with its source and year. Everything else the coordinator types on «Критерии».
import type { Item, MarkScale, WorkDefinition } from "./work";

const items = (spec: string): Item[] =>
  spec.split(" ").map((pair) => {
    const [label, max] = pair.split(":");
    return { label, max: Number(max), part: 1 as const };
  });

const VERIFIED = "описание и критерии ВПР (ФИОКО), проверено по доменным заметкам проекта";

export const CATALOGUE: readonly WorkDefinition[] = [
  {
    id: "RU4-2026",
    subject: "Русский язык",
    grade: 4,
    year: "2026",
    source: VERIFIED,
    items: items("1:2 2:1 3:2 4:3 5:2 6:1 7:1 8:2 9:3 10:3 11:1 12:3"),
    scale: { min3: 10, min4: 16, min5: 21 },
  },
  {
    id: "MA4-2023",
    subject: "Математика",
    grade: 4,
    year: "2022–2023",
    source: VERIFIED,
    items: items("1:1 2:1 3:2 4:1 5.1:1 5.2:1 6.1:1 6.2:1 7:1 8:2 9.1:1 9.2:1 10:2 11:2 12:2"),
    scale: { min3: 6, min4: 10, min5: 15 },
  },
  {
    id: "OM4-2018",
    subject: "Окружающий мир",
    grade: 4,
    year: "2018 (структура)",
    source: VERIFIED,
    items: items("1:2 2:2 3.1:2 3.2:1 3.3:3 4:1 5:2 6.1:1 6.2:1 6.3:2 7:3 8:3 9:3 10:6"),
    scale: { min3: 8, min4: 18, min5: 27 },
  },
  {
    id: "MA5-15",
    subject: "Математика",
    grade: 5,
    year: "структура на 15 баллов (год не указан)",
    source: `${VERIFIED}; шкала отметок с этой структурой не опубликована`,
    items: items("1:1 2:1 3:1 4:1 5:2 6:2 7:2 8.1:1 8.2:1 9:1 10.1:1 10.2:1"),
  },
  {
    id: "MA8-2021",
    subject: "Математика",
    grade: 8,
    year: "2021 (структура до 2025 года)",
    source: VERIFIED,
    items: items("1:1 2:1 3:1 4:1 5:1 6:2 7:1 8:2 9:1 10:1 11:1 12:1 13:1 14:1 15:2 16:2 17:1 18:2 19:2"),
    scale: { min3: 8, min4: 15, min5: 21 },
  },
];

/** Grade-8 mark scales published for one recent year without item structures: offered as hints only. */
export const GRADE8_SCALES: readonly { subject: string; max: number; scale: MarkScale }[] = [
  { subject: "Обществознание", max: 22, scale: { min3: 8, min4: 14, min5: 19 } },
  { subject: "Математика", max: 25, scale: { min3: 8, min4: 15, min5: 21 } },
  { subject: "История", max: 17, scale: { min3: 5, min4: 10, min5: 14 } },
  { subject: "География", max: 33, scale: { min3: 10, min4: 21, min5: 29 } },
  { subject: "Биология", max: 29, scale: { min3: 10, min4: 18, min5: 24 } },
  { subject: "Русский язык", max: 51, scale: { min3: 26, min4: 32, min5: 45 } },
  { subject: "Химия", max: 36, scale: { min3: 10, min4: 19, min5: 28 } },
  { subject: "Физика", max: 18, scale: { min3: 5, min4: 8, min5: 11 } },
];

export function findWork(id: string, extra: readonly WorkDefinition[] = []): WorkDefinition | undefined {
  const key = id.trim().toUpperCase();
  return extra.find((w) => w.id.toUpperCase() === key) ?? CATALOGUE.find((w) => w.id.toUpperCase() === key);
}
