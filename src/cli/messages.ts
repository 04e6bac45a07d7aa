// Every text the CLI itself prints, in Russian (default) and English (`--lang en`). Findings about
// the workbook come from src/workbook and stay Russian in both languages: they are the same
// sentences the add-in shows, and --help says so.
import type { UnreadableReason } from "../workbook/file/errors";
import { describeUploadForm, headerPreview, type UploadFormSign } from "../workbook/formDetector";
import type { FileAction, FileErrorInfo } from "../workbook/file/node/index";
import type { RemoveNamesSummary } from "../workbook/removeNames";
import type { RetentionStatus } from "../workbook/retention";

export type Lang = "ru" | "en";

/** Where a code list file's codes were read: the sheet (null for a text file), the column (letter, or number in a text file), its header. */
export interface CodeListWhere {
  sheet: string | null;
  column: string;
  header: string | null;
}

/** How many dated backups the save keeps (src/workbook/file/node/backups.ts). */
const KEEP = 5;

const EN_VERB: Record<FileAction, string> = { read: "read", write: "save", mkdir: "create the folder", move: "move", remove: "delete", backup: "back up to" };

/** The English of an OS error (the Russian sentences are in src/workbook/file/node/osErrors.ts). */
function enOsError(code: string | undefined, file: string, action: FileAction): string {
  const reading = action === "read";
  const why: Record<string, string> = {
    EACCES: reading ? "no permission to read it. Check the file's permissions (or copy it into your own folder) and try again." : "no permission to write the file or its folder. Check the permissions or choose another folder and try again.",
    EPERM: "not permitted: the file is in use by another program, or there is no permission. Close it in Excel or LibreOffice, check the permissions and try again.",
    EROFS: "the disk is read-only (a protected USB stick, a CD, or a network folder without write access). Choose a folder on another disk and try again.",
    EBUSY: "the file is in use by another program. Close it in Excel, LibreOffice or the other program and try again.",
    ETXTBSY: "the file is in use by another program. Close it and try again.",
    EEXIST: "a file or folder with that name already exists. Rename or delete it and try again.",
    EISDIR: "there is a folder in that place, not a file. Give a file name or rename the folder and try again.",
    ENOTDIR: "part of the path is a file, not a folder. Check the path and try again.",
    ENOENT: reading ? "the file was not found. Check its name and folder." : "the folder does not exist. Create it or choose another one and try again.",
    ENAMETOOLONG: "the file name or its path is too long. Shorten the name or choose a folder nearer the root of the disk and try again.",
    ENOSPC: "the disk is full. Free some space or choose another disk and try again.",
    EDQUOT: "the disk quota is exceeded. Delete files you do not need or ask the administrator, then try again.",
    EMFILE: "too many files are open. Close programs you do not need and try again.",
    ENFILE: "too many files are open. Close programs you do not need and try again.",
    EXDEV: "the file cannot be moved to another disk. Choose a folder on the same disk and try again.",
    EINVAL: 'the file name is not allowed (no \\ / : * ? " < > |). Rename it and try again.',
  };
  return `Could not ${EN_VERB[action]} "${file}": ${why[code ?? ""] ?? `operating system error${code ? ` (${code})` : ""}. Check the file and its folder and try again; if it persists, report it to the developers.`}`;
}

function enFileError(e: FileErrorInfo): string {
  const lock = e.lockFile ? e.lockFile.split(/[\\/]/).pop() : "";
  switch (e.problem) {
    case "read-only":
      return `"${e.path}" is read-only. Clear "Read-only" in the file's properties, or write the result to another file, and try again.`;
    case "locked-libreoffice":
      return `"${e.path}" is open in LibreOffice. Close it in LibreOffice (the lock file "${lock}" lies beside it) and try again. If LibreOffice is already closed, delete "${lock}" and try again.`;
    case "locked-excel":
      return `"${e.path}" is open in Excel. Close it in Excel (the lock file "${lock}" lies beside it) and try again. If Excel is already closed, delete "${lock}" and try again.`;
    case "changed":
      return `"${e.path}" was changed, moved or deleted by another program after it was opened (saved in Excel, for example). To keep those changes nothing is overwritten: close the file in the other program and run the command again.`;
    case "appeared":
      return `"${e.path}" appeared while the command was running (another program made it). To keep it, nothing is overwritten: check that file and try again.`;
    case "not-a-file":
      return `There is a folder where the file "${e.path}" should be. Rename the folder or choose another file name and try again.`;
    case "duplicate":
      return `Two files named "${e.path}" in one batch: nothing was written. Please report this to the developers.`;
    case "os":
      return enOsError(e.code, e.path, e.action ?? "write");
  }
}

const ru = {
  // --- general ---
  usage: `«ВПР: координатор» — командная строка

Использование: vpr <команда> [параметры]

Команды:
  init <книга.xlsx>           новая книга координатора: листы для ввода
  codes <книга.xlsx>          выдать коды, сделать листы кодов для выдачи и протоколы
  sheets <книга.xlsx>         создать или обновить листы для баллов по плану
  check <книга.xlsx>          проверить книгу и перечислить все ошибки
  upload <книга.xlsx> --out ПАПКА   формы для загрузки в ФИС ОКО (файл на работу, когда она готова)
  recheck <подкоманда>        перепроверка: выборка, пакет школы, сканы, протокол комиссии, отчёт
  analyze <книга.xlsx>        анализ результатов: листы со статистикой и диаграммами, результаты по ФИО
  municipal <папка>           муниципальный свод: формы школ и выгрузки ФИС ОКО, мониторинг, наблюдатели
  packets <книга.xlsx> --out ПАПКА  пакеты для экспертов: листы для баллов без ФИО
  merge <книга.xlsx> <пакет.xlsx>…  принять баллы из пакетов, которые вернули эксперты
  remove-names <книга.xlsx> --yes   удалить ФИО из книги (коды остаются)
  demo                        вся работа на вымышленной школе, результаты в ./demo-output

Общие параметры:
  --lang ru|en                язык сообщений программы (по умолчанию ru); сообщения о
                              найденных в книге ошибках всегда на русском
  -h, --help                  справка по команде: vpr <команда> --help

Коды выхода: 0 — готово (предупреждения не мешают), 1 — в книге ошибки или операция
отклонена, ничего не записано; 2 — неверные параметры или файл нельзя прочитать или записать
(например, он открыт в Excel или LibreOffice, только для чтения или изменён другой программой),
ничего не записано.
Подробнее: docs/CLI.md`,
  unknownCommand: (c: string) => `Неизвестная команда «${c}». Список команд: vpr --help`,
  noCommand: "Укажите команду. Список команд: vpr --help",
  badArgs: (detail: string) => `Неверные параметры: ${detail}`,
  seeHelp: (cmd: string) => `Справка: vpr ${cmd} --help`,
  needWorkbook: "Укажите файл книги .xlsx.",
  tooManyFiles: (extra: string) => `Лишние параметры: ${extra}`,
  badLang: (v: string) => `Язык «${v}» не поддерживается: ru или en.`,
  internal: (m: string) => `Внутренняя ошибка: ${m}. Пожалуйста, сообщите о ней разработчикам.`,
  // --- files ---
  unreadable: (_file: string, _reason: UnreadableReason, original: string) => original,
  saved: (file: string) => `Сохранено: ${file}`,
  backup: (file: string) => `Прежняя версия сохранена рядом: ${file}`,
  backupsKept: (files: string[]) => `Резервные копии (хранятся ${files.length > 1 ? "последние" : "последняя"} ${KEEP}, новые первыми): ${files.join(", ")}`,
  backupsNotPruned: (files: string[]) => `Не удалось удалить старые резервные копии: ${files.join(", ")}. Удалите их сами, когда они станут не нужны.`,
  saveFailed: (m: string) => `Не удалось сохранить: ${m}`,
  /** A file that cannot be written (or read) safely: the Russian sentence of src/workbook/file/node. */
  fileError: (_info: FileErrorInfo, original: string) => original,
  folderUnchanged: (dir: string) => `Ничего не записано: в папке «${dir}» всё осталось как было.`,
  nothingChanged: "Книга не изменилась, файл не перезаписан.",
  replacedSheets: (names: string[]) => `Заменены листы, созданные программой: ${names.map((n) => `«${n}»`).join(", ")}`,
  mergedSheets: (names: string[]) => `Дополнены листы (всё введённое на них осталось на месте): ${names.map((n) => `«${n}»`).join(", ")}`,
  createdSheets: (names: string[]) => `Созданы листы: ${names.map((n) => `«${n}»`).join(", ")}`,
  refusedReplace: (names: string[]) => `Отказ (--no-replace): пришлось бы заменить листы ${names.map((n) => `«${n}»`).join(", ")}. Ничего не записано.`,
  blocked: "Операция не выполнена: в книге ошибки (ниже). Ничего не записано.",
  errorsHeading: (n: number) => `Ошибки (${n}):`,
  warningsHeading: (n: number) => `Предупреждения (${n}):`,
  // --- init ---
  badSchool: (v: string) => `Код ОО «${v}» неверен: нужно 6 цифр, например 470167.`,
  badYear: (v: string) => `Год «${v}» неверен: нужно 4 цифры, например 2026.`,
  unknownWorks: (ids: string[], known: string[]) => `Во встроенном каталоге нет работ: ${ids.join(", ")}. Известные: ${known.join(", ")}. Другие работы опишите на листе «Критерии» сами.`,
  initSkipped: (names: string[]) => `Листы уже есть и не тронуты: ${names.map((n) => `«${n}»`).join(", ")}`,
  initNext: (file: string) => `Дальше: заполните листы «Настройки», «Ученики», «План» (и «Критерии» для работ не из каталога), затем: vpr codes "${file}"`,
  worksAdded: (ids: string[]) => `На лист «Критерии» добавлены работы: ${ids.join(", ")}`,
  worksPresent: (ids: string[]) => `Уже описаны на листе «Критерии», не тронуты: ${ids.join(", ")}`,
  worksHint: (known: string[]) => `Описания работ можно взять из каталога: --works ${known.join(",")}`,
  // --- codes ---
  codesAssigned: (n: number) => `Выдано новых кодов: ${n}. Уже выданные коды не менялись. Распечатайте лист «Коды для выдачи» (разрежьте по линиям) и протокол каждого класса; номера уже выданных листков не меняются.`,
  codesNone: "Новых кодов не понадобилось: у всех учеников код уже есть.",
  codesFileEmpty: (file: string) => `В файле «${file}» нет кодов.`,
  codesFileBad: (file: string, lines: string[]) => `Список кодов «${file}» не прочитан. Исправьте файл и запустите команду снова:\n  ${lines.join("\n  ")}`,
  codesFileMore: (n: number) => `…и ещё ${n}`,
  // --- an upload form given instead of the coordinator's workbook (every command) ---
  uploadFormGiven: (file: string, sign: UploadFormSign) =>
    [
      `«${file}»: ${describeUploadForm(sign)}`,
      sign.rows > 0
        ? "Форму загружают в ФИС ОКО как есть; менять её не нужно."
        : `Пустой бланк указывают при создании форм: vpr upload <книга.xlsx> --out <папка> --form "${file}".`,
      "Укажите книгу координатора — файл с листами «Настройки», «Ученики», «План», из которого делаются формы (новую книгу создаёт vpr init <книга.xlsx>). Ничего не записано.",
    ].join("\n"),
  codesFileFrom: (file: string, from: CodeListWhere, n: number) =>
    `Кодов в «${file}»: ${n} (${[from.sheet !== null ? `лист «${from.sheet}»` : "", from.header !== null ? `столбец «${from.header}» (${from.column})` : `столбец ${from.column} без заголовка`].filter(Boolean).join(", ")}).`,
  codesFileType: (file: string) => `Файл кодов «${file}»: нужен .txt, .csv (код в строке) или .xlsx (столбец «Код» или коды в первом столбце).`,
  codesFileMissing: (file: string) => `Файл кодов «${file}» не найден или не читается.`,
  codesDuplicates: (n: number) => `Повторы в файле кодов пропущены: ${n}.`,
  poolImported: (n: number) => `На лист «Коды» записано кодов из файла: ${n}.`,
  poolSame: "Эти коды уже есть на листе «Коды».",
  nothingWritten: "Ничего не записано.",
  // --- sheets ---
  sheetLine: (name: string, rows: number, kept: number) => `«${name}»: строк ${rows}${kept > 0 ? `, сохранены введённые баллы в ${kept}` : ""}`,
  sheetsDone: (n: number) => `Листов для баллов: ${n}.`,
  // --- check ---
  checkClean: (sheets: number, warnings: number) => `Ошибок нет. Проверено листов для баллов: ${sheets}${warnings > 0 ? `; предупреждений: ${warnings}` : ""}.`,
  checkSummary: (errors: number, warnings: number) => `Итого: ошибок ${errors}, предупреждений ${warnings}. Форма работы создаётся, когда в ней самой ошибок нет.`,
  /** Which upload forms are ready: a line per form that is not, with the check's reason (always Russian). */
  formsReady: (ready: number, total: number) => `Формы для ФИС ОКО: готовы ${ready} из ${total}.`,
  formNotReady: (grade: number, subject: string, classes: string[], reason: string) => `  не готова: ${grade} класс, ${subject}${classes.length > 0 ? ` (${classes.join(", ")})` : ""} — ${reason}`,
  // --- upload ---
  needOut: "Укажите папку для форм: --out ПАПКА",
  formUnreadable: (file: string, m: string) => `Бланк «${file}» не читается: ${m}`,
  uploadRefused: "Формы не созданы: исправьте ошибки (ниже) и повторите. Ничего не записано.",
  uploadNone: "Нет ни одной работы для выгрузки: проверьте лист «План».",
  uploadWritten: (n: number, dir: string) => `Записано форм: ${n} в папку ${dir}`,
  uploadNotReady: "Неготовые формы не записаны: исправьте ошибки в их работах (полный список — vpr check) и запустите upload снова.",
  uploadWorksNotReady: "Формы не созданы: выбранные работы ещё не готовы (ниже). Ничего не записано.",
  uploadUnknownWorks: (ids: string[], known: string[]) => `В плане нет работ: ${ids.join(", ")}. Работы плана: ${known.join(", ")}.`,
  uploadChanges: (n: number) => `Изменено после прошлой загрузки: ${n}. Форма в ФИС ОКО содержит прежние значения — загрузите новые формы:`,
  uploadRecorded: (forms: number, rows: number) => `Журнал баллов: записано форм ${forms}, строк ${rows} (лист «Журнал баллов»; проверка покажет изменения после этой загрузки).`,
  // --- remove-names ---
  removeNeedsYes: (what: string[], keeps: "backup" | "input", file: string) =>
    [
      "Удаление ФИО необратимо. Будут стёрты:",
      ...what.map((l) => `  ${l}`),
      "Коды, номера по протоколу, отметки о присутствии, баллы и остальные ячейки останутся.",
      keeps === "backup"
        ? "Прежняя версия книги будет сохранена рядом (<имя>.bak-ГГГГММДД-ЧЧММСС.xlsx) и, как и прежние резервные копии, будет содержать ФИО: удалите их, когда убедитесь, что всё в порядке."
        : `Исходный файл «${file}» останется с ФИО: удалите его, когда убедитесь, что всё в порядке.`,
      "Чтобы стереть, повторите с --yes.",
    ].join("\n"),
  removeWhat: (s: RemoveNamesSummary): string[] => [
    ...(s.roster.length > 0 ? [`лист «Ученики»: ${s.roster.map((c) => `«${c.header}» — ${c.cells}`).join(", ")}`] : []),
    ...s.sheets.map((p) => `лист «${p.name}»: ФИО — ${p.cells}`),
  ],
  removeNothing: "ФИО в книге нет: стирать нечего.",
  removeDone: (n: number) => `Стёрто ячеек с ФИО: ${n}.`,
  retentionReminder: (r: RetentionStatus, file: string) =>
    `Напоминание: срок хранения протоколов истёк ${r.keepUntil} (последняя работа по плану — ${r.lastWork}, хранить ${r.days} дн., лист «Настройки»): удалите ФИО — vpr remove-names "${file}" --yes. Ячеек с ФИО в книге: ${r.namesLeft}.`,
  removeBackupWarning: (files: string[]) =>
    files.length === 1
      ? `Внимание: копия «${files[0]}» содержит ФИО. Удалите её (и другие копии книги), когда убедитесь, что всё в порядке.`
      : `Внимание: резервные копии содержат ФИО: ${files.map((f) => `«${f}»`).join(", ")}. Удалите их (и другие копии книги), когда убедитесь, что всё в порядке.`,
  // --- demo ---
  demoTitle: (school: string, seed: number) => `Демонстрация на вымышленной школе ${school} (зерно ${seed})`,
  demoStep: {
    create: "Книга с листами для ввода и вымышленным списком учеников",
    codes: (n: number) => `Выданы коды: ${n}`,
    late: (n: number, added: number) => `Добавлены опоздавшие ученики: ${n}, выдано им кодов: ${added} (прежние коды не изменились)`,
    sheets: (n: number) => `Листы для баллов: ${n}`,
    scores: (n: number) => `Внесены баллы (вымышленные): ${n} ячеек`,
    check: (errors: number, warnings: number) => `Проверка: ошибок ${errors}, предупреждений ${warnings}`,
    analysis: (sheets: number) => `Анализ результатов: листов — ${sheets} (сводка «Анализ», по листу на работу, результаты по ФИО)`,
  },
  demoCodesChanged: "Повторная выдача кодов изменила уже выданный код — так быть не должно.",
  demoClasses: "Классы",
  demoWorks: "Работы",
  demoFiles: "Записанные файлы",
  col: {
    className: "Класс",
    students: "Учеников",
    works: "Работы",
    sheet: "Лист",
    work: "Работа",
    rows: "Участников",
    present: "Писали",
    absent: "Отсутств.",
    errors: "Ошибок",
    warnings: "Предупр.",
    file: "Файл",
    size: "Размер",
  },
  demoTotals: (students: number, absent: number, errors: number, warnings: number) => `Всего учеников: ${students}; отсутствовали на работах: ${absent}; ошибок: ${errors}; предупреждений: ${warnings}.`,
  demoDone: (dir: string) => `Готово. Откройте книгу и формы в папке ${dir}`,
  demoFailed: "Демонстрация не дошла до конца: в книге ошибки (см. выше).",
  size: (bytes: number) => (bytes < 1024 ? `${bytes} Б` : `${(bytes / 1024).toFixed(1).replace(".", ",")} КБ`),
  // --- help per command ---
  help: {
    init: `Использование: vpr init <книга.xlsx> [--school КОД] [--school-name ИМЯ] [--year ГГГГ] [--works ID,ID] [--out ФАЙЛ]

Создаёт книгу координатора с листами «Настройки», «Ученики», «Коды», «План», «Критерии».
Если файл уже есть, добавляет только недостающие листы (существующие не трогает), а работы
из --works дописывает на лист «Критерии» ниже того, что там есть.
  --school КОД        код ОО, 6 цифр
  --school-name ИМЯ   наименование ОО
  --year ГГГГ         год работ (по умолчанию текущий)
  --works ID,ID       работы из встроенного каталога для листа «Критерии»:
                      ${"%KNOWN%"}
  --out ФАЙЛ          записать результат в другой файл`,
    codes: `Использование: vpr codes <книга.xlsx> [--codes ФАЙЛ] [--out ФАЙЛ] [--no-replace]

Выдаёт код каждому ученику без кода (выданные коды не меняются) и заново делает листы
«Коды для выдачи» и «Протокол <класс>».
  --codes ФАЙЛ   коды из ФИС ОКО: .txt, .csv или .xlsx. Читается только столбец «Код» (или «Код
                 участника»; «№», «Класс» и другие столбцы пропускаются), а в списке без
                 заголовка — первый столбец. Записываются на лист «Коды», только если он пуст
                 или его нет; иначе команда откажется.
  --seed N       детерминированная выдача (для проверок и демонстрации; не для настоящих кодов)
  --out ФАЙЛ     записать результат в другой файл (иначе книга перезаписывается, прежняя
                 версия сохраняется рядом как <имя>.bak-ГГГГММДД-ЧЧММСС.xlsx; хранятся 5
                 последних копий)
  --no-replace   не заменять листы, уже созданные программой (по умолчанию заменяет и
                 перечисляет заменённые)`,
    sheets: `Использование: vpr sheets <книга.xlsx> [--out ФАЙЛ] [--no-replace] [--archive]

Создаёт лист для баллов для каждой строки листа «План» или дополняет существующий: новые ученики
получают строки внизу; введённые баллы, примечания, свои столбцы и оформление остаются на месте.
  --out ФАЙЛ     записать результат в другой файл
  --no-replace   не перестраивать лист для баллов, если изменилась работа
  --archive      если описание работы изменилось и баллам некуда встать, перенести их на лист
                 «Архив баллов» (без флага команда останавливается и перечисляет такие ячейки)`,
    check: `Использование: vpr check <книга.xlsx> [--json]

Проверяет книгу и печатает каждую ошибку в виде «лист!ячейка: сообщение».
  --json   массив [{sheet, cell, code, message, severity}] в стандартный вывод
Код выхода: 0 — ошибок нет (предупреждения допустимы), 1 — есть ошибки, 2 — файл не читается.`,
    upload: `Использование: vpr upload <книга.xlsx> --out ПАПКА [--work ID]... [--form БЛАНК.xlsx]...

Создаёт по файлу на работу (предмет × параллель) с именами «<код ОО>_<параллель>_<предмет>.xlsx» —
для каждой работы, которая готова: листы всех её классов заполнены и без ошибок. Ошибки в других
работах ей не мешают; неготовые формы перечисляются с причиной. Если не готова ни одна, печатает
ошибки и ничего не записывает (код выхода 1).
Формы записываются все или ни одной: если хотя бы одну нельзя записать (файл открыт в Excel
или LibreOffice, только для чтения), папка остаётся как была, а сообщение называет этот файл.
  --out ПАПКА          куда записать формы (создаётся при необходимости)
  --work ID            только форма этой работы (например, MA4-2023); можно указать несколько раз.
                       Если выбранная работа не готова, ничего не записывается (код выхода 1)
  --form БЛАНК.xlsx    официальный бланк из ФИС ОКО; можно указать несколько раз.
                       Подходящий по заголовку бланк заполняется вместо созданной формы.`,
    analyze: `Использование: vpr analyze <книга.xlsx> [--out ФАЙЛ] [--slips] [--json]

Анализ результатов по листам для баллов: по каждой работе и классу — сколько писали, средний и
медианный первичный балл, отметки «2»–«5», успеваемость и качество, выполнение заданий (с порогами
ФИОКО для базовых и повышенных заданий), распределение баллов и сравнение с отметками по журналу.
Записывает листы надстройки «Анализ», «Анализ <параллель> <предмет>» (с диаграммами),
«Результаты учеников» (с ФИО — только для школы, remove-names их очищает) и печатает сводку.
Описание каждой цифры — docs/ANALYSIS.md.
  --out ФАЙЛ   записать результат в другой файл
  --slips      ещё и лист «Результаты для родителей»: листок на ученика и работу (с ФИО)
  --json       напечатать статистику в JSON и ничего не записывать`,
    packets: `Использование: vpr packets <книга.xlsx> --out ПАПКА [--by class]

Пакеты для экспертов: по файлу на работу (предмет × параллель) с листами для баллов всех её
классов — «<код ОО>_<параллель>_<предмет>_баллы.xlsx»; с --by class по файлу на класс и работу —
«…_<класс>_баллы.xlsx». В пакете только копии листов для баллов (коды, варианты, баллы, списки
допустимых значений, «Итого», «Отметка», «Проверка» в формулах, которые пересчитывают Excel,
LibreOffice и Р7) и лист «Инструкция»; ни списка учеников, ни протоколов, ни ФИО. Текст, набранный
в ячейках баллов, в пакет не попадает. Файлы записываются все или ни одного.
  --out ПАПКА    куда записать пакеты (создаётся при необходимости)
  --by class     файл на каждый класс и работу (по умолчанию: на работу)`,
    merge: `Использование: vpr merge <книга.xlsx> <пакет.xlsx>… [--yes] [--out ФАЙЛ]

Принимает баллы из пакетов, которые вернули эксперты: листы пакета читаются по заголовкам,
строки — по кодам. Пустая ячейка книги получает значение из пакета; одинаковые значения не
трогаются. Если в ячейке книги уже другое значение — это расхождение: без --yes оно печатается
(лист, ячейка, код, задание, в книге → в пакете), значение книги остаётся, код выхода 1; с --yes
ячейка получает значение из пакета. Ничего не записывается (код выхода 1), если в пакете код,
которого нет на листе книги, изменён заголовок листа (другая работа или максимумы) или файл — не
пакет; сообщение называет файл, лист и ячейку.
  --yes          расхождения заменить значениями из пакетов
  --out ФАЙЛ     записать результат в другой файл`,
    recheck: `Использование: vpr recheck <подкоманда> … — перепроверка работ: выборка, пакет школы и проверка
сканов, протокол комиссии, отчёт о расхождениях (docs/RECHECK.md). Без подкоманды печатает список
подкоманд с их параметрами.`,
    municipal: `Использование: vpr municipal <папка> [--schools ФАЙЛ] [--criteria ФАЙЛ] [--observers ФАЙЛ] [--out ФАЙЛ] [--json]
       [--school КОД] [--subject ПРЕДМЕТ] [--grade N] [--mismatch P]
       [--sample ФАЙЛ --percent P | --min N [--by works|classes] [--weight] [--seed S]]

Муниципальный свод (docs/MUNICIPAL.md): читает все .xlsx папки (и вложенных папок) — формы школ
(наши и заполненные вручную) и выгрузки результатов ФИС ОКО; каждая ошибка — с файлом, листом и
ячейкой, плохой файл не останавливает остальные. Мониторинг по школам и работам, статистика по
школам и муниципалитету, признаки и рейтинг школ, проверка наблюдателей; книга «Свод» или JSON.
  --schools ФАЙЛ     ожидаемый список: лист «Школы» (Код ОО | Наименование | Муниципалитет |
                     Параллели | Работы) или список ФИС ОКО «логин | имя | регион»
  --criteria ФАЙЛ    книга с листом «Критерии» (как у школы): максимумы и шкалы отметок
  --observers ФАЙЛ   книга с листом «Наблюдатели» (ФИО | Место работы (код ОО) |
                     Дети: код ОО и класс | Назначен в (код ОО)); в выводе — только номера строк
  --out ФАЙЛ         записать книгу «Свод» (Мониторинг, Статистика, Признаки, Наблюдатели, Файлы)
  --json             напечатать свод в JSON
  --school КОД       код ОО для форм, в имени которых его нет (обычно папка одной школы)
  --subject ПРЕДМЕТ, --grade N
                     предмет и параллель файлов, из имени которых их не понять
  --mismatch P       порог признака «несоответствие отметкам в журнале», % (по умолчанию 50)
  --sample ФАЙЛ      выборка для перепроверки по всем школам (листы «Выборка» и «Параметры»);
                     правило — как у vpr recheck sample: --percent P и/или --min N, --by,
                     --weight (школы с признаками по работе — втрое чаще), --seed S`,
    "remove-names": `Использование: vpr remove-names <книга.xlsx> --yes [--out ФАЙЛ]

Стирает ФИО на листе «Ученики» (столбцы «ФИО», «Фамилия», «Имя», «Отчество» — во всех строках,
и в тех, что проверка пропускает) и в каждом протоколе, даже оставшемся от переименованного класса;
коды, номера, отметки о присутствии и баллы остаются. Пока у кого-то из учеников нет кода,
отказывается (код выхода 1): сначала выдайте коды. Необратимо: без --yes только печатает, что
будет стёрто (код выхода 2). Резервные копии <имя>.bak-….xlsx содержат ФИО — удалите их после
проверки.`,
    demo: `Использование: vpr demo [--out ПАПКА] [--seed N]

Вся работа координатора на вымышленной школе: книга, коды, опоздавшие ученики, листы для
баллов, баллы, проверка, формы для загрузки и анализ результатов. Пишет книгу «школа-780999.xlsx» и формы
в папку (по умолчанию ./demo-output) и печатает сводку.
  --out ПАПКА   папка для результатов
  --seed N      зерно случайных чисел (по умолчанию 2026): тот же N — те же файлы`,
  },
};

export type Texts = typeof ru;

const en: Texts = {
  usage: `"VPR coordinator" — command line

Usage: vpr <command> [options]

Commands:
  init <book.xlsx>            new coordinator workbook with the input sheets
  codes <book.xlsx>           assign codes, make the code slips and the protocols
  sheets <book.xlsx>          make or update the score sheets of the plan
  check <book.xlsx>           check the workbook and list every problem
  upload <book.xlsx> --out DIR      upload forms for FIS OKO (one file per work, once it is ready)
  recheck <subcommand>        re-checks: sample, school package, scans, commission protocol, report
  analyze <book.xlsx>         results analysis: statistics sheets with charts, results by name
  municipal <folder>          municipal roll-up: schools' forms and FIS OKO exports, monitoring, observers
  packets <book.xlsx> --out DIR     packets for experts: score sheets without names
  merge <book.xlsx> <packet.xlsx>…  take the scores from the packets the experts returned
  remove-names <book.xlsx> --yes    remove the names from the workbook (codes stay)
  demo                        the whole flow on a fictional school, results in ./demo-output

Common options:
  --lang ru|en                language of the program's own messages (default ru); the
                              problems found in a workbook are always reported in Russian
  -h, --help                  help on a command: vpr <command> --help

Exit codes: 0 done (warnings are fine), 1 the workbook has problems or the operation was
refused, nothing written; 2 bad options, or a file cannot be read or written (for example it is
open in Excel or LibreOffice, read-only, or changed by another program), nothing written.
More: docs/CLI.md`,
  unknownCommand: (c) => `Unknown command "${c}". Commands: vpr --help`,
  noCommand: "Give a command. Commands: vpr --help",
  badArgs: (detail) => `Bad options: ${detail}`,
  seeHelp: (cmd) => `Help: vpr ${cmd} --help`,
  needWorkbook: "Give the workbook file (.xlsx).",
  tooManyFiles: (extra) => `Unexpected arguments: ${extra}`,
  badLang: (v) => `Language "${v}" is not supported: ru or en.`,
  internal: (m) => `Internal error: ${m}. Please report it to the developers.`,
  unreadable: (file, reason) =>
    ({
      empty: `"${file}" is empty (0 bytes). Choose an Excel workbook in .xlsx format.`,
      missing: `File "${file}" not found.`,
      "not-a-file": `"${file}" is a folder, not an .xlsx file.`,
      "not-xlsx": `"${file}" is not an Excel workbook: an .xlsx file is needed.`,
      xls: `"${file}" is an old Excel 97–2003 workbook (.xls). Open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)".`,
      encrypted: `"${file}" is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password → clear it) and save it as .xlsx.`,
      corrupt: `"${file}" is damaged or not an Excel workbook (.xlsx): it could not be read.`,
      locked: `"${file}" is in use by another program or cannot be accessed. Close it in Excel or LibreOffice and try again.`,
    })[reason],
  saved: (file) => `Saved: ${file}`,
  backup: (file) => `Previous version kept beside it: ${file}`,
  backupsKept: (files) => `Backups (the last ${KEEP} are kept, newest first): ${files.join(", ")}`,
  backupsNotPruned: (files) => `Old backups could not be deleted: ${files.join(", ")}. Delete them yourself when they are no longer needed.`,
  saveFailed: (m) => `Could not save: ${m}`,
  fileError: (info) => enFileError(info),
  folderUnchanged: (dir) => `Nothing was written: "${dir}" is as it was.`,
  nothingChanged: "The workbook did not change; the file was not rewritten.",
  replacedSheets: (names) => `Replaced sheets made by the program: ${names.map((n) => `"${n}"`).join(", ")}`,
  mergedSheets: (names) => `Merged into sheets (everything typed on them stays where it was): ${names.map((n) => `"${n}"`).join(", ")}`,
  createdSheets: (names) => `Created sheets: ${names.map((n) => `"${n}"`).join(", ")}`,
  refusedReplace: (names) => `Refused (--no-replace): sheets ${names.map((n) => `"${n}"`).join(", ")} would be replaced. Nothing written.`,
  blocked: "Not done: the workbook has problems (below). Nothing written.",
  errorsHeading: (n) => `Errors (${n}):`,
  warningsHeading: (n) => `Warnings (${n}):`,
  badSchool: (v) => `School code "${v}" is wrong: 6 digits are needed, e.g. 470167.`,
  badYear: (v) => `Year "${v}" is wrong: 4 digits are needed, e.g. 2026.`,
  unknownWorks: (ids, known) => `Not in the built-in catalogue: ${ids.join(", ")}. Known: ${known.join(", ")}. Describe other works on the sheet «Критерии» yourself.`,
  initSkipped: (names) => `Sheets already there, left as they are: ${names.map((n) => `"${n}"`).join(", ")}`,
  initNext: (file) => `Next: fill in «Настройки», «Ученики», «План» (and «Критерии» for works not in the catalogue), then: vpr codes "${file}"`,
  worksAdded: (ids) => `Works added to the sheet «Критерии»: ${ids.join(", ")}`,
  worksPresent: (ids) => `Already described on «Критерии», left alone: ${ids.join(", ")}`,
  worksHint: (known) => `Work definitions can come from the catalogue: --works ${known.join(",")}`,
  codesAssigned: (n) => `New codes assigned: ${n}. Codes given earlier did not change. Print the sheet «Коды для выдачи» (cut along the lines) and each class's protocol; slips already handed out keep their numbers.`,
  codesNone: "No new codes were needed: every student already has one.",
  codesFileEmpty: (file) => `No codes in "${file}".`,
  codesFileBad: (file, lines) => `The code list "${file}" was not read. Fix the file and run the command again:\n  ${lines.join("\n  ")}`,
  codesFileMore: (n) => `…and ${n} more`,
  uploadFormGiven: (file, sign) =>
    [
      `"${file}" is ${sign.rows > 0 ? "an upload form" : "a blank upload form"} for FIS OKO (sheet «${sign.sheet}»${sign.header ? `: ${headerPreview(sign)}` : ""}${sign.rows > 0 ? `; rows with a code: ${sign.rows}` : ""}), not the coordinator's workbook: it has none of the sheets «Настройки», «Ученики», «План».`,
      sign.rows > 0 ? "A form is uploaded to FIS OKO as it is; it needs no changes." : `A blank form is given when the forms are built: vpr upload <book.xlsx> --out <folder> --form "${file}".`,
      "Give the coordinator's workbook — the file with the sheets «Настройки», «Ученики», «План» the forms are made from (vpr init <book.xlsx> makes a new one). Nothing was written.",
    ].join("\n"),
  codesFileFrom: (file, from, n) =>
    `Codes in "${file}": ${n} (${[from.sheet !== null ? `sheet «${from.sheet}»` : "", from.header !== null ? `column «${from.header}» (${from.column})` : `column ${from.column}, no header`].filter(Boolean).join(", ")}).`,
  codesFileType: (file) => `Codes file "${file}": a .txt, .csv (one code a line) or .xlsx (a column «Код», or codes in the first column) is needed.`,
  codesFileMissing: (file) => `Codes file "${file}" not found or unreadable.`,
  codesDuplicates: (n) => `Repeated codes in the file skipped: ${n}.`,
  poolImported: (n) => `Codes from the file written to the sheet «Коды»: ${n}.`,
  poolSame: "These codes are already on the sheet «Коды».",
  nothingWritten: "Nothing written.",
  sheetLine: (name, rows, kept) => `"${name}": ${rows} rows${kept > 0 ? `, typed scores kept in ${kept}` : ""}`,
  sheetsDone: (n) => `Score sheets: ${n}.`,
  checkClean: (sheets, warnings) => `No errors. Score sheets checked: ${sheets}${warnings > 0 ? `; warnings: ${warnings}` : ""}.`,
  checkSummary: (errors, warnings) => `Total: ${errors} errors, ${warnings} warnings. A work's form is made once that work has no errors.`,
  formsReady: (ready, total) => `Forms for FIS OKO: ${ready} of ${total} ready.`,
  formNotReady: (grade, subject, classes, reason) => `  not ready: grade ${grade}, ${subject}${classes.length > 0 ? ` (${classes.join(", ")})` : ""} — ${reason}`,
  needOut: "Give the folder for the forms: --out DIR",
  formUnreadable: (file, m) => `Form "${file}" cannot be read: ${m}`,
  uploadRefused: "No forms made: fix the errors (below) and try again. Nothing written.",
  uploadNone: "There is no work to upload: check the sheet «План».",
  uploadWritten: (n, dir) => `Forms written: ${n} into ${dir}`,
  uploadNotReady: "Forms not ready were not written: fix the errors in their works (the full list: vpr check) and run upload again.",
  uploadWorksNotReady: "No forms made: the chosen works are not ready yet (below). Nothing written.",
  uploadUnknownWorks: (ids, known) => `No such works in the plan: ${ids.join(", ")}. Works of the plan: ${known.join(", ")}.`,
  uploadChanges: (n) => `Changed since the previous upload: ${n}. FIS OKO holds the earlier values — upload the new forms:`,
  uploadRecorded: (forms, rows) => `Score log: ${forms} forms, ${rows} rows recorded (sheet «Журнал баллов»; the check will show changes made after this upload).`,
  removeNeedsYes: (what, keeps, file) =>
    [
      "Removing names cannot be undone. To be cleared:",
      ...what.map((l) => `  ${l}`),
      "Codes, protocol numbers, attendance marks, scores and every other cell stay.",
      keeps === "backup"
        ? "The previous version will be kept beside the workbook (<name>.bak-YYYYMMDD-HHMMSS.xlsx) and, like the earlier backups, will still hold the names: delete them once you have checked the result."
        : `The input "${file}" will still hold the names: delete it once you have checked the result.`,
      "To clear them, run again with --yes.",
    ].join("\n"),
  removeWhat: (s) => [
    ...(s.roster.length > 0 ? [`sheet «Ученики»: ${s.roster.map((c) => `«${c.header}» — ${c.cells}`).join(", ")}`] : []),
    ...s.sheets.map((p) => `sheet «${p.name}»: names — ${p.cells}`),
  ],
  removeNothing: "No names in the workbook: nothing to clear.",
  removeDone: (n) => `Cells with names cleared: ${n}.`,
  retentionReminder: (r, file) =>
    `Reminder: the protocols' keeping period ended on ${r.keepUntil} (last work in the plan ${r.lastWork}, kept ${r.days} days, sheet «Настройки»): remove the names — vpr remove-names "${file}" --yes. Cells with names in the workbook: ${r.namesLeft}.`,
  removeBackupWarning: (files) =>
    files.length === 1
      ? `Warning: "${files[0]}" still holds the names. Delete it (and other copies of the workbook) once you have checked the result.`
      : `Warning: the backups still hold the names: ${files.map((f) => `"${f}"`).join(", ")}. Delete them (and other copies of the workbook) once you have checked the result.`,
  demoTitle: (school, seed) => `Demo on the fictional school ${school} (seed ${seed})`,
  demoStep: {
    create: "Workbook with the input sheets and a fictional roster",
    codes: (n) => `Codes assigned: ${n}`,
    late: (n, added) => `Late students added: ${n}, codes given to them: ${added} (earlier codes unchanged)`,
    sheets: (n) => `Score sheets: ${n}`,
    scores: (n) => `Scores typed (fictional): ${n} cells`,
    check: (errors, warnings) => `Check: ${errors} errors, ${warnings} warnings`,
    analysis: (sheets) => `Results analysis: ${sheets} sheets (summary «Анализ», one per work, results by name)`,
  },
  demoCodesChanged: "Assigning codes again changed a code given earlier — that must not happen.",
  demoClasses: "Classes",
  demoWorks: "Works",
  demoFiles: "Files written",
  col: {
    className: "Class",
    students: "Students",
    works: "Works",
    sheet: "Sheet",
    work: "Work",
    rows: "Students",
    present: "Wrote",
    absent: "Absent",
    errors: "Errors",
    warnings: "Warnings",
    file: "File",
    size: "Size",
  },
  demoTotals: (students, absent, errors, warnings) => `Students: ${students}; absent from works: ${absent}; errors: ${errors}; warnings: ${warnings}.`,
  demoDone: (dir) => `Done. Open the workbook and the forms in ${dir}`,
  demoFailed: "The demo did not finish: the workbook has problems (see above).",
  size: (bytes) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`),
  help: {
    init: `Usage: vpr init <book.xlsx> [--school CODE] [--school-name NAME] [--year YYYY] [--works ID,ID] [--out FILE]

Makes a coordinator workbook with the sheets «Настройки», «Ученики», «Коды», «План», «Критерии».
When the file exists, only the missing sheets are added (existing ones are left alone), and the
works of --works are added to «Критерии» below what is there.
  --school CODE       school code (код ОО), 6 digits
  --school-name NAME  school name
  --year YYYY         year of the works (default: this year)
  --works ID,ID       works from the built-in catalogue for the sheet «Критерии»:
                      %KNOWN%
  --out FILE          write the result to another file`,
    codes: `Usage: vpr codes <book.xlsx> [--codes FILE] [--out FILE] [--no-replace]

Gives a code to every student without one (codes given never change) and makes the sheets
«Коды для выдачи» and «Протокол <class>» again.
  --codes FILE   codes from FIS OKO: .txt, .csv or .xlsx. Only the column «Код» (or «Код
                 участника») is read («№», «Класс» and other columns are skipped); in a list
                 without a header, the first column. Written to the sheet «Коды» only when it is
                 empty or absent; otherwise the command refuses.
  --seed N       deterministic assignment (tests and demos only; not for real codes)
  --out FILE     write the result to another file (otherwise the workbook is rewritten and the
                 previous version kept beside it as <name>.bak-YYYYMMDD-HHMMSS.xlsx; the last 5
                 backups are kept)
  --no-replace   do not replace sheets the program made earlier (default: replace them and list them)`,
    sheets: `Usage: vpr sheets <book.xlsx> [--out FILE] [--no-replace] [--archive]

Makes a score sheet for every row of the sheet «План», or merges into the one there: new students
get rows at the bottom; typed scores, notes, extra columns and formats stay where they are.
  --out FILE     write the result to another file
  --no-replace   do not rebuild a score sheet whose work changed
  --archive      when the work changed and typed scores would lose their column, move them to the
                 sheet «Архив баллов» (without it the command stops and lists those cells)`,
    check: `Usage: vpr check <book.xlsx> [--json]

Checks the workbook and prints every problem as "sheet!cell: message" (messages in Russian).
  --json   an array [{sheet, cell, code, message, severity}] on standard output
Exit code: 0 no errors (warnings allowed), 1 errors, 2 the file cannot be read.`,
    upload: `Usage: vpr upload <book.xlsx> --out DIR [--work ID]... [--form FORM.xlsx]...

Writes one file per work (subject × grade) named "<school code>_<grade>_<subject>.xlsx", for
every work that is ready: the sheets of all its classes filled in and free of errors. Errors in
other works do not hold it back; the forms not ready are listed with the reason. When none is
ready it prints the errors and writes nothing (exit code 1).
The forms are written all or none: when one cannot be written (open in Excel or LibreOffice,
read-only), the folder stays as it was and the message names that file.
  --out DIR            where to write the forms (made if missing)
  --work ID            only the form of this work (e.g. MA4-2023); may be given several times.
                       When a chosen work is not ready, nothing is written (exit code 1)
  --form FORM.xlsx     the official blank form from FIS OKO; may be given several times.
                       A form whose header fits the work is filled instead of a new one.`,
    analyze: `Usage: vpr analyze <book.xlsx> [--out FILE] [--slips] [--json]

Results analysis from the score sheets: per work and class how many wrote, mean and median primary
score, marks 2–5, pass and quality rates, item completion (with FIOKO thresholds for basic and
advanced items), the score distribution and the comparison with journal marks. Writes the add-in's
sheets «Анализ», «Анализ <grade> <subject>» (with charts) and «Результаты учеников» (with names,
for the school only; remove-names clears them) and prints a summary. Every figure is described in
docs/ANALYSIS.md.
  --out FILE   write the result to another file
  --slips      also the sheet «Результаты для родителей»: a slip per student and work (with names)
  --json       print the statistics as JSON and write nothing`,
    packets: `Usage: vpr packets <book.xlsx> --out DIR [--by class]

Packets for experts: a file per work (subject × grade) with the score sheets of all its classes —
"<school code>_<grade>_<subject>_баллы.xlsx"; with --by class a file per class and work —
"…_<class>_баллы.xlsx". A packet holds only copies of the score sheets (codes, variants, scores,
the lists of allowed values, «Итого», «Отметка», «Проверка» in formulas that Excel, LibreOffice and
Р7 recalculate) and the sheet «Инструкция»: no roster, no protocol, no name. Text typed in score
cells stays out. The files are written all or none.
  --out DIR      where to write the packets (made if missing)
  --by class     a file per class and work (default: per work)`,
    merge: `Usage: vpr merge <book.xlsx> <packet.xlsx>… [--yes] [--out FILE]

Takes the scores from the packets the experts returned: packet sheets are read by header, rows by
code. An empty cell of the workbook takes the packet's value; equal values are left alone. A cell
that already holds another value is a conflict: without --yes it is printed (sheet, cell, code,
item, workbook → packet), the workbook's value stays and the exit code is 1; with --yes the cell
takes the packet's value. Nothing is written (exit code 1) when a packet has a code that is not on
the workbook's sheet, a sheet header was changed (another work or maxima) or a file is not a
packet; the message names the file, the sheet and the cell.
  --yes          replace conflicting values with the packets'
  --out FILE     write the result to another file`,
    recheck: `Usage: vpr recheck <subcommand> … — re-checks: the sample, the school's package and scan
check, the commission's protocol, the discrepancy report (docs/RECHECK.md). Without a subcommand it
prints the subcommands with their options.`,
    municipal: `Usage: vpr municipal <folder> [--schools FILE] [--criteria FILE] [--observers FILE] [--out FILE] [--json]
       [--school CODE] [--subject SUBJECT] [--grade N] [--mismatch P]
       [--sample FILE --percent P | --min N [--by works|classes] [--weight] [--seed S]]

The municipal roll-up (docs/MUNICIPAL.md): reads every .xlsx of the folder (and its subfolders) —
schools' forms (ours and filled by hand) and FIS OKO results exports; every problem with file,
sheet and cell, a bad file never stops the others. Monitoring per school and work, statistics per
school and for the municipality, signs and the ranking of schools, the observers' check; the
workbook «Свод» or JSON.
  --schools FILE     the expected list: sheet «Школы» (Код ОО | Наименование | Муниципалитет |
                     Параллели | Работы) or the FIS OKO list «логин | имя | регион»
  --criteria FILE    a workbook with «Критерии» (as a school's): maxima and mark scales
  --observers FILE   a workbook with «Наблюдатели» (ФИО | Место работы (код ОО) |
                     Дети: код ОО и класс | Назначен в (код ОО)); output names rows only
  --out FILE         write the workbook «Свод» (monitoring, statistics, signs, observers, files)
  --json             print the roll-up as JSON
  --school CODE      the school code of forms whose file name has none (a folder of one school)
  --subject SUBJECT, --grade N
                     subject and grade of files whose name does not say them
  --mismatch P       threshold of the sign "marks unlike the journal", % (default 50)
  --sample FILE      a re-check sample across all schools (sheets «Выборка» and «Параметры»);
                     the rule as in vpr recheck sample: --percent P and/or --min N, --by,
                     --weight (schools with a sign on the work three times as likely), --seed S`,
    "remove-names": `Usage: vpr remove-names <book.xlsx> --yes [--out FILE]

Clears the names on «Ученики» (the columns «ФИО», «Фамилия», «Имя», «Отчество», on every row,
also rows the check skips) and in every protocol, also one left from a renamed class; codes,
numbers, attendance marks and scores stay. While a student has no code it refuses (exit 1): give
the codes first. It cannot be undone: without --yes it only prints what would be cleared (exit 2).
The backups <name>.bak-….xlsx still hold the names: delete them after checking.`,
    demo: `Usage: vpr demo [--out DIR] [--seed N]

The whole coordinator's flow on a fictional school: workbook, codes, late students, score sheets,
scores, check and upload forms. Writes the workbook "школа-780999.xlsx" and the forms into the
folder (default ./demo-output) and prints a summary.
  --out DIR     folder for the results
  --seed N      random seed (default 2026): the same N gives the same files`,
  },
};

export const TEXTS: Record<Lang, Texts> = { ru, en };

export type CommandName = keyof Texts["help"];
