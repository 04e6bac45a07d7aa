// What names a packet: its file name and the document properties. Nothing here may carry a
// person's name — only the school code, the grade, the subject and the class.
import { formKey } from "../forms";

/** Creator and title of every packet: neutral, the same for every school and expert. */
export const PACKET_CREATOR = "ВПР: координатор";

/** The instructions sheet, first in every packet (and the sign that a file is one). */
export const INSTRUCTIONS_SHEET = "Инструкция";

/** Characters no file system accepts (Windows is the strictest), control characters, and trailing dots or spaces. */
const safePart = (s: string): string =>
  s
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[. ]+$/, "");

/**
 * `<Код ОО>_<параллель>_<предмет>_баллы.xlsx`, or `…_<класс>_баллы.xlsx` for one class. Without a
 * school code on «Настройки» the name starts at the grade: a packet stays in the school anyway.
 */
export function packetFileName(school: string | null, grade: number, subject: string, className?: string): string {
  const parts = [school ? safePart(school) : null, String(grade), safePart(subject), className ? safePart(className) : null, "баллы"];
  return `${parts.filter((p): p is string => !!p).join("_")}.xlsx`;
}

/** The key a packet groups by: the work's form (grade × subject), and the class when asked. */
export const packetKey = (grade: number, subject: string, className?: string): string => (className ? `${formKey(grade, subject)}|${className}` : formKey(grade, subject));
