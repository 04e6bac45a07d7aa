// The log's own hash: each row's «Хеш строки» covers its fields and the hash of the row above (a
// chain), and the seal covers the last row's hash and the number of rows. Changing, inserting,
// deleting or reordering a row breaks the chain from there on; cutting rows off the end breaks
// the seal. Anyone can recompute both (the hash is public and keyless): this catches edits made
// by hand or by mistake, not a determined forger.
import type { CellValue } from "../backend";
import { fnv1a64 } from "./hash";

const FIELD = "\u001f";
const RECORD = "\u001e";

/** A cell as the hash sees it: numbers and text alike as their text, so 41004 and "41004" hash the same. */
export const canonical = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : typeof v === "string" ? v : String(v));

/** The hash of one log row's fields (every column before «Хеш строки»), chained to the row above (`previous`, "" for the first). */
export const rowHash = (previous: string, fields: readonly CellValue[]): string => fnv1a64(previous + RECORD + fields.map(canonical).join(FIELD));

/** The seal of a log whose last row hash is `last`, with `rows` rows. */
export const sealOf = (last: string, rows: number): string => fnv1a64(`seal${RECORD}${last}${RECORD}${rows}`);
