// A file that cannot be read or written safely: a Russian sentence for the user that names the path
// and says what to do, plus the facts another face needs to say it in another language.

/** What was being done when the OS refused (it picks the verb of the sentence). */
export type FileAction = "read" | "write" | "mkdir" | "move" | "remove" | "backup";

export type FileProblem =
  /** The file's mode has no write bit (Windows: the «Только чтение» attribute). */
  | "read-only"
  /** `.~lock.NAME#` lies beside the file: it is open in LibreOffice. */
  | "locked-libreoffice"
  /** `~$NAME` lies beside the file: it is open in Excel. */
  | "locked-excel"
  /** Changed (or deleted) on disk since it was opened. */
  | "changed"
  /** Absent when the work began, present now: another program made it meanwhile. */
  | "appeared"
  /** A folder (or something else that is not a file) where a file is to be written. */
  | "not-a-file"
  /** Two files of one batch with the same name (letter case ignored, as on Windows). */
  | "duplicate"
  /** An error of the operating system: see `code` and `action`. */
  | "os";

export interface FileErrorInfo {
  problem: FileProblem;
  /** The file (or folder) concerned, as the caller gave it. */
  path: string;
  /** errno code (`EACCES`…) when `problem` is "os". */
  code?: string;
  action?: FileAction;
  /** The lock file found beside `path`. */
  lockFile?: string;
  /**
   * Set by `writeAllOrNone`: the folder that was left exactly as it was (no file of the batch
   * written, none replaced).
   */
  folder?: string;
}

export class FileError extends Error implements FileErrorInfo {
  readonly problem: FileProblem;
  readonly path: string;
  readonly code?: string;
  readonly action?: FileAction;
  readonly lockFile?: string;
  readonly folder?: string;
  constructor(info: FileErrorInfo, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "FileError";
    this.problem = info.problem;
    this.path = info.path;
    if (info.code !== undefined) this.code = info.code;
    if (info.action !== undefined) this.action = info.action;
    if (info.lockFile !== undefined) this.lockFile = info.lockFile;
    if (info.folder !== undefined) this.folder = info.folder;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  /** The same error, marked as having left `folder` untouched. */
  inFolder(folder: string): FileError {
    return new FileError({ ...this.info(), folder }, this.message, { cause: (this as { cause?: unknown }).cause });
  }

  info(): FileErrorInfo {
    const { problem, path, code, action, lockFile, folder } = this;
    return { problem, path, code, action, lockFile, folder };
  }
}

/** The errno code of a Node error, if any. */
export const errnoCode = (e: unknown): string | undefined => {
  const c = (e as NodeJS.ErrnoException | null)?.code;
  return typeof c === "string" ? c : undefined;
};
