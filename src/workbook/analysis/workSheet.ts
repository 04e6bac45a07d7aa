// «Анализ <параллель> <предмет>»: one work in detail — the groups' table, completion per item with
// the classes side by side, the distribution of primary scores coloured by mark (so the mark
// boundaries show) and the comparison with journal marks; each with its chart.
import { markFor, rangeAddress, type Reference, type WorkStatistics } from "../../core";
import type { CellValue, SheetPlan } from "../backend";
import { addGroupTable, GRADE_LABEL, groupLabel, MARK_COLORS } from "./groupTable";
import { columnRange, LOW_FILL, SheetBuilder } from "./sheetBuilder";
import { scaleText, WORK_TITLE_PREFIX, workSheetName } from "./analysisSheets";

const LEVEL_NAMES = { Б: "базовый", П: "повышенный", В: "высокий" } as const;

export function workSheet(w: WorkStatistics, workTitle: string, reference: Reference | null = null): Omit<SheetPlan, "mode"> {
  const b = new SheetBuilder();
  const classes = w.groups.filter((g) => g.class !== null);
  const grade = w.groups[w.groups.length - 1];
  b.title(`${WORK_TITLE_PREFIX} ${w.subject}, ${w.grade} класс (${workTitle})`);
  b.note(`Максимум ${w.maxTotal} баллов; ${scaleText(w.scale)}. Группы меньше 10 писавших показаны, но выводы по ним делать нельзя; меньше 20 — ориентировочно. Лист пересоздаётся при каждом анализе.`);
  b.blank();

  b.heading("Итоги по классам");
  addGroupTable(b, w, true);

  // Completion per item, classes side by side.
  b.heading("Выполнение заданий, % (сумма баллов / (писали × максимум))");
  const itemHeader: CellValue[] = ["Задание", "Максимум", "Уровень", ...classes.map(groupLabel), GRADE_LABEL, "Порог, %", "Ниже порога"];
  b.header(itemHeader);
  const firstItem = b.row;
  const gradeCol = 3 + classes.length;
  grade.items.forEach((item, i) => {
    const perClass = classes.map((g) => g.items[i].completion);
    b.rows([[item.label, item.max, item.level ? LEVEL_NAMES[item.level] : null, ...perClass, item.completion, item.threshold, item.belowThreshold ? "да" : null]]);
    // Each class figure below the threshold of the item's level is filled, the grade's too.
    if (item.threshold !== null) {
      perClass.forEach((c, k) => c !== null && c < item.threshold! && b.style(firstItem + i, 3 + k, 1, 1, { fill: LOW_FILL }));
      if (item.belowThreshold) b.style(firstItem + i, gradeCol, 1, 1, { fill: LOW_FILL, bold: true });
    }
  });
  const items = grade.items.length;
  b.style(firstItem, 3, items, classes.length + 1, { numberFormat: "0.0" });
  if (!grade.items.some((i) => i.level)) b.note("Уровни заданий не указаны (строка «Уровень» на листе «Критерии»): задания без порога не отмечаются.");
  b.blank();
  b.chart({
    type: "column",
    title: `Выполнение заданий, % — ${GRADE_LABEL.toLowerCase()}`,
    categories: columnRange(firstItem, 0, items),
    series: [{ name: GRADE_LABEL, values: columnRange(firstItem, gradeCol, items), color: "#4472C4" }],
    valueMax: 100,
    categoryTitle: "Задание",
    valueTitle: "%",
  });

  // Distribution of primary scores: a column per class and the grade, and the grade split by mark for the chart.
  b.heading("Распределение первичных баллов (сколько учеников получили балл)");
  const marks = w.scale ? ["«2»", "«3»", "«4»", "«5»"] : [];
  b.header(["Балл", "Отметка", ...classes.map(groupLabel), GRADE_LABEL, ...marks.map((m) => `${GRADE_LABEL}: ${m}`)]);
  const firstScore = b.row;
  for (let score = 0; score <= w.maxTotal; score++) {
    const count = grade.histogram[String(score)] ?? 0;
    const mark = w.scale ? markFor(score, { min3: w.scale[0], min4: w.scale[1], min5: w.scale[2] }) : null;
    const byMark = marks.map((_, i) => (mark === i + 2 ? count : null));
    b.rows([[score, mark, ...classes.map((g) => g.histogram[String(score)] ?? 0), count, ...byMark]]);
  }
  const scores = w.maxTotal + 1;
  // The first score of each mark is bold: the boundaries are visible in the table too.
  if (w.scale) w.scale.forEach((min) => b.style(firstScore + min, 0, 1, 2, { bold: true }));
  b.blank();
  b.chart({
    type: "column",
    overlap: marks.length > 0,
    title: `Распределение первичных баллов — ${GRADE_LABEL.toLowerCase()}${w.scale ? " (цвет — отметка)" : ""}`,
    categories: columnRange(firstScore, 0, scores),
    series:
      marks.length > 0
        ? marks.map((m, i) => ({ name: m, values: columnRange(firstScore, 3 + classes.length + i, scores), color: MARK_COLORS[i] }))
        : [{ name: GRADE_LABEL, values: columnRange(firstScore, 2 + classes.length, scores), color: "#4472C4" }],
    categoryTitle: "Первичный балл",
    valueTitle: "Учеников",
  });

  // Journal comparison.
  b.heading("Сравнение с отметками по журналу");
  if (!w.scale) b.note("Без шкалы отметок ВПР сравнивать с журналом нечего.");
  else {
    b.header(["Класс", "Писали", "Понизили", "Понизили, %", "Подтвердили", "Подтвердили, %", "Повысили", "Повысили, %", "Нет отметки по журналу", "Разница на 2 и более"]);
    const first = b.row;
    b.rows(
      w.groups.map((g) => {
        const j = g.journal!;
        return [groupLabel(g), g.wrote, j.lower, j.lowerPercent, j.same, j.samePercent, j.higher, j.higherPercent, j.missing, j.twoOrMore];
      }),
      (i) => w.groups[i].class === null,
    );
    b.style(first, 3, w.groups.length, 1, { numberFormat: "0.0" });
    b.style(first, 5, w.groups.length, 1, { numberFormat: "0.0" });
    b.style(first, 7, w.groups.length, 1, { numberFormat: "0.0" });
    b.blank();
    b.chart({
      type: "bar",
      stacked: true,
      title: "Отметки ВПР и журнала",
      categories: columnRange(first, 0, w.groups.length),
      series: [
        { name: "Понизили", values: columnRange(first, 2, w.groups.length), color: MARK_COLORS[0] },
        { name: "Подтвердили", values: columnRange(first, 4, w.groups.length), color: "#A5A5A5" },
        { name: "Повысили", values: columnRange(first, 6, w.groups.length), color: MARK_COLORS[3] },
      ],
      valueTitle: "Учеников",
    });
  }
  if (reference && (reference.region || reference.russia)) addReference(b, w, reference);

  // The tables share columns: one width fits them all (the groups' table is the widest, 17 columns).
  const widths = [12, ...Array<number>(Math.max(16, classes.length + 6)).fill(11)];
  return b.build(workSheetName(w.grade, w.subject), widths, {
    freezeRows: 1,
    print: { landscape: true, fitToWidth: true, header: `Анализ ВПР: ${w.subject}, ${w.grade} класс` },
  });
}

/**
 * «Сравнение с регионом и Россией»: when the coordinator typed FIS OKO's figures on «Сравнение»,
 * the grade's marks and item completion beside them, with the differences.
 */
function addReference(b: SheetBuilder, w: WorkStatistics, reference: Reference): void {
  const grade = w.groups[w.groups.length - 1];
  const levels = [
    ["Регион", reference.region],
    ["Россия", reference.russia],
  ] as const;
  b.heading("Сравнение с регионом и Россией (лист «Сравнение», данные ФИС ОКО)");
  if (w.scale && grade.marksPercent && levels.some(([, l]) => l?.marks)) {
    b.header(["", "«2», %", "«3», %", "«4», %", "«5», %"]);
    const first = b.row;
    const p = grade.marksPercent;
    const rows = [[GRADE_LABEL, p["2"], p["3"], p["4"], p["5"]]];
    for (const [name, l] of levels) if (l?.marks) rows.push([name, l.marks["2"], l.marks["3"], l.marks["4"], l.marks["5"]]);
    for (const [name, l] of levels) if (l?.marks) rows.push([`Разница с: ${name.toLowerCase()}`, ...(["2", "3", "4", "5"] as const).map((m) => Math.round((p[m] - l.marks![m]) * 10) / 10)]);
    b.rows(rows);
    b.style(first, 1, rows.length, 4, { numberFormat: "0.0" });
    const shown = 1 + levels.filter(([, l]) => l?.marks).length;
    b.blank();
    b.chart({
      type: "column",
      title: "Отметки, %: параллель, регион, Россия",
      categories: rangeAddress(first - 1, 1, 1, 4),
      series: rows.slice(0, shown).map((r, i) => ({ name: String(r[0]), values: rangeAddress(first + i, 1, 1, 4), color: ["#4472C4", "#A5A5A5", "#FFC000"][i] })),
      valueMax: 100,
      valueTitle: "%",
    });
  }
  if (levels.some(([, l]) => l?.items)) {
    b.header(["Задание", GRADE_LABEL, ...levels.filter(([, l]) => l?.items).flatMap(([name]) => [name, `Разница с: ${name.toLowerCase()}`])]);
    const first = b.row;
    b.rows(
      grade.items.map((item, i) => [
        item.label,
        item.completion,
        ...levels
          .filter(([, l]) => l?.items)
          .flatMap(([, l]) => {
            const ref = l!.items![i] ?? null;
            return [ref, ref !== null && item.completion !== null ? Math.round((item.completion - ref) * 10) / 10 : null];
          }),
      ]),
    );
    b.style(first, 1, grade.items.length, 5, { numberFormat: "0.0" });
    b.blank();
  }
}
