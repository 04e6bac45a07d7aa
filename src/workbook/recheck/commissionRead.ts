// The commission's protocol read back, filled in: «Работы» says which sheet holds which work (and
// its scale); each sheet is read by header as a score sheet is, each row by its school and code.
import { cellAddress, findWork, parseItemHeader, resultRow, scaleFromMinima, type Finding, type Item, type RecheckWork, type ScoredWork, type WorkDefinition } from "../../core";
import type { Snapshot } from "../backend";
import { cellText, headerKey } from "../contract";
import { readScoreSheet, scoreLayout } from "../scoreSheet";
import { COMMISSION_WORKS_HEADER, COMMISSION_WORKS_SHEET, SCHOOL_HEADER } from "./commissionLayout";

export interface ReadScores {
  works: RecheckWork[];
  rows: ScoredWork[];
  findings: Finding[];
}

const err = (file: string, sheet: string | undefined, cell: string | undefined, code: `recheck.${string}`, text: string): Finding => ({
  severity: "error",
  code,
  sheet,
  cell,
  message: `файл «${file}»${sheet ? `, лист «${sheet}»` : ""}${cell ? `, ячейка ${cell}` : ""}: ${text}`,
});

/** True when the workbook is a commission's protocol (has «Работы» with its header). */
export const isCommissionProtocol = (snapshot: Snapshot): boolean => headerKey(snapshot.sheets[COMMISSION_WORKS_SHEET]?.values[0]?.[0]) === headerKey(COMMISSION_WORKS_HEADER[0]);

/** Why a row cannot be compared, in words, from resultRow's status. */
export function rowProblem(status: string, scores: readonly unknown[]): string | undefined {
  if (status === "wrote") return undefined;
  if (status === "absent") return "работа отмечена «отсутствовал»";
  if (status === "partlyAbsent") return "одна часть отмечена «отсутствовал»";
  if (status === "notEntered" || scores.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) return "баллы не выставлены";
  return "баллы выставлены не полностью или с ошибкой (см. столбец «Проверка»)";
}

export function readCommissionProtocol(snapshot: Snapshot, file: string): ReadScores {
  const findings: Finding[] = [];
  const works: RecheckWork[] = [];
  const rows: ScoredWork[] = [];
  const list = snapshot.sheets[COMMISSION_WORKS_SHEET]?.values;
  if (!list || !isCommissionProtocol(snapshot)) {
    return { works, rows, findings: [err(file, undefined, undefined, "recheck.not-commission", `это не протокол комиссии: нет листа «${COMMISSION_WORKS_SHEET}» (файл делает vpr recheck commission)`)] };
  }
  const header = (list[0] ?? []).map(headerKey);
  const col = COMMISSION_WORKS_HEADER.map((h) => header.indexOf(headerKey(h)));
  list.slice(1).forEach((line, i) => {
    const [sheetName, id, subject, grade] = col.slice(0, 4).map((c) => cellText(c < 0 ? null : line[c] ?? null));
    if (!sheetName) return;
    const sheet = snapshot.sheets[sheetName];
    if (!sheet) {
      findings.push(err(file, COMMISSION_WORKS_SHEET, cellAddress(i + 1, col[0]), "recheck.sheet-missing", `листа «${sheetName}» в файле нет`));
      return;
    }
    // Items (labels and maxima) from the sheet's own header: what the commission scored against.
    const items: Item[] = [];
    let part: 1 | 2 = 1;
    for (const h of sheet.values[0] ?? []) {
      const t = cellText(h);
      if (/^Вариант \(часть 2\)$/.test(t)) part = 2;
      const p = parseItemHeader(t);
      if (p.ok) items.push({ label: p.label, max: p.max, part });
    }
    const scale = scaleFromMinima(col.slice(5).map((c) => (c < 0 ? null : line[c] ?? null)));
    const work: WorkDefinition = { id, subject, grade: Number(grade), year: "", source: file, items, scale: scale ?? findWork(id)?.scale };
    if (items.length === 0) {
      findings.push(err(file, sheetName, "A1", "recheck.header", "в заголовке нет ни одного задания вида «5 (2б)»"));
      return;
    }
    const layout = scoreLayout(work);
    const read = readScoreSheet(sheetName, sheet, layout);
    const missing = read.findings.filter((f) => f.severity === "error");
    if (missing.length > 0) {
      findings.push(...missing.map((f) => err(file, sheetName, f.cell, "recheck.header", f.message)));
      return;
    }
    const schoolCol = (sheet.values[0] ?? []).findIndex((h) => headerKey(h) === headerKey(SCHOOL_HEADER));
    if (schoolCol < 0) {
      findings.push(err(file, sheetName, "A1", "recheck.header", `нет столбца «${SCHOOL_HEADER}»`));
      return;
    }
    works.push({ workId: id, subject, grade: Number(grade), items: items.map(({ label, max, part }) => ({ label, max, part })), scale: work.scale ?? null });
    for (const row of read.rows) {
      const codeCell = cellAddress(row.row, read.columnOf[0] ?? 0);
      if (row.code === null) {
        if (row.hasData) findings.push({ ...err(file, sheetName, codeCell, "recheck.row-no-code", "в строке есть баллы, но нет кода участника — строка не вошла в отчёт"), severity: "warning" });
        continue;
      }
      const school = cellText(sheet.values[row.row]?.[schoolCol] ?? null).padStart(6, "0");
      const result = resultRow(work, "", row.code, row, null);
      rows.push({ school, workId: id, class: null, code: row.code, scores: result.status === "wrote" ? result.scores.map((s) => s ?? 0) : null, problem: rowProblem(result.status, row.scores), where: { file, sheet: sheetName, cell: codeCell } });
    }
  });
  return { works, rows, findings };
}
