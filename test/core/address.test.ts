import fc from "fast-check";
import { cellAddress, columnIndex, columnLetter, parseCellAddress, parseRangeAddress, rangeAddress, sheetRef } from "../../src/core";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("%i ↔ %s", (i, letters) => {
    expect(columnLetter(i)).toBe(letters);
    expect(columnIndex(letters)).toBe(i);
  });

  it("reads lower-case letters", () => {
    expect(columnIndex("ab")).toBe(27);
  });

  it("rejects bad input", () => {
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => columnIndex("A1")).toThrow(RangeError);
    expect(() => columnIndex("Б")).toThrow(RangeError);
  });

  it("round-trips every column index", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 20000 }), (i) => columnIndex(columnLetter(i)) === i));
  });
});

describe("cell and range addresses", () => {
  it("formats and parses cells", () => {
    expect(cellAddress(0, 0)).toBe("A1");
    expect(cellAddress(6, 4)).toBe("E7");
    expect(parseCellAddress("B3")).toEqual({ row: 2, col: 1 });
    expect(parseCellAddress(" $AA$10 ")).toEqual({ row: 9, col: 26 });
    expect(() => parseCellAddress("3B")).toThrow(RangeError);
    expect(() => parseCellAddress("")).toThrow(RangeError);
  });

  it("formats and parses ranges", () => {
    expect(rangeAddress(1, 1, 8, 3)).toBe("B2:D9");
    expect(rangeAddress(1, 1, 1, 1)).toBe("B2");
    expect(parseRangeAddress("B2:D9")).toEqual({ row: 1, col: 1, rows: 8, cols: 3 });
    expect(parseRangeAddress("C5")).toEqual({ row: 4, col: 2, rows: 1, cols: 1 });
  });

  it("round-trips ranges", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(500), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 50 }), (row, col, rows, cols) => {
        expect(parseRangeAddress(rangeAddress(row, col, rows, cols))).toEqual({ row, col, rows, cols });
      }),
    );
  });

  it("quotes sheet names and doubles inner apostrophes", () => {
    expect(sheetRef("5А Математика", "E7")).toBe("'5А Математика'!E7");
    expect(sheetRef("Д'Артаньян", "A1")).toBe("'Д''Артаньян'!A1");
  });
});
