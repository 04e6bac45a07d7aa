// Who may observe where. The municipal order (seed 001, §3.1) says parents of the participating
// class and teaching staff of the school cannot observe there; the regional road map (seed 004)
// says «не являющихся работниками ОО … и (или) родителями … участников». We flag by school: an
// observer assigned to a school where they work, or where a child of theirs studies, whatever the
// class — the list has no dates, and a parent in the building is the conflict the order names.
// When the received files tell which grades write at that school, the flag says so.
//
// Flags name the row and cells, never the observer: they go to JSON and the console. The name is
// shown only on the roll-up workbook's «Наблюдатели» sheet, the coordinator's own.
import type { Observer, ObserversList } from "./observersSheet";

export type ObserverConflict = "municipal.observer-works-there" | "municipal.observer-child-there";

export interface ObserverFlag {
  code: ObserverConflict;
  file: string;
  sheet: string;
  /** 1-based row of the observer on the sheet. */
  row: number;
  /** The cell that shows the conflict (workplace or children), and the assignment's. */
  cell: string;
  assignedCell: string;
  /** The school the observer is assigned to. */
  school: string;
  /** The child's class, for a child's conflict (null when not given). */
  class: string | null;
  /** Whether the received files hold a work of the child's grade at that school (null: not known). */
  gradeWrites: boolean | null;
  message: string;
}

export interface ObserverContext {
  /** Grades whose works were received from a school: makes a child's flag say whether its grade writes there. */
  gradesAt?: (school: string) => readonly number[] | undefined;
  /** School names from the list, for the messages. */
  schoolName?: (school: string) => string | undefined;
}

const schoolWords = (code: string, ctx: ObserverContext): string => {
  const name = ctx.schoolName?.(code);
  return name ? `ОО ${code} («${name}»)` : `ОО ${code}`;
};

function childNote(grade: number | null, school: string, ctx: ObserverContext): { note: string; writes: boolean | null } {
  const grades = ctx.gradesAt?.(school);
  if (grade === null || !grades) return { note: "", writes: null };
  return grades.includes(grade)
    ? { note: ` В полученных файлах школы есть работы ${grade} класса.`, writes: true }
    : { note: ` Работ ${grade} класса в полученных файлах школы нет, но ребёнок учится в этой школе.`, writes: false };
}

function flagsOf(list: ObserversList, o: Observer, ctx: ObserverContext): ObserverFlag[] {
  const flags: ObserverFlag[] = [];
  const where = `Файл «${list.file}», лист «${list.sheet}», строка ${o.row}`;
  for (const school of o.assigned) {
    if (o.workplaces.includes(school) && o.cells.workplace) {
      flags.push({
        code: "municipal.observer-works-there",
        file: list.file,
        sheet: list.sheet,
        row: o.row,
        cell: o.cells.workplace,
        assignedCell: o.cells.assigned,
        school,
        class: null,
        gradeWrites: null,
        message: `${where}: наблюдатель назначен в ${schoolWords(school, ctx)} (ячейка ${o.cells.assigned}), где он работает (ячейка ${o.cells.workplace}). Работники ОО, в которой проводится ВПР, не могут быть в ней наблюдателями: назначьте другого.`,
      });
    }
    for (const child of o.children.filter((c) => c.school === school)) {
      const { note, writes } = childNote(child.grade, school, ctx);
      flags.push({
        code: "municipal.observer-child-there",
        file: list.file,
        sheet: list.sheet,
        row: o.row,
        cell: o.cells.children!,
        assignedCell: o.cells.assigned,
        school,
        class: child.className,
        gradeWrites: writes,
        message: `${where}: наблюдатель назначен в ${schoolWords(school, ctx)} (ячейка ${o.cells.assigned}), где учится его ребёнок${child.className ? ` (${child.className} класс)` : ""} (ячейка ${o.cells.children}). Родители участников ВПР не могут быть наблюдателями; проверено по школе, не по классу и дате.${note} Назначьте наблюдателя в другую ОО.`,
      });
    }
  }
  return flags;
}

/** Every conflict of the list, in row order. */
export function observerFlags(list: ObserversList, ctx: ObserverContext = {}): ObserverFlag[] {
  return list.observers.flatMap((o) => flagsOf(list, o, ctx));
}
