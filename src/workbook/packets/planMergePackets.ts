// Merging the experts' packets back: each packet sheet is read by header (the check's reader),
// matched to the coordinator's score sheet of the same class and work (a renamed one too), and its
// rows to ours by code. Only cells that change are written: an empty cell of ours takes the
// packet's value; a cell that already holds another value is a conflict, kept unless the
// coordinator said to overwrite. Anything that cannot be matched — a file that is not a packet, a
// sheet of no class and work of ours, a changed header, an unknown code — refuses the whole
// merge, so that a score never lands on the wrong student or item.
import { X_SPELLINGS, cellAddress, parseItemHeader, sameSheetName, type Finding, type FindingCode } from "../../core";
import type { CellValue, MergeCell, SheetMerge, SheetSnapshot, Snapshot, WritePlan } from "../backend";
import { headerKey } from "../contract";
import { readInputs } from "../inputs";
import { readScoreSheet, scoreLayout, type ScoreLayout, type ScoreSheetRead } from "../scoreSheet";
import { findScoreSheets, fitsWork, sheetClass, type LocatedScoreSheet } from "../scoreSheetLocator";
import { packetValue } from "./planPackets";
import { readPacket, type PacketInput } from "./readPacket";

/** A cell of ours that already holds a value other than the packet's. */
export interface PacketConflict {
  /** The packet file and where the value is in it. */
  file: string;
  packetSheet: string;
  packetCell: string;
  /** Our score sheet and cell. */
  sheet: string;
  cell: string;
  code: number;
  /** The column's header: «Вариант» or an item «3 (2б)». */
  item: string;
  ours: CellValue;
  theirs: CellValue;
}

export interface MergePacketsOptions {
  /** The coordinator agreed: conflicts take the packet's value. Absent: ours are kept. */
  overwrite?: boolean;
}

export interface MergePacketsPlan {
  /** Empty (nothing to write) when `findings` hold an error. */
  plan: WritePlan;
  findings: Finding[];
  conflicts: PacketConflict[];
  /** Empty cells of ours that take a packet's value. */
  filled: number;
  /** Conflicts written with the packet's value (only with `overwrite`). */
  overwritten: number;
  /** Per score sheet of ours that a packet reached. */
  sheets: { sheet: string; files: string[]; filled: number; overwritten: number }[];
}

const blank = (v: CellValue | undefined): v is null | undefined => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Two values the same score: numbers and numbers as text, the four spellings of X, case. */
const same = (a: CellValue, b: CellValue): boolean => norm(a) === norm(b);
function norm(v: CellValue): string {
  if (typeof v === "number") return String(v);
  const s = String(v).trim();
  if (X_SPELLINGS.includes(s)) return "X";
  const n = s.replace(",", ".");
  if (/^\d+(?:\.\d+)?$/.test(n)) return String(Number(n));
  return s.toLowerCase();
}

/** One of our score sheets as the merge goes: its current values and the cells written so far. */
interface Target {
  loc: LocatedScoreSheet;
  name: string;
  sheet: SheetSnapshot;
  layout: ScoreLayout;
  read: ScoreSheetRead;
  rowOf: Map<number, number>;
  writes: Map<string, MergeCell>;
  files: Set<string>;
  filled: number;
  overwritten: number;
}

const refusal = (code: FindingCode, message: string): Finding => ({ severity: "error", code, message });

export function planMergePackets(snapshot: Snapshot, packets: readonly PacketInput[], options: MergePacketsOptions = {}): MergePacketsPlan {
  const inputs = readInputs(snapshot);
  const located = findScoreSheets(snapshot, inputs, undefined, { unplanned: false }).located;
  const classOfCode = new Map(inputs.roster.students.filter((s) => s.code !== null).map((s) => [s.code!, s.className]));
  const findings: Finding[] = [];
  const conflicts: PacketConflict[] = [];
  const targets = new Map<LocatedScoreSheet, Target>();

  const targetOf = (loc: LocatedScoreSheet, where: string): Target | null => {
    const known = targets.get(loc);
    if (known) return known;
    const sheet = loc.sheet ? snapshot.sheets[loc.sheet] : undefined;
    if (!loc.sheet || !sheet) {
      findings.push(refusal("packets.sheet-unknown", `${where}: в книге нет листа «${loc.expected}» — сначала создайте листы для баллов, потом принимайте пакеты`));
      return null;
    }
    const layout = scoreLayout(loc.plan.work);
    const read = readScoreSheet(loc.sheet, sheet, layout);
    const broken = read.findings.filter((f) => f.severity === "error");
    if (broken.length > 0) {
      findings.push(...broken.map((f): Finding => ({ ...f, code: "packets.sheet-broken", message: `баллы из пакета (${where}) некуда записать: ${f.message}` })));
      return null;
    }
    const rowOf = new Map<number, number>();
    for (const r of read.rows) if (r.code !== null && !rowOf.has(r.code)) rowOf.set(r.code, r.row);
    const t: Target = { loc, name: loc.sheet, sheet, layout, read, rowOf, writes: new Map(), files: new Set(), filled: 0, overwritten: 0 };
    targets.set(loc, t);
    return t;
  };

  /** The plan row a packet sheet belongs to: by its name (packets are named as the plan names sheets), else by its codes and header. */
  const matchSheet = (name: string, sheet: SheetSnapshot): LocatedScoreSheet | null => {
    const byName = located.find((l) => sameSheetName(l.expected, name));
    if (byName) return byName;
    const cls = sheetClass(name, sheet, classOfCode);
    const fit = located.filter((l) => l.plan.className === cls && fitsWork(sheet, l.plan.work));
    return fit.length === 1 ? fit[0] : null;
  };

  for (const packet of packets) {
    const file = packet.fileName;
    const read = readPacket(packet);
    findings.push(...read.findings);
    for (const pName of read.sheets) {
      const pSheet = packet.snapshot.sheets[pName];
      const where = `файл «${file}», лист «${pName}»`;
      const loc = matchSheet(pName, pSheet);
      if (!loc) {
        findings.push(refusal("packets.sheet-unknown", `${where}: в книге нет листа для баллов этого класса и работы (по листу «План») — баллы этого листа не приняты`));
        continue;
      }
      const target = targetOf(loc, where);
      if (!target) continue;
      const pRead = readScoreSheet(pName, pSheet, target.layout);
      const changed = layoutChanges(pSheet, target.layout, pRead);
      if (changed.length > 0) {
        const tail = `макет листа не совпадает с работой ${loc.plan.work.id} в книге: баллы этого листа не приняты — выдайте пакет заново`;
        findings.push(...changed.map((c) => refusal("packets.layout-changed", `${where}, ячейка ${c.cell}: ${c.what}; ${tail}`)));
        continue;
      }
      target.files.add(file);
      mergeRows(file, pName, where, pRead, target, options, findings, conflicts);
    }
  }

  const blocked = findings.some((f) => f.severity === "error");
  const merges: SheetMerge[] = blocked ? [] : [...targets.values()].filter((t) => t.writes.size > 0).map((t) => ({ name: t.name, cells: [...t.writes.values()] }));
  const list = [...targets.values()].filter((t) => t.files.size > 0);
  return {
    plan: { sheets: [], cellWrites: [], merges },
    findings,
    conflicts,
    filled: blocked ? 0 : list.reduce((n, t) => n + t.filled, 0),
    overwritten: blocked ? 0 : list.reduce((n, t) => n + t.overwritten, 0),
    sheets: list.map((t) => ({ sheet: t.name, files: [...t.files], filled: t.filled, overwritten: t.overwritten })),
  };
}

/** Every header of the packet sheet that differs from the work's: a column gone or changed, or one the work does not have. */
function layoutChanges(sheet: SheetSnapshot, layout: ScoreLayout, read: ScoreSheetRead): { cell: string; what: string }[] {
  const header = sheet.values[0] ?? [];
  const out: { cell: string; what: string }[] = [];
  layout.columns.forEach((col, i) => {
    if (read.columnOf[i] !== null) return;
    const want = layout.headers[i];
    const label = col.kind === "item" ? layout.work.items[col.index].label : null;
    const other = label === null ? -1 : header.findIndex((h) => { const p = parseItemHeader(h); return p.ok && p.label === label; });
    out.push(other >= 0 ? { cell: cellAddress(0, other), what: `заголовок «${String(header[other])}», а в книге «${want}»` } : { cell: "A1", what: `нет столбца «${want}»` });
  });
  const mine = new Set(layout.headers.map(headerKey));
  header.forEach((h, c) => {
    const key = headerKey(h);
    const scoreLike = parseItemHeader(h).ok || key.startsWith(headerKey("Вариант"));
    if (scoreLike && !mine.has(key) && !out.some((o) => o.cell === cellAddress(0, c))) out.push({ cell: cellAddress(0, c), what: `столбца «${String(h)}» в работе нет` });
  });
  return out;
}

function mergeRows(file: string, pName: string, where: string, pRead: ScoreSheetRead, t: Target, options: MergePacketsOptions, findings: Finding[], conflicts: PacketConflict[]): void {
  const { layout } = t;
  const valueCols = layout.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind !== "code");
  for (const row of pRead.rows) {
    const codeCell = cellAddress(row.row, pRead.columnOf[0] ?? 0);
    if (row.code === null) {
      if (row.hasData) findings.push(refusal("packets.code-unknown", `${where}, ячейка ${codeCell}: в строке есть баллы, но ${blank(row.codeRaw) ? "нет кода" : `«${String(row.codeRaw)}» — не код`}: баллы этой строки не приняты`));
      continue;
    }
    const ourRow = t.rowOf.get(row.code);
    if (ourRow === undefined) {
      findings.push(refusal("packets.code-unknown", `${where}, ячейка ${codeCell}: кода ${row.code} нет на листе «${t.name}» книги (${t.loc.plan.className}, ${t.loc.plan.work.id}) — проверьте код по бумажной работе; баллы этой строки не приняты`));
      continue;
    }
    let v = 0;
    let s = 0;
    for (const { c, i } of valueCols) {
      const raw = c.kind === "variant" ? row.variants[v++] : row.scores[s++];
      if (blank(raw)) continue;
      const theirs = packetValue(raw, c.kind === "variant" ? "variant" : "item") ?? (typeof raw === "string" ? raw.trim() : raw);
      const col = t.read.columnOf[i]!;
      const key = `${ourRow}:${col}`;
      const ours = t.writes.get(key)?.value ?? t.sheet.values[ourRow]?.[col] ?? null;
      if (blank(ours)) {
        t.writes.set(key, { row: ourRow, col, value: theirs });
        t.filled++;
        continue;
      }
      if (same(ours, theirs)) continue;
      conflicts.push({ file, packetSheet: pName, packetCell: cellAddress(row.row, pRead.columnOf[i]!), sheet: t.name, cell: cellAddress(ourRow, col), code: row.code, item: layout.headers[i], ours, theirs });
      if (options.overwrite) {
        t.writes.set(key, { row: ourRow, col, value: theirs });
        t.overwritten++;
      }
    }
  }
}

/** A conflict in one Russian line: «4А Математика»!D5 (код 41004, «3 (2б)»): в книге 1, в пакете «…» 2. */
export function describeConflict(c: PacketConflict): string {
  const show = (v: CellValue) => (typeof v === "string" ? `«${v}»` : String(v));
  return `«${c.sheet}»!${c.cell} (код ${c.code}, «${c.item}»): в книге ${show(c.ours)}, в пакете «${c.file}» (${c.packetSheet}!${c.packetCell}) ${show(c.theirs)}`;
}
