// The electronic protocol of the school's listed works, sent with the scans: a new workbook, one
// sheet per work (the columns differ per work) with exactly the upload form's rows for those codes
// (`uploadRow`: code, variants, original scores per item, class, gender, previous mark — no name),
// and «Работы»: which work of the list is on which sheet, with its scan file. Built from nothing,
// like the upload forms, so nothing of the coordinator's workbook travels.
import { columnLetter, safeSheetName, uploadHeader, uploadRow, type UploadCell, type XLetter } from "../../core";
import type { CellValue, NewWorkbookPlan } from "../backend";
import { HEADER_FILL } from "../contract";
import { compareClassNames, previousMark, type Inputs } from "../inputs";
import type { ListedWork } from "./schoolWorks";

export const PROTOCOL_WORKS_SHEET = "Работы";
export const PROTOCOL_WORKS_HEADER = ["Класс", "Предмет", "Работа", "Код", "Вариант", "Файл скана", "Лист протокола"] as const;

export const recheckProtocolFileName = (school: string): string => `${school}_перепроверка_протокол.xlsx`;

export interface RecheckProtocol {
  fileName: string;
  workbook: NewWorkbookPlan;
  /** Sheet name → its rows (the upload form's rows of the listed codes). */
  sheets: { name: string; workId: string; header: string[]; rows: UploadCell[][] }[];
}

/** The protocol of the works whose scores were found (status "ok"); null when there are none. */
export function recheckProtocol(school: string, works: readonly ListedWork[], inputs: Inputs, x: XLetter): RecheckProtocol | null {
  const ok = works.filter((w) => w.status === "ok" && w.found);
  if (ok.length === 0) return null;
  const groups = new Map<string, ListedWork[]>();
  for (const w of ok) {
    const k = `${w.found!.sheet.plan.grade}|${w.found!.sheet.plan.work.id}`;
    groups.set(k, [...(groups.get(k) ?? []), w]);
  }
  const used = new Set<string>([PROTOCOL_WORKS_SHEET.toLowerCase()]);
  const sheets: RecheckProtocol["sheets"] = [];
  const sheetOf = new Map<ListedWork, string>();
  for (const group of groups.values()) {
    const plan = group[0].found!.sheet.plan;
    let name = safeSheetName(`${plan.grade} ${plan.subject}`);
    if (used.has(name.toLowerCase())) name = safeSheetName(`${plan.grade} ${plan.subject} ${plan.work.id}`);
    used.add(name.toLowerCase());
    const sorted = [...group].sort((a, b) => compareClassNames(a.found!.row.student.className, b.found!.row.student.className) || a.entry.code - b.entry.code);
    const rows = sorted.map((w) => {
      const { student: s, row } = w.found!.row;
      sheetOf.set(w, name);
      return uploadRow(plan.work, { code: s.code!, className: s.className, gender: s.gender, previousMark: previousMark(inputs, s, plan.work.subject), variants: row.variants, scores: row.scores }, x);
    });
    sheets.push({ name, workId: plan.work.id, header: uploadHeader(plan.work), rows });
  }
  const list: CellValue[][] = [[...PROTOCOL_WORKS_HEADER], ...ok.map((w) => [w.entry.class, w.entry.subject, w.entry.workId, w.entry.code, w.entry.variant, w.scanName, sheetOf.get(w) ?? null])];
  return {
    fileName: recheckProtocolFileName(school),
    sheets,
    workbook: {
      sheets: [
        {
          name: PROTOCOL_WORKS_SHEET,
          values: list,
          columnWidths: [8, 20, 12, 9, 9, 30, 22],
          freezeRows: 1,
          styles: [{ range: "A1:G1", bold: true, fill: HEADER_FILL }],
        },
        ...sheets.map((s) => ({
          name: s.name,
          values: [s.header, ...s.rows] as CellValue[][],
          columnWidths: s.header.map((_, i) => (i === 0 ? 9 : i >= s.header.length - 3 ? 16 : 8)),
          freezeRows: 1,
          styles: [{ range: `A1:${columnLetter(s.header.length - 1)}1`, bold: true, wrap: true, fill: HEADER_FILL, vertical: "middle" as const, rowHeight: 58 }],
        })),
      ],
      properties: { title: `ВПР: протокол перепроверки, школа ${school}`, creator: "ВПР: координатор" },
    },
  };
}
