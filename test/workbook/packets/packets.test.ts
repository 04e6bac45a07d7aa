// Packets for experts (issue 12, part 2): what a packet holds — the score sheets of a work and the
// instructions, no name in any part — and merging a packet filled in another program back, on
// both back ends: empty cells filled, conflicts listed and kept, then overwritten on confirmation;
// an unknown code, a changed layout and a file that is not a packet refused with their cells.
import JSZip from "jszip";
import { seededRandom } from "../../../src/core";
import type { WorkbookBackend } from "../../../src/workbook/backend";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { OfficeBackend } from "../../../src/workbook/office/OfficeBackend";
import { makeCodes, makeScoreSheets } from "../../../src/workbook/operations";
import { buildPackets, mergePackets, planMergePackets, planPackets, type PacketFile, type PacketInput } from "../../../src/workbook/packets";
import { sampleSchool, sampleWorkbookPlan } from "../../../src/workbook/sample";
import { createFakeExcel } from "../../fakes/fakeExcel";
import { editInExcelJS } from "../../helpers/editInExcelJS";
import { documentProperties, privacyScan, scanFileName } from "../../helpers/privacyScan";

const school = sampleSchool();
const names = [...school.students, ...school.late].map((s) => s.name);
const SHEET = "4А Математика";

/** The coordinator's workbook with codes and score sheets, one score typed on «4А Математика» (B2 variant, C2 item 1) and a note in D2. */
async function ready(b: WorkbookBackend): Promise<void> {
  await b.apply(sampleWorkbookPlan(school));
  expect((await makeCodes(b, { random: seededRandom(7) })).status).toBe("done");
  expect((await makeScoreSheets(b)).status).toBe("done");
  await b.apply({ sheets: [], cellWrites: [
    { sheet: SHEET, address: "B2", value: 1 },
    { sheet: SHEET, address: "C2", value: 1 },
    { sheet: SHEET, address: "D2", value: `см. ${names[0]}` },
  ] });
}

const sheetNamesOf = async (bytes: Uint8Array): Promise<string[]> => (await (await FileBackend.fromBytes(bytes)).read([])).sheetNames;

describe("packets", () => {
  let b: FileBackend;
  beforeAll(async () => {
    b = FileBackend.empty();
    await ready(b);
  });

  test("one per work with all its classes, or one per class; named for file systems; only score sheets and the instructions", async () => {
    const byWork = planPackets(await b.read(null), { by: "work" });
    expect(byWork.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(byWork.packets.map((p) => p.fileName)).toEqual([
      "780999_4_Математика_баллы.xlsx",
      "780999_4_Окружающий мир_баллы.xlsx",
      "780999_4_Русский язык_баллы.xlsx",
      "780999_5_Математика_баллы.xlsx",
      "780999_5_Русский язык_баллы.xlsx",
      "780999_6_История_баллы.xlsx",
      "780999_8_Математика_баллы.xlsx",
      "780999_8_Физика_баллы.xlsx",
    ]);
    expect(byWork.packets[0].sheets).toEqual(["4А Математика", "4Б Математика"]);
    const byClass = planPackets(await b.read(null), { by: "class" });
    expect(byClass.packets.map((p) => p.fileName)).toContain("780999_4_Математика_4Б_баллы.xlsx");
    expect(byClass.packets).toHaveLength(10);
    // The note typed in a score cell stays home (it could name someone), and the finding says where.
    expect(byWork.findings).toEqual([expect.objectContaining({ sheet: SHEET, cell: "D2", code: "packets.text-left-out", severity: "warning" })]);
    const first = byWork.packets[0].workbook;
    expect(first.sheets.map((s) => s.name)).toEqual(["Инструкция", "4А Математика", "4Б Математика"]);
    const ma = first.sheets[1];
    expect(ma.values[1].slice(0, 4)).toEqual([expect.any(Number), 1, 1, null]);
    expect(ma.formulas![0].formulas[0].join(" ")).not.toMatch(/VPR\./);
    expect(ma.validations!.length).toBeGreaterThan(0);
  });

  test("no roster name in any part, file name or property; no sheet but the score sheets and the instructions; nothing hidden", async () => {
    for (const by of ["work", "class"] as const) {
      const { files, findings } = await buildPackets(b, { by });
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      for (const f of files) {
        expect(await privacyScan(f.bytes, names)).toEqual([]);
        expect(scanFileName(f.fileName, names)).toEqual([]);
        const props = await documentProperties(f.bytes);
        expect(props.creator).toBe("ВПР: координатор");
        expect(props.title).toBe("ВПР: координатор");
        expect(await sheetNamesOf(f.bytes)).toEqual(["Инструкция", ...f.packet.sheets]);
        const workbookXml = await (await JSZip.loadAsync(f.bytes)).file("xl/workbook.xml")!.async("string");
        expect(workbookXml).not.toMatch(/state="(?:hidden|veryHidden)"/);
        expect(workbookXml).not.toMatch(/definedName[^>]*>[^<]*(Ученики|Протокол)/);
      }
    }
  });
});

/** A packet's bytes after an expert filled it in another program (ExcelJS standing in for it). */
async function filledIn(file: PacketFile, change: Parameters<typeof editInExcelJS>[1]): Promise<PacketInput> {
  const edited = await editInExcelJS(await FileBackend.fromBytes(file.bytes), change);
  return { fileName: file.fileName, snapshot: await edited.read(null) };
}

async function mergeBack(b: WorkbookBackend, syncs: () => number): Promise<void> {
  await ready(b);
  const { files } = await buildPackets(b, { by: "work" });
  const ma4 = files.find((f) => f.fileName === "780999_4_Математика_баллы.xlsx")!;
  const packet = await filledIn(ma4, (wb) => {
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell("C2").value = 0; // ours is 1: a conflict
    ws.getCell("D2").value = 1; // ours holds a note: a conflict too
    ws.getCell("E2").value = "Х"; // ours empty: filled
    ws.getCell("B3").value = 2;
    ws.getCell("C3").value = 1;
    ws.getCell("B2").value = "1"; // the same variant as text: nothing
    wb.getWorksheet("4Б Математика")!.getCell("B4").value = "отсутствовал";
  });
  const before = syncs();
  const kept = await mergePackets(b, [packet]);
  expect(syncs() - before).toBeLessThanOrEqual(2);
  expect(kept.status).toBe("done");
  expect(kept.overwritten).toBe(false);
  expect(kept.conflicts.map((c) => [c.sheet, c.cell, c.item, c.ours, c.theirs])).toEqual([
    [SHEET, "C2", "1 (1б)", 1, 0],
    [SHEET, "D2", "2 (1б)", `см. ${names[0]}`, 1],
  ]);
  expect(kept.conflicts[0]).toMatchObject({ file: ma4.fileName, packetSheet: SHEET, packetCell: "C2" });
  expect(kept.filled).toBe(4);
  expect(kept.merged!.sort()).toEqual(["4А Математика", "4Б Математика"]);
  let v = (await b.read([SHEET])).sheets[SHEET].values;
  expect([v[1][1], v[1][2], v[1][4], v[2][1], v[2][2]]).toEqual([1, 1, "Х", 2, 1]);
  expect((await b.read(["4Б Математика"])).sheets["4Б Математика"].values[3][1]).toBe("отсутствовал");

  // The same packet again: nothing new to fill; the coordinator confirms, the packet's values win.
  let asked: number | null = null;
  const over = await mergePackets(b, [packet], { confirm: (c) => ((asked = c.length), true) });
  expect(asked).toBe(2);
  expect(over).toMatchObject({ status: "done", overwritten: true, filled: 0, cellsWritten: 2 });
  v = (await b.read([SHEET])).sheets[SHEET].values;
  expect([v[1][2], v[1][3]]).toEqual([0, 1]);
  expect((await mergePackets(b, [packet])).conflicts).toEqual([]);
}

test("a packet filled in another program merges back into the file back end", async () => {
  const b = FileBackend.empty();
  await mergeBack(b, () => 0);
});

test("a packet filled in another program merges back in Excel (strict fake): one read, one apply", async () => {
  const fake = createFakeExcel();
  await mergeBack(new OfficeBackend({ run: fake.run, isSetSupported: () => true }), () => fake.stats.syncs);
});

describe("refusals name the file, the sheet and the cell; nothing is written", () => {
  let b: FileBackend;
  let ma4: PacketFile;
  beforeAll(async () => {
    b = FileBackend.empty();
    await ready(b);
    ma4 = (await buildPackets(b, { by: "work" })).files[0];
  });

  test("an unknown code", async () => {
    const packet = await filledIn(ma4, (wb) => {
      const ws = wb.getWorksheet(SHEET)!;
      ws.getCell("A3").value = 99999;
      ws.getCell("B3").value = 1;
      ws.getCell("C4").value = 1;
    });
    const before = (await b.read([SHEET])).sheets[SHEET].values;
    const r = await mergePackets(b, [packet]);
    expect(r.status).toBe("blocked");
    expect(r.findings).toEqual([expect.objectContaining({ code: "packets.code-unknown", severity: "error" })]);
    expect(r.findings[0].message).toMatch(/^файл «780999_4_Математика_баллы\.xlsx», лист «4А Математика», ячейка A3: кода 99999 нет на листе «4А Математика»/);
    expect((await b.read([SHEET])).sheets[SHEET].values).toEqual(before);
  });

  test("a changed layout (a maximum, an item added)", async () => {
    const packet = await filledIn(ma4, (wb) => {
      const ws = wb.getWorksheet("4Б Математика")!;
      ws.getCell("C1").value = "1 (2б)";
      ws.getCell("C2").value = 2;
    });
    const r = planMergePackets(await b.read(null), [packet]);
    expect(r.plan.merges).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.message.slice(0, f.message.indexOf(";"))])).toEqual([
      ["packets.layout-changed", "файл «780999_4_Математика_баллы.xlsx», лист «4Б Математика», ячейка C1: заголовок «1 (2б)», а в книге «1 (1б)»"],
    ]);
    const extra = await filledIn(ma4, (wb) => {
      wb.getWorksheet(SHEET)!.getCell("U1").value = "16 (1б)"; // after «Проверка»
    });
    const r2 = planMergePackets(await b.read(null), [extra]);
    expect(r2.findings.map((f) => f.code)).toEqual(["packets.layout-changed"]);
    expect(r2.findings[0].message).toMatch(/лист «4А Математика», ячейка U1: столбца «16 \(1б\)» в работе нет/);
  });

  test("a file that is not a packet: the coordinator's own workbook, an upload form", async () => {
    const own = planMergePackets(await b.read(null), [{ fileName: "школа.xlsx", snapshot: await b.read(null) }]);
    expect(own.findings).toEqual([expect.objectContaining({ code: "packets.not-packet" })]);
    expect(own.findings[0].message).toMatch(/файл «школа\.xlsx», лист «Настройки»: это книга координатора/);
    const form = { sheetNames: ["Протокол", "Классы"], sheets: { Протокол: { values: [["Код", "Вариант", "1 (1б)", 'Класс № (список формируется из листа "Классы")']] }, Классы: { values: [["4А"]] } } };
    const r = planMergePackets(await b.read(null), [{ fileName: "780999_4_Математика.xlsx", snapshot: form }]);
    expect(r.findings.map((f) => f.code)).toEqual(["packets.not-packet"]);
    expect(r.findings[0].message).toMatch(/^файл «780999_4_Математика\.xlsx», лист «Протокол», ячейка A1: это не пакет для экспертов/);
  });
});
