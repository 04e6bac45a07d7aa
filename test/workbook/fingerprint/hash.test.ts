// FNV-1a 64 in 32-bit halves: the published test vectors, and the same as a BigInt reference on any text.
import fc from "fast-check";
import { fnv1a64 } from "../../../src/workbook/fingerprint/hash";

const reference = (text: string): string => {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, "0");
};

test("published vectors", () => {
  expect(fnv1a64("")).toBe("cbf29ce484222325");
  expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
  expect(fnv1a64("foobar")).toBe("85944171f73967e8");
});

test("equals the BigInt reference on any text (Cyrillic, astral characters)", () => {
  expect(fnv1a64("Журнал баллов 41004 1=1; 2=X 😀")).toBe(reference("Журнал баллов 41004 1=1; 2=X 😀"));
  fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => fnv1a64(s) === reference(s)), { numRuns: 500 });
});
