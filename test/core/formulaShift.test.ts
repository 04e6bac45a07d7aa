import { shiftFormula } from "../../src/core/formulaShift";

describe("shiftFormula", () => {
  it("moves relative references and keeps anchored parts", () => {
    expect(shiftFormula('IF(COUNTA(B2:Q2)=0,"",SUM(C2:Q2)+$A$1+C$1+$B2)', 3, 1)).toBe('IF(COUNTA(C5:R5)=0,"",SUM(D5:R5)+$A$1+D$1+$B5)');
  });
  it("leaves strings, function names and sheet names alone", () => {
    expect(shiftFormula("LOG10(A2)+'Лист 1'!B3+Лист1!B3+\"A1\"", 1, 0)).toBe("LOG10(A3)+'Лист 1'!B4+Лист1!B4+\"A1\"");
  });
  it("moves whole columns and rows", () => {
    expect(shiftFormula("SUM(A:B)+SUM(2:3)+SUM($C:C)", 1, 1)).toBe("SUM(B:C)+SUM(3:4)+SUM($C:D)");
  });
  it("gives #REF! when a reference would leave the sheet", () => {
    expect(shiftFormula("A2", -2, 0)).toBe("#REF!");
  });
  it("does not touch a formula that does not move", () => {
    expect(shiftFormula("A1+B2", 0, 0)).toBe("A1+B2");
  });
});
