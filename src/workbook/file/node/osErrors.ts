// errno → one Russian sentence that names the path and says what to do. Node's own messages
// ("EACCES: permission denied, mkdir '…'") never reach the user.
import * as path from "node:path";
import { FileError, errnoCode, type FileAction } from "./FileError";

const VERB: Record<FileAction, string> = {
  read: "прочитать",
  write: "сохранить",
  mkdir: "создать папку",
  move: "переместить",
  remove: "удалить",
  backup: "сделать резервную копию",
};

/** The codes with a sentence of their own; any other code gets the general one. */
export const KNOWN_OS_ERRORS = ["EACCES", "EPERM", "EROFS", "EBUSY", "ETXTBSY", "EEXIST", "EISDIR", "ENOTDIR", "ENOENT", "ENAMETOOLONG", "ENOSPC", "EDQUOT", "EMFILE", "ENFILE", "EXDEV", "EINVAL"] as const;

/** Why it failed and what to do, after «Не удалось <verb> «path»: ». */
function reason(code: string | undefined, file: string, action: FileAction): string {
  const reading = action === "read";
  const folder = path.dirname(file);
  switch (code) {
    case "EACCES":
      return reading
        ? "нет прав на чтение. Проверьте права доступа к файлу (или скопируйте его в свою папку) и повторите."
        : `нет прав на запись в файл или в папку «${folder}». Проверьте права доступа или выберите другую папку и повторите.`;
    case "EPERM":
      return "операция запрещена: файл занят другой программой или нет прав. Закройте файл в Excel или LibreOffice, проверьте права доступа и повторите.";
    case "EROFS":
      return "диск доступен только для чтения (защищённая флешка, компакт-диск или сетевая папка без права записи). Выберите папку на другом диске и повторите.";
    case "EBUSY":
    case "ETXTBSY":
      return "файл занят другой программой. Закройте его в Excel, LibreOffice или другой программе и повторите.";
    case "EEXIST":
      return "файл или папка с таким именем уже есть. Переименуйте или удалите его и повторите.";
    case "EISDIR":
      return "на этом месте папка, а не файл. Укажите имя файла или переименуйте папку и повторите.";
    case "ENOTDIR":
      return "часть пути — файл, а не папка. Проверьте путь и повторите.";
    case "ENOENT":
      return reading ? "файл не найден. Проверьте имя файла и папку." : `папка «${folder}» не существует. Создайте её или укажите другую и повторите.`;
    case "ENAMETOOLONG":
      return "имя файла или путь к нему слишком длинные. Сократите имя файла или выберите папку ближе к корню диска и повторите.";
    case "ENOSPC":
      return "на диске не осталось места. Освободите место или выберите другой диск и повторите.";
    case "EDQUOT":
      return "превышена дисковая квота. Удалите ненужные файлы или обратитесь к администратору и повторите.";
    case "EMFILE":
    case "ENFILE":
      return "открыто слишком много файлов. Закройте лишние программы и повторите.";
    case "EXDEV":
      return "файл нельзя переместить на другой диск. Выберите папку на том же диске и повторите.";
    case "EINVAL":
      return "недопустимое имя файла (нельзя использовать символы \\ / : * ? \" < > |). Переименуйте файл и повторите.";
    default:
      return `ошибка операционной системы${code ? ` (${code})` : ""}. Проверьте файл и папку и повторите; если ошибка не проходит, сообщите о ней разработчикам.`;
  }
}

/** «Не удалось <сохранить> «path»: <why>. <what to do>» */
export function osErrorMessage(code: string | undefined, file: string, action: FileAction): string {
  return `Не удалось ${VERB[action]} «${file}»: ${reason(code, file, action)}`;
}

/** Any error of a file operation as a FileError naming `file`; a FileError passes through. */
export function osError(e: unknown, file: string, action: FileAction): FileError {
  if (e instanceof FileError) return e;
  const code = errnoCode(e);
  return new FileError({ problem: "os", path: file, code, action }, osErrorMessage(code, file, action), { cause: e });
}
