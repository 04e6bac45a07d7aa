// The workbook operations a button runs, gathered for one lazily loaded chunk: the pane's first
// screen needs only the read (../operations.ts → readAll), so planning and applying come later.
export { importCodes, readCodeListFile } from "../workbook/importCodes";
export { buildUploads, check, createInputSheets, makeCodes, makeScoreSheets, removeNames } from "../workbook/operations";
export { saveSettings } from "../workbook/settings";
export { buildPackets, mergePackets } from "../workbook/packets";
export { readRecheckList } from "../workbook/recheck/listFile";
export { buildRecheckPackage, checkRecheckScans } from "../workbook/recheck/schoolPackage";
