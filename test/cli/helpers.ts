// Running the CLI in-process with captured output, on real files in a temporary folder.
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import type { WorkbookBackend } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { editInExcelJS } from "../helpers/editInExcelJS";
import { sampleSchool, sampleWorkbookPlan, type SampleSchool } from "../../src/workbook/sample";

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function vpr(cwd: string, ...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

export const tempDir = (): Promise<string> => fs.mkdtemp(path.join(os.tmpdir(), "vpr-cli-"));

export const school: SampleSchool = sampleSchool();

/** The sample school's input sheets (the coordinator's typing), as an .xlsx at `file`. */
export async function writeSampleInputs(file: string, s: SampleSchool = school): Promise<void> {
  const b = FileBackend.empty();
  await b.apply(sampleWorkbookPlan(s));
  await fs.writeFile(file, await b.toBytes());
}

export async function openFile(file: string): Promise<FileBackend> {
  return FileBackend.fromBytes(new Uint8Array(await fs.readFile(file)));
}

/** Change a workbook on disk the way a user would: open, apply cell writes, save. */
export async function edit(file: string, change: (b: FileBackend) => Promise<void>): Promise<void> {
  const b = await openFile(file);
  await change(b);
  await fs.writeFile(file, await b.toBytes());
}

/** Change a workbook on disk in another program (ExcelJS standing in for Excel or LibreOffice). */
export async function editFileInExcelJS(file: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  await fs.writeFile(file, await (await editInExcelJS(await openFile(file), change)).toBytes());
}

export async function rosterCodes(b: WorkbookBackend): Promise<(string | number | boolean | null)[]> {
  const values = (await b.read(["Ученики"])).sheets["Ученики"].values;
  return values.slice(1).map((r) => r[3]);
}

/** The parts that carry a file's content: every worksheet and the shared strings. */
export async function contentParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) || name === "xl/sharedStrings.xml") out[name] = await zip.files[name].async("string");
  }
  return out;
}

export const listDir = async (dir: string): Promise<string[]> => (await fs.readdir(dir)).sort();
