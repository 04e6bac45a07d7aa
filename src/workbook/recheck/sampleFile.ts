// The sample as a file, both ways: JSON (`vpr recheck sample --json`) and the sheet «Выборка» of an
// .xlsx, so a school, a commission or a later step can read back the list a region sent.
import { SAMPLE_HEADER, cellAddress, readCode, type Finding, type RecheckSample, type SampleEntry, type SampleRule } from "../../core";
import type { CellValue, NewWorkbookPlan, Snapshot } from "../backend";
import { HEADER_FILL, cellText, headerKey } from "../contract";

export const SAMPLE_SHEET = "Выборка";
/** Where the seed and the rule are written: the first rows of «Параметры». */
export const SAMPLE_RULE_SHEET = "Параметры";

export function sampleWorkbook(sample: RecheckSample): NewWorkbookPlan {
  const rows: CellValue[][] = [[...SAMPLE_HEADER], ...sample.sample.map((e) => [e.school, e.workId, e.subject, e.grade, e.class, e.code, e.variant])];
  const r = sample.rule;
  return {
    sheets: [
      {
        name: SAMPLE_SHEET,
        values: rows,
        columnWidths: [10, 14, 22, 10, 8, 10, 9],
        freezeRows: 1,
        styles: [{ range: `A1:G1`, bold: true, fill: HEADER_FILL }],
      },
      {
        name: SAMPLE_RULE_SHEET,
        values: [
          ["Зерно", sample.seed],
          ["Не меньше, % работ", r.percent],
          ["Не меньше, работ на предмет и параллель", r.min],
          ["Отбор", r.by === "classes" ? "классы целиком" : "работы"],
          ["С учётом признаков необъективности", r.weighted ? "да" : "нет"],
          ["Работ в выборке", sample.sample.length],
        ],
        columnWidths: [40, 18],
      },
    ],
    properties: { title: "ВПР: выборка для перепроверки", creator: "ВПР: координатор" },
  };
}

/** Reads a sample from its JSON text; Russian findings for what is not one. */
export function sampleFromJson(text: string, file: string): { sample: RecheckSample | null; findings: Finding[] } {
  try {
    const data = JSON.parse(text) as Partial<RecheckSample>;
    if (!data || !Array.isArray(data.sample)) throw new Error("нет массива sample");
    const sample = data.sample.map((e, i) => {
      const entry = e as Partial<SampleEntry>;
      if (typeof entry.school !== "string" || typeof entry.code !== "number" || typeof entry.variant !== "number" || typeof entry.workId !== "string") throw new Error(`элемент sample[${i}] без school, workId, code или variant`);
      return { school: entry.school, workId: entry.workId, subject: String(entry.subject ?? ""), grade: Number(entry.grade), class: String(entry.class ?? ""), code: entry.code, variant: entry.variant };
    });
    const rule: SampleRule = { percent: null, min: null, by: "works", weighted: false, ...(data.rule ?? {}) };
    return { sample: { seed: Number(data.seed ?? 0), rule, sample }, findings: [] };
  } catch (e) {
    return { sample: null, findings: [{ severity: "error", code: "recheck.list", message: `файл «${file}» не выборка для перепроверки (${e instanceof Error ? e.message : String(e)}): нужен JSON из vpr recheck sample --json или .xlsx с листом «${SAMPLE_SHEET}»` }] };
  }
}

/**
 * Reads a sample from a workbook with the sheet «Выборка» (header SAMPLE_HEADER, any column order);
 * `rows` holds the 1-based sheet row of each entry, so messages can point at the list's row.
 */
export function sampleFromSnapshot(snapshot: Snapshot, file: string): { sample: RecheckSample | null; findings: Finding[]; rows?: number[] } {
  const rows = snapshot.sheets[SAMPLE_SHEET]?.values;
  if (!rows) return { sample: null, findings: [{ severity: "error", code: "recheck.list", message: `в файле «${file}» нет листа «${SAMPLE_SHEET}»: нужна выборка из vpr recheck sample` }] };
  const header = (rows[0] ?? []).map(headerKey);
  const col = (h: string) => header.indexOf(headerKey(h));
  const cols = SAMPLE_HEADER.map(col);
  const missing = SAMPLE_HEADER.filter((_, i) => cols[i] < 0);
  if (missing.length > 0) return { sample: null, findings: [{ sheet: SAMPLE_SHEET, cell: "A1", severity: "error", code: "recheck.list", message: `в файле «${file}» на листе «${SAMPLE_SHEET}» нет столбцов ${missing.map((m) => `«${m}»`).join(", ")}` }] };
  const findings: Finding[] = [];
  const sample: SampleEntry[] = [];
  const sheetRows: number[] = [];
  rows.slice(1).forEach((row, i) => {
    if (row.every((v) => cellText(v) === "")) return;
    const [school, workId, subject, grade, cls, code, variant] = cols.map((c) => row[c] ?? null);
    const n = readCode(code);
    const v = Number(cellText(variant));
    if (n === null || !Number.isInteger(v) || v < 1) {
      findings.push({ sheet: SAMPLE_SHEET, cell: cellAddress(i + 1, cols[n === null ? 5 : 6]), severity: "error", code: "recheck.list", message: `файл «${file}», строка ${i + 2}: нужен код участника и номер варианта` });
      return;
    }
    sample.push({ school: cellText(school).padStart(6, "0"), workId: cellText(workId), subject: cellText(subject), grade: Number(cellText(grade)), class: cellText(cls), code: n, variant: v });
    sheetRows.push(i + 2);
  });
  const params = snapshot.sheets[SAMPLE_RULE_SHEET]?.values ?? [];
  const param = (label: string) => params.find((r) => headerKey(r[0]) === headerKey(label))?.[1] ?? null;
  const num = (v: CellValue) => (v === null || cellText(v) === "" ? null : Number(cellText(v)));
  const rule: SampleRule = { percent: num(param("Не меньше, % работ")), min: num(param("Не меньше, работ на предмет и параллель")), by: cellText(param("Отбор")) === "классы целиком" ? "classes" : "works", weighted: cellText(param("С учётом признаков необъективности")) === "да" };
  return { sample: { seed: num(param("Зерно")) ?? 0, rule, sample }, findings, rows: sheetRows };
}
