// «Признаки» of the roll-up: the ranking of schools by signs of non-objective results (a table and
// a bar chart of the schools with signs), then every sign with its work, what it means and the
// numbers behind it, measured against the municipality. Signs are reasons to look, not verdicts.
import type { ObjectivitySign } from "../../core";
import type { SheetPlan } from "../backend";
import { SIGN_TITLES } from "../objectivity/objectivitySheet";
import { LOW_FILL, SheetBuilder, columnRange } from "../analysis/sheetBuilder";
import { schoolLabel, type RollupData, type SchoolSign } from "./rollupData";
import { fitRows } from "../analysis/rowHeight";

export const SIGNS_SHEET = "Признаки";
export const RANKING_CHART_TITLE = "Признаки необъективности по школам";
export const RANKING_COLOR = "#C00000";
const WIDTHS = [34, 22, 24, 60, 40, 10, 12];

export const signTitle = (code: string): string => SIGN_TITLES[code as ObjectivitySign] ?? code;
export const numbersText = (s: Pick<SchoolSign, "numbers">): string =>
  Object.entries(s.numbers)
    .map(([k, v]) => `${k}: ${v === null ? "—" : v}`)
    .join("; ");

export function signsSheet(data: RollupData): Omit<SheetPlan, "mode"> {
  const b = new SheetBuilder();
  const label = schoolLabel(data);
  const municipality = new Map(data.schools.map((s) => [s.school, s.municipality]));
  b.title("Признаки необъективности результатов");
  b.note("Признаки считаются по каждой школе относительно муниципалитета. Это повод посмотреть (перепроверка, наблюдатели), а не вывод о школе; при малом числе писавших — ориентировочно.");
  b.blank();
  const ranked = data.ranking.filter((r) => r.signs > 0);
  if (ranked.length === 0) {
    b.add([data.works.length === 0 ? "Нет прочитанных работ." : "Признаков необъективности не найдено."], { bold: true });
    return b.build(SIGNS_SHEET, [34], { print: { landscape: true, fitToWidth: true, header: SIGNS_SHEET } });
  }
  b.heading("Рейтинг школ по признакам");
  b.header(["Место", "Школа", "Муниципалитет", "Признаков", "Работ с признаками", "Работ всего", "Мера рейтинга"]);
  const first = b.rows(ranked.map((r, i) => [i + 1, label(r.school), municipality.get(r.school) ?? null, r.signs, r.flaggedWorks, r.works, r.score ?? null]));
  b.blank();
  b.chart({ type: "bar", title: RANKING_CHART_TITLE, categories: columnRange(first, 1, ranked.length), series: [{ name: "Признаков", values: columnRange(first, 3, ranked.length), color: RANKING_COLOR }], valueTitle: "Признаков" });

  b.heading("Признаки по работам");
  b.header(["Школа", "Работа", "Признак", "Что видно", "Цифры", "Мало писавших"]);
  const order = new Map(data.ranking.map((r, i) => [r.school, i]));
  const signs = [...data.signs].sort((x, y) => (order.get(x.school) ?? 1e9) - (order.get(y.school) ?? 1e9) || x.grade - y.grade || x.subject.localeCompare(y.subject, "ru"));
  const rows = signs.map((s) => [label(s.school), `${s.subject}, ${s.grade} класс`, signTitle(s.code), s.message, numbersText(s), s.small ? "да" : null]);
  const start = b.rows(rows);
  b.style(start, 0, signs.length, 6, { wrap: true, vertical: "top" });
  fitRows(b, start, rows, WIDTHS, [0, 1, 2, 3, 4]);
  signs.forEach((s, i) => {
    if (!s.small) b.style(start + i, 2, 1, 1, { fill: LOW_FILL });
  });
  return b.build(SIGNS_SHEET, WIDTHS, { print: { landscape: true, fitToWidth: true, header: SIGNS_SHEET } });
}
