// «Файлы» of the roll-up: every file of the folder — what it is, the work, the participant rows
// taken, the rows left out and why, and its problems with sheet and cell (or row). A file with
// thousands of dirty rows shows the first ones and how many more, so the sheet stays printable;
// JSON carries them all.
import type { CellValue, SheetPlan } from "../backend";
import { HEADER_FILL } from "../contract";
import { LOW_FILL } from "../analysis/sheetBuilder";
import type { FileProblem, RollupData, RollupFile } from "./rollupData";
import { rowHeightFor } from "../analysis/rowHeight";

// «Параллель» and «Предупреждений» fit on one line in bold (LibreOffice wraps mid-word).
const WIDTHS = [40, 16, 18, 11, 8, 8, 17, 80];

export const FILES_SHEET = "Файлы";
/** Problems written out per file; the rest are counted. */
export const PROBLEMS_SHOWN = 10;

export const KIND_WORDS: Record<RollupFile["kind"], string> = {
  form: "форма (наша)",
  "official-form": "форма ФИС ОКО",
  export: "выгрузка ФИС ОКО",
  unreadable: "не прочитан",
  "not-a-form": "не форма",
};

export const problemText = (p: FileProblem): string => {
  const where = p.sheet ? `«${p.sheet}»${p.cell ? `!${p.cell}` : p.row ? `, строка ${p.row}` : ""}` : p.row ? `строка ${p.row}` : "";
  return where ? `${where}: ${p.message}` : p.message;
};

/** «Не учтено строк: 3 (повтор кода — 2; ничего не записано — 1)», or null when none. */
export const leftOutText = (leftOut: RollupFile["leftOut"]): string | null => {
  const rows = (leftOut ?? []).reduce((n, l) => n + l.rows, 0);
  return rows === 0 ? null : `Не учтено строк: ${rows} (${leftOut!.map((l) => `${l.reason} — ${l.rows}`).join("; ")})`;
};

function problemsCell(f: RollupFile): CellValue {
  const left = leftOutText(f.leftOut);
  const problems = f.problems;
  if (problems.length === 0 && left === null) return null;
  const shown = problems.slice(0, PROBLEMS_SHOWN).map(problemText);
  if (problems.length > PROBLEMS_SHOWN) shown.push(`… и ещё ${problems.length - PROBLEMS_SHOWN}`);
  return [...(left === null ? [] : [left]), ...shown].join("\n");
}

export function filesSheet(data: RollupData): Omit<SheetPlan, "mode"> {
  const files = [...data.files].sort((a, b) => a.file.localeCompare(b.file, "ru"));
  const values: CellValue[][] = [
    ["Файл", "Вид", "Предмет", "Параллель", "Строк", "Ошибок", "Предупреждений", "Замечания"],
    ...files.map((f) => [f.file, KIND_WORDS[f.kind], f.subject, f.grade, f.rows, f.problems.filter((p) => p.severity === "error").length, f.problems.filter((p) => p.severity !== "error").length, problemsCell(f)]),
  ];
  const n = values.length;
  const heights = values.slice(1).flatMap((r, i) => {
    const h = rowHeightFor([{ text: String(r[0]), width: WIDTHS[0] }, { text: r[7] === null ? null : String(r[7]), width: WIDTHS[7] }]);
    return h === null ? [] : [{ range: `A${i + 2}:H${i + 2}`, rowHeight: h }];
  });
  const bad = files.flatMap((f, i) => (f.kind === "unreadable" || f.kind === "not-a-form" || f.problems.some((p) => p.severity === "error") ? [{ range: `A${i + 2}:B${i + 2}`, fill: LOW_FILL }] : []));
  return {
    name: FILES_SHEET,
    values,
    columnWidths: WIDTHS,
    freezeRows: 1,
    styles: [
      { range: "A1:H1", bold: true, wrap: true, fill: HEADER_FILL, vertical: "middle", rowHeight: 32 },
      ...(n > 1 ? [{ range: `A2:H${n}`, border: "thin" as const, vertical: "top" as const }, { range: `A2:A${n}`, wrap: true }, { range: `H2:H${n}`, wrap: true }] : []),
      ...bad,
      ...heights,
    ],
    print: { landscape: true, fitToWidth: true, repeatRows: "1:1", header: FILES_SHEET },
  };
}
