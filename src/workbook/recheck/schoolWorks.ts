// The school's works on a re-check list: the entries whose school is this workbook's code
// («Настройки»), each with its expected scan file name and the score-sheet row holding its
// original scores (the check's rows, ../check.ts). The checklist, the protocol and the scan check
// all start here, so they agree on which works are the school's and which are not found.
import { cellAddress, isAbsentText, scanFileName, type Finding, type SampleEntry } from "../../core";
import type { CheckResult, CheckedRow, CheckedSheet } from "../check";
import { SETTINGS_SHEET } from "../contract";
import type { RecheckList } from "./listFile";

export interface ListedWork {
  entry: SampleEntry;
  /** Where the entry stands in the list («строка 5 листа «Выборка» файла «…»»). */
  where: string;
  /** The file the scan must have: `<Код ОО>_<код>_вар.<вариант>.pdf`. */
  scanName: string;
  /**
   * "ok": scores found, in the protocol; "absent": the student did not write it (no paper to scan);
   * "blank": nothing typed on the row; "notFound": no row with that code for that work.
   */
  status: "ok" | "absent" | "blank" | "notFound";
  found: { sheet: CheckedSheet; row: CheckedRow } | null;
}

export interface SchoolWorks {
  school: string;
  works: ListedWork[];
  /** Entries of other schools on the list (not ours to scan). */
  others: number;
  findings: Finding[];
}

const key = (s: string): string => s.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");

/** The sheets of the entry's work: by the work's id, else by grade and subject (a list drawn from upload forms may carry another id). */
function sheetsOf(checked: CheckResult, e: SampleEntry): CheckedSheet[] {
  const byId = checked.sheets.filter((s) => key(s.plan.work.id) === key(e.workId));
  return byId.length > 0 ? byId : checked.sheets.filter((s) => s.plan.grade === e.grade && key(s.plan.subject) === key(e.subject));
}

export function schoolWorks(list: RecheckList, checked: CheckResult): SchoolWorks {
  const findings: Finding[] = [];
  const school = checked.inputs.settings.school;
  if (!school) {
    findings.push({ sheet: SETTINGS_SHEET, severity: "error", code: "recheck.school", message: "не указан код ОО (6 цифр) на листе «Настройки»: без него не понять, какие работы списка — этой школы" });
    return { school: "", works: [], others: 0, findings };
  }
  const works: ListedWork[] = [];
  const seen = new Map<string, string>();
  let others = 0;
  list.sample.sample.forEach((entry, i) => {
    const where = list.where[i] ?? `элемент ${i + 1} списка «${list.file}»`;
    if (entry.school !== school) {
      others++;
      return;
    }
    const what = `${where} (${entry.subject || entry.workId}, ${entry.class || `${entry.grade} класс`}, код ${entry.code})`;
    const twin = seen.get(`${key(entry.workId)}|${entry.code}`);
    if (twin !== undefined) {
      findings.push({ severity: "warning", code: "recheck.list-duplicate", message: `${what}: эта работа уже есть в списке (${twin}) — повтор пропущен` });
      return;
    }
    seen.set(`${key(entry.workId)}|${entry.code}`, where);
    const name = scanFileName(school, entry.code, entry.variant);
    if (!name.ok) {
      findings.push({ severity: "error", code: "recheck.list", message: `${what}: ${name.message} — исправьте список или попросите составителя прислать верный` });
      return;
    }
    const sheets = sheetsOf(checked, entry);
    let found: ListedWork["found"] = null;
    for (const sheet of sheets) {
      const row = sheet.rows.find((r) => r.student.code === entry.code);
      if (row) found = { sheet, row };
    }
    if (!found) {
      const on = sheets.length > 0 ? `на ${sheets.length === 1 ? "листе" : "листах"} ${sheets.map((s) => `«${s.name}»`).join(", ")}` : `в книге нет листов для баллов работы ${entry.workId} (${entry.grade} класс, ${entry.subject})`;
      findings.push({ severity: "warning", code: "recheck.not-found", message: `${what}: ${sheets.length > 0 ? `кода ${entry.code} нет ${on}` : on} — в протокол работа не попадёт; сверьте код с бланком и сообщите составителю списка` });
      works.push({ entry, where, scanName: name.value, status: "notFound", found: null });
      return;
    }
    const { sheet, row } = found;
    const variantCol = sheet.layout.columns.findIndex((c) => c.kind === "variant");
    const cell = cellAddress(row.row.row, variantCol >= 0 ? variantCol : 1);
    if (row.check.status === "absent" || isAbsentText(row.row.variants[0])) {
      findings.push({ sheet: sheet.name, cell, severity: "warning", code: "recheck.absent", message: `${what}: на листе участник отмечен как отсутствовавший — работы нет, сканировать нечего; сообщите составителю списка` });
      works.push({ entry, where, scanName: name.value, status: "absent", found });
      return;
    }
    if (row.check.status === "blank") {
      findings.push({ sheet: sheet.name, cell, severity: "warning", code: "recheck.blank", message: `${what}: в строке нет ни варианта, ни баллов — в протокол работа не попадёт; внесите баллы и сделайте пакет заново` });
      works.push({ entry, where, scanName: name.value, status: "blank", found });
      return;
    }
    const errors = row.check.issues.filter((x) => x.severity === "error");
    if (errors.length > 0) {
      findings.push({ sheet: sheet.name, cell: cellAddress(row.row.row, 0), severity: "error", code: "recheck.scores", message: `${what}: в строке ошибки в баллах (${errors.map((x) => x.message).join("; ")}) — исправьте их: протокол перепроверки несёт исходные баллы` });
    }
    const typed = Number(String(row.row.variants[0] ?? "").trim());
    if (Number.isInteger(typed) && typed !== entry.variant) {
      findings.push({ sheet: sheet.name, cell, severity: "warning", code: "recheck.variant", message: `${what}: в списке вариант ${entry.variant}, а на листе — ${typed}; проверьте вариант на бланке работы и сообщите составителю списка (скан называется по списку: «${name.value}»)` });
    }
    works.push({ entry, where, scanName: name.value, status: "ok", found });
  });
  if (works.length === 0 && !findings.some((f) => f.severity === "error")) {
    findings.push({ sheet: SETTINGS_SHEET, severity: "error", code: "recheck.none", message: `в списке «${list.file}» нет работ школы ${school} (код ОО с листа «Настройки»)${others > 0 ? `: все ${others} — других школ` : ""}; проверьте код ОО и файл списка` });
  }
  // One code per student for every work: two works of one student on the list need two scans of one name.
  const byName = new Map<string, ListedWork[]>();
  for (const w of works) if (w.status !== "absent") byName.set(w.scanName, [...(byName.get(w.scanName) ?? []), w]);
  for (const [file, same] of byName) {
    if (same.length < 2) continue;
    findings.push({ severity: "warning", code: "recheck.same-name", message: `у работ ${same.map((w) => `${w.entry.subject || w.entry.workId} (${w.where})`).join(" и ")} одно имя скана «${file}» (один код на все работы ученика): отправляйте сканы разных предметов в разных папках` });
  }
  return { school, works, others, findings };
}
