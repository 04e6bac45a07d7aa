// A re-run on a workbook LibreOffice saved after the coordinator's and the experts' edits: score
// sheets made, the workbook saved by LibreOffice, scores and a note typed, a student's row inserted
// on the roster (a late student), the sheets run again — every typed cell where it was, the late
// student's row added, and LibreOffice opens the result. Skipped locally without soffice; CI fails.
import { seededRandom } from "../../../src/core";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { makeCodes, makeScoreSheets } from "../../../src/workbook/operations";
import { lateStudentWrites, sampleSchool, sampleWorkbookPlan } from "../../../src/workbook/sample";
import { haveSoffice, libreOfficeCsv, libreOfficeWanted, saveWithLibreOffice } from "../../corpus/libreoffice";

const describeLo = libreOfficeWanted() ? describe : describe.skip;
const SHEET = "4Б Математика"; // 4Б has a late student in the sample school

describeLo("re-run on a LibreOffice-saved workbook after edits", () => {
  jest.setTimeout(240_000);
  test("soffice is there (required in CI)", () => expect(haveSoffice()).toBe(true));

  test("typed scores and notes stay, the late student gets a row, LibreOffice opens it", async () => {
    const school = sampleSchool();
    const made = FileBackend.empty();
    await made.apply(sampleWorkbookPlan(school));
    expect((await makeCodes(made, { random: seededRandom(1) })).status).toBe("done");
    expect((await makeScoreSheets(made)).status).toBe("done");
    // Saved by LibreOffice (its own XML: shared strings, its styles, its formulas).
    const b = await FileBackend.fromBytes(await saveWithLibreOffice(await made.toBytes(), "xlsx"));
    const width = (await b.read([SHEET])).sheets[SHEET].values[0].length;
    const col = (c: number) => String.fromCharCode(65 + c);
    const typed = [
      { address: "B2", value: 1 },
      { address: "C2", value: 1 },
      { address: "D3", value: "X" },
      { address: `${col(width)}1`, value: "Комментарий" },
      { address: `${col(width)}2`, value: "проверено" },
    ];
    await b.apply({ sheets: [], cellWrites: typed.map((t) => ({ sheet: SHEET, ...t })) });
    await b.apply({ sheets: [], cellWrites: lateStudentWrites(await b.read(null), school) });
    expect((await makeCodes(b, { random: seededRandom(2) })).status).toBe("done");
    const before = (await b.read([SHEET])).sheets[SHEET].values;
    const again = await makeScoreSheets(b);
    expect(again.status).toBe("done");
    expect(again.merged).toContain(SHEET);
    const after = (await b.read([SHEET])).sheets[SHEET].values;
    for (const t of typed) {
      const r = Number(t.address.slice(1)) - 1;
      expect([t.address, after[r][t.address.charCodeAt(0) - 65]]).toEqual([t.address, t.value]);
    }
    expect(after.length).toBe(before.length + 1);
    const shown = (await libreOfficeCsv({ rerun: await b.toBytes() })).rerun;
    expect([...shown.sheets.keys()]).toContain(SHEET);
    expect(shown.sheets.get(SHEET)![1].slice(0, 3)).toEqual([String(after[1][0]), "1", "1"]);
  });
});
