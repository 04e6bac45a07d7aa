// An upload form for FIS OKO opened where the coordinator's workbook is expected: recognised by its
// sheet «Протокол» or its header, and only when none of «Настройки», «Ученики», «План» is there.
import { findWork, uploadHeader } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { describeUploadForm, detectUploadForm, isUploadHeader, uploadFormSign } from "../../src/workbook/formDetector";
import { sampleSchool, sampleWorkbookPlan } from "../../src/workbook/sample";
import { blankUploadForm, sampleUploadForm, scoredSample } from "../helpers/uploadForm";

const MA4 = findWork("MA4-2023")!;

describe("the upload form detector", () => {
  test("a form the add-in built: the sheet «Протокол», its header and its rows", async () => {
    const form = await FileBackend.fromBytes((await sampleUploadForm()).bytes);
    const snapshot = await form.read(null);
    expect(snapshot.sheetNames).toEqual(["Протокол", "Классы"]);
    const sign = detectUploadForm(snapshot)!;
    expect(sign).toMatchObject({ sheet: "Протокол", rows: 49 });
    expect(sign.header).toEqual(uploadHeader(MA4));
    expect(await uploadFormSign(form)).toEqual(sign);
    expect(describeUploadForm(sign)).toBe(
      "Это форма для загрузки результатов в ФИС ОКО (лист «Протокол»: Код | Вариант | 1 (1б) | 2 (1б) | …; строк с кодами: 49), а не книга координатора: в ней нет листов «Настройки», «Ученики», «План».",
    );
  });

  test("a blank form (header only), a renamed sheet with the header, a bare «Протокол»", async () => {
    const blank = detectUploadForm(await (await FileBackend.fromBytes(await blankUploadForm())).read(null))!;
    expect(blank).toMatchObject({ sheet: "Протокол", rows: 0 });
    expect(describeUploadForm(blank)).toMatch(/^Это бланк формы для загрузки результатов в ФИС ОКО \(лист «Протокол»: Код \| Вариант/);
    const renamed = { sheetNames: ["Лист1"], sheets: { Лист1: { values: [uploadHeader(MA4), [40001, 1]] } } };
    expect(detectUploadForm(renamed)).toMatchObject({ sheet: "Лист1", rows: 1 });
    expect(detectUploadForm({ sheetNames: ["протокол"], sheets: {} })).toEqual({ sheet: "протокол", header: null, rows: 0 });
  });

  test("the coordinator's workbook, a new one, one missing its input sheets, any other file: not a form", async () => {
    const sample = FileBackend.empty();
    await sample.apply(sampleWorkbookPlan(sampleSchool()));
    expect(detectUploadForm(await sample.read(null))).toBeNull();
    expect(await uploadFormSign(sample)).toBeNull();
    expect(detectUploadForm({ sheetNames: ["Лист1"], sheets: { Лист1: { values: [] } } })).toBeNull();
    // The coordinator's workbook that lost «Настройки», «Ученики» and «План»: its score sheets share the
    // form's first columns but end in «Итого | Отметка | Проверка», and «Протокол 4А» is a protocol.
    const scored = await scoredSample();
    const snapshot = await scored.read(null);
    const left = { sheetNames: snapshot.sheetNames.filter((n) => !["Настройки", "Ученики", "План"].includes(n)), sheets: snapshot.sheets };
    expect(left.sheetNames).toEqual(expect.arrayContaining(["4А Математика", "Протокол 4А"]));
    expect(detectUploadForm(left)).toBeNull();
    // A form pasted into the coordinator's workbook does not make it a form.
    expect(detectUploadForm({ ...left, sheetNames: [...left.sheetNames, "План", "Протокол"] })).toBeNull();
    expect(isUploadHeader(snapshot.sheets["4А Математика"].values[0])).toBe(false);
    expect(isUploadHeader(uploadHeader(MA4))).toBe(true);
  });
});
