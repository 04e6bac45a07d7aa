// Every text the task pane shows, one table per language. Russian is the default; English follows
// Office's display language or the user's switch. Messages about the workbook itself (findings)
// come from the operations and are Russian in both languages.

import { describeUploadForm, headerPreview, type UploadFormSign } from "../workbook/formDetector";

export type Language = "ru" | "en";

/** Where the codes of a code list file were read: the sheet (null for a text file), the column, its header. */
export interface CodeListWhere {
  sheet: string | null;
  column: string;
  header: string | null;
}

/** Russian plural: 1 ученик, 2 ученика, 5 учеников. */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}
const enPlural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

const ru = {
  appTitle: "ВПР: координатор",
  languageSwitch: "English",
  languageSwitchLabel: "Switch the pane to English",
  loading: "Загрузка…",
  refresh: "Обновить",
  refreshLabel: "Перечитать книгу и обновить шаги",
  stepsHeading: "Шаги",
  stepState: { done: "готово", todo: "следующий шаг", waiting: "ждёт предыдущих шагов", problem: "нужно исправить" },

  // Web mode
  webIntro:
    "Откройте рабочую книгу координатора (.xlsx) — надстройка проведёт по шагам: коды участников, листы для баллов, проверка и формы для загрузки в ФИС ОКО. Файл обрабатывается только на этом компьютере и никуда не отправляется.",
  webOpen: "Открыть файл .xlsx",
  webNew: "Начать новую книгу",
  webNewName: "ВПР координатор.xlsx",
  webSave: "Сохранить",
  webSaveHint: (name: string) => `Скачать изменённую книгу как «${name}»`,
  webOtherFile: "Открыть другой файл",
  webFile: "Файл:",
  webUnsaved: "есть несохранённые изменения — нажмите «Сохранить»",
  webSaved: (name: string) => `Книга сохранена: файл «${name}» в папке загрузок.`,
  webChangedOnDisk: (name: string) =>
    `Файл «${name}» изменён в другой программе после того, как вы открыли его здесь (например, сохранён в Excel). Книга не скачана, чтобы не потерять те изменения: откройте файл заново («Открыть другой файл») и повторите шаги.`,
  webEditHint: "Ячейки правят в Excel или другой программе: сохраните файл, впишите данные, затем откройте его здесь снова.",
  webLeave: "Есть несохранённые изменения. Уйти со страницы?",
  webOpened: (name: string) => `Открыт файл «${name}».`,

  // Steps
  steps: {
    sheets: {
      title: "Листы для ввода",
      explain: "Создайте листы «Настройки», «Ученики», «Коды», «План» и «Критерии». Существующие листы не меняются.",
      button: "Создать листы",
      count: (present: number, total: number) => `Листов: ${present} из ${total}`,
      pick: "Описания работ из встроенного каталога (на лист «Критерии»)",
      pickHint: "Максимумы и шкалы меняются каждый год: сверяйте с критериями ФИОКО. Другие работы впишите на лист «Критерии» сами.",
    },
    settings: {
      title: "Настройки школы",
      explain: "Код ОО из ФИС ОКО, год и символ для невыполненного задания.",
      button: "Сохранить настройки",
      school: "Код ОО (6 цифр)",
      schoolName: "Наименование ОО",
      year: "Год",
      xLetter: "Задание не выполнялось — в форму пишется",
      xLatin: "X (латинская)",
      xCyrillic: "Х (русская)",
      retentionDays: "Хранить работы и протоколы, дней",
      retentionHint: "После последней работы по плану; по порядку проведения ВПР — 90. Потом надстройка напомнит удалить ФИО.",
      count: (school: string): string => (school ? `Код ОО ${school}` : "Код ОО не указан"),
      edit: "Изменить настройки",
    },
    roster: {
      title: "Ученики и план",
      explain: "Впишите учеников на лист «Ученики» (класс, ФИО, пол) и на лист «План» — какой класс какую работу пишет.",
      count: (students: number, classes: number, plan: number) =>
        `${students} ${ruPlural(students, "ученик", "ученика", "учеников")} в ${classes} ${ruPlural(classes, "классе", "классах", "классах")}; работ в плане: ${plan}`,
    },
    codes: {
      title: "Коды участников",
      explain: "Каждый ученик получает один код на все работы. Без списка из ФИС ОКО коды создаются по образцу: 40001… для 4 класса.",
      button: "Выдать коды",
      count: (assigned: number, total: number) => `Коды есть у ${assigned} из ${total} ${ruPlural(total, "ученика", "учеников", "учеников")}`,
      pool: (n: number) => `В списке кодов на листе «Коды»: ${n}`,
      importToggle: "Загрузить список кодов из ФИС ОКО",
      importText: "Коды — по одному в строке или через пробел",
      importFile: "Или файл со списком (.txt, .csv, .xlsx)",
      importButton: "Записать на лист «Коды»",
      importParsed: (n: number) => `Распознано кодов: ${n}`,
      importFrom: (file: string, from: CodeListWhere, n: number, duplicates: number) =>
        `Из файла «${file}» (${[from.sheet !== null ? `лист «${from.sheet}»` : "", from.header !== null ? `столбец «${from.header}», ${from.column}` : `столбец ${from.column}, без заголовка`].filter(Boolean).join(", ")}): кодов — ${n}${duplicates > 0 ? `; повторов пропущено — ${duplicates}` : ""}.`,
      importFileBad: (file: string) => `Файл «${file}» не прочитан: исправьте в нём эти ячейки и выберите его снова.`,
      cleared: "Код ученика стёрт в списке, а баллы с этим кодом уже внесены: впишите код обратно в ячейку, названную ниже. Новый код не выдавайте — баллы останутся без ученика.",
    },
    scoreSheets: {
      title: "Листы для баллов",
      explain: "По листу на класс и предмет: только коды, без фамилий — их можно отдавать экспертам.",
      button: "Создать листы для баллов",
      count: (made: number, expected: number) => `Листов: ${made} из ${expected}`,
    },
    check: {
      title: "Баллы и проверка",
      explain: "Эксперты вносят баллы на листы для баллов. Проверка находит пустые строки, баллы больше максимума и опечатки.",
      button: "Проверить",
      count: (filled: number, rows: number, errors: number, warnings: number) =>
        `Заполнено строк: ${filled} из ${rows}; ошибок: ${errors}; предупреждений: ${warnings}`,
    },
    upload: {
      title: "Формы для ФИС ОКО",
      explain: "По файлу на предмет и параллель: коды, варианты и баллы, без фамилий. Форма готова, когда листы всех классов этой параллели по этому предмету заполнены и без ошибок; ошибки в других работах ей не мешают.",
      button: "Сформировать формы",
      count: (ready: number, total: number) => (ready === total ? `Форм к загрузке: ${total}` : `Готово форм: ${ready} из ${total}`),
      forms: "Формы по работам",
      formTitle: (grade: number, subject: string) => `${grade} класс, ${subject}`,
      formReady: "готова",
      formNotReady: (reason: string) => `не готова: ${reason}`,
      blank: "Пустой бланк из ФИС ОКО (необязательно)",
      blankHint: "Если выбрать бланк, надстройка заполнит его, а не создаст форму сама.",
      blankChosen: (n: number) => `Выбрано бланков: ${n}`,
    },
    removeNames: {
      title: "Удалить ФИО",
      explain: "Когда результаты получены и срок хранения протоколов прошёл: ФИО стираются на листе «Ученики» и во всех протоколах; коды и баллы остаются.",
      explainWaiting: "ФИО можно удалить только после того, как у каждого ученика есть код: иначе связь ФИО и кода потеряется навсегда.",
      button: "Удалить ФИО",
      count: (cells: number, until: string | null, expired: boolean) =>
        `Ячеек с ФИО: ${cells}${until ? (expired ? `; срок хранения истёк ${until}` : `; хранить до ${until}`) : ""}`,
      none: "ФИО в книге нет",
      reminder: (until: string, last: string, days: number) =>
        `Срок хранения протоколов истёк ${until} (последняя работа по плану — ${last}, хранить ${days} дн., лист «Настройки»): удалите ФИО — шаг «Удалить ФИО».`,
      confirmTitle: "Удалить ФИО?",
      confirmBody: (n: number) => `Будут стёрты ${n} ${ruPlural(n, "ячейка", "ячейки", "ячеек")} с ФИО — это необратимо:`,
      confirmRoster: (header: string, n: number) => `лист «Ученики», столбец «${header}»: ${n}`,
      confirmSheet: (name: string, n: number) => `лист «${name}»: ${n}`,
      confirmKeeps: "Коды, номера по протоколу, отметки и баллы останутся. Копии книги (прежние версии, резервные копии, распечатки) по-прежнему содержат ФИО — удалите их сами.",
      confirmYes: "Удалить ФИО",
      confirmCancel: "Отмена",
      done: (n: number) => (n > 0 ? `Стёрто ячеек с ФИО: ${n}. Коды и баллы остались.` : "ФИО в книге нет: стирать нечего."),
      declined: "ФИО не удалены: книга не изменена.",
    },
  },

  // Results of operations
  busy: {
    read: "Чтение книги…",
    write: "Запись в книгу…",
    open: "Открытие файла…",
    build: "Создание форм…",
    save: "Сохранение…",
    working: "Выполняется…",
  },
  cancel: "Отменить",
  cancelling: "Отмена… (дожидаемся конца записи)",
  progressLabel: "Ход выполнения",
  cancelled: "Отменено: книга не изменена.",
  failed: (message: string) => `Не удалось: ${message}`,
  blocked: (errors: number) => `Не выполнено: в книге ${errors} ${ruPlural(errors, "ошибка", "ошибки", "ошибок")}. Исправьте их — список ниже — и повторите.`,
  declined: "Листы не заменены: книга не изменена.",
  done: {
    sheets: (created: string[], skipped: string[]) =>
      created.length > 0
        ? `Созданы листы: ${created.map((s) => `«${s}»`).join(", ")}.${skipped.length > 0 ? ` Уже были и не тронуты: ${skipped.map((s) => `«${s}»`).join(", ")}.` : ""}`
        : "Все листы для ввода уже есть; ничего не изменено.",
    settings: (n: number): string => (n > 0 ? "Настройки сохранены на листе «Настройки»." : "Настройки не изменились."),
    codes: (n: number): string =>
      n > 0
        ? `Коды выданы: ${n}. Распечатайте лист «Коды для выдачи» (разрежьте по линиям) и протокол каждого класса; номера уже выданных листков не меняются.`
        : "У всех учеников уже есть коды; листы «Коды для выдачи» и протоколы обновлены, номера прежние — их можно распечатать.",
    importCodes: (n: number) => `Записано кодов на лист «Коды»: ${n}.`,
    scoreSheets: (n: number) => `Листы для баллов: ${n}. Раздайте их экспертам или вносите баллы сами.`,
    /** Worded from the check step's own counts (errors and warnings without the rows left to type; those apart). */
    check: (errors: number, warnings: number, blank: number, missingSheets: number) =>
      errors + warnings + blank + missingSheets === 0
        ? "Проверка пройдена: ошибок нет."
        : `Проверка: ошибок — ${errors}, предупреждений — ${warnings}${blank > 0 ? `; не заполнено строк — ${blank}` : ""}${missingSheets > 0 ? `; нет листов для баллов — ${missingSheets}` : ""}. Список ниже.`,
    upload: (n: number, file: string, notReady: number) =>
      `Сформировано форм: ${n}. Скачан файл «${file}».${notReady > 0 ? ` Не готовы: ${notReady} — почему, сказано в списке форм.` : ""}`,
  },

  // Findings list
  findingsCheck: "Результаты проверки",
  findingsBlocked: "Что нужно исправить",
  findingsNone: "Ошибок нет.",
  findingsSelectHint: "Нажмите на строку, чтобы перейти к ячейке.",
  findingsGeneral: "Общее",
  findingsMore: (n: number) => `…и ещё ${n}. Полный список — в «Сохранить в .txt».`,
  findingsCopy: "Копировать",
  findingsCopied: "Список скопирован.",
  findingsSave: "Сохранить в .txt",
  findingsFile: "проверка ВПР.txt",
  severity: { error: "Ошибка", warning: "Предупреждение" },
  goTo: (ref: string) => `Перейти к ${ref}`,

  // Upload files
  uploadFiles: "Формы",
  uploadDownloadAll: "Скачать все (.zip)",
  uploadDownload: "Скачать",
  uploadOpen: "Открыть в Excel",
  uploadZip: (school: string) => `${school || "ВПР"}_формы_ВПР.zip`,
  uploadRows: (n: number) => `${n} ${ruPlural(n, "строка", "строки", "строк")}`,

  // Confirmation
  confirmTitle: "Заменить листы?",
  confirmBody: "Надстройка создаст эти свои листы заново. Другие листы не изменятся; баллы, уже внесённые на листы для баллов, сохранятся.",
  confirmReplace: "Заменить",
  confirmCancel: "Не заменять",
  archiveTitle: "Перенести баллы в архив?",
  archiveBody: (n: number) =>
    `Описание работы изменилось: ${n} ${ruPlural(n, "введённому баллу", "введённым баллам", "введённым баллам")} больше некуда встать. Надстройка перенесёт их на лист «Архив баллов» (дата, лист, ячейка, код, столбец, значение) и перестроит листы; остальные баллы останутся на месте.`,
  archiveMove: "Перенести в архив",
  archiveCancel: "Не переносить",
  archiveDeclined: "Баллы не перенесены: книга не изменена. Верните задание на лист «Критерии» или подтвердите перенос.",

  // An upload form opened instead of the coordinator's workbook (src/workbook/formDetector.ts)
  uploadForm: {
    title: "Это форма для ФИС ОКО, а не книга координатора",
    describe: describeUploadForm,
    excel:
      "Форму загружают в ФИС ОКО как есть; менять её не нужно. Откройте в Excel книгу координатора — ту, из которой сделана форма (с листами «Настройки», «Ученики», «План»), — и запустите надстройку в ней. Эта книга не изменена.",
    web: "Форму загружают в ФИС ОКО как есть; менять её не нужно. Нажмите «Открыть другой файл» и выберите книгу координатора — ту, из которой сделана форма (с листами «Настройки», «Ученики», «План»). Этот файл не изменён.",
    blank: "Пустой бланк выбирают в шаге «Формы для ФИС ОКО» книги координатора («Пустой бланк из ФИС ОКО»).",
  },
};

export type Strings = typeof ru;

const en: Strings = {
  appTitle: "VPR coordinator",
  languageSwitch: "Русский",
  languageSwitchLabel: "Переключить панель на русский",
  loading: "Loading…",
  refresh: "Refresh",
  refreshLabel: "Read the workbook again and update the steps",
  stepsHeading: "Steps",
  stepState: { done: "done", todo: "next step", waiting: "waits for earlier steps", problem: "needs fixing" },

  webIntro:
    "Open the coordinator's workbook (.xlsx) and the pane walks you through the steps: participant codes, score sheets, the check and the upload forms for FIS OKO. The file is processed on this computer only and is never sent anywhere.",
  webOpen: "Open .xlsx file",
  webNew: "Start a new workbook",
  webNewName: "VPR coordinator.xlsx",
  webSave: "Save",
  webSaveHint: (name: string) => `Download the changed workbook as “${name}”`,
  webOtherFile: "Open another file",
  webFile: "File:",
  webUnsaved: "unsaved changes — press “Save”",
  webSaved: (name: string) => `Workbook saved: “${name}” in your downloads folder.`,
  webChangedOnDisk: (name: string) =>
    `“${name}” was changed in another program after you opened it here (saved in Excel, for example). Nothing was downloaded, so those changes are not lost: open the file again (“Open another file”) and repeat the steps.`,
  webEditHint: "Edit cells in Excel or another spreadsheet program: save the file, type the data, then open it here again.",
  webLeave: "There are unsaved changes. Leave the page?",
  webOpened: (name: string) => `Opened “${name}”.`,

  steps: {
    sheets: {
      title: "Input sheets",
      explain: "Create the sheets «Настройки», «Ученики», «Коды», «План» and «Критерии». Existing sheets are left alone.",
      button: "Create sheets",
      count: (present: number, total: number) => `Sheets: ${present} of ${total}`,
      pick: "Work definitions from the built-in catalogue (to «Критерии»)",
      pickHint: "Maxima and scales change every year: compare with FIOKO's criteria. Type other works on «Критерии» yourself.",
    },
    settings: {
      title: "School settings",
      explain: "School code from FIS OKO, the year and the mark for a task not attempted.",
      button: "Save settings",
      school: "School code (6 digits)",
      schoolName: "School name",
      year: "Year",
      xLetter: "Task not attempted — the form gets",
      xLatin: "X (Latin)",
      xCyrillic: "Х (Cyrillic)",
      retentionDays: "Keep works and protocols, days",
      retentionHint: "After the last work in the plan; the ВПР regulations say 90. Then the pane reminds you to remove the names.",
      count: (school: string) => (school ? `School code ${school}` : "No school code yet"),
      edit: "Change settings",
    },
    roster: {
      title: "Students and plan",
      explain: "Type the students on «Ученики» (class, name, sex) and on «План» which class writes which work.",
      count: (students: number, classes: number, plan: number) =>
        `${students} ${enPlural(students, "student", "students")} in ${classes} ${enPlural(classes, "class", "classes")}; works in the plan: ${plan}`,
    },
    codes: {
      title: "Participant codes",
      explain: "Each student gets one code for all works. Without a list from FIS OKO, codes follow the pattern 40001… for grade 4.",
      button: "Assign codes",
      count: (assigned: number, total: number) => `${assigned} of ${total} ${enPlural(total, "student has", "students have")} a code`,
      pool: (n: number) => `Codes in the list on «Коды»: ${n}`,
      importToggle: "Import the code list from FIS OKO",
      importText: "Codes, one per line or separated by spaces",
      importFile: "Or a file with the list (.txt, .csv, .xlsx)",
      importButton: "Write to «Коды»",
      importParsed: (n: number) => `Codes recognised: ${n}`,
      importFrom: (file: string, from: CodeListWhere, n: number, duplicates: number) =>
        `From “${file}” (${[from.sheet !== null ? `sheet «${from.sheet}»` : "", from.header !== null ? `column «${from.header}», ${from.column}` : `column ${from.column}, no header`].filter(Boolean).join(", ")}): ${n} ${enPlural(n, "code", "codes")}${duplicates > 0 ? `; repeats skipped: ${duplicates}` : ""}.`,
      importFileBad: (file: string) => `“${file}” was not read: fix these cells in it and choose it again.`,
      cleared: "A student's code was erased from the list while scores with that code are already typed: type the code back into the cell named below. Do not assign a new code — the scores would be left without a student.",
    },
    scoreSheets: {
      title: "Score sheets",
      explain: "One sheet per class and subject: codes only, no names — safe to give to the experts.",
      button: "Create score sheets",
      count: (made: number, expected: number) => `Sheets: ${made} of ${expected}`,
    },
    check: {
      title: "Scores and check",
      explain: "Experts type scores on the score sheets. The check finds empty rows, scores over the maximum and typos.",
      button: "Check",
      count: (filled: number, rows: number, errors: number, warnings: number) => `Rows filled: ${filled} of ${rows}; errors: ${errors}; warnings: ${warnings}`,
    },
    upload: {
      title: "Forms for FIS OKO",
      explain: "One file per subject and grade: codes, variants and scores, no names. A form is ready when the sheets of every class of that grade in that subject are filled in and free of errors; errors in other works do not hold it back.",
      button: "Build the forms",
      count: (ready: number, total: number) => (ready === total ? `Forms to upload: ${total}` : `Forms ready: ${ready} of ${total}`),
      forms: "Forms by work",
      formTitle: (grade: number, subject: string) => `Grade ${grade}, ${subject}`,
      formReady: "ready",
      formNotReady: (reason: string) => `not ready: ${reason}`,
      blank: "Blank form from FIS OKO (optional)",
      blankHint: "With a blank form chosen, the pane fills it instead of making its own.",
      blankChosen: (n: number) => `Blank forms chosen: ${n}`,
    },
    removeNames: {
      title: "Remove names",
      explain: "Once the results are back and the protocols' keeping period is over: names are cleared on «Ученики» and in every protocol; codes and scores stay.",
      explainWaiting: "Names can be removed only once every student has a code: otherwise the link between a name and a code is lost for ever.",
      button: "Remove names",
      count: (cells: number, until: string | null, expired: boolean) =>
        `Cells with names: ${cells}${until ? (expired ? `; keeping period ended ${until}` : `; keep until ${until}`) : ""}`,
      none: "No names in the workbook",
      reminder: (until: string, last: string, days: number) =>
        `The protocols' keeping period ended on ${until} (last work in the plan ${last}, kept ${days} days, sheet «Настройки»): remove the names — step «Remove names».`,
      confirmTitle: "Remove names?",
      confirmBody: (n: number) => `${n} ${enPlural(n, "cell", "cells")} with names will be cleared — this cannot be undone:`,
      confirmRoster: (header: string, n: number) => `sheet «Ученики», column «${header}»: ${n}`,
      confirmSheet: (name: string, n: number) => `sheet «${name}»: ${n}`,
      confirmKeeps: "Codes, protocol numbers, marks and scores stay. Copies of the workbook (earlier versions, backups, printouts) still hold the names: delete them yourself.",
      confirmYes: "Remove names",
      confirmCancel: "Cancel",
      done: (n: number) => (n > 0 ? `Cells with names cleared: ${n}. Codes and scores stay.` : "No names in the workbook: nothing to clear."),
      declined: "Names not removed: the workbook was not changed.",
    },
  },

  busy: { read: "Reading the workbook…", write: "Writing to the workbook…", open: "Opening the file…", build: "Building the forms…", save: "Saving…", working: "Working…" },
  cancel: "Cancel",
  cancelling: "Cancelling… (waiting for the write to finish)",
  progressLabel: "Progress",
  cancelled: "Cancelled: the workbook was not changed.",
  failed: (message: string) => `Failed: ${message}`,
  blocked: (errors: number) => `Not done: the workbook has ${errors} ${enPlural(errors, "error", "errors")}. Fix them (listed below) and try again.`,
  declined: "Sheets not replaced: the workbook was not changed.",
  done: {
    sheets: (created: string[], skipped: string[]) =>
      created.length > 0
        ? `Created: ${created.map((s) => `«${s}»`).join(", ")}.${skipped.length > 0 ? ` Already there, untouched: ${skipped.map((s) => `«${s}»`).join(", ")}.` : ""}`
        : "All input sheets are already there; nothing changed.",
    settings: (n: number) => (n > 0 ? "Settings saved on «Настройки»." : "Settings unchanged."),
    codes: (n: number) =>
      n > 0
        ? `Codes assigned: ${n}. Print the sheet «Коды для выдачи» (cut along the lines) and each class's protocol; slips already handed out keep their numbers.`
        : "Every student already has a code; the slips and protocols were refreshed with the same numbers — ready to print.",
    importCodes: (n: number) => `Codes written to «Коды»: ${n}.`,
    scoreSheets: (n: number) => `Score sheets: ${n}. Hand them to the experts or type the scores yourself.`,
    check: (errors: number, warnings: number, blank: number, missingSheets: number) =>
      errors + warnings + blank + missingSheets === 0
        ? "Check passed: no errors."
        : `Check: ${errors} errors, ${warnings} warnings${blank > 0 ? `; rows not filled in: ${blank}` : ""}${missingSheets > 0 ? `; score sheets missing: ${missingSheets}` : ""}. See the list below.`,
    upload: (n: number, file: string, notReady: number) => `Forms built: ${n}. Downloaded “${file}”.${notReady > 0 ? ` Not ready: ${notReady} — see the list of forms for why.` : ""}`,
  },

  findingsCheck: "Check results",
  findingsBlocked: "What to fix",
  findingsNone: "No errors.",
  findingsSelectHint: "Click a line to go to its cell.",
  findingsGeneral: "General",
  findingsMore: (n: number) => `…and ${n} more. The full list is in “Save as .txt”.`,
  findingsCopy: "Copy",
  findingsCopied: "List copied.",
  findingsSave: "Save as .txt",
  findingsFile: "VPR check.txt",
  severity: { error: "Error", warning: "Warning" },
  goTo: (ref: string) => `Go to ${ref}`,

  uploadFiles: "Forms",
  uploadDownloadAll: "Download all (.zip)",
  uploadDownload: "Download",
  uploadOpen: "Open in Excel",
  uploadZip: (school: string) => `${school || "VPR"}_forms_VPR.zip`,
  uploadRows: (n: number) => `${n} ${enPlural(n, "row", "rows")}`,

  confirmTitle: "Replace sheets?",
  confirmBody: "The pane will make these sheets of its own again. No other sheet changes; scores already typed on score sheets are kept.",
  confirmReplace: "Replace",
  confirmCancel: "Don't replace",
  archiveTitle: "Move scores to the archive?",
  archiveBody: (n: number) =>
    `The work's description changed: ${n} typed ${enPlural(n, "score has", "scores have")} no column any more. The pane will move them to the sheet «Архив баллов» (date, sheet, cell, code, column, value) and rebuild the sheets; every other score stays where it is.`,
  archiveMove: "Move to the archive",
  archiveCancel: "Don't move",
  archiveDeclined: "Scores not moved: the workbook was not changed. Put the item back on «Критерии» or confirm the move.",

  uploadForm: {
    title: "This is a form for FIS OKO, not the coordinator's workbook",
    describe: (sign: UploadFormSign) =>
      `This is ${sign.rows > 0 ? "an upload form" : "a blank upload form"} for FIS OKO (sheet «${sign.sheet}»${sign.header ? `: ${headerPreview(sign)}` : ""}${sign.rows > 0 ? `; rows with a code: ${sign.rows}` : ""}), not the coordinator's workbook: it has none of the sheets «Настройки», «Ученики», «План».`,
    excel:
      "A form is uploaded to FIS OKO as it is; it needs no changes. Open the coordinator's workbook in Excel — the one the form was made from (with the sheets «Настройки», «Ученики», «План») — and start the add-in there. This workbook was not changed.",
    web: "A form is uploaded to FIS OKO as it is; it needs no changes. Press “Open another file” and choose the coordinator's workbook — the one the form was made from (with the sheets «Настройки», «Ученики», «План»). This file was not changed.",
    blank: "A blank form is chosen in the step “Forms for FIS OKO” of the coordinator's workbook (“Blank form from FIS OKO”).",
  },
};

export const STRINGS: Record<Language, Strings> = { ru, en };

/** Office's display language ("ru-RU", "en-US") → the pane's language; Russian unless it is English. */
export function languageFor(displayLanguage: string | undefined | null): Language {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "ru";
}
