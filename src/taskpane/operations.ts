// What the pane can do to a workbook: the operations of src/workbook, gathered in one object that
// the components receive as a prop (tests pass their own). The file back end (web mode, code
// lists from .xlsx) is imported lazily, so the pane's first load never carries it.
import type { Snapshot, WorkbookBackend } from "../workbook/backend";
import { importCodes, readCodeListFile, type CodeListRead } from "../workbook/importCodes";
import { buildUploads, check, createInputSheets, makeCodes, makeScoreSheets, readAll, removeNames } from "../workbook/operations";
import { saveSettings } from "../workbook/settings";

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
  /** A code list saved as .xlsx, read by the reader `vpr codes --codes` uses (its «Код» column, or a headerless first column). */
  readCodeListXlsx: (bytes: Uint8Array, fileName: string) => Promise<CodeListRead>;
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

export const workbookOperations: PaneOperations = {
  readAll,
  createInputSheets,
  saveSettings,
  importCodes,
  makeCodes,
  makeScoreSheets,
  check,
  buildUploads,
  removeNames,
  readCodeListXlsx: async (bytes, fileName) => readCodeListFile(await (await fileBackend()).FileBackend.fromBytes(bytes), fileName),
};
