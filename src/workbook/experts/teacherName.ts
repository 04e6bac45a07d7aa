// A teacher's name as coordinators write it in «План»!Проверял: in full («Петрова Анна Сергеевна»),
// with initials («Петрова А.С.», «Петрова А. С.», «А.С. Петрова») or by surname alone. It is told
// apart from the names on «Эксперты» without asking the coordinator to copy them letter for letter.
import { nameKey } from "../../core";

interface NameParts {
  surname: string;
  /** Given name and patronymic, in full or as one letter each (an initial). */
  given: string[];
}

const INITIALS = /^(?:[а-яa-z]\.)+[а-яa-z]?\.?$/u;

/** Surname and given names, case and Ё folded; «А.С. Петрова» has its surname last. */
export function nameParts(name: string): NameParts {
  const words = nameKey(name)
    .replace(/\.\s+(?=[а-яa-z]\.)/gu, ".")
    .split(" ")
    .filter(Boolean);
  if (words.length > 1 && INITIALS.test(words[0]) && !INITIALS.test(words[words.length - 1])) words.push(words.shift()!);
  const [surname = "", ...rest] = words;
  const given = rest.flatMap((w) => (INITIALS.test(w) ? w.split(".").filter(Boolean) : [w]));
  return { surname, given };
}

/** One key for one way of writing a name: «Петрова А. С.» and «петрова а.с.» alike. */
export const teacherKey = (name: string): string => {
  const { surname, given } = nameParts(name);
  return [surname, ...given].join(" ");
};

/** True when `written` could be `full`: the same surname, and each given name or initial written agrees. */
export function couldBe(written: string, full: string): boolean {
  const w = nameParts(written);
  const f = nameParts(full);
  if (!w.surname || w.surname !== f.surname) return false;
  return w.given.every((g, i) => {
    const other = f.given[i];
    if (other === undefined) return false;
    return g.length === 1 || other.length === 1 ? g[0] === other[0] : g === other;
  });
}

export type TeacherMatch<T> = { found: T } | { found: null; candidates: T[] };

/**
 * The one teacher `written` names: the same name (spaces, case, Ё aside) first, else the only
 * teacher it could be by surname and initials. Several that fit: none, with the candidates.
 */
export function findTeacher<T extends { name: string }>(written: string, teachers: readonly T[]): TeacherMatch<T> {
  const key = nameKey(written);
  const same = teachers.find((t) => nameKey(t.name) === key);
  if (same) return { found: same };
  const fit = teachers.filter((t) => couldBe(written, t.name) || couldBe(t.name, written));
  return fit.length === 1 ? { found: fit[0] } : { found: null, candidates: fit };
}
