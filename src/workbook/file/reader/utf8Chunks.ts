// A part's bytes as text in pieces, for the row-by-row reader (./sheetRows.ts): the sheet of a FIS
// OKO export is ~30 MB of UTF-8, ~60 MB as one JavaScript string (Cyrillic takes two bytes a
// character there); in pieces of a megabyte only one piece is text at a time. The bytes come whole
// or already in pieces (Node inflates a part as a stream: XlsxPackage.partPieces).
//
// Each piece ends just after a «>» (an ASCII byte: never inside a UTF-8 sequence), so a tag or a
// cell's text is almost never cut in two and the scanner need not join a piece to the one before
// (a joined string is reached through an indirection on every character: 3× slower to scan).
// A byte-order mark is dropped. Browser-safe.

const PIECE = 1 << 20;
const GT = 0x3e;

async function* pieces(bytes: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (!(bytes instanceof Uint8Array)) {
    yield* bytes;
    return;
  }
  for (let at = 0; at < bytes.length; at += PIECE) yield bytes.subarray(at, at + PIECE);
}

export async function* utf8Chunks(bytes: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  let carry: Uint8Array | null = null;
  for await (const piece of pieces(bytes)) {
    let all = piece;
    if (carry) {
      all = new Uint8Array(carry.length + piece.length);
      all.set(carry);
      all.set(piece, carry.length);
    }
    const cut = all.lastIndexOf(GT) + 1;
    // No «>» at all in a megabyte: hand it over as it is (the scanner joins what it must).
    const upTo = cut > 0 ? cut : all.length;
    carry = upTo < all.length ? all.slice(upTo) : null;
    const text = decoder.decode(all.subarray(0, upTo), { stream: true });
    if (text !== "") yield text;
  }
  const rest = (carry ? decoder.decode(carry, { stream: true }) : "") + decoder.decode();
  if (rest !== "") yield rest;
}
