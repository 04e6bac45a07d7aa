// Every text the task pane shows, one table per language. Russian is the default and is here;
// English (./strings.en.ts) follows Office's display language or the user's switch and is a chunk
// of its own, loaded only then (loadStrings). Messages about the workbook itself (findings) come
// from the operations and are Russian in both languages.

import { describeUploadForm } from "../workbook/formDetector";

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

/** The Russian table: the pane's default, in its first load. */
export const ru = {
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
  webMunicipal: "Свод муниципалитета…",

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
    packets: {
      title: "Пакеты для экспертов",
      explain: "Копии листов для баллов без ФИО, по файлу на работу: эксперты вносят баллы у себя и возвращают файл, надстройка принимает баллы по кодам.",
      button: "Пакеты для экспертов",
      byClass: "По файлу на класс",
      byClassHint: "Отдельный файл на каждый класс и работу",
      merge: "Принять баллы экспертов",
      zip: (school: string) => `${school || "ВПР"}_пакеты_экспертов.zip`,
      made: (n: number, file: string) => `Пакетов: ${n}. Скачан файл «${file}»; ФИО в пакетах нет.`,
      merged: (filled: number, conflicts: number, overwritten: boolean) =>
        `Принято баллов: ${filled}.${conflicts > 0 ? (overwritten ? ` Расхождений: ${conflicts} — взяты значения из пакетов.` : ` Расхождений: ${conflicts} — оставлены значения книги.`) : ""}`,
      refused: (n: number) => `Баллы не приняты: ${n} ${ruPlural(n, "ошибка", "ошибки", "ошибок")} в пакетах (файл, лист и ячейка — ниже). Книга не изменена.`,
      confirmTitle: "Баллы расходятся",
      confirmBody: (n: number) => `В ${n} ${ruPlural(n, "ячейке", "ячейках", "ячейках")} книги уже другое значение, чем в пакете. Остальные баллы будут приняты в любом случае.`,
      conflict: (sheet: string, cell: string, code: number, item: string, ours: string, theirs: string, file: string) =>
        `«${sheet}»!${cell}, код ${code}, «${item}»: в книге ${ours} → в пакете ${theirs} («${file}»)`,
      more: (n: number) => `…и ещё ${n}`,
      confirmYes: "Взять из пакетов",
      confirmNo: "Оставить как в книге",
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
    analysis: {
      title: "Анализ результатов",
      explain: "Статистика по каждой работе, классу и параллели: средний балл, отметки, успеваемость и качество, выполнение заданий, распределение баллов, сравнение с журналом — листы с диаграммами и результаты по ФИО (только для школы).",
      button: "Сделать листы анализа",
      show: "Показать итоги без записи",
      slips: "Листки для родителей",
      slipsHint: "Лист «Результаты для родителей»: листок с баллами по каждому заданию на каждого ученика и работу (с ФИО, только для школы).",
      made: "Листы анализа есть в книге; после изменения баллов сделайте их заново",
      done: (n: number) => `Листы анализа готовы: ${n} (сводка «Анализ», по листу на работу, «Результаты учеников», «Результаты для родителей»)`,
      summary: "Итоги по работам",
      workTitle: (subject: string, grade: number) => `${subject}, ${grade} класс`,
      columns: ["Класс", "Писали", "Балл", "Усп.,%", "Кач.,%", "↓/=/↑"],
      grade: "Всего",
      small: "* меньше 10 писавших: выводы делать нельзя",
      legend: "Балл — средний первичный; Усп. — успеваемость («3»–«5»), Кач. — качество («4»–«5»); ↓/=/↑ — отметка ВПР ниже журнальной, такая же, выше.",
      noWorks: "Нет работ с листами для баллов.",
      flagsTitle: (n: number) => `Признаки необъективности: ${n} (подробно — лист «Самопроверка объективности»)`,
      noFlags: "Признаков необъективности не найдено.",
    },
    recheck: {
      title: "Перепроверка",
      explain: "Когда пришёл список работ на перепроверку: чек-лист «Перепроверка», протокол этих работ без ФИО и проверка папки сканов.",
      list: "Выбрать список (.json, .xlsx)",
      chosen: (file: string, n: number) => `Список «${file}»: работ ${n}`,
      button: "Сделать чек-лист и протокол",
      scans: "Проверить сканы (папка)",
      made: (file: string | null) => (file ? `Чек-лист «Перепроверка» в книге; скачан протокол «${file}» (без ФИО).` : "Чек-лист «Перепроверка» в книге; протокола нет: у работ из списка нет баллов."),
      problems: "Замечания по сканам",
      scansResult: (ready: number, expected: number, problems: number) => `Сканов готово: ${ready} из ${expected}; замечаний: ${problems}`,
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
  /** The upload's list when scores changed since the previous upload («Журнал баллов»). */
  findingsChanged: (n: number) => `Изменено после прошлой загрузки: ${n}`,
  uploadChanged: (n: number) => ` После прошлой загрузки изменено: ${n} — список ниже; загрузите новые формы в ФИС ОКО.`,
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

/** The table of `language`: Russian at once, English from its own chunk. */
export function loadStrings(language: Language): Promise<Strings> {
  return language === "en" ? import(/* webpackChunkName: "strings-en" */ "./strings.en").then((m) => m.en) : Promise.resolve(ru);
}

/** Office's display language ("ru-RU", "en-US") → the pane's language; Russian unless it is English. */
export function languageFor(displayLanguage: string | undefined | null): Language {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "ru";
}
