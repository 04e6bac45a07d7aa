// The municipal roll-up in web mode, a chunk of its own loaded when «Составить свод» is first
// pressed (./components/MunicipalView.tsx): the chosen files read one at a time by readSources —
// each file's bytes taken only when its turn comes and let go after — then the roll-up made by the
// one function `vpr municipal` also uses (src/workbook/municipal/municipalRollup.ts), and «Свод»
// written by the same new-workbook writer. Nothing leaves the browser.
import type { Finding } from "../core";
import { municipalJson, municipalRollup, readMunicipalLists, type MunicipalRollup, type UnusableList } from "../workbook/municipal/municipalRollup";
import type { RollupData } from "../workbook/municipal/rollupData";
import { compareFileNames, readSources, type SourceInput } from "../workbook/municipal/readSources";
import { rollupWorkbook } from "../workbook/municipal/rollupWorkbook";
import { writeNewWorkbook } from "../workbook/recheck/recheckFiles";
import { fileBytes } from "./download";
import { nextPaint } from "./guard";

/** The chosen lists (each optional). */
export interface ChosenLists {
  schools?: File | null;
  criteria?: File | null;
  observers?: File | null;
}

export type MunicipalRunResult = { ok: true; rollup: MunicipalRollup; listFindings: Finding[] } | { ok: false; unusable: UnusableList[] } | { ok: false; cancelled: true };

/**
 * A file's name as the roll-up shows it: relative to the chosen folder ("780101/780101_4_Математика.xlsx",
 * as `vpr municipal` names it), or the file's own name when files were chosen one by one.
 */
export const sourceName = (f: File): string => {
  const p = f.webkitRelativePath;
  return p && p.includes("/") ? p.slice(p.indexOf("/") + 1) : f.name;
};

export async function runMunicipal(files: readonly File[], chosen: ChosenLists, onFile: (done: number, total: number, name: string) => void, cancelled: () => boolean): Promise<MunicipalRunResult> {
  const list = async (f: File | null | undefined) => (f ? { name: f.name, bytes: await fileBytes(f) } : null);
  const lists = await readMunicipalLists({ schools: await list(chosen.schools), criteria: await list(chosen.criteria), observers: await list(chosen.observers) });
  if (lists.unusable.length > 0) return { ok: false, unusable: lists.unusable };
  const inputs: SourceInput[] = files
    .map((f) => ({ name: sourceName(f), file: f }))
    // The CLI's folder walk's order, so "the first file of a work" is the same file.
    .sort((a, b) => compareFileNames(a.name, b.name))
    .map(({ name, file }) => ({
      name,
      bytes: async () => {
        await nextPaint(); // the progress line is drawn before the file is read
        return new Uint8Array(await file.arrayBuffer());
      },
    }));
  async function* until(): AsyncGenerator<SourceInput> {
    for (const input of inputs) {
      if (cancelled()) return;
      yield input;
    }
  }
  const read = await readSources(until(), { criteria: lists.lists.criteria ?? undefined }, (done, name) => onFile(done, inputs.length, name));
  if (cancelled()) return { ok: false, cancelled: true };
  return { ok: true, rollup: municipalRollup(read, lists.lists), listFindings: lists.findings };
}

/** «Свод» as .xlsx bytes. */
export const rollupXlsx = (data: RollupData): Promise<Uint8Array> => writeNewWorkbook(rollupWorkbook(data));

/** The JSON of `vpr municipal --json`. */
export const rollupJson = (data: RollupData): string => JSON.stringify(municipalJson(data), null, 2);
