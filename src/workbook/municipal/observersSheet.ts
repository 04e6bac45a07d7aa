// «Наблюдатели»: the municipal coordinator's list of public observers, read tolerantly — headers
// found by meaning in the first rows, school codes written as «123456», 123456 or the FIS OKO login
// «sch123456», children as «123456 4А; 123457 7Б». Every doubt is a warning naming file, sheet and
// cell; a row is never dropped for one bad cell. Names are read because the sheet is the
// coordinator's own, but nothing that leaves the roll-up workbook may carry them (see observers.ts).
import { cellAddress, nameKey, parseClassName, type Finding } from "../../core";
import type { CellValue, Snapshot } from "../backend";

export const OBSERVERS_SHEET = "Наблюдатели";

export interface ObserverChild {
  school: string;
  /** «4А», or null when the class is not given or not readable. */
  className: string | null;
  grade: number | null;
}

export interface Observer {
  /** 1-based row of the sheet: what JSON and console output name instead of the person. */
  row: number;
  name: string;
  /** 6-digit codes of the schools where the observer works (none: works elsewhere or not at all). */
  workplaces: string[];
  workplaceText: string;
  children: ObserverChild[];
  childrenText: string;
  /** 6-digit codes of the schools the observer is assigned to. */
  assigned: string[];
  assignedText: string;
  /** The cells (A1) of each column on this row, for findings and flags. */
  cells: { name: string; workplace: string | null; children: string | null; assigned: string };
}

export interface ObserversList {
  file: string;
  sheet: string;
  observers: Observer[];
  findings: Finding[];
}

type Column = "name" | "workplace" | "children" | "assigned";

// Most specific first: «Назначен в (код ОО)» and «Место работы (код ОО)» both say «код ОО».
const COLUMN_PATTERNS: [Column, RegExp][] = [
  ["assigned", /назнач|наблюдает в|место наблюдения|оо наблюдения|школа наблюдения|куда/],
  ["children", /дет|ребен|ребён/],
  ["workplace", /мест\S* работы|работает|работа|должност/],
  ["name", /фио|ф\.и\.о|фамилия|наблюдател/],
];

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).replace(/[\s\u00a0]+/g, " ").trim());

/** 6-digit school codes in a cell («123456», 123456, «sch123456», «МБОУ СОШ 1 (123456)»). */
export function schoolCodes(raw: string): { codes: string[]; bad: string[] } {
  const codes: string[] = [];
  const bad: string[] = [];
  for (const m of raw.matchAll(/(?:sch)?(\d+)/gi)) {
    if (m[1].length === 6) codes.push(m[1]);
    else if (m[1].length >= 4) bad.push(m[0]);
  }
  return { codes: [...new Set(codes)], bad };
}

function findHeader(values: readonly CellValue[][]): { row: number; columns: Partial<Record<Column, number>> } | null {
  for (let r = 0; r < Math.min(values.length, 10); r++) {
    const columns: Partial<Record<Column, number>> = {};
    values[r].forEach((cell, c) => {
      const key = nameKey(text(cell));
      if (!key) return;
      const hit = COLUMN_PATTERNS.find(([col, re]) => columns[col] === undefined && re.test(key));
      if (hit) columns[hit[0]] = c;
    });
    if (columns.name !== undefined && columns.assigned !== undefined) return { row: r, columns };
  }
  return null;
}

/** The sheet to read: «Наблюдатели» (any case), else the only sheet with the header. */
function pickSheet(snapshot: Snapshot): string | null {
  const named = Object.keys(snapshot.sheets).find((s) => s.toLowerCase() === OBSERVERS_SHEET.toLowerCase());
  if (named) return named;
  return snapshot.sheetNames.find((s) => snapshot.sheets[s] && findHeader(snapshot.sheets[s].values)) ?? null;
}

export function readObservers(file: string, snapshot: Snapshot): ObserversList {
  const findings: Finding[] = [];
  const sheet = pickSheet(snapshot);
  if (!sheet) {
    findings.push({
      severity: "error",
      code: "municipal.observers-no-sheet",
      message: `В файле «${file}» нет листа «${OBSERVERS_SHEET}» и ни одного листа с заголовком «ФИО | Место работы (код ОО) | Дети: код ОО и класс | Назначен в (код ОО)»: наблюдателей не проверяли.`,
    });
    return { file, sheet: OBSERVERS_SHEET, observers: [], findings };
  }
  const values = snapshot.sheets[sheet].values;
  const header = findHeader(values);
  if (!header) {
    findings.push({
      severity: "error",
      code: "municipal.observers-no-header",
      sheet,
      cell: "A1",
      message: `Файл «${file}»: на листе «${sheet}» в первых 10 строках нет заголовка со столбцами «ФИО» и «Назначен в (код ОО)»: наблюдателей не проверяли.`,
    });
    return { file, sheet, observers: [], findings };
  }
  const { columns } = header;
  for (const col of ["workplace", "children"] as const) {
    if (columns[col] === undefined) {
      findings.push({
        severity: "warning",
        code: "municipal.observers-column-missing",
        sheet,
        cell: cellAddress(header.row, 0),
        message: `Файл «${file}», лист «${sheet}»: нет столбца «${col === "workplace" ? "Место работы (код ОО)" : "Дети: код ОО и класс"}» — ${col === "workplace" ? "место работы" : "школы детей"} не проверены.`,
      });
    }
  }
  const warn = (code: string, cell: string, message: string): void => {
    findings.push({ severity: "warning", code: `municipal.${code}`, sheet, cell, message: `Файл «${file}», лист «${sheet}», ячейка ${cell}: ${message}` });
  };

  const observers: Observer[] = [];
  const seen = new Map<string, number>();
  for (let r = header.row + 1; r < values.length; r++) {
    const row = values[r];
    const get = (col: Column): { value: string; cell: string | null } => {
      const c = columns[col];
      return c === undefined ? { value: "", cell: null } : { value: text(row[c]), cell: cellAddress(r, c) };
    };
    const name = get("name");
    const workplace = get("workplace");
    const children = get("children");
    const assigned = get("assigned");
    if (!name.value && !workplace.value && !children.value && !assigned.value) continue;
    const nameCell = name.cell ?? cellAddress(r, 0);
    const assignedCell = assigned.cell ?? cellAddress(r, 0);
    if (!name.value) warn("observers-no-name", nameCell, "ФИО не заполнено; строка проверена без него.");

    const a = schoolCodes(assigned.value);
    if (!assigned.value) warn("observers-not-assigned", assignedCell, "не указано, в какую ОО назначен наблюдатель (код ОО из 6 цифр): строку проверить нельзя.");
    else if (a.codes.length === 0) warn("observers-bad-code", assignedCell, `«${assigned.value}» — не код ОО: ожидается 6 цифр, например «123456». Строку проверить нельзя.`);
    a.bad.forEach((b) => warn("observers-bad-code", assignedCell, `«${b}» — не код ОО (ожидается 6 цифр).`));

    const w = schoolCodes(workplace.value);
    // A workplace without digits («пенсионер», «ООО …») is no school: nothing to warn about.
    w.bad.forEach((b) => warn("observers-bad-code", workplace.cell!, `«${b}» — не код ОО (ожидается 6 цифр); место работы не проверено.`));

    const kids: ObserverChild[] = [];
    for (const part of children.value.split(/[;,\n]+/).map((p) => p.trim()).filter(Boolean)) {
      const m = /(?:sch)?(\d{6})(?!\d)/i.exec(part);
      if (!m) {
        // «нет», «-» say there are no children; anything else is a child we cannot place.
        if (!/^(нет|-|—|–)$/i.test(part)) warn("observers-bad-child", children.cell!, `«${part}» — не найден код ОО ребёнка (6 цифр, затем класс, например «123456 4А»); этот ребёнок не проверен.`);
        continue;
      }
      const rest = part.replace(m[0], "").replace(/[(),:]/g, " ").replace(/класс|кл\.?/gi, " ").trim();
      let className: string | null = null;
      let grade: number | null = null;
      if (rest) {
        const c = parseClassName(rest);
        if (c.ok) ({ value: className, grade } = c);
        else warn("observers-bad-class", children.cell!, `«${part}»: ${c.message}; проверена только школа.`);
      }
      kids.push({ school: m[1], className, grade });
    }

    if (name.value && a.codes.length > 0) {
      const key = `${nameKey(name.value)}|${a.codes.join(",")}`;
      const first = seen.get(key);
      if (first !== undefined) warn("observers-duplicate", nameCell, `тот же наблюдатель назначен в ту же ОО второй раз (первый раз — строка ${first}).`);
      else seen.set(key, r + 1);
    }
    observers.push({
      row: r + 1,
      name: name.value,
      workplaces: w.codes,
      workplaceText: workplace.value,
      children: kids,
      childrenText: children.value,
      assigned: a.codes,
      assignedText: assigned.value,
      cells: { name: nameCell, workplace: workplace.cell, children: children.cell, assigned: assignedCell },
    });
  }
  if (observers.length === 0) {
    findings.push({ severity: "warning", code: "municipal.observers-empty", sheet, cell: cellAddress(header.row + 1, 0), message: `Файл «${file}», лист «${sheet}»: под заголовком нет ни одного наблюдателя.` });
  }
  return { file, sheet, observers, findings };
}
