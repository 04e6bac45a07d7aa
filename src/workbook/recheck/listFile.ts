// The list a region or municipality sends (JSON from `vpr recheck sample --json`, or an .xlsx with
// the sheet «Выборка»), read from a file's name and bytes, with where each entry stands in it: every
// message of the school's package names the list's row. The .xlsx reader is passed in by the face
// (the CLI opens files itself; the pane loads the file back end lazily).
import type { Finding, RecheckSample } from "../../core";
import type { Snapshot } from "../backend";
import { SAMPLE_SHEET, sampleFromJson, sampleFromSnapshot } from "./sampleFile";

export interface RecheckList {
  /** The file's name as the user gave it. */
  file: string;
  sample: RecheckSample;
  /** Where each entry of `sample.sample` stands, in Russian: «строка 5 листа «Выборка»» or «элемент 3 списка». */
  where: string[];
}

/** An .xlsx turned into a snapshot of every sheet; rejects when the bytes are no workbook. */
export type XlsxReader = (bytes: Uint8Array) => Promise<Snapshot>;

const isZip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x50 && b[1] === 0x4b;

export async function readRecheckList(file: string, bytes: Uint8Array, readXlsx: XlsxReader): Promise<{ list: RecheckList | null; findings: Finding[] }> {
  const base = file.split(/[\\/]/).pop() ?? file;
  // By content first: a list saved as .xlsx under another extension is still read.
  if (isZip(bytes) || /\.xlsx$/i.test(base)) {
    let snapshot: Snapshot;
    try {
      snapshot = await readXlsx(bytes);
    } catch (e) {
      return { list: null, findings: [{ severity: "error", code: "recheck.list", message: `файл «${base}» не открывается как книга .xlsx (${e instanceof Error ? e.message : String(e)}): нужен список из vpr recheck sample — JSON или .xlsx с листом «${SAMPLE_SHEET}»` }] };
    }
    const read = sampleFromSnapshot(snapshot, base);
    if (!read.sample) return { list: null, findings: read.findings };
    const rows = read.rows ?? read.sample.sample.map((_, i) => i + 2);
    return { list: { file: base, sample: read.sample, where: rows.map((r) => `строка ${r} листа «${SAMPLE_SHEET}» файла «${base}»`) }, findings: read.findings };
  }
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const read = sampleFromJson(text, base);
  if (!read.sample) return { list: null, findings: read.findings };
  return { list: { file: base, sample: read.sample, where: read.sample.sample.map((_, i) => `элемент ${i + 1} списка «${base}»`) }, findings: read.findings };
}
