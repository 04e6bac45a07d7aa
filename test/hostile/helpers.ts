// Building hostile workbooks in code, running one operation on them, and the two assertions every
// hostile case makes: the finding (Russian message, sheet, cell) and "no user cell changed".
import { seededRandom, type Finding } from "../../src/core";
import type { CellValue, CellWrite, Snapshot } from "../../src/workbook/backend";
import { INPUT_SHEETS, ROSTER_SHEET } from "../../src/workbook/contract";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { buildUploads, check, makeCodes, makeScoreSheets, type BuiltFile } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan, type SampleSchool } from "../../src/workbook/sample";
import { LOG_SHEET } from "../../src/workbook/fingerprint";

/** A small version of the sample school (same classes and plan, fewer students): quick to build. */
export const SMALL: Record<string, number> = { "4А": 6, "4Б": 5, "5А": 6, "6А": 4, "8А": 5 };
export const smallSchool = (): SampleSchool => sampleSchool(2026, SMALL);

export type Sheets = Record<string, CellValue[][]>;

/** The sample school's input sheets as arrays, to be edited by a test before the workbook is built. */
export function inputArrays(school: SampleSchool = smallSchool()): Sheets {
  const out: Sheets = {};
  for (const s of sampleWorkbookPlan(school).sheets) out[s.name] = s.values.map((r) => [...r]);
  return out;
}

/** A FileBackend holding exactly these sheets (in this order), as the coordinator typed them. */
export async function backendOf(sheets: Sheets): Promise<FileBackend> {
  const b = FileBackend.empty();
  await b.apply({ sheets: Object.entries(sheets).map(([name, values]) => ({ name, mode: "create" as const, values: pad(values) })), cellWrites: [] });
  return b;
}

const pad = (values: CellValue[][]): CellValue[][] => {
  const w = Math.max(0, ...values.map((r) => r.length));
  return values.map((r) => [...r, ...Array<CellValue>(w - r.length).fill(null)]);
};

/** Inputs only (no codes yet), optionally edited. */
export async function inputsBackend(edit?: (s: Sheets) => void, school?: SampleSchool): Promise<FileBackend> {
  const sheets = inputArrays(school);
  edit?.(sheets);
  return backendOf(sheets);
}

let ready: Promise<Uint8Array> | null = null;

/**
 * The small sample school after codes, score sheets and the experts' scores — a clean workbook
 * (the check finds no error). Built once; each call returns a fresh copy.
 */
export async function readyBackend(): Promise<FileBackend> {
  ready ??= (async () => {
    const b = await inputsBackend();
    expect((await makeCodes(b, { random: seededRandom(1) })).status).toBe("done");
    expect((await makeScoreSheets(b)).status).toBe("done");
    await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3), 0) });
    const errors = (await check(b)).findings.filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
    return b.toBytes();
  })();
  return FileBackend.fromBytes(await ready);
}

/** What the user types: plain values into cells (this is the test typing, not an operation). */
export async function type(b: FileBackend, sheet: string, cells: Record<string, CellValue>): Promise<void> {
  const writes: CellWrite[] = Object.entries(cells).map(([address, value]) => ({ sheet, address, value }));
  await b.apply({ sheets: [], cellWrites: writes });
}

export type Operation = "check" | "codes" | "scoreSheets" | "upload";

export interface Outcome {
  findings: Finding[];
  status?: string;
  files: BuiltFile[];
  before: Snapshot;
  after: Snapshot;
}

/** Runs one operation and checks that no cell the user typed changed. */
export async function run(b: FileBackend, op: Operation): Promise<Outcome> {
  const before = await b.read(null);
  let findings: Finding[] = [];
  let status: string | undefined;
  let files: BuiltFile[] = [];
  if (op === "check") findings = (await check(b)).findings;
  else if (op === "codes") ({ findings, status } = await makeCodes(b, { random: seededRandom(5) }));
  else if (op === "scoreSheets") ({ findings, status } = await makeScoreSheets(b));
  else ({ findings, files } = await buildUploads(b));
  const after = await b.read(null);
  expectUserCellsUnchanged(before, after, op);
  return { findings, status, files, before, after };
}

/**
 * Input sheets: every cell as before, except that «Ученики»!Код may gain a code where it was empty
 * (codes). The check: the whole workbook as before. The upload: the same, except the add-in's own
 * «Журнал баллов», to which it appends the rows of the forms it built (docs/OBJECTIVITY.md).
 */
export function expectUserCellsUnchanged(before: Snapshot, after: Snapshot, op: Operation): void {
  const readOnly = op === "check" || op === "upload";
  for (const name of before.sheetNames) {
    if (op === "upload" && name === LOG_SHEET) continue;
    const isInput = (INPUT_SHEETS as readonly string[]).includes(name);
    if (!readOnly && !isInput) continue;
    expect(after.sheetNames).toContain(name);
    const a = before.sheets[name].values;
    const z = after.sheets[name].values;
    if (op === "codes" && name === ROSTER_SHEET) {
      const codeCol = (a[0] ?? []).findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === "код");
      a.forEach((row, r) =>
        row.forEach((v, c) => {
          if (c === codeCol && v === null && r > 0) return; // a new code
          expect({ sheet: name, r, c, v: z[r]?.[c] ?? null }).toEqual({ sheet: name, r, c, v });
        }),
      );
      continue;
    }
    expect({ sheet: name, values: z }).toEqual({ sheet: name, values: a });
  }
  if (readOnly) expect(after.sheetNames.filter((n) => op !== "upload" || n !== LOG_SHEET)).toEqual(before.sheetNames.filter((n) => n !== LOG_SHEET));
}

const CYRILLIC = /[а-яё]/i;

/** The finding with this code at this place; its message must match and be Russian. */
export function expectFinding(findings: Finding[], want: { code: string; sheet: string; cell?: string; message: RegExp; severity?: "error" | "warning" }): Finding {
  const f = findings.find((x) => x.code === want.code && x.sheet === want.sheet && (want.cell === undefined || x.cell === want.cell));
  if (!f) throw new Error(`no finding ${want.code} at ${want.sheet}!${want.cell ?? ""}; got:\n${findings.map((x) => `  ${x.severity} ${x.code} ${x.sheet}!${x.cell ?? ""}: ${x.message}`).join("\n")}`);
  expect(f.message).toMatch(want.message);
  expect(f.message).toMatch(CYRILLIC);
  expect(f.severity).toBe(want.severity ?? "error");
  return f;
}

/** No error and no warning at that cell. */
export function expectNoFindingAt(findings: Finding[], sheet: string, cell: string): void {
  expect(findings.filter((f) => f.sheet === sheet && f.cell === cell)).toEqual([]);
}

export const errorsOf = (findings: Finding[]): Finding[] => findings.filter((f) => f.severity === "error");

/** Gives row `row` (1-based sheet row) of a score sheet a valid variant and zeros, before the hostile value. */
export async function cleanRow(b: FileBackend, sheet: string, row: number): Promise<void> {
  const values = (await b.read([sheet])).sheets[sheet].values;
  const header = values[0];
  const cells: Record<string, CellValue> = {};
  header.forEach((h, c) => {
    const col = String.fromCharCode(65 + c);
    if (typeof h !== "string") return;
    if (/^Вариант/.test(h)) cells[`${col}${row}`] = 1;
    else if (/\(\d+б\)$/.test(h)) cells[`${col}${row}`] = 0;
  });
  await type(b, sheet, cells);
}
