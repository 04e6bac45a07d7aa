import * as fs from "fs";
import {
  CLASS_HEADER,
  findWork,
  formColumns,
  GENDER_HEADER,
  PREV_MARK_HEADER,
  uploadFileName,
  uploadHeader,
  uploadRow,
  UPLOAD_SHEET,
  CLASSES_SHEET,
  type Item,
  type UploadStudent,
  type WorkDefinition,
} from "../../src/core";

const items = (spec: string, part: 1 | 2): Item[] =>
  spec.split(" ").map((pair) => {
    const i = pair.lastIndexOf(":");
    return { label: pair.slice(0, i).replace(/_/g, " "), max: Number(pair.slice(i + 1)), part };
  });

// The two-part maths 4 work exactly as in the observed form (shared/forms/README.md).
const TWO: WorkDefinition = {
  id: "MA4-OBS",
  subject: "Математика",
  grade: 4,
  year: "2025",
  source: "наблюдаемая форма",
  items: [...items("1:1 2:1 3:2 4:1 5.1:1 5.2:1 6.1:1 6.2:1", 1), ...items("7:1 8:2 9.1:1 9.2:1 10:2 11.3_k1:2 12:2", 2)],
};

const OBSERVED_TWO_PART_HEADER = [
  "Код",
  "Вариант (часть 1)",
  "1 (1б)",
  "2 (1б)",
  "3 (2б)",
  "4 (1б)",
  "5.1 (1б)",
  "5.2 (1б)",
  "6.1 (1б)",
  "6.2 (1б)",
  "Вариант (часть 2)",
  "7 (1б)",
  "8 (2б)",
  "9.1 (1б)",
  "9.2 (1б)",
  "10 (2б)",
  "11.3 k1 (2б)",
  "12 (2б)",
  'Класс № (список формируется из листа "Классы")',
  "Пол",
  "Отметка за предыдущий триместр/ четверть/полугодие",
];

describe("upload form header", () => {
  it("names and fixed texts", () => {
    expect(UPLOAD_SHEET).toBe("Протокол");
    expect(CLASSES_SHEET).toBe("Классы");
    expect(CLASS_HEADER).toBe('Класс № (список формируется из листа "Классы")');
    expect(GENDER_HEADER).toBe("Пол");
    expect(PREV_MARK_HEADER).toBe("Отметка за предыдущий триместр/ четверть/полугодие");
  });

  it("one-part work: Код | Вариант | items | Класс № … | Пол | Отметка …", () => {
    expect(uploadHeader(findWork("MA4-2023")!)).toEqual([
      "Код",
      "Вариант",
      "1 (1б)",
      "2 (1б)",
      "3 (2б)",
      "4 (1б)",
      "5.1 (1б)",
      "5.2 (1б)",
      "6.1 (1б)",
      "6.2 (1б)",
      "7 (1б)",
      "8 (2б)",
      "9.1 (1б)",
      "9.2 (1б)",
      "10 (2б)",
      "11 (2б)",
      "12 (2б)",
      'Класс № (список формируется из листа "Классы")',
      "Пол",
      "Отметка за предыдущий триместр/ четверть/полугодие",
    ]);
  });

  it("two-part work: «Вариант (часть 2)» before the second part's items, as the observed form", () => {
    expect(uploadHeader(TWO)).toEqual(OBSERVED_TWO_PART_HEADER);
    expect(formColumns(TWO).filter((c) => c.kind === "variant")).toEqual([
      { kind: "variant", part: 1 },
      { kind: "variant", part: 2 },
    ]);
  });

  const form = "/work/shared/forms/observed-form-math4.xlsx";
  (fs.existsSync(form) ? it : it.skip)("matches the header row of the observed form file", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    const values = (wb.getWorksheet("Протокол")!.getRow(1).values as unknown[]).slice(1);
    // The file's last column «Итого баллов» was added by the file's author, not by FIS OKO.
    expect(values.slice(0, OBSERVED_TWO_PART_HEADER.length)).toEqual(OBSERVED_TWO_PART_HEADER);
  });
});

describe("uploadRow", () => {
  const ru4 = findWork("RU4-2026")!;
  const student = (over: Partial<UploadStudent>): UploadStudent => ({
    code: 40017,
    className: "4А",
    gender: "ж",
    previousMark: 4,
    variants: [1],
    scores: [2, 1, 2, 3, 2, 1, 1, 2, 3, 3, 1, 3],
    ...over,
  });

  it("writes code, variant, scores, class, gender and previous mark in form order", () => {
    expect(uploadRow(ru4, student({}), "X")).toEqual([40017, 1, 2, 1, 2, 3, 2, 1, 1, 2, 3, 3, 1, 3, "4А", "ж", 4]);
  });

  it("normalises every X spelling to the configured letter", () => {
    const scores = ["x", "Х", "х", "X", 0, 0, 0, 0, 0, 0, 0, 0];
    expect(uploadRow(ru4, student({ scores }), "X").slice(2, 6)).toEqual(["X", "X", "X", "X"]);
    expect(uploadRow(ru4, student({ scores }), "Х").slice(2, 6)).toEqual(["Х", "Х", "Х", "Х"]);
  });

  it("turns numbers typed as text into numbers (variant and scores)", () => {
    const row = uploadRow(ru4, student({ variants: ["2"], scores: ["2", " 1 ", "2,0", 3, 2, 1, 1, 2, 3, 3, 1, 3] }), "X");
    expect(row.slice(0, 5)).toEqual([40017, 2, 2, 1, 2]);
  });

  it("an absent student: «отсутствовал» and empty scores", () => {
    const row = uploadRow(ru4, student({ variants: [" Отсутствовал "], scores: [], gender: null, previousMark: null }), "X");
    expect(row).toEqual([40017, "отсутствовал", ...Array(12).fill(null), "4А", null, null]);
  });

  it("a two-part work absent from part 2: part 1 scores, «отсутствовал» and empty part 2", () => {
    const scores = [1, 1, 2, 1, 1, 1, 1, "x", 1, 2, 1, 1, 2, 2, 2];
    const row = uploadRow(TWO, { code: 40001, className: "4Б", gender: "м", previousMark: 5, variants: [1, "отсутствовал"], scores }, "Х");
    expect(row).toEqual([40001, 1, 1, 1, 2, 1, 1, 1, 1, "Х", "отсутствовал", ...Array(7).fill(null), "4Б", "м", 5]);
    expect(row).toHaveLength(OBSERVED_TWO_PART_HEADER.length);
  });

  it("never carries anything but codes, variants, scores, class, gender and mark", () => {
    const row = uploadRow(ru4, student({}), "X");
    expect(row).toHaveLength(uploadHeader(ru4).length);
  });
});

describe("uploadFileName", () => {
  it("is <school>_<grade>_<subject>.xlsx", () => {
    expect(uploadFileName("470167", 4, "Математика")).toBe("470167_4_Математика.xlsx");
    expect(uploadFileName("470167", 8, "Русский язык")).toBe("470167_8_Русский язык.xlsx");
  });

  it("removes characters file systems forbid", () => {
    expect(uploadFileName("470167", 6, 'ИЗО: "рисунок"/черчение')).toBe("470167_6_ИЗО рисунок черчение.xlsx");
  });
});
