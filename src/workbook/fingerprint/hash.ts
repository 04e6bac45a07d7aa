// FNV-1a, 64 bits, over the UTF-8 bytes of a text: the hash of the score log («Журнал баллов»).
// Pure TypeScript with 32-bit halves (no BigInt, no Node crypto): the log is written and checked
// in Excel, in the browser and on the command line alike. It is not a cryptographic hash: it
// catches accidental and casual edits, not someone who recomputes it (docs/OBJECTIVITY.md).

const PRIME_LOW = 0x1b3; // FNV-64 prime = 2^40 + 0x1b3
const OFFSET_HIGH = 0xcbf29ce4;
const OFFSET_LOW = 0x84222325;
const TWO_32 = 0x1_0000_0000;

/** The hash of `text` as 16 lowercase hex digits («cbf29ce484222325» for the empty text). */
export function fnv1a64(text: string): string {
  let hi = OFFSET_HIGH;
  let lo = OFFSET_LOW;
  const byte = (b: number) => {
    lo = (lo ^ b) >>> 0;
    // (hi·2^32 + lo) · (2^40 + 0x1b3) mod 2^64, in halves: every product below is exact in a double.
    const low = lo * PRIME_LOW;
    const carry = Math.floor(low / TWO_32);
    hi = (Math.imul(hi, PRIME_LOW) + ((lo << 8) >>> 0) + carry) >>> 0;
    lo = low >>> 0;
  };
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) byte(c);
    else if (c < 0x800) {
      byte(0xc0 | (c >> 6));
      byte(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      byte(0xe0 | (c >> 12));
      byte(0x80 | ((c >> 6) & 0x3f));
      byte(0x80 | (c & 0x3f));
    } else {
      byte(0xf0 | (c >> 18));
      byte(0x80 | ((c >> 12) & 0x3f));
      byte(0x80 | ((c >> 6) & 0x3f));
      byte(0x80 | (c & 0x3f));
    }
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}
