// The scan check: a folder's entries against the scan names of the school's listed works
// (`<Код ОО>_<код>_вар.<вариант>.pdf`). Pure over `{ name, size, isFile, head? }`, so the CLI
// (a real folder) and the pane (a folder picker) check the same way.
//
// What is tolerated, and why: the case of the extension (`.PDF` — scanners on Windows write it, and
// Windows does not tell it apart). What is recognised but reported, with the exact name to rename
// to: `var` or `ВАР` for `вар`, a missing dot (`вар1`), spaces or dashes around the parts, leading
// zeros. A file's school, code and variant are read from such a name, so a misnamed scan of a
// listed work counts for that work (it is not also reported missing). Files the system makes
// (`.DS_Store`, `Thumbs.db`, `desktop.ini`, names starting with `.` or `~$`) are skipped.
import type { Finding } from "../../core";
import type { ListedWork } from "./schoolWorks";

export interface ScanEntry {
  name: string;
  /** Bytes. */
  size: number;
  /** False for a folder inside the folder. */
  isFile: boolean;
  /** The file's first bytes (up to 1 KB), when read: a PDF has `%PDF-` there. */
  head?: Uint8Array;
}

export type ScanProblemKind = "missing" | "extra" | "folder" | "wrong-school" | "unknown-code" | "wrong-variant" | "misnamed" | "duplicate" | "not-pdf" | "empty";

export interface ScanProblem {
  kind: ScanProblemKind;
  /** The file in the folder; null for a missing scan. */
  file: string | null;
  /** The name the file must have, when known. */
  expected: string | null;
  message: string;
}

export interface ScanCheck {
  problems: ScanProblem[];
  /** Scans expected (the listed works with a paper). */
  expected: number;
  /** Of them, found with the right name and a PDF inside. */
  ready: number;
}

const SYSTEM_FILES = /^(\.|~\$)|^(thumbs\.db|desktop\.ini|\.ds_store)$/i;
/** School, code, «вар» in any spelling, variant, extension; separators loose. */
const LOOSE = /^\s*(\d+)\s*[_\-\s]\s*(\d+)\s*[_\-\s]\s*(в[аa][рp]|var)\s*[._\-\s]?\s*(\d+)\s*(?:\.\s*([^.\s]*))?\s*$/iu;

const hasPdfHeader = (head: Uint8Array): boolean => {
  const text = String.fromCharCode(...head.subarray(0, 1024));
  return text.includes("%PDF-");
};

const workText = (w: ListedWork): string => `${w.entry.subject || w.entry.workId}, ${w.entry.class || `${w.entry.grade} класс`}, код ${w.entry.code}, вариант ${w.entry.variant}`;

export function checkScans(school: string, works: readonly ListedWork[], entries: readonly ScanEntry[]): ScanCheck {
  const listed = works.filter((w) => w.status !== "absent");
  const problems: ScanProblem[] = [];
  const covered = new Map<ListedWork, string>();
  let ready = 0;
  const files = [...entries].map((e) => ({ ...e, name: e.name.normalize("NFC") })).sort((a, b) => a.name.localeCompare(b.name, "ru"));
  for (const f of files) {
    if (SYSTEM_FILES.test(f.name)) continue;
    const say = (kind: ScanProblemKind, expected: string | null, message: string) => problems.push({ kind, file: f.name, expected, message: `файл «${f.name}»: ${message}` });
    if (!f.isFile) {
      problems.push({ kind: "folder", file: f.name, expected: null, message: `папка «${f.name}» внутри папки сканов: сканы должны лежать прямо в папке — перенесите их из вложенной папки, а лишнее уберите` });
      continue;
    }
    const m = LOOSE.exec(f.name);
    if (!m) {
      say("extra", null, `это не скан работы из списка (имя не по образцу «${school}_<код>_вар.<вариант>.pdf»): уберите файл из папки или переименуйте его по образцу`);
      continue;
    }
    const [, fileSchool, codeText, , variantText, ext = ""] = m;
    const code = Number(codeText);
    const variant = Number(variantText);
    const ofCode = listed.filter((w) => w.entry.code === code);
    const work = ofCode.find((w) => w.entry.variant === variant && !covered.has(w)) ?? ofCode.find((w) => !covered.has(w)) ?? ofCode[0];
    if (!work) {
      const absent = works.find((w) => w.status === "absent" && w.entry.code === code);
      if (absent) say("extra", null, `по листу «${absent.found?.sheet.name ?? ""}» участник с кодом ${code} отсутствовал на работе — скан не нужен; если работа всё же есть, исправьте лист и сообщите составителю списка`);
      else if (fileSchool !== school) say("wrong-school", null, `код ОО ${fileSchool}, а у школы ${school}, и работы с кодом ${code} в списке нет: это скан не отсюда — уберите его из папки`);
      else say("unknown-code", null, `работы с кодом ${code} в списке школы нет: сверьте код с бланком; если скан лишний — уберите его из папки`);
      continue;
    }
    const expected = work.scanName;
    const twin = covered.get(work);
    if (twin !== undefined) {
      say("duplicate", expected, `второй скан работы (${workText(work)}; первый — «${twin}»): оставьте один файл «${expected}»`);
      continue;
    }
    covered.set(work, f.name);
    let good = true;
    // The name: at most one problem, the one that decides what to rename to.
    if (fileSchool !== school) {
      good = false;
      say("wrong-school", expected, `код ОО ${fileSchool}, а у школы ${school} (лист «Настройки»): переименуйте в «${expected}»`);
    } else if (variant !== work.entry.variant) {
      good = false;
      say("wrong-variant", expected, `в имени вариант ${variant}, а в списке у кода ${code} — вариант ${work.entry.variant} (${work.where}): проверьте вариант на бланке; если в списке верно — переименуйте в «${expected}», если нет — сообщите составителю списка`);
    } else if (f.name.replace(/\.pdf$/i, ".pdf") !== expected && ext.toLowerCase() === "pdf") {
      good = false;
      say("misnamed", expected, `имя написано не по образцу: переименуйте в «${expected}» (именно «_вар.» русскими буквами, с точкой)`);
    }
    // The content.
    if (ext.toLowerCase() !== "pdf") {
      good = false;
      say("not-pdf", expected, `${ext ? `расширение «.${ext}»` : "нет расширения"}, а нужен PDF: сохраните скан работы (все страницы, в цвете) одним файлом PDF с именем «${expected}»`);
    } else if (f.size === 0) {
      good = false;
      say("empty", expected, `файл пустой (0 байт): отсканируйте работу заново (все страницы, в цвете) и сохраните как «${expected}»`);
    } else if (f.head && !hasPdfHeader(f.head)) {
      good = false;
      say("not-pdf", expected, `внутри не PDF (нет заголовка %PDF-), хотя расширение .pdf: сохраните скан из программы сканирования как PDF заново под именем «${expected}»`);
    }
    if (good) ready++;
  }
  for (const w of listed) {
    if (covered.has(w)) continue;
    problems.push({ kind: "missing", file: null, expected: w.scanName, message: `нет скана «${w.scanName}» (${workText(w)}; ${w.where}): отсканируйте работу целиком, в цвете, в один PDF с этим именем` });
  }
  return { problems, expected: listed.length, ready };
}

/** A problem as a finding, for the faces' finding lists (no sheet: it is about a file). */
export const scanFinding = (p: ScanProblem): Finding => ({ severity: "error", code: `recheck.scan-${p.kind}`, message: p.message });
