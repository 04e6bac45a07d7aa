// Packets for experts: the score sheets of one work (or one class's), copied into a new workbook
// with the instructions and nothing else — no roster, protocol, name or hidden sheet. Each sheet
// is made by the score sheet's own builder (formulas in the standard style, so LibreOffice and
// Р7 recalculate), from the values the coordinator's sheet holds now.
import { ABSENT, X_SPELLINGS, cellAddress, type Finding, type WorkDefinition } from "../../core";
import type { CellValue, NewWorkbookPlan, Snapshot } from "../backend";
import { compareClassNames, readInputs } from "../inputs";
import { buildScoreSheet, readScoreSheet, scoreLayout, type ScoreSheetRowInput } from "../scoreSheet";
import { findScoreSheets } from "../scoreSheetLocator";
import { instructionsSheet } from "./instructions";
import { PACKET_CREATOR, packetFileName, packetKey } from "./packetNames";

export interface PacketOptions {
  /** "work": one file per work (grade × subject) with all its classes; "class": one per class and work. */
  by: "work" | "class";
}

export interface Packet {
  fileName: string;
  grade: number;
  subject: string;
  classes: string[];
  /** The score sheets it holds, as named in the packet («<класс> <предмет>»). */
  sheets: string[];
  /** Rows (codes) over all its sheets. */
  rows: number;
  workbook: NewWorkbookPlan;
}

export interface PacketsPlan {
  packets: Packet[];
  findings: Finding[];
}

const blank = (v: CellValue): boolean => v === null || (typeof v === "string" && v.trim() === "");

/**
 * What of a typed cell goes into the packet: scores, X, variants and «отсутствовал». Any other
 * text (a note someone typed into a score cell) stays in the workbook: it could name someone.
 */
export function packetValue(v: CellValue, kind: "variant" | "item"): CellValue | undefined {
  if (blank(v)) return null;
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  if (/^\d+(?:[.,]\d+)?$/.test(s)) return /^\d+$/.test(s) ? Number(s) : s;
  if (kind === "variant" && s.toLowerCase() === ABSENT) return ABSENT;
  if (kind === "item" && X_SPELLINGS.includes(s)) return s;
  return undefined;
}

interface Group {
  key: string;
  grade: number;
  subject: string;
  className?: string;
  works: WorkDefinition[];
  sheets: { name: string; className: string; rows: ScoreSheetRowInput[]; work: WorkDefinition }[];
}

export function planPackets(snapshot: Snapshot, options: PacketOptions = { by: "work" }): PacketsPlan {
  const inputs = readInputs(snapshot);
  const findings: Finding[] = [];
  const groups = new Map<string, Group>();
  for (const loc of findScoreSheets(snapshot, inputs, undefined, { unplanned: false }).located) {
    const { plan } = loc;
    const sheet = loc.sheet ? snapshot.sheets[loc.sheet] : undefined;
    if (!loc.sheet || !sheet) {
      findings.push({ sheet: loc.expected, severity: "warning", code: "sheet.missing", message: `нет листа «${loc.expected}»: класса ${plan.className} нет в пакете — сначала создайте листы для баллов` });
      continue;
    }
    const layout = scoreLayout(plan.work);
    const read = readScoreSheet(loc.sheet, sheet, layout);
    const missing = read.findings.filter((f) => f.severity === "error");
    if (missing.length > 0) {
      findings.push(...missing.map((f): Finding => ({ ...f, severity: "warning", code: "packets.sheet-left-out", message: `лист не попал в пакет: ${f.message}` })));
      continue;
    }
    const variantCols = layout.columns.map((c, i) => (c.kind === "variant" ? i : -1)).filter((i) => i >= 0);
    const itemCols = layout.columns.map((c, i) => (c.kind === "item" ? i : -1)).filter((i) => i >= 0);
    const rows: ScoreSheetRowInput[] = [];
    for (const row of read.rows) {
      if (row.code === null) {
        if (row.hasData) findings.push({ sheet: loc.sheet, cell: cellAddress(row.row, read.columnOf[0] ?? 0), severity: "warning", code: "packets.row-no-code", message: "в строке есть баллы, но нет кода: эксперт не увидит её в пакете" });
        continue;
      }
      const copy = (values: CellValue[], cols: number[], kind: "variant" | "item"): CellValue[] =>
        values.map((v, k) => {
          const out = packetValue(v, kind);
          if (out !== undefined) return out;
          findings.push({ sheet: loc.sheet!, cell: cellAddress(row.row, read.columnOf[cols[k]] ?? 0), severity: "warning", code: "packets.text-left-out", message: "текст в этой ячейке — не балл: в пакет он не попал, ячейка там пустая" });
          return null;
        });
      rows.push({ code: row.code, variants: copy(row.variants, variantCols, "variant"), scores: copy(row.scores, itemCols, "item") });
    }
    rows.sort((a, b) => (a.code as number) - (b.code as number));
    const className = options.by === "class" ? plan.className : undefined;
    const key = packetKey(plan.grade, plan.subject, className);
    const group = groups.get(key) ?? { key, grade: plan.grade, subject: plan.subject, className, works: [], sheets: [] };
    groups.set(key, group);
    if (!group.works.some((w) => w.id === plan.work.id)) group.works.push(plan.work);
    group.sheets.push({ name: loc.expected, className: plan.className, rows, work: plan.work });
  }
  if (groups.size === 0) {
    findings.push({ sheet: "План", severity: "error", code: "packets.none", message: "нет ни одного листа для баллов: сначала создайте листы для баллов (шаг «Листы для баллов» или vpr sheets)" });
    return { packets: [], findings };
  }
  const packets = [...groups.values()]
    .sort((a, b) => a.grade - b.grade || a.subject.localeCompare(b.subject, "ru") || compareClassNames(a.className ?? "", b.className ?? ""))
    .map((g): Packet => {
      g.sheets.sort((a, b) => compareClassNames(a.className, b.className));
      const classes = g.sheets.map((s) => s.className);
      const sheets = g.sheets.map((s) => buildScoreSheet(s.name, scoreLayout(s.work), s.rows, "standard"));
      return {
        fileName: packetFileName(inputs.settings.school, g.grade, g.subject, g.className),
        grade: g.grade,
        subject: g.subject,
        classes,
        sheets: g.sheets.map((s) => s.name),
        rows: g.sheets.reduce((n, s) => n + s.rows.length, 0),
        workbook: {
          sheets: [instructionsSheet(g.works, classes, g.sheets.map((s) => s.name)), ...sheets],
          properties: { title: PACKET_CREATOR, creator: PACKET_CREATOR },
        },
      };
    });
  return { packets, findings };
}
