// Many files of a municipality, one at a time: each read into rows (readSource.ts) and let go
// before the next is opened — only the rows stay. What no single file can see is checked here: the
// same work of a school twice (two forms, a form and an export, two exports). Browser-safe: the
// bytes come from the caller (the Node folder walk in ./node, or the pane's chosen files).
import { headerKey } from "../contract";
import { readSource, type ReadSource, type SourceOptions } from "./readSource";
import type { SourceProblem } from "./sourceProblem";

/** A file to read: its name (relative to the folder) and a way to get its bytes when its turn comes. */
export interface SourceInput {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

export interface FolderRead {
  /** Files read (with their own problems and left-out rows). */
  files: ReadSource[];
  /** Files not read, each with why. */
  unread: { file: string; problems: SourceProblem[] }[];
  /** Every problem of every file, in reading order. */
  problems: SourceProblem[];
}

/**
 * The order files are read in — by name, code-unit order (the same in every locale) — so that "the
 * first file that brings a school's work" is the same file in the CLI's folder walk and the pane.
 */
export const compareFileNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Lock files of Excel (~$…) and LibreOffice (.~lock…#) stand beside an open file: not data. */
const isLockFile = (name: string): boolean => {
  const base = name.slice(name.lastIndexOf("/") + 1);
  return base.startsWith("~$") || base.startsWith(".~lock") || base.startsWith(".");
};

/**
 * Reads `inputs` in the order given. The first file that brings a school's work (school × subject ×
 * grade) keeps it: the same work from a later file is left out and reported as an error.
 */
export async function readSources(inputs: Iterable<SourceInput> | AsyncIterable<SourceInput>, options: SourceOptions = {}, onFile?: (done: number, name: string) => void): Promise<FolderRead> {
  const out: FolderRead = { files: [], unread: [], problems: [] };
  const firstFile = new Map<string, string>();
  let done = 0;
  for await (const input of inputs) {
    onFile?.(++done, input.name);
    if (isLockFile(input.name)) continue;
    if (!/\.xlsx$/i.test(input.name)) {
      const p: SourceProblem = { severity: "warning", code: "municipal.not-xlsx", file: input.name, message: `файл «${input.name}»: не .xlsx — пропущен` };
      out.unread.push({ file: input.name, problems: [p] });
      out.problems.push(p);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await input.bytes();
    } catch (e) {
      const p: SourceProblem = { severity: "error", code: "municipal.unreadable", file: input.name, message: e instanceof Error && e.message.includes(input.name) ? e.message : `файл «${input.name}» не прочитан: ${e instanceof Error ? e.message : String(e)}` };
      out.unread.push({ file: input.name, problems: [p] });
      out.problems.push(p);
      continue;
    }
    const result = await readSource(input.name, bytes, options);
    if (!result.ok) {
      out.unread.push({ file: result.file, problems: result.problems });
      out.problems.push(...result.problems);
      continue;
    }
    const source = result.source;
    dropRepeatedWorks(source, firstFile);
    out.files.push(source);
    out.problems.push(...source.problems);
  }
  return out;
}

/** Rows of a school whose work an earlier file already brought: left out, one error per school. */
function dropRepeatedWorks(source: ReadSource, firstFile: Map<string, string>): void {
  const workKey = (school: string) => `${school}|${headerKey(source.subject)}|${source.grade}`;
  const repeated = new Map<string, { from: string; rows: number }>();
  const mine = new Set<string>();
  const rows = source.rows;
  for (let i = 0; i < rows.length; i++) {
    const key = workKey(rows.schoolAt(i));
    if (mine.has(key) || repeated.has(key)) continue;
    const first = firstFile.get(key);
    if (first === undefined) {
      firstFile.set(key, source.file);
      mine.add(key);
    } else repeated.set(key, { from: first, rows: 0 });
  }
  if (repeated.size === 0) return;
  source.rows = rows.filter((r) => {
    const rep = repeated.get(workKey(r.school));
    if (rep) rep.rows++;
    return !rep;
  });
  for (const [key, rep] of repeated) {
    const school = key.slice(0, key.indexOf("|"));
    source.leftOut.push({ reason: `работа школы ${school} уже прочитана из «${rep.from}»`, rows: rep.rows });
    source.problems.push({ severity: "error", code: "municipal.work-twice", file: source.file, sheet: source.sheet, message: `файл «${source.file}», лист «${source.sheet}»: работа «${source.subject}, ${source.grade} класс» школы ${school} уже прочитана из «${rep.from}» — ${rep.rows} строк(и) этого файла не учтены; оставьте один файл этой работы` });
  }
}
