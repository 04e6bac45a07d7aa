// An upload form for FIS OKO opened by mistake as the coordinator's workbook: a file with the sheet
// «Протокол» or the upload header (`Код | Вариант | 1 (1б) | … | Пол | …`) and none of the sheets
// «Настройки», «Ученики», «План». The task pane (status.ts) and every CLI command ask this module and
// then write nothing: creating the input sheets in a form would spoil the form and lead nowhere.
import { UPLOAD_SHEET, parseItemHeader, sameSheetName } from "../core";
import type { CellValue, Snapshot, WorkbookBackend } from "./backend";
import { PLAN_SHEET, ROSTER_SHEET, SCORE_TAIL, SETTINGS_SHEET, cellText, headerKey } from "./contract";

/** The coordinator's workbook has at least one of these; an upload form has none. */
export const COORDINATOR_SHEETS = [SETTINGS_SHEET, ROSTER_SHEET, PLAN_SHEET] as const;

export interface UploadFormSign {
  /** The sheet that gives the form away: «Протокол», or another with the upload header. */
  sheet: string;
  /** The header of that sheet as typed (its first cells), or null when the sheet is empty. */
  header: string[] | null;
  /** Rows with a code under the header: 0 for a blank form. */
  rows: number;
}

/** `Код | Вариант… | 1 (1б) …` without the score sheet's «Итого»/«Проверка»: the header of «Протокол». */
export function isUploadHeader(row: readonly CellValue[] | undefined): boolean {
  if (!row || headerKey(row[0]) !== "код" || !headerKey(row[1]).startsWith("вариант")) return false;
  const keys = row.map(headerKey);
  if (SCORE_TAIL.some((t) => keys.includes(headerKey(t)))) return false; // a score sheet of the coordinator's workbook
  return row.slice(2).some((v) => parseItemHeader(v).ok);
}

const trimEnd = (cells: string[]): string[] => {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === "") n--;
  return cells.slice(0, n);
};

/** The sheets worth a look: every sheet when `snapshot` holds them all, else the ones it holds. */
function candidates(snapshot: Snapshot): string[] {
  return snapshot.sheetNames.filter((n) => sameSheetName(n, UPLOAD_SHEET) || snapshot.sheets[n] !== undefined);
}

/**
 * The sign of an upload form, or null for anything else (the coordinator's workbook, an empty new
 * workbook, any other file). Pure: `snapshot` needs the values of the sheets to look at (a snapshot
 * of every sheet, or uploadFormSign below).
 */
export function detectUploadForm(snapshot: Snapshot): UploadFormSign | null {
  if (snapshot.sheetNames.some((n) => COORDINATOR_SHEETS.some((c) => sameSheetName(n, c)))) return null;
  let found: UploadFormSign | null = null;
  for (const name of candidates(snapshot)) {
    const values = snapshot.sheets[name]?.values ?? [];
    const headerRow = values.findIndex((r, i) => i < 5 && isUploadHeader(r));
    const byName = sameSheetName(name, UPLOAD_SHEET);
    if (headerRow < 0 && !byName) continue;
    const shown = headerRow >= 0 ? values[headerRow] : values.find((r) => r.some((v) => cellText(v) !== ""));
    const header = shown ? trimEnd(shown.map(cellText)) : [];
    const rows = headerRow >= 0 ? values.slice(headerRow + 1).filter((r) => cellText(r[0]) !== "").length : 0;
    const sign: UploadFormSign = { sheet: name, header: header.length > 0 ? header : null, rows };
    // The sheet with the upload header wins over a «Протокол» that has none.
    if (headerRow >= 0) return sign;
    found ??= sign;
  }
  return found;
}

/** Reads only what detectUploadForm needs: the sheet names, then the sheets that are not the coordinator's (at most a few). */
export async function uploadFormSign(backend: WorkbookBackend): Promise<UploadFormSign | null> {
  const names = (await backend.read([])).sheetNames;
  if (names.some((n) => COORDINATOR_SHEETS.some((c) => sameSheetName(n, c)))) return null;
  return detectUploadForm(await backend.read(names.slice(0, 20)));
}

/** «Код | Вариант | 1 (1б) | 2 (1б) | …»: the first columns of the header, for messages. */
export function headerPreview(sign: UploadFormSign, shown = 4): string {
  const h = (sign.header ?? []).filter((c) => c !== "");
  return h.length <= shown ? h.join(" | ") : `${h.slice(0, shown).join(" | ")} | …`;
}

/**
 * What the file is, in Russian (the same sentence in the pane and the CLI): «Это форма для загрузки
 * результатов в ФИС ОКО (лист «Протокол»: Код | Вариант | 1 (1б) | …; строк с кодами: 49), а не книга
 * координатора: в ней нет листов «Настройки», «Ученики», «План».»
 */
export function describeUploadForm(sign: UploadFormSign): string {
  const what = sign.rows > 0 ? "форма для загрузки результатов в ФИС ОКО" : "бланк формы для загрузки результатов в ФИС ОКО";
  const header = sign.header ? `: ${headerPreview(sign)}` : "";
  const rows = sign.rows > 0 ? `; строк с кодами: ${sign.rows}` : "";
  const sheets = COORDINATOR_SHEETS.map((n) => `«${n}»`).join(", ");
  return `Это ${what} (лист «${sign.sheet}»${header}${rows}), а не книга координатора: в ней нет листов ${sheets}.`;
}

