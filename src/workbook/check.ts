// Check: the whole workbook — every score sheet the plan leads to (renamed ones too), every sheet
// with scores no plan row leads to, codes the roster lost — every problem with its sheet and cell,
// counts per sheet, and which upload forms are ready (./forms.ts).
import { cellAddress, checkRow, columnLetter, nameKey, parseClassName, readCode, type Finding, type RowCheck } from "../core";
import type { Snapshot } from "./backend";
import { PLAN_SHEET, PROTOCOL_HEADER, PROTOCOL_PREFIX, ROSTER_SHEET, cellText, headerKey, isProtocolHeader } from "./contract";
import { uploadForms, type FindingScope, type FormMember, type UploadForm } from "./forms";
import { readInputs, type Inputs, type ScheduleRow, type Student } from "./inputs";
import { readScoreSheet, scoreLayout, type ScoreLayout, type ScoreRow } from "./scoreSheet";
import { findScoreSheets, type ScoreSheetMap } from "./scoreSheetLocator";
import { scoreSheetTargets } from "./scoreSheets";
import { checkRules } from "./checkRules";

export interface SheetCount {
  sheet: string;
  className: string;
  workId: string;
  /** Rows with a code. */
  rows: number;
  present: number;
  absent: number;
  errors: number;
  warnings: number;
}

/** A checked row ready for the upload form. */
export interface CheckedRow {
  student: Student;
  row: ScoreRow;
  check: RowCheck;
}

export interface CheckedSheet {
  /** The sheet as named in the workbook (a renamed score sheet keeps its new name). */
  name: string;
  plan: ScheduleRow;
  layout: ScoreLayout;
  rows: CheckedRow[];
}

/** A student whose roster code is empty while score sheets carry their code. */
export interface ClearedCode {
  student: Student;
  code: number;
  /** «Ученики» cell to type the code back into. */
  cell: string;
  /** Score sheets holding rows with that code. */
  sheets: string[];
  /** How the student was told, as the end of a Russian sentence («…который по протоколу «Протокол 4А» (строка 4) принадлежит этому ученику»). */
  how: string;
}

export interface CheckResult {
  inputs: Inputs;
  findings: Finding[];
  counts: SheetCount[];
  sheets: CheckedSheet[];
  /** Where each plan row's scores are, and the score sheets no plan row leads to. */
  located: ScoreSheetMap;
  /** Codes to put back into the roster (never to be replaced by new ones). */
  clearedCodes: ClearedCode[];
  /** The upload forms, each ready or not with the reason: the one readiness of check, upload, pane and CLI. */
  forms: UploadForm[];
}

/** A score-sheet row whose code the roster does not know. */
export interface UnknownCode {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  code: number;
  /** The class of the plan row whose sheet it is. */
  className: string;
}

interface Stranger extends UnknownCode {
  finding: Finding;
}

export function checkWorkbook(snapshot: Snapshot): CheckResult {
  const inputs = readInputs(snapshot);
  const findings = [...inputs.findings];
  const scopes = new Map<Finding, FindingScope>();
  // A mark column's warning concerns the forms of its subject, in every grade.
  for (const m of inputs.marks.values()) if (m.finding) scopes.set(m.finding, [{ subject: m.subject }]);
  const targets = scoreSheetTargets(inputs, findings);
  const located = findScoreSheets(snapshot, inputs, targets);
  const counts: SheetCount[] = [];
  const sheets: CheckedSheet[] = [];
  const members: FormMember[] = [];
  const strangers: Stranger[] = [];
  const missingRows: { sheet: string; student: Student; finding: Finding }[] = [];
  const byCode = new Map(inputs.roster.students.filter((s) => s.code !== null).map((s) => [s.code!, s]));
  for (const loc of located.located) {
    const planRow = loc.plan;
    const scope: FindingScope = [{ grade: planRow.grade, subject: planRow.subject }];
    const add = (f: Finding) => {
      findings.push(f);
      scopes.set(f, scope);
      return f;
    };
    members.push({ grade: planRow.grade, subject: planRow.subject, className: planRow.className, work: planRow.work, sheet: loc.sheet, planRow: planRow.row });
    const existing = loc.sheet;
    const sheet = existing ? snapshot.sheets[existing] : undefined;
    if (!existing || !sheet) {
      add({ sheet: loc.expected, severity: "error", code: "sheet.scores-missing", message: `нет листа «${loc.expected}» для работы ${planRow.work.id}: создайте листы для баллов` });
      continue;
    }
    if (loc.found === "header") {
      add({ sheet: existing, cell: "A1", severity: "warning", code: "sheet.scores-renamed", message: `лист «${existing}» — это лист для баллов «${loc.expected}» (класс ${planRow.className}, работа ${planRow.work.id}), переименованный: баллы прочитаны с него` });
    }
    const layout = scoreLayout(planRow.work);
    const read = readScoreSheet(existing, sheet, layout);
    const sheetFindings: Finding[] = [...read.findings];
    const count: SheetCount = { sheet: existing, className: planRow.className, workId: planRow.work.id, rows: 0, present: 0, absent: 0, errors: 0, warnings: 0 };
    const seen = new Map<number, number>();
    const checked: CheckedRow[] = [];
    const codeCell = (r: ScoreRow) => cellAddress(r.row, read.columnOf[0] ?? 0);
    const variantCols = layout.columns.map((c, i) => (c.kind === "variant" ? read.columnOf[i] : undefined)).filter((c) => c !== undefined);
    const itemCols = layout.columns.map((c, i) => (c.kind === "item" ? read.columnOf[i] : undefined)).filter((c) => c !== undefined);
    if (!read.findings.some((f) => f.code === "sheet.column-missing")) {
      for (const r of read.rows) {
        if (r.code === null) {
          sheetFindings.push({ sheet: existing, cell: codeCell(r), severity: "error", code: "scores.code-missing", message: r.codeRaw === null ? "в строке есть баллы, но нет кода участника" : `«${String(r.codeRaw)}» не код участника: код — целое число` });
          continue;
        }
        count.rows++;
        const student = byCode.get(r.code);
        if (!student) {
          const f: Finding = { sheet: existing, cell: codeCell(r), severity: "error", code: "scores.code-unknown", message: `кода ${r.code} нет в списке учеников` };
          sheetFindings.push(f);
          strangers.push({ sheet: existing, row: r.row, code: r.code, className: planRow.className, finding: f });
          continue;
        }
        if (student.className !== planRow.className) {
          sheetFindings.push({ sheet: existing, cell: codeCell(r), severity: "error", code: "scores.code-unknown", message: `код ${r.code} принадлежит ученику класса ${student.className}, а лист — класса ${planRow.className}` });
          continue;
        }
        const twin = seen.get(r.code);
        if (twin !== undefined) {
          sheetFindings.push({ sheet: existing, cell: codeCell(r), severity: "error", code: "scores.code-duplicate", message: `код ${r.code} уже встречается в строке ${twin + 1}: у каждого участника одна строка` });
          continue;
        }
        seen.set(r.code, r.row);
        const check = checkRow(planRow.work, { variants: r.variants, scores: r.scores });
        if (check.status === "absent") count.absent++;
        else if (check.status !== "blank") count.present++;
        for (const issue of check.issues) {
          const col = issue.field.kind === "variant" ? variantCols[issue.field.part - 1] : itemCols[issue.field.index];
          sheetFindings.push({ sheet: existing, cell: cellAddress(r.row, col ?? 0), severity: issue.severity, code: issue.code, message: issue.message });
        }
        checked.push({ student, row: r, check });
      }
      for (const s of inputs.roster.students) {
        if (s.className === planRow.className && s.code !== null && !seen.has(s.code)) {
          const f: Finding = { sheet: existing, cell: "A1", severity: "error", code: "scores.row-missing", message: `нет строки для кода ${s.code}: ученик добавлен после создания листа — создайте листы для баллов заново (введённые баллы сохранятся)` };
          sheetFindings.push(f);
          missingRows.push({ sheet: existing, student: s, finding: f });
        }
      }
    }
    count.errors = sheetFindings.filter((f) => f.severity === "error").length;
    count.warnings = sheetFindings.length - count.errors;
    counts.push(count);
    for (const f of sheetFindings) add(f);
    sheets.push({ name: existing, plan: planRow, layout, rows: checked });
  }

  const extra: { grade: number; subject: string }[] = [];
  for (const u of located.unplanned) {
    const scope: FindingScope = u.grade !== null ? [u.work ? { grade: u.grade, subject: u.work.subject } : { grade: u.grade }] : "all";
    const what = u.work && u.className ? ` (по заголовку и кодам — класс ${u.className}, работа ${u.work.id})` : u.work ? ` (по заголовку — работа ${u.work.id})` : u.className ? ` (по кодам — класс ${u.className})` : "";
    let f: Finding;
    if (!u.hasScores) {
      f = { sheet: u.sheet, cell: "A1", severity: "warning", code: "scores.unplanned", message: `лист для баллов «${u.sheet}»${what} не относится ни к одной строке листа «${PLAN_SHEET}»: он не проверяется и не попадёт в форму` };
    } else if (u.twinOf) {
      f = { sheet: u.sheet, cell: "A1", severity: "error", code: "scores.unplanned", message: `на листе «${u.sheet}» есть баллы${what}, но план ведёт к листу «${u.twinOf.sheet}»: в форму попадут баллы только с него. Перенесите баллы на «${u.twinOf.sheet}» или удалите лишний лист` };
    } else {
      const row = u.work && u.className ? ` Верните на лист «${PLAN_SHEET}» строку «${u.className} | ${u.work.subject} | ${u.work.id}»` : ` Верните на лист «${PLAN_SHEET}» строку этого класса и работы`;
      f = { sheet: u.sheet, cell: "A1", severity: "error", code: "scores.unplanned", message: `на листе «${u.sheet}» есть баллы${what}, но ни одна строка листа «${PLAN_SHEET}» не ведёт к нему: без неё форма выйдет без этого класса.${row} или удалите лист, если эти баллы не нужны` };
      if (u.grade !== null && u.work) extra.push({ grade: u.grade, subject: u.work.subject });
    }
    findings.push(f);
    scopes.set(f, scope);
  }

  const clearedCodes = findClearedCodes(snapshot, inputs, strangers);
  const clearedBy = new Map(clearedCodes.map((c) => [c.code, c]));
  for (const r of strangers) {
    const c = clearedBy.get(r.code);
    if (c) r.finding.message = `кода ${c.code} нет в списке учеников: он стёрт у ученика в строке ${c.student.row + 1} листа «${ROSTER_SHEET}» — впишите код ${c.code} в «${ROSTER_SHEET}»!${c.cell} (не выдавайте новый код: баллы останутся без ученика)`;
  }
  // A new code given over a lost one: the sheet has no row for the new code and a row for the old.
  for (const m of missingRows) {
    const lost = [...new Set(strangers.filter((r) => r.sheet === m.sheet && !clearedBy.has(r.code)).map((r) => r.code))];
    if (lost.length === 0) continue;
    const cell = `${columnLetter(inputs.roster.codeColumn ?? 3)}${m.student.row + 1}`;
    m.finding.message =
      lost.length === 1
        ? `нет строки для кода ${m.student.code}, а на листе есть баллы с кодом ${lost[0]}, которого нет в списке учеников. Если это тот же ученик (строка ${m.student.row + 1} листа «${ROSTER_SHEET}»), впишите ему прежний код: ${lost[0]} в «${ROSTER_SHEET}»!${cell} вместо ${m.student.code} — выданный код не меняется`
        : `нет строки для кода ${m.student.code}, а на листе есть баллы с кодами ${lost.join(", ")}, которых нет в списке учеников. Если один из них был у этого ученика (строка ${m.student.row + 1} листа «${ROSTER_SHEET}»), впишите его в «${ROSTER_SHEET}»!${cell} вместо ${m.student.code} — выданный код не меняется`;
  }
  for (const c of clearedCodes) {
    const f = clearedCodeFinding(c);
    findings.push(f);
    scopes.set(f, [{ grade: c.student.grade }]);
  }

  // Capabilities' rules (./checkRules.ts): warnings only, whatever a rule returns.
  for (const rule of checkRules()) {
    for (const { finding, scope } of rule.findings({ snapshot, inputs, sheets })) {
      const f: Finding = finding.severity === "error" ? { ...finding, severity: "warning" } : finding;
      findings.push(f);
      scopes.set(f, scope);
    }
  }

  const forms = uploadForms(snapshot, inputs, members, findings, scopes, extra);
  return { inputs, findings, counts, sheets, located, clearedCodes, forms };
}

/** Rows of the score sheets the plan reads whose code no roster row has (only «Код» is read). */
export function unknownCodes(snapshot: Snapshot, inputs: Inputs, located: ScoreSheetMap): UnknownCode[] {
  const known = new Set(inputs.roster.students.map((s) => s.code).filter((c) => c !== null));
  const out: UnknownCode[] = [];
  for (const loc of located.located) {
    const values = loc.sheet ? snapshot.sheets[loc.sheet]?.values ?? [] : [];
    const col = (values[0] ?? []).findIndex((h) => headerKey(h) === headerKey("Код"));
    if (col < 0) continue;
    values.forEach((row, r) => {
      const code = r === 0 ? null : readCode(row[col] ?? null);
      if (code !== null && !known.has(code)) out.push({ sheet: loc.sheet!, row: r, code, className: loc.plan.className });
    });
  }
  return out;
}

/**
 * Codes the roster lost: a score-sheet row carries a code no roster row has, and a student of that
 * class has no code. The student is found by the class protocols (code → ФИО → the roster row
 * without a code; when the names are gone, the protocol's number → the class's roster row at that
 * position), else as the only student of the sheet's class without a code. Such a student must get
 * the old code typed back, never a new one: the check reports it; codes, score sheets and remove
 * names can call this (it reads only the code columns) to refuse and point at `cell` instead.
 */
/** The one finding for an erased code, wherever it stops an operation (check, codes, score sheets). */
export function clearedCodeFinding(c: ClearedCode): Finding {
  return {
    sheet: ROSTER_SHEET,
    cell: c.cell,
    severity: "error",
    code: "roster.code-cleared",
    message: `у ученика нет кода, а на ${c.sheets.length === 1 ? "листе" : "листах"} ${c.sheets.map((s) => `«${s}»`).join(", ")} есть баллы с кодом ${c.code}, который ${c.how}: впишите код ${c.code} в «${ROSTER_SHEET}»!${c.cell}. Не выдавайте ему новый код — баллы останутся без ученика`,
  };
}

export function findClearedCodes(snapshot: Snapshot, inputs: Inputs = readInputs(snapshot), strangers: readonly UnknownCode[] = unknownCodes(snapshot, inputs, findScoreSheets(snapshot, inputs))): ClearedCode[] {
  const codeColumn = inputs.roster.codeColumn ?? 3;
  const rosterCell = (s: Student) => `${columnLetter(codeColumn)}${s.row + 1}`;
  const uncoded = (cls: string) => inputs.roster.students.filter((s) => s.className === cls && s.code === null);
  // No score-sheet code the roster lacks: nothing was erased, and no protocol needs reading.
  if (strangers.length === 0) return [];
  const protocols = protocolLines(snapshot);
  const out = new Map<number, ClearedCode>();
  const claimed = new Set<Student>();
  for (const code of [...new Set(strangers.map((s) => s.code))]) {
    const rows = strangers.filter((s) => s.code === code);
    const line = protocols.get(code);
    let student: Student | undefined;
    let how = "";
    if (line) {
      const free = uncoded(line.className).filter((s) => !claimed.has(s));
      if (line.name) {
        const named = free.filter((s) => nameKey(s.name) === nameKey(line.name));
        if (named.length === 1) [student, how] = [named[0], `по протоколу «${line.sheet}» (строка ${line.row + 1}) принадлежит этому ученику`];
      } else if (line.number !== null) {
        const at = inputs.roster.students.filter((s) => s.className === line.className)[line.number - 1];
        if (at && at.code === null && !claimed.has(at)) [student, how] = [at, `стоит в протоколе «${line.sheet}» под № ${line.number}, а этот ученик — ${line.number}-й в классе ${line.className} (ФИО в протоколе нет — сверьте с бумажным протоколом)`];
      }
    }
    if (!student) {
      const cls = line?.className ?? rows[0].className;
      const free = uncoded(cls).filter((s) => !claimed.has(s));
      const open = [...new Set(strangers.filter((s) => s.className === cls).map((s) => s.code))].filter((c) => !out.has(c));
      if (free.length === 1 && open.length === 1) [student, how] = [free[0], `есть только на листах класса ${cls}, а у этого ученика — единственного в классе ${cls} — кода нет`];
    }
    if (!student) continue;
    claimed.add(student);
    out.set(code, { student, code, cell: rosterCell(student), sheets: [...new Set(rows.map((r) => r.sheet))], how });
  }
  return [...out.values()];
}

interface ProtocolLine {
  sheet: string;
  className: string;
  /** 0-based sheet row. */
  row: number;
  number: number | null;
  name: string;
}

/** Every line of every protocol sheet (recognised by its header), by code. */
function protocolLines(snapshot: Snapshot): Map<number, ProtocolLine> {
  const out = new Map<number, ProtocolLine>();
  const [numberHeader, nameHeader, codeHeader] = PROTOCOL_HEADER.map(headerKey);
  for (const name of snapshot.sheetNames) {
    const values = snapshot.sheets[name]?.values ?? [];
    if (!isProtocolHeader(values[0])) continue;
    const cls = parseClassName(name.slice(name.toLowerCase().startsWith(PROTOCOL_PREFIX.toLowerCase()) ? PROTOCOL_PREFIX.length : 0));
    if (!cls.ok) continue;
    const header = values[0].map(headerKey);
    const col = (h: string) => header.indexOf(h);
    const [nc, fc, cc] = [col(numberHeader), col(nameHeader), col(codeHeader)];
    values.slice(1).forEach((row, i) => {
      const code = readCode(row[cc] ?? null);
      if (code === null || out.has(code)) return;
      const n = row[nc];
      const number = typeof n === "number" && Number.isInteger(n) && n >= 1 ? n : typeof n === "string" && /^\s*\d+\s*$/.test(n) ? Number(n) : null;
      out.set(code, { sheet: name, className: cls.value, row: i + 1, number, name: cellText(row[fc] ?? null) });
    });
  }
  return out;
}
