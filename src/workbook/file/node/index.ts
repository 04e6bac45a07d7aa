// Node-only file I/O of the file back end (the CLI). Never import this folder from the task pane:
// see README.md beside it.
export { FileError, errnoCode, type FileAction, type FileErrorInfo, type FileProblem } from "./FileError";
export { KNOWN_OS_ERRORS, osError, osErrorMessage } from "./osErrors";
export { checkWritable, findLockFile, isReadOnlyMode, lockFileCandidates, type LockFile } from "./locks";
export { absentStamp, checkStamp, hashBytes, stampOf, type FileStamp } from "./stamp";
export { KEEP_BACKUPS, backupPath, backupStamp, legacyBackupPath, listBackups, makeBackup, pruneBackups } from "./backups";
export { writeFileAtomic } from "./atomicWrite";
export { writeAllOrNone, type AllOrNoneOps, type NamedBytes, type WrittenFile } from "./writeAllOrNone";
export { fitToExtension } from "./extension";
export { newWorkbookAt, openWorkbookFile, readFileBytes, type OpenedWorkbook } from "./open";
export { saveOpenedWorkbook, saveWorkbookAs, type SaveOptions, type SaveResult } from "./save";
export { nativeDeflate } from "./nativeDeflate";
export { nativeInflate } from "./nativeInflate";
