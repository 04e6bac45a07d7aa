// The work a file holds, from its name: a school's form `<Код ОО>_<параллель>_<предмет>.xlsx`
// (the re-check module's reader, one rule for both) or a FIS OKO export «Проведение работы по
// математике, 4 класс. ВПР 2021.xlsx», where the subject stands in the dative and is turned back
// into the catalogue's name so a form and an export of the same work meet.
export { parseFormFileName } from "../recheck/uploadForm";

/** «по математике» → «Математика»: the subjects of the VPR as FIS OKO names its works. */
const SUBJECTS: Record<string, string> = {
  "математике": "Математика",
  "русскому языку": "Русский язык",
  "окружающему миру": "Окружающий мир",
  "истории": "История",
  "биологии": "Биология",
  "географии": "География",
  "обществознанию": "Обществознание",
  "физике": "Физика",
  "химии": "Химия",
  "литературе": "Литература",
  "информатике": "Информатика",
  "английскому языку": "Английский язык",
  "немецкому языку": "Немецкий язык",
  "французскому языку": "Французский язык",
};

const EXPORT_NAME = /работ[аы]?\s+по\s+(.+?)\s*,\s*(\d{1,2})\s*класс/i;

/** Subject and grade from an export's file name, or null when the name does not say. */
export function parseExportFileName(fileName: string): { subject: string; grade: number } | null {
  const m = EXPORT_NAME.exec(fileName.normalize("NFC").replace(/\s+/g, " "));
  if (!m) return null;
  const grade = Number(m[2]);
  if (grade < 1 || grade > 11) return null;
  const said = m[1].toLowerCase().replace(/ё/g, "е");
  const subject = SUBJECTS[said] ?? said.charAt(0).toUpperCase() + said.slice(1);
  return { subject, grade };
}
