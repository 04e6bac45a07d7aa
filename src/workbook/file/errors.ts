// Typed errors of the file back end and the byte sniffing that decides them. Browser-safe.

export type UnreadableReason =
  | "empty"
  | "missing"
  | "not-a-file"
  | "not-xlsx"
  | "xls"
  | "encrypted"
  | "corrupt"
  | "locked";

/** The bytes (or the file) cannot be opened as an .xlsx workbook. `message` is Russian, for the user. */
export class UnreadableWorkbookError extends Error {
  readonly reason: UnreadableReason;
  constructor(reason: UnreadableReason, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "UnreadableWorkbookError";
    this.reason = reason;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export const MESSAGES = {
  empty: "Файл пуст (0 байт). Выберите книгу Excel в формате .xlsx.",
  encrypted:
    "Файл защищён паролем. Откройте его в Excel, снимите пароль (Файл → Сведения → Защитить книгу → Зашифровать с использованием пароля → очистить поле) и сохраните как .xlsx.",
  xls: "Это книга старого формата Excel 97–2003 (.xls). Откройте её в Excel или LibreOffice и сохраните как «Книга Excel (.xlsx)».",
  notXlsx: "Файл не является книгой Excel в формате .xlsx.",
  corrupt: "Файл повреждён или не является книгой Excel (.xlsx): прочитать его не удалось.",
} as const;

export function toUint8Array(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(b: Uint8Array, magic: number[]): boolean {
  if (b.length < magic.length) return false;
  return magic.every((m, i) => b[i] === m);
}

/** UTF-16LE "EncryptionInfo": the stream every encrypted OOXML package (an OLE compound file) has. */
function hasUtf16(b: Uint8Array, text: string): boolean {
  const pat: number[] = [];
  for (const ch of text) pat.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let j = 0; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Decide from the first bytes whether this can be an .xlsx at all. Throws UnreadableWorkbookError
 * for empty input, password-protected packages, old .xls files and anything that is not a zip.
 */
export function sniffXlsx(b: Uint8Array): void {
  if (b.length === 0) throw new UnreadableWorkbookError("empty", MESSAGES.empty);
  if (startsWith(b, OLE_MAGIC.slice(0, 4))) {
    // An OLE compound file: either an encrypted OOXML package or a legacy binary .xls.
    if (hasUtf16(b, "EncryptionInfo") || hasUtf16(b, "EncryptedPackage") || !hasUtf16(b, "Workbook")) {
      throw new UnreadableWorkbookError("encrypted", MESSAGES.encrypted);
    }
    throw new UnreadableWorkbookError("xls", MESSAGES.xls);
  }
  if (!startsWith(b, ZIP_MAGIC)) throw new UnreadableWorkbookError("not-xlsx", MESSAGES.notXlsx);
}
