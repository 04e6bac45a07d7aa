// The compact row store of the municipal reader gives back every row exactly as it was pushed —
// empty scores, absent rows, classes, journal marks and genders, large scores (wider storage) —
// through growth, trimming and filtering.
import fc from "fast-check";
import { ParticipantRows, type ParticipantRow } from "../../src/core/municipal";

const rowArb = (items: number): fc.Arbitrary<ParticipantRow> =>
  fc
    .record({
      school: fc.constantFrom("220101", "220102", "780999"),
      className: fc.constantFrom(null, "4А", "4Б", "4в"),
      code: fc.integer({ min: 1, max: 2 ** 40 }),
      variant: fc.option(fc.integer({ min: 1, max: 0xfffe }), { nil: null }),
      absent: fc.boolean(),
      scores: fc.array(fc.option(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 0xfffe })), { nil: null }), { minLength: items, maxLength: items }),
      journal: fc.constantFrom(null, 2, 3, 4, 5),
      gender: fc.constantFrom(null, "м", "ж"),
    })
    // An absent row keeps no variant (the store's one simplification).
    .map((r) => ({ ...r, subject: "Математика", grade: 4, variant: r.absent ? null : r.variant }) as ParticipantRow);

test("rows come back as they were pushed, in order, through growth and wide scores", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 300 }), (items, n) => {
      const rows = fc.sample(rowArb(items), n);
      const store = ParticipantRows.of("Математика", 4, items, rows);
      expect(store.length).toBe(n);
      expect([...store]).toEqual(rows);
      store.trim();
      expect(rows.map((_, i) => store.get(i))).toEqual(rows);
      expect(rows.map((_, i) => [store.schoolAt(i), store.codeAt(i), store.absentAt(i)])).toEqual(rows.map((r) => [r.school, r.code, r.absent]));
    }),
    { numRuns: 60 },
  );
});

test("a score of 255 or more after many small ones keeps both (storage widens)", () => {
  const store = new ParticipantRows("Математика", 4, 2, 1);
  const base = { school: "220101", className: null, variant: 1, absent: false, journal: null, gender: null } as const;
  for (let i = 0; i < 100; i++) store.push({ ...base, code: i + 1, scores: [i % 3, null] });
  store.push({ ...base, code: 1000, scores: [255, 60000] });
  expect(store.get(5).scores).toEqual([2, null]);
  expect(store.get(100).scores).toEqual([255, 60000]);
  expect(store.get(99).scores).toEqual([0, null]);
});

test("filter keeps the rows asked for; JSON gives the rows as objects", () => {
  const rows = fc.sample(rowArb(3), 50);
  const store = ParticipantRows.of("Математика", 4, 3, rows);
  const kept = store.filter((r) => r.school === "220101");
  expect([...kept]).toEqual(rows.filter((r) => r.school === "220101"));
  expect(JSON.parse(JSON.stringify(kept))).toEqual(JSON.parse(JSON.stringify(rows.filter((r) => r.school === "220101"))));
});
