// «Мониторинг» of the roll-up: per municipality how many works were expected, received, missing
// and received with errors (a table and a stacked bar chart), then every school × work with its
// status, participants and absent — a listed school that sent nothing on a line of its own, even
// when the list names none of its works. Missing and invalid rows are filled, so they show on paper.
import type { CellValue, SheetPlan } from "../backend";
import { LOW_FILL, SheetBuilder, columnRange } from "../analysis/sheetBuilder";
import type { MonitoringEntry, RollupData, WorkStatus } from "./rollupData";
import { fitRows } from "../analysis/rowHeight";

export const MONITORING_SHEET = "Мониторинг";
export const MONITORING_CHART_TITLE = "Работы по муниципалитетам: получено, нет, с ошибками";
export const STATUS_COLORS: Record<WorkStatus, string> = { received: "#38761D", missing: "#CC0000", invalid: "#E69138" };
export const STATUS_WORDS: Record<WorkStatus, string> = { received: "получена", missing: "нет", invalid: "с ошибками" };
const INVALID_FILL = "#FFF2CC";
// Wide enough for the bold headers «Параллель» and «Отсутствовали» on one line (LibreOffice wraps mid-word).
const WIDTHS = [24, 9, 28, 16, 11, 14, 11, 15, 30, 30];
const NO_MUNICIPALITY = "(муниципалитет не указан)";
/** A school of the list from which no file arrived. */
export const NOTHING_WORDS = "ничего не получено";
const NOTHING_NOTE = "в списке есть, ни одного файла не пришло";

export function monitoringSheet(data: RollupData): Omit<SheetPlan, "mode"> {
  const b = new SheetBuilder();
  b.title("Мониторинг загрузки результатов");
  const entries = data.monitoring;
  if (!entries) {
    b.note("Список школ не задан (--schools): какие работы ожидались, неизвестно. Полученные файлы — на листе «Файлы», их участники — на листе «Статистика».");
    return b.build(MONITORING_SHEET, [40], { print: { landscape: true, fitToWidth: true, header: MONITORING_SHEET } });
  }
  b.note("Статус: «получена» — форма или выгрузка прочитана; «нет» — работа ожидалась по списку школ, файла нет; «с ошибками» — файл есть, но его строки нельзя взять (лист «Файлы»).");
  b.blank();

  const schools = new Map(data.schools.map((s) => [s.school, s]));
  const municipality = (e: { school: string }): string => schools.get(e.school)?.municipality ?? NO_MUNICIPALITY;
  const sorted = [...entries].sort((x, y) => municipality(x).localeCompare(municipality(y), "ru") || x.school.localeCompare(y.school) || x.grade - y.grade || x.subject.localeCompare(y.subject, "ru"));
  // Schools of the list from which nothing arrived and no work can be named (the FIS OKO list names
  // none): a line of their own, so that the sheet names every school to remind.
  const silent = data.schools.filter((s) => s.nothingReceived && !entries.some((e) => e.school === s.school));

  const byMunicipality = new Map<string, MonitoringEntry[]>();
  const silentBy = new Map<string, string[]>();
  for (const e of sorted) {
    const m = municipality(e);
    byMunicipality.set(m, [...(byMunicipality.get(m) ?? []), e]);
  }
  for (const s of silent) {
    const m = municipality(s);
    if (!byMunicipality.has(m)) byMunicipality.set(m, []);
    silentBy.set(m, [...(silentBy.get(m) ?? []), s.school]);
  }
  const count = (list: MonitoringEntry[], s: WorkStatus): number => list.filter((e) => e.status === s).length;
  const sum = (list: MonitoringEntry[], f: (e: MonitoringEntry) => number): number => list.reduce((a, e) => a + f(e), 0);
  const totalsRow = (label: string, list: MonitoringEntry[], silentSchools: readonly string[]): CellValue[] => [
    label,
    new Set([...list.map((e) => e.school), ...silentSchools]).size,
    list.length,
    count(list, "received"),
    count(list, "missing"),
    count(list, "invalid"),
    sum(list, (e) => e.participants),
    sum(list, (e) => e.absent),
  ];

  b.heading("По муниципалитетам");
  b.header(["Муниципалитет", "Школ", "Работ", "Получено", "Нет", "С ошибками", "Участников", "Отсутствовали"]);
  const groups = [...byMunicipality].sort(([x], [y]) => x.localeCompare(y, "ru"));
  const first = b.rows(
    [...groups.map(([m, list]) => totalsRow(m, list, silentBy.get(m) ?? [])), totalsRow("Всего", sorted, silent.map((s) => s.school))],
    (i) => i === groups.length,
  );
  b.blank();
  b.chart({
    type: "bar",
    stacked: true,
    title: MONITORING_CHART_TITLE,
    categories: columnRange(first, 0, groups.length),
    series: (["received", "missing", "invalid"] as const).map((s, i) => ({ name: STATUS_WORDS[s], values: columnRange(first, 3 + i, groups.length), color: STATUS_COLORS[s] })),
    valueTitle: "Работ",
  });

  b.heading("Школы и работы");
  b.header(["Муниципалитет", "Код ОО", "Школа", "Предмет", "Параллель", "Статус", "Участников", "Отсутствовали", "Файлы", "Примечание"]);
  const lines: { municipality: string; school: string; entry: MonitoringEntry | null }[] = [
    ...sorted.map((e) => ({ municipality: municipality(e), school: e.school, entry: e })),
    ...silent.map((s) => ({ municipality: municipality(s), school: s.school, entry: null })),
  ].sort((x, y) => x.municipality.localeCompare(y.municipality, "ru") || x.school.localeCompare(y.school) || Number(x.entry === null) - Number(y.entry === null));
  const detail = lines.map(({ municipality: m, school, entry: e }) =>
    e
      ? [m, e.school, schools.get(e.school)?.name ?? null, e.subject, e.grade, STATUS_WORDS[e.status], e.participants, e.absent, e.files.join("; "), e.note ?? null]
      : [m, school, schools.get(school)?.name ?? null, null, null, NOTHING_WORDS, 0, 0, null, NOTHING_NOTE],
  );
  const start = b.rows(detail);
  fitRows(b, start, detail, WIDTHS, [0, 2, 5, 8, 9]);
  lines.forEach(({ entry: e }, i) => {
    if (!e || e.status !== "received") b.style(start + i, 5, 1, 1, { fill: !e || e.status === "missing" ? LOW_FILL : INVALID_FILL, bold: true });
  });
  b.style(start, 0, lines.length, 10, { wrap: true, vertical: "top" });
  return b.build(MONITORING_SHEET, WIDTHS, { print: { landscape: true, fitToWidth: true, header: MONITORING_SHEET } });
}
