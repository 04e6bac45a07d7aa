import * as os from "node:os";
import * as ExcelJS from "exceljs";
import type { NewWorkbookPlan } from "../../../src/workbook/backend";
import { buildNewWorkbook, PRODUCT_NAME } from "../../../src/workbook/file/newWorkbook";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { expectedValues, sheetPart, unzip } from "./helpers";

const PLANTED = "Кузнецова Марфа Игнатьевна";

const plan: NewWorkbookPlan = {
  sheets: [
    {
      name: "Протокол",
      values: [
        ["Код", "Вариант", "1 (1б)", "Класс № (список формируется из листа \"Классы\")", "Пол"],
        [40001, 1, 1, "4А", "м"],
        [40002, "отсутствовал", null, "4Б", "ж"],
      ],
      validations: [{ range: "D2:D3", listSource: "Классы!$A$1:$A$2" }, { range: "A2:A3", whole: [40001, 41500] }],
      styles: [{ range: "A1:E1", bold: true, wrap: true }],
      columnWidths: [10, 14, 8, 30, 6],
    },
    { name: "Классы", values: [["4А"], ["4Б"]] },
  ],
  properties: { title: "ВПР Математика 4", company: "МОУ «Ям-Тёсовская СОШ»" },
};

describe("buildNewWorkbook", () => {
  test("values read back exactly; sheets in plan order", async () => {
    const bytes = await buildNewWorkbook(plan);
    const snap = await (await FileBackend.fromBytes(bytes)).read(["Протокол", "Классы"]);
    expect(snap.sheetNames).toEqual(["Протокол", "Классы"]);
    for (const s of plan.sheets) expect(snap.sheets[s.name].values).toEqual(expectedValues(s));
  });

  test("document properties carry no person's name, user name or host name", async () => {
    // The coordinator's own workbook has a planted name in its properties and cells; nothing of it may travel.
    const user = new ExcelJS.Workbook();
    user.creator = PLANTED;
    user.lastModifiedBy = PLANTED;
    user.addWorksheet("Ученики").addRow(["4А", PLANTED, "ж"]);
    const userParts = await unzip(new Uint8Array(await user.xlsx.writeBuffer()));
    expect(userParts["docProps/core.xml"]).toContain(PLANTED); // the plant is real

    const parts = await unzip(await buildNewWorkbook(plan));
    for (const [name, text] of Object.entries(parts)) {
      expect([name, text.includes(PLANTED)]).toEqual([name, false]);
    }
    const core = parts["docProps/core.xml"];
    const app = parts["docProps/app.xml"];
    expect(core).toContain(`<dc:creator>${PRODUCT_NAME}</dc:creator>`);
    expect(core).toContain(`<cp:lastModifiedBy>${PRODUCT_NAME}</cp:lastModifiedBy>`);
    expect(core).toContain("<dc:title>ВПР Математика 4</dc:title>");
    expect(app).toContain("<Company>МОУ «Ям-Тёсовская СОШ»</Company>");
    expect(core + app).not.toContain("Unknown");
    const who = [os.userInfo().username, os.hostname()].filter((s) => s.length >= 4);
    for (const w of who) expect(core + app).not.toContain(w);
    // Only the elements we set (plus dates) have any content in core.xml; ExcelJS writes the rest empty.
    const filled = [...core.matchAll(/<((?:dc|cp|dcterms):\w+)[^>]*>([^<]+)</g)].map((m) => m[1]).sort();
    expect(filled).toEqual(["cp:lastModifiedBy", "dc:creator", "dc:title", "dcterms:created", "dcterms:modified"]);
    const appFilled = [...app.matchAll(/<(\w+)>([^<]+)<\/\1>/g)].map((m) => m[1]);
    expect(appFilled.filter((e) => !["Application", "DocSecurity", "ScaleCrop", "LinksUpToDate", "SharedDoc", "HyperlinksChanged", "AppVersion"].includes(e))).toEqual(["Company"]);
  });

  test("a creator from the plan is used for both creator fields", async () => {
    const parts = await unzip(await buildNewWorkbook({ ...plan, properties: { creator: "Школа 470167" } }));
    expect(parts["docProps/core.xml"]).toContain("<dc:creator>Школа 470167</dc:creator>");
    expect(parts["docProps/core.xml"]).toContain("<cp:lastModifiedBy>Школа 470167</cp:lastModifiedBy>");
  });

  test("the same plan gives the same sheet XML", async () => {
    const a = await unzip(await buildNewWorkbook(plan));
    const b = await unzip(await buildNewWorkbook(plan));
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const name of Object.keys(a)) {
      if (name === "docProps/core.xml") continue; // created/modified dates
      expect([name, a[name]]).toEqual([name, b[name]]);
    }
    expect(sheetPart(a, "Протокол")).toContain("<dataValidations");
  });

  test("a workbook with no sheet is refused (every other check is planCheck's, before the writer)", async () => {
    await expect(buildNewWorkbook({ sheets: [], properties: {} })).rejects.toThrow(/хотя бы один лист/);
  });
});
