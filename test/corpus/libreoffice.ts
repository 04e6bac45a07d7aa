// Real LibreOffice for the corpus: save a workbook through `soffice --convert-to xlsx|xlsm` and
// read every sheet of many workbooks back as CSV in one soffice run. Each run uses its own
// profile (-env:UserInstallation) so parallel jest workers do not clash.
// Needs `soffice` on PATH: in CI (process.env.CI set) its absence is a failure; locally a skip.
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

let found: boolean | null = null;

/** True when `soffice --version` runs. */
export function haveSoffice(): boolean {
  if (found === null) {
    try {
      execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60000 });
      found = true;
    } catch {
      found = false;
    }
  }
  return found;
}

/** Tests that need LibreOffice run when it is there, and in CI always (so that a missing soffice fails). */
export const libreOfficeWanted = (): boolean => haveSoffice() || !!process.env.CI;

const FILTERS = { xlsx: "xlsx:Calc MS Excel 2007 XML", xlsm: "xlsm:Calc MS Excel 2007 VBA XML" } as const;
/** CSV, UTF-8, comma, double quotes, every sheet to its own file (token 12 = -1, LibreOffice ≥ 7.2). */
const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

function runSoffice(dir: string, args: string[]): { status: number | null; output: string } {
  const profile = `file://${path.join(dir, `lo-${process.pid}-${Math.random().toString(36).slice(2)}`)}`;
  const r = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--nologo", ...args], {
    encoding: "utf8",
    timeout: 240000,
    // C.UTF-8 exists on every Debian: with a missing locale soffice writes the Cyrillic sheet names of the CSV files as "?".
    env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "" },
  });
  return { status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "vpr-corpus-lo-"));
  try {
    return await fn(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The workbook opened and saved again by LibreOffice Calc, as .xlsx or .xlsm (VBA filter). */
export async function saveWithLibreOffice(bytes: Uint8Array, format: "xlsx" | "xlsm"): Promise<Uint8Array> {
  return withTempDir(async (dir) => {
    const input = path.join(dir, "in", `book.${format}`);
    const outdir = path.join(dir, "out");
    await fs.mkdir(path.dirname(input), { recursive: true });
    await fs.writeFile(input, bytes);
    const r = runSoffice(dir, ["--convert-to", FILTERS[format], "--outdir", outdir, input]);
    try {
      return new Uint8Array(await fs.readFile(path.join(outdir, `book.${format}`)));
    } catch {
      throw new Error(`soffice could not save book.${format} (exit ${r.status}): ${r.output}`);
    }
  });
}

/** RFC 4180 CSV → rows of strings, trailing empty cells and rows trimmed. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return trimRows(rows);
}

/** Trailing empty cells and rows dropped. */
export function trimRows(rows: string[][]): string[][] {
  const out = rows.map((r) => {
    const c = [...r];
    while (c.length && c[c.length - 1] === "") c.pop();
    return c;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

export interface CsvResult {
  /** Sheet name → rows as LibreOffice shows them. Empty when LibreOffice could not open the file. */
  sheets: Map<string, string[][]>;
  /** What soffice printed for this run (all files). */
  log: string;
}

/**
 * Every sheet of every workbook as LibreOffice shows it, in one soffice run. Keys of `files` become
 * file names (letters and digits only).
 */
export async function libreOfficeCsv(files: Record<string, Uint8Array>): Promise<Record<string, CsvResult>> {
  return withTempDir(async (dir) => {
    const indir = path.join(dir, "in");
    const outdir = path.join(dir, "out");
    await fs.mkdir(indir, { recursive: true });
    const names = Object.keys(files);
    for (const name of names) {
      if (!/^[A-Za-z0-9]+$/.test(name)) throw new Error(`file key ${name}: letters and digits only`);
      await fs.writeFile(path.join(indir, `${name}.xlsx`), files[name]);
    }
    const r = runSoffice(dir, ["--convert-to", CSV_ALL_SHEETS, "--outdir", outdir, ...names.map((n) => path.join(indir, `${n}.xlsx`))]);
    const produced = await fs.readdir(outdir).catch(() => [] as string[]);
    const out: Record<string, CsvResult> = {};
    for (const name of names) {
      const sheets = new Map<string, string[][]>();
      for (const f of produced.filter((p) => p.startsWith(`${name}-`) && p.endsWith(".csv"))) {
        const text = await fs.readFile(path.join(outdir, f), "utf8");
        sheets.set(f.slice(name.length + 1, -4), parseCsv(text.replace(/^\uFEFF/, "")));
      }
      out[name] = { sheets, log: `exit ${r.status}: ${r.output}` };
    }
    return out;
  });
}
