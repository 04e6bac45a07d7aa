// Who checks whom: the check's rule that compares «План»!Проверял with «Эксперты». The regulations
// (shared/seeds: 001 §5.3, §6.8; 002 §9.1; 000) ask, as far as the school can, that a teacher not
// check the works of a class they teach the subject in, that experts have taught the subject for at
// least 3 years, and that works be checked by a commission. Each is a warning scoped to the form of
// the plan row (grade × subject): the school decides, and no warning ever holds back an upload.
import { nameKey, type Finding } from "../../core";
import type { CheckContext, CheckRule } from "../checkRule";
import { EXPERTS, EXPERTS_SHEET, PLAN, PLAN_SHEET } from "../contract";
import type { FindingScope } from "../forms";
import type { ScheduleRow } from "../inputs";
import { existingName } from "../ownership";
import { readCheckers, type CheckedBy } from "./checkers";
import { readExperts, sameSubject, type ExpertRow } from "./expertsSheet";
import { findTeacher, teacherKey } from "./teacherName";

/** Years of teaching the subject the regulations ask of an expert. */
export const MIN_EXPERT_YEARS = 3;

interface Teacher {
  /** As first written on «Эксперты». */
  name: string;
  rows: ExpertRow[];
}

type Scoped = { finding: Finding; scope: FindingScope };

const formOf = (p: ScheduleRow): { grade: number; subject: string } => ({ grade: p.grade, subject: p.subject });

/** «1 год», «2 года», «2,5 года», «0 лет». */
export function yearsText(n: number): string {
  if (!Number.isInteger(n)) return `${String(n).replace(".", ",")} года`;
  const [d, h] = [n % 10, n % 100];
  return `${n} ${d === 1 && h !== 11 ? "год" : d >= 2 && d <= 4 && (h < 12 || h > 14) ? "года" : "лет"}`;
}

const quoteList = (names: readonly string[]): string => names.map((n) => `«${n}»`).join(", ");

export function expertFindings(context: CheckContext): Scoped[] {
  const { snapshot, inputs } = context;
  const experts = readExperts(snapshot);
  // The sheet is there but this read left it out: nothing to compare with, and nothing to say.
  if (!experts && existingName(snapshot, EXPERTS_SHEET)) return [];
  const checkers = readCheckers(snapshot, inputs.schedule);
  const out: Scoped[] = [];
  const subjects = [...new Set(inputs.schedule.map((p) => p.subject))];
  for (const { finding, subject } of experts?.findings ?? []) {
    // A row's warning concerns the forms of its subject (none when the plan has no such subject).
    out.push({ finding, scope: subject === null ? "all" : subjects.filter((s) => sameSubject(subject, s)).map((s) => ({ subject: s })) });
  }
  for (const { finding, plan } of checkers.findings) out.push({ finding, scope: [formOf(plan)] });
  if (checkers.column === null || checkers.rows.length === 0) return out;

  const planSheet = existingName(snapshot, PLAN_SHEET) ?? PLAN_SHEET;
  if (!experts) {
    out.push({
      finding: { sheet: planSheet, cell: checkers.rows[0].cell.replace(/\d+$/, "1"), severity: "warning", code: "experts.unknown", message: `в столбце «${PLAN.checkedBy}» записаны проверяющие, а листа «${EXPERTS_SHEET}» в книге нет: добавьте лист «${EXPERTS_SHEET}» (${EXPERTS.name} | ${EXPERTS.subject} | ${EXPERTS.classes} | ${EXPERTS.years}) — тогда проверка скажет, не проверяет ли учитель свой класс и есть ли у экспертов стаж не меньше ${MIN_EXPERT_YEARS} лет` },
      scope: checkers.rows.map((c) => formOf(c.plan)),
    });
    return out;
  }
  // A sheet whose header cannot be read has said so; naming every checker unknown would only repeat it.
  if (!experts.readable) return out;

  const teachers = new Map<string, Teacher>();
  for (const row of experts.rows) {
    const t = teachers.get(nameKey(row.name)) ?? { name: row.name, rows: [] };
    t.rows.push(row);
    teachers.set(nameKey(row.name), t);
  }
  const all = [...teachers.values()];
  const rowsOf = (t: Teacher, subject: string) => t.rows.filter((r) => sameSubject(r.subject, subject));
  const teaches = (t: Teacher, plan: ScheduleRow) => rowsOf(t, plan.subject).find((r) => r.classes.includes(plan.className));
  const yearsOf = (t: Teacher, subject: string) => rowsOf(t, subject).find((r) => r.years !== null);
  const at = (c: CheckedBy) => `«${planSheet}»!${c.cell}`;
  /** Teachers of the subject who could check the class instead: not teaching it, not known to lack experience. */
  const others = (plan: ScheduleRow, except: readonly Teacher[]) =>
    all.filter((t) => !except.includes(t) && rowsOf(t, plan.subject).length > 0 && !teaches(t, plan) && (yearsOf(t, plan.subject)?.years ?? MIN_EXPERT_YEARS) >= MIN_EXPERT_YEARS).map((t) => t.name);
  const suggest = (names: readonly string[]) => (names.length > 0 ? ` (например: ${names.slice(0, 3).join(", ")})` : "");

  // Unknown names and short experience are told once per name (per teacher and form), with every cell.
  const unknown = new Map<string, { first: CheckedBy; more: CheckedBy[]; message: (cells: string) => string }>();
  const noteUnknown = (key: string, c: CheckedBy, message: (cells: string) => string) => {
    const u = unknown.get(key);
    if (u) u.more.push(c);
    else unknown.set(key, { first: c, more: [], message });
  };
  const shortYears = new Map<string, { teacher: Teacher; row: ExpertRow; checked: CheckedBy[] }>();

  for (const c of checkers.rows) {
    const { plan } = c;
    const who: Teacher[] = [];
    let strangers = 0;
    for (const written of c.names) {
      const match = findTeacher(written, all);
      if (!match.found) {
        strangers++;
        const several = match.candidates.length > 1;
        noteUnknown(`name:${teacherKey(written)}`, c, (cells) =>
          several
            ? `«${written}» в столбце «${PLAN.checkedBy}» (${cells}) подходит к нескольким учителям листа «${EXPERTS_SHEET}»: ${quoteList(match.candidates.map((t) => t.name))}. Напишите ФИО полностью, как на листе «${EXPERTS_SHEET}», — иначе не проверить, не свой ли это класс и хватает ли стажа`
            : `«${written}» из столбца «${PLAN.checkedBy}» (${cells}) нет на листе «${EXPERTS_SHEET}»: без строки об этом учителе не проверить, не преподаёт ли он предмет в этом классе и есть ли у него стаж не меньше ${MIN_EXPERT_YEARS} лет. Добавьте строку (${EXPERTS.name} | ${EXPERTS.subject} | ${EXPERTS.classes} | ${EXPERTS.years}) или напишите ФИО так же, как на листе «${EXPERTS_SHEET}»`,
        );
        continue;
      }
      const teacher = match.found;
      if (who.includes(teacher)) continue;
      who.push(teacher);
      if (rowsOf(teacher, plan.subject).length === 0) {
        noteUnknown(`subject:${nameKey(teacher.name)}:${plan.subject}`, c, (cells) =>
          `«${teacher.name}» проверяет работы по предмету «${plan.subject}» (${cells}), а на листе «${EXPERTS_SHEET}» у этого учителя нет строки с этим предметом: добавьте её (классы, где он преподаёт «${plan.subject}», — или пусто, если не преподаёт; стаж преподавания предмета), иначе не проверить, не свой ли это класс и хватает ли стажа`,
        );
        continue;
      }
      const own = teaches(teacher, plan);
      if (own) {
        out.push({
          finding: { sheet: planSheet, cell: c.cell, severity: "warning", code: "experts.own-class", message: `работу ${plan.className} по предмету «${plan.subject}» (${plan.work.id}) проверяет «${teacher.name}», а этот учитель преподаёт предмет «${plan.subject}» в ${plan.className} (лист «${EXPERTS_SHEET}», ${own.cells.classes}). Порядок проведения ВПР просит, если у школы есть такая возможность, не привлекать к проверке работ класса учителя, который преподаёт в нём этот предмет, — во избежание конфликта интересов. Поручите работы ${plan.className} другому эксперту${suggest(others(plan, who))} и исправьте ${at(c)}` },
          scope: [formOf(plan)],
        });
      }
      const years = yearsOf(teacher, plan.subject);
      if (years && years.years !== null && years.years < MIN_EXPERT_YEARS) {
        const key = `${nameKey(teacher.name)}:${plan.grade}:${plan.subject}`;
        const s = shortYears.get(key) ?? { teacher, row: years, checked: [] };
        s.checked.push(c);
        shortYears.set(key, s);
      }
    }
    const ofSubject = all.filter((t) => rowsOf(t, plan.subject).length > 0);
    if (who.length + strangers === 1 && ofSubject.length > 1) {
      const alone = who[0]?.name ?? c.names[0];
      out.push({
        finding: { sheet: planSheet, cell: c.cell, severity: "warning", code: "experts.single", message: `работу ${plan.className} по предмету «${plan.subject}» (${plan.work.id}) проверяет один человек — «${alone}», а учителей этого предмета на листе «${EXPERTS_SHEET}»: ${ofSubject.length}. По порядку проведения ВПР работы проверяет комиссия, подходы к оцениванию обсуждаются коллегиально. Впишите в ${at(c)} через запятую второго эксперта${suggest(others(plan, who))}` },
        scope: [formOf(plan)],
      });
    }
  }

  for (const u of unknown.values()) {
    const cells = [u.first, ...u.more].map((c) => c.cell).join(", ");
    out.push({ finding: { sheet: planSheet, cell: u.first.cell, severity: "warning", code: "experts.unknown", message: u.message(`лист «${planSheet}», ${cells}`) }, scope: [u.first, ...u.more].map((c) => formOf(c.plan)) });
  }
  for (const s of shortYears.values()) {
    const plan = s.checked[0].plan;
    const classes = s.checked.map((c) => c.plan.className).join(", ");
    const cells = s.checked.map((c) => c.cell).join(", ");
    out.push({
      finding: { sheet: experts.sheet, cell: s.row.cells.years ?? s.row.cells.name, severity: "warning", code: "experts.experience", message: `учитель «${s.teacher.name}» преподаёт предмет «${plan.subject}» ${yearsText(s.row.years ?? 0)} и проверяет работы ${classes} (лист «${planSheet}», ${cells}). Порядок проведения ВПР просит включать в комиссию, если у школы есть такая возможность, учителей с опытом преподавания предмета не менее ${MIN_EXPERT_YEARS} лет. Поручите эти работы эксперту со стажем от ${MIN_EXPERT_YEARS} лет${suggest(others(plan, [s.teacher]))} или впишите такого эксперта вторым проверяющим` },
      scope: [formOf(plan)],
    });
  }
  return out;
}

export const expertsRule: CheckRule = { id: "experts", findings: expertFindings };
