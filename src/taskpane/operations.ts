// What the pane can do to a workbook: the operations of src/workbook, gathered in one object that
// the components receive as a prop (tests pass their own). Only the read that draws the step list
// is in the pane's first load: the operations a button runs (./workbookOperations.ts) are imported
// on the first press, and the file back end (web mode, code lists from .xlsx) when a file is opened.
// Loading a chunk talks to no workbook: an operation still makes the same reads and applies.
import type { Snapshot, WorkbookBackend } from "../workbook/backend";
import type { CodeListRead, importCodes } from "../workbook/importCodes";
import type { buildUploads, check, createInputSheets, makeCodes, makeScoreSheets, removeNames } from "../workbook/operations";
import type { saveSettings } from "../workbook/settings";
import type { analyze } from "../workbook/analysis/analyze";
import type { buildPackets, MergePacketsResult, MergePacketsRunOptions } from "../workbook/packets";
import type { Finding } from "../core";
import type { RecheckList } from "../workbook/recheck/listFile";
import type { buildRecheckPackage, checkRecheckScans } from "../workbook/recheck/schoolPackage";

export interface PaneOperations {
  readAll: (backend: WorkbookBackend) => Promise<Snapshot>;
  createInputSheets: typeof createInputSheets;
  saveSettings: typeof saveSettings;
  importCodes: typeof importCodes;
  makeCodes: typeof makeCodes;
  makeScoreSheets: typeof makeScoreSheets;
  check: typeof check;
  buildUploads: typeof buildUploads;
  removeNames: typeof removeNames;
  /** The results analysis (src/workbook/analysis): a chunk of its own, loaded on the step's first press. */
  analyze: typeof analyze;
  /** Packets for experts (src/workbook/packets): score sheets without names, one file per work or class. */
  buildPackets: typeof buildPackets;
  /** The packets the experts returned (.xlsx bytes), merged back by code; `confirm` is asked with the conflicts. */
  mergePackets: (backend: WorkbookBackend, files: { name: string; bytes: Uint8Array }[], options?: MergePacketsRunOptions) => Promise<MergePacketsResult>;
  /** A code list saved as .xlsx, read by the reader `vpr codes --codes` uses (its «Код» column, or a headerless first column). */
  readCodeListXlsx: (bytes: Uint8Array, fileName: string) => Promise<CodeListRead>;
  /** A re-check list a region sent (JSON, or .xlsx with «Выборка»): the file back end is loaded only for .xlsx. */
  readRecheckList: (bytes: Uint8Array, fileName: string) => Promise<{ list: RecheckList | null; findings: Finding[] }>;
  /** The school's re-check package: the checklist «Перепроверка» written, the protocol's bytes given back. */
  buildRecheckPackage: typeof buildRecheckPackage;
  /** A folder of scans against the school's listed works; writes nothing. */
  checkRecheckScans: typeof checkRecheckScans;
}

/** A workbook opened in the browser (web mode). */
export interface WebWorkbook {
  backend: WorkbookBackend;
  /** Parts of the file the browser version cannot keep (charts, macros…), in Russian. */
  toBytes: () => Promise<Uint8Array>;
}

export interface WebFiles {
  open: (bytes: Uint8Array) => Promise<WebWorkbook>;
  create: () => Promise<WebWorkbook>;
}

const fileBackend = () => import(/* webpackChunkName: "file-backend" */ "../workbook/file/FileBackend");

const asWebWorkbook = (b: import("../workbook/file/FileBackend").FileBackend): WebWorkbook => ({ backend: b, toBytes: () => b.toBytes() });

export const webFiles: WebFiles = {
  open: async (bytes) => asWebWorkbook(await (await fileBackend()).FileBackend.fromBytes(bytes)),
  create: async () => asWebWorkbook((await fileBackend()).FileBackend.empty()),
};

let checkRules: Promise<unknown> | undefined;
/** The check rules' chunk, loaded and registered once; a failed load is tried again on the next read. */
const loadCheckRules = (): Promise<unknown> =>
  (checkRules ??= import(/* webpackChunkName: "check-rules" */ "../workbook/checkRuleList")
    .then((m) => m.registerAllCheckRules())
    .catch((e: unknown) => {
      checkRules = undefined;
      throw e;
    }));

type Operations = typeof import("./workbookOperations");
let operationsModule: Promise<Operations> | undefined;
/** The operations' chunk, loaded once; a failed load (network) is tried again on the next press. */
const loadOperations = (): Promise<Operations> =>
  (operationsModule ??= import(/* webpackChunkName: "operations", webpackPrefetch: true */ "./workbookOperations").catch((e: unknown) => {
    operationsModule = undefined;
    throw e;
  }));

type Operation = (...args: never[]) => Promise<unknown>;
/** `name` of the operations' chunk, with its own signature, loading the chunk on the first call. */
const later = <K extends keyof Operations>(name: K): Operations[K] => {
  const call = async (...args: never[]) => ((await loadOperations())[name] as Operation)(...args);
  return call as unknown as Operations[K];
};

export const workbookOperations: PaneOperations = {
  /**
   * Every sheet of the workbook (the same read as src/workbook/operations' readAll): it draws the
   * step list. The capabilities' check rules (objectivity, changes since the upload, experts) load
   * in parallel with the read, so the first step list already counts their warnings.
   */
  readAll: async (backend) => (await Promise.all([backend.read(null), loadCheckRules()]))[0],
  createInputSheets: later("createInputSheets"),
  saveSettings: later("saveSettings"),
  importCodes: later("importCodes"),
  makeCodes: later("makeCodes"),
  makeScoreSheets: later("makeScoreSheets"),
  check: later("check"),
  buildUploads: later("buildUploads"),
  removeNames: later("removeNames"),
  analyze: async (backend, options) => (await import(/* webpackChunkName: "analysis" */ "../workbook/analysis/analyze")).analyze(backend, options),
  buildPackets: later("buildPackets"),
  mergePackets: async (backend, files, options) => {
    const [{ mergePackets }, { FileBackend }] = await Promise.all([loadOperations(), fileBackend()]);
    // A file that does not open as .xlsx is read as empty: the merge then refuses it by name as no packet.
    const read = (bytes: Uint8Array) => FileBackend.fromBytes(bytes).then((b) => b.read(null), () => ({ sheetNames: [], sheets: {} }));
    const packets = await Promise.all(files.map(async (f) => ({ fileName: f.name, snapshot: await read(f.bytes) })));
    return mergePackets(backend, packets, options);
  },
  readCodeListXlsx: async (bytes, fileName) => {
    const [{ readCodeListFile }, { FileBackend }] = await Promise.all([loadOperations(), fileBackend()]);
    return readCodeListFile(await FileBackend.fromBytes(bytes), fileName);
  },
  readRecheckList: async (bytes, fileName) => (await loadOperations()).readRecheckList(fileName, bytes, async (b) => (await (await fileBackend()).FileBackend.fromBytes(b)).read(null)),
  buildRecheckPackage: later("buildRecheckPackage"),
  checkRecheckScans: later("checkRecheckScans"),
};
