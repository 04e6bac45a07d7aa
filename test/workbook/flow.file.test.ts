// The whole coordinator flow on the ExcelJS back end, from an empty workbook to upload files.
import JSZip from "jszip";
import { seededRandom, uploadHeader, findWork } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { buildUploads, check, makeCodes, makeScoreSheets, removeNames } from "../../src/workbook/operations";
import { lateStudentWrites, sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";

const school = sampleSchool();

async function sampleBackend(): Promise<FileBackend> {
  const b = FileBackend.empty();
  await b.apply(sampleWorkbookPlan(school));
  return b;
}

const rosterCodes = async (b: FileBackend) => (await b.read(["Ученики"])).sheets["Ученики"].values.slice(1).map((r) => r[3]);

describe("whole flow on .xlsx files", () => {
  test("codes, late students, score sheets, scores, check, uploads", async () => {
    const b = await sampleBackend();
    const codes = await makeCodes(b, { random: seededRandom(1) });
    expect(codes.status).toBe("done");
    expect(codes.assigned).toBe(school.students.length);
    const first = await rosterCodes(b);
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((c) => typeof c === "number" && String(c)[0] === "4" || String(c)[0] !== "4")).toBe(true);

    // Late students: a second run keeps every code and gives the new students unused codes.
    await b.apply({ sheets: [], cellWrites: lateStudentWrites(await b.read(null), school) });
    const again = await makeCodes(b, { random: seededRandom(2) });
    expect(again.assigned).toBe(2);
    const second = await rosterCodes(b);
    expect(second.slice(0, first.length)).toEqual(first);
    expect(new Set(second).size).toBe(second.length);
    expect(again.replaced).toEqual(["Коды для выдачи"]); // the slips hold codes only
    expect(again.merged).toEqual(expect.arrayContaining(["Протокол 4А"])); // the protocols hold the organiser's marks

    const sheets = await makeScoreSheets(b);
    expect(sheets.status).toBe("done");
    expect(sheets.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["4А Русский язык", "4Б Математика", "5А Русский язык", "8А Физика"]));

    // Nothing typed yet: the check lists every blank row as an error; uploads refuse.
    const blank = await check(b);
    expect(blank.findings.filter((f) => f.code === "row.blank").length).toBeGreaterThan(100);
    expect((await buildUploads(b)).files).toEqual([]);

    await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3)) });
    const clean = await check(b);
    expect(clean.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(clean.counts.reduce((s, c) => s + c.absent, 0)).toBeGreaterThan(0);

    const uploads = await buildUploads(b);
    expect(uploads.files.map((f) => f.fileName).sort()).toEqual(
      ["780999_4_Математика.xlsx", "780999_4_Окружающий мир.xlsx", "780999_4_Русский язык.xlsx", "780999_5_Математика.xlsx", "780999_5_Русский язык.xlsx", "780999_6_История.xlsx", "780999_8_Математика.xlsx", "780999_8_Физика.xlsx"].sort(),
    );
    const ru4 = uploads.files.find((f) => f.fileName === "780999_4_Русский язык.xlsx")!;
    const form = await FileBackend.fromBytes(ru4.bytes);
    const proto = (await form.read(["Протокол", "Классы"])).sheets;
    expect(proto["Протокол"].values[0]).toEqual(uploadHeader(findWork("RU4-2026")!));
    expect(proto["Классы"].values.map((r) => r[0])).toEqual(["4А", "4Б"]);
    expect(proto["Протокол"].values.length - 1).toBe(25 + 24 + 1);

    // Names never leave the school: no roster name in any part of any upload file.
    for (const f of uploads.files) {
      const zip = await JSZip.loadAsync(f.bytes);
      const text = (await Promise.all(Object.values(zip.files).map((e) => e.async("string")))).join("\n");
      for (const s of [...school.students, ...school.late]) expect(text.includes(s.name.split(" ")[0])).toBe(false);
    }

    // Scores typed by the expert survive a re-run of the score sheets.
    const before = (await b.read(["4А Математика"])).sheets["4А Математика"].values;
    const rerun = await makeScoreSheets(b);
    expect(rerun.merged).toContain("4А Математика");
    expect(rerun.replaced).toEqual([]);
    const after = (await b.read(["4А Математика"])).sheets["4А Математика"].values;
    expect(after.map((r) => r.slice(0, -3))).toEqual(before.map((r) => r.slice(0, -3)));

    // Remove names: ФИО gone from roster and protocols, codes kept.
    const removed = await removeNames(b);
    expect(removed.status).toBe("done");
    const after2 = await b.read(null);
    expect(after2.sheets["Ученики"].values.slice(1).every((r) => r[1] === null)).toBe(true);
    expect(after2.sheets["Протокол 4А"].values.slice(1).every((r) => r[1] === null || r[1] === "")).toBe(true);
    expect(await rosterCodes(b)).toEqual(second);
  });
});
