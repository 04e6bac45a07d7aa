// Hostile inputs in the experts' score sheets. Each case: what was typed, the Russian finding
// with its sheet and cell, and (run()) no cell of the workbook changed by the check.
// The catalogue with the expected messages is docs/HOSTILE_INPUTS.md.
import { findWork, uploadHeader } from "../../src/core";
import type { FileBackend } from "../../src/workbook/file/FileBackend";
import { cleanRow, errorsOf, expectFinding, expectNoFindingAt, readyBackend, run, type } from "./helpers";
import { editInExcelJS } from "../helpers/editInExcelJS";

const RU = "4А Русский язык"; // RU4-2026: C = «1 (2б)», D = «2 (1б)», E = «3 (2б)», F = «4 (3б)»
const RU5 = "5А Русский язык"; // two parts: B «Вариант (часть 1)», C–E part 1, F «Вариант (часть 2)», G–L part 2

async function withRow(sheet = RU, row = 2): Promise<FileBackend> {
  const b = await readyBackend();
  await cleanRow(b, sheet, row);
  return b;
}

/** The upload row of the student whose code is in `sheet`!A`row`, and the column of `header`. */
async function uploadCell(b: FileBackend, files: Awaited<ReturnType<typeof run>>["files"], sheet: string, row: number, header: string) {
  const code = (await b.read([sheet])).sheets[sheet].values[row - 1][0];
  const file = files.find((f) => f.file.work.id === "RU4-2026")!;
  const r = file.file.rows.find((x) => x[0] === code)!;
  return r[uploadHeader(findWork("RU4-2026")!).indexOf(header)];
}

describe("hostile score cells (check)", () => {
  test("H01 score over the maximum", async () => {
    const b = await withRow();
    await type(b, RU, { C2: 3 });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.over-max", sheet: RU, cell: "C2", message: /^задание 1: балл 3 больше максимума 2; допустимо целое число от 0 до 2 или X$/ });
  });

  test("H02 negative score", async () => {
    const b = await withRow();
    await type(b, RU, { C2: -1 });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.negative", sheet: RU, cell: "C2", message: /задание 1: отрицательный балл -1; допустимо целое число от 0 до 2 или X/ });
  });

  test("H03 fractional score (a number)", async () => {
    const b = await withRow();
    await type(b, RU, { C2: 1.5 });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.fraction", sheet: RU, cell: "C2", message: /задание 1: дробный балл 1,5: баллы ставятся только целыми числами/ });
  });

  test("H04 «2,0» typed as text: accepted as 2 with a warning, the form gets the number 2", async () => {
    const b = await withRow();
    await type(b, RU, { C2: "2,0" });
    const { findings, files } = await run(b, "upload");
    expectFinding(findings, { code: "score.lenient", sheet: RU, cell: "C2", severity: "warning", message: /задание 1: «2,0» принято как 2/ });
    expect(errorsOf(findings)).toEqual([]);
    expect(await uploadCell(b, files, RU, 2, "1 (2б)")).toBe(2);
  });

  test("H05 «1,5» typed as text", async () => {
    const b = await withRow();
    await type(b, RU, { C2: "1,5" });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.fraction", sheet: RU, cell: "C2", message: /дробный балл 1,5/ });
  });

  test("H06 text instead of a score", async () => {
    const b = await withRow();
    await type(b, RU, { C2: "два" });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.text", sheet: RU, cell: "C2", message: /задание 1: текст «два» не является баллом; допустимо целое число от 0 до 2 или X/ });
  });

  test("H07 a formula in a score cell whose cached value is over the maximum", async () => {
    let b = await withRow();
    b = await editInExcelJS(b, (wb) => { wb.getWorksheet(RU)!.getCell("C2").value = { formula: "1+2", result: 3 }; });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.over-max", sheet: RU, cell: "C2", message: /балл 3 больше максимума 2/ });
  });

  test("H08 a formula in a score cell with a valid cached value: read as that value, the form gets a number", async () => {
    let b = await withRow();
    b = await editInExcelJS(b, (wb) => { wb.getWorksheet(RU)!.getCell("C2").value = { formula: "1+1", result: 2 }; });
    const { findings, files } = await run(b, "upload");
    expectNoFindingAt(findings, RU, "C2");
    expect(errorsOf(findings)).toEqual([]);
    expect(await uploadCell(b, files, RU, 2, "1 (2б)")).toBe(2);
  });

  test.each([
    ["H09", "X", "Latin capital"],
    ["H10", "x", "Latin small"],
    ["H11", "Х", "Cyrillic capital"],
    ["H12", "х", "Cyrillic small"],
  ])("%s X spelled «%s» (%s): accepted, the form gets the configured letter", async (_id, x) => {
    const b = await withRow();
    await type(b, RU, { C2: x });
    const { findings, files } = await run(b, "upload");
    expectNoFindingAt(findings, RU, "C2");
    expect(errorsOf(findings)).toEqual([]);
    expect(await uploadCell(b, files, RU, 2, "1 (2б)")).toBe("X");
  });

  test.each([
    ["H13", "Ч", "Cyrillic Ч"],
    ["H14", "x\u0304", "x with a combining macron (x̄)"],
    ["H15", "×", "multiplication sign"],
  ])("%s look-alike of X «%s» (%s)", async (_id, v) => {
    const b = await withRow();
    await type(b, RU, { C2: v });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.lookalike-x", sheet: RU, cell: "C2", message: /похоже на X, но это другой символ: поставьте латинскую X или кириллическую Х/ });
  });

  test("H16 spaces around a number typed as text: accepted with a warning", async () => {
    const b = await withRow();
    await type(b, RU, { C2: "  1 " });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.lenient", sheet: RU, cell: "C2", severity: "warning", message: /задание 1: число «1» записано как текст/ });
    expect(errorsOf(findings)).toEqual([]);
  });

  test("H17 no-break spaces around X: accepted", async () => {
    const b = await withRow();
    await type(b, RU, { C2: "\u00a0X\u00a0", D2: " х " });
    const { findings } = await run(b, "check");
    expectNoFindingAt(findings, RU, "C2");
    expectNoFindingAt(findings, RU, "D2");
    expect(errorsOf(findings)).toEqual([]);
  });

  test("H18 an empty row in the middle of a score sheet", async () => {
    const b = await readyBackend();
    const cells: Record<string, null> = {};
    for (const col of "BCDEFGHIJKLMN") cells[`${col}3`] = null;
    await type(b, RU, cells);
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "row.blank", sheet: RU, cell: "B3", message: /^строка не заполнена: укажите вариант и баллы или «отсутствовал»$/ });
  });

  test("H19 merged score cells: the covered cell counts as empty", async () => {
    let b = await withRow();
    b = await editInExcelJS(b, (wb) => { wb.getWorksheet(RU)!.mergeCells("C2:D2"); });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.empty", sheet: RU, cell: "D2", message: /^задание 2: балл не проставлен; поставьте целое число от 0 до 1 или X$/ });
  });

  test("H20 a header moved one column (two item columns swapped): read by header, the finding names the moved cell", async () => {
    const b = await withRow();
    const values = (await b.read([RU])).sheets[RU].values;
    const cells: Record<string, string | number | boolean | null> = {};
    values.forEach((row, r) => {
      cells[`C${r + 1}`] = row[3];
      cells[`D${r + 1}`] = row[2];
    });
    await type(b, RU, cells);
    await type(b, RU, { D2: 3 }); // «1 (2б)» now lives in D
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "sheet.columns-moved", sheet: RU, cell: "A1", severity: "warning", message: /столбцы переставлены; баллы прочитаны по заголовкам/ });
    expectFinding(findings, { code: "score.over-max", sheet: RU, cell: "D2", message: /задание 1: балл 3 больше максимума 2/ });
  });

  test("H21 a missing item column", async () => {
    const b = await readyBackend();
    const n = (await b.read([RU])).sheets[RU].values.length;
    const cells: Record<string, null> = {};
    for (let r = 1; r <= n; r++) cells[`F${r}`] = null;
    await type(b, RU, cells);
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "sheet.column-missing", sheet: RU, cell: "A1", message: /^нет столбца «4 \(3б\)»; верните его или создайте листы для баллов заново$/ });
  });

  test("H22 an extra column", async () => {
    const b = await readyBackend();
    await type(b, RU, { R1: "Комментарий", R2: "проверить" });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "sheet.column-extra", sheet: RU, cell: "R1", severity: "warning", message: /^лишний столбец «Комментарий»: он не попадёт в форму$/ });
    expect(errorsOf(findings)).toEqual([]);
  });

  test("H23 an item header with another maximum", async () => {
    const b = await readyBackend();
    await type(b, RU, { C1: "1 (3б)" });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "sheet.column-missing", sheet: RU, cell: "A1", message: /заголовок «1 \(3б\)» в C1 не совпадает с описанием работы: ожидается «1 \(2б\)»/ });
  });

  test("H24 two-part work with the variant of part 2 missing", async () => {
    const b = await withRow(RU5);
    await type(b, RU5, { F2: null });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "variant.missing", sheet: RU5, cell: "F2", message: /^не указан вариант части 2: укажите 1 или 2 либо «отсутствовал»$/ });
  });

  test("H25 two-part work: part 2 «отсутствовал» but its scores left in", async () => {
    const b = await withRow(RU5);
    await type(b, RU5, { F2: "отсутствовал", G2: 1 });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "absent.has-score", sheet: RU5, cell: "G2", message: /задание 2: у отсутствовавшего участника не должно быть баллов, а стоит «1»/ });
  });

  test("H26 «отсутствовал» typed in an item cell", async () => {
    const b = await withRow();
    await type(b, RU, { E2: "отсутствовал" });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.absent-in-item", sheet: RU, cell: "E2", message: /задание 3: «отсутствовал» пишется в ячейку варианта/ });
  });

  test("H27 a variant the work does not have", async () => {
    const b = await withRow();
    await type(b, RU, { B2: 3 });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "variant.invalid", sheet: RU, cell: "B2", message: /^вариант «3» недопустим: укажите 1 или 2 либо «отсутствовал»$/ });
  });

  test("H28 TRUE in a score cell", async () => {
    const b = await withRow();
    await type(b, RU, { C2: true });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.bool", sheet: RU, cell: "C2", message: /значение ИСТИНА не является баллом/ });
  });

  test("H29 a code typed on the score sheet that is not in the roster", async () => {
    const b = await readyBackend();
    await type(b, RU, { A2: 49999 });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "scores.code-unknown", sheet: RU, cell: "A2", message: /^кода 49999 нет в списке учеников$/ });
  });

  test("H30 the same code on two rows", async () => {
    const b = await readyBackend();
    const code = (await b.read([RU])).sheets[RU].values[1][0];
    await type(b, RU, { A3: code });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "scores.code-duplicate", sheet: RU, cell: "A3", message: new RegExp(`^код ${code} уже встречается в строке 2`) });
  });

  test("H31 a score typed as «=2» (text that starts with =)", async () => {
    const b = await withRow();
    await type(b, RU, { C2: "=2" });
    const { findings } = await run(b, "check");
    expectFinding(findings, { code: "score.text", sheet: RU, cell: "C2", message: /текст «=2» не является баллом/ });
  });

  test("H32 an error blocks the form of its work; the forms of the other works are built", async () => {
    const b = await withRow();
    await type(b, RU, { C2: 7 });
    const { findings, files } = await run(b, "upload");
    expect(files.map((f) => f.fileName)).not.toContain("780999_4_Русский язык.xlsx");
    expect(files.map((f) => f.fileName)).toContain("780999_4_Математика.xlsx");
    expectFinding(findings, { code: "score.over-max", sheet: RU, cell: "C2", message: /балл 7 больше максимума 2/ });
  });
});
