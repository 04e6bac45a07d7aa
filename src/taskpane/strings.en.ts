// The pane's texts in English (see ./strings.ts): a chunk of its own, loaded only when the pane is
// shown in English. Messages about the workbook itself (findings) stay Russian.
import { headerPreview, type UploadFormSign } from "../workbook/formDetector";
import type { CodeListWhere, Strings } from "./strings";

const enPlural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const en: Strings = {
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
  webMunicipal: "Municipal roll-up…",

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
    packets: {
      title: "Packets for experts",
      explain: "Copies of the score sheets without names, one file per work: experts type the scores and return the file; the add-in takes the scores back by code.",
      button: "Packets for experts",
      byClass: "One file per class",
      byClassHint: "A file for each class and work",
      merge: "Take the experts' scores",
      zip: (school: string) => `${school || "VPR"}_expert_packets.zip`,
      made: (n: number, file: string) => `Packets: ${n}. Downloaded "${file}"; the packets hold no names.`,
      merged: (filled: number, conflicts: number, overwritten: boolean) =>
        `Scores taken: ${filled}.${conflicts > 0 ? (overwritten ? ` Conflicts: ${conflicts} — the packets' values taken.` : ` Conflicts: ${conflicts} — the workbook's values kept.`) : ""}`,
      refused: (n: number) => `Scores not taken: ${n} ${enPlural(n, "error", "errors")} in the packets (file, sheet and cell below). The workbook is unchanged.`,
      confirmTitle: "Scores differ",
      confirmBody: (n: number) => `${n} ${enPlural(n, "cell", "cells")} of the workbook already ${enPlural(n, "holds", "hold")} another value than the packet. The other scores are taken either way.`,
      conflict: (sheet: string, cell: string, code: number, item: string, ours: string, theirs: string, file: string) =>
        `«${sheet}»!${cell}, code ${code}, «${item}»: workbook ${ours} → packet ${theirs} ("${file}")`,
      more: (n: number) => `…and ${n} more`,
      confirmYes: "Take the packets'",
      confirmNo: "Keep the workbook's",
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
    analysis: {
      title: "Results analysis",
      explain: "Statistics per work, class and grade: mean score, marks, pass and quality rates, item completion, score distribution, journal comparison — sheets with charts and results by name (for the school only).",
      button: "Make the analysis sheets",
      show: "Show the summary without writing",
      slips: "Slips for parents",
      slipsHint: "Sheet «Результаты для родителей»: a slip with the points of every item per student and work (with names, for the school only).",
      made: "The analysis sheets are in the workbook; make them again after scores change",
      done: (n: number) => `Analysis sheets ready: ${n} (summary «Анализ», one per work, «Результаты учеников», «Результаты для родителей»)`,
      summary: "Results per work",
      workTitle: (subject: string, grade: number) => `${subject}, grade ${grade}`,
      columns: ["Class", "Wrote", "Mean", "Pass,%", "Qual.,%", "↓/=/↑"],
      grade: "All",
      small: "* fewer than 10 wrote: do not draw conclusions",
      legend: "Mean — mean primary score; Pass — marks 3–5, Qual. — marks 4–5; ↓/=/↑ — the ВПР mark below, equal to, above the journal mark.",
      noWorks: "No work has score sheets.",
      flagsTitle: (n: number) => `Signs of non-objective results: ${n} (details on «Самопроверка объективности»)`,
      noFlags: "No sign of non-objective results.",
    },
    recheck: {
      title: "Re-check",
      explain: "When the list of works to re-check arrives: the checklist «Перепроверка», the protocol of those works without names, and a check of the folder of scans.",
      list: "Choose the list (.json, .xlsx)",
      chosen: (file: string, n: number) => `List "${file}": ${n} ${enPlural(n, "work", "works")}`,
      button: "Make the checklist and protocol",
      scans: "Check the scans (folder)",
      made: (file: string | null) => (file ? `Checklist «Перепроверка» in the workbook; protocol "${file}" downloaded (no names).` : "Checklist «Перепроверка» in the workbook; no protocol: the listed works have no scores."),
      problems: "Problems with the scans",
      scansResult: (ready: number, expected: number, problems: number) => `Scans ready: ${ready} of ${expected}; problems: ${problems}`,
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
  findingsChanged: (n: number) => `Changed since the previous upload: ${n}`,
  uploadChanged: (n: number) => ` Changed since the previous upload: ${n} — see the list below; upload the new forms to FIS OKO.`,
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

