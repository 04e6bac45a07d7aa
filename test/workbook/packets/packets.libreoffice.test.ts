// A packet as an expert on LibreOffice returns it: filled in, saved by LibreOffice (which rewrites
// every part: shared strings, styles, its own validations), then merged back — every typed score
// arrives in the coordinator's workbook, formulas and validations of the packet notwithstanding.
// Needs soffice; in CI its absence fails.
import { cellAddress, parseCellAddress, parseItemHeader, seededRandom, type Random } from "../../../src/core";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { makeCodes, makeScoreSheets } from "../../../src/workbook/operations";
import { buildPackets, mergePackets } from "../../../src/workbook/packets";
import { sampleSchool, sampleWorkbookPlan } from "../../../src/workbook/sample";
import type { CellWrite, Snapshot } from "../../../src/workbook/backend";
import { haveSoffice, saveWithLibreOffice } from "../../corpus/libreoffice";

/** An expert's typing on every score sheet of a packet: a variant and a score (or X) for each item of each coded row. */
function expertTyping(snapshot: Snapshot, random: Random): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const name of snapshot.sheetNames) {
    const rows = snapshot.sheets[name]?.values ?? [];
    const header = rows[0] ?? [];
    if (header[0] !== "Код") continue;
    const variant = header.indexOf("Вариант");
    const items = header.map((h, c) => ({ c, h: typeof h === "string" ? parseItemHeader(h) : null })).filter((x) => x.h?.ok);
    rows.slice(1).forEach((row, i) => {
      if (typeof row[0] !== "number") return;
      writes.push({ sheet: name, address: cellAddress(i + 1, variant), value: 1 + random.nextInt(2) });
      for (const { c, h } of items) writes.push({ sheet: name, address: cellAddress(i + 1, c), value: random.nextInt(20) === 0 ? "X" : random.nextInt((h as { max: number }).max + 1) });
    });
  }
  return writes;
}

const describeLibre = haveSoffice() || process.env.CI ? describe : describe.skip;

describeLibre("a packet filled and saved in LibreOffice merges back", () => {
  test("every score typed in the packet arrives; nothing else changes", async () => {
    const book = FileBackend.empty();
    await book.apply(sampleWorkbookPlan(sampleSchool()));
    await makeCodes(book, { random: seededRandom(1) });
    await makeScoreSheets(book);
    const { files } = await buildPackets(book, { by: "work" });
    const packet = files.find((f) => f.fileName.includes("_4_Математика"))!;
    expect(packet).toBeDefined();

    // The expert types the scores into the packet (what sampleScoreWrites types on our sheets).
    const filled = await FileBackend.fromBytes(packet.bytes);
    const writes = expertTyping(await filled.read(null), seededRandom(9));
    expect(writes.length).toBeGreaterThan(100);
    await filled.apply({ sheets: [], cellWrites: writes });
    const returned = await saveWithLibreOffice(await filled.toBytes(), "xlsx");

    const before = await book.read(null);
    const r = await mergePackets(book, [{ fileName: packet.fileName, snapshot: await (await FileBackend.fromBytes(returned)).read(null) }]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.conflicts).toEqual([]);
    const after = await book.read(null);
    // Each typed cell is on our sheet of the same name, with the same value.
    for (const w of writes) {
      const { row, col } = parseCellAddress(w.address);
      expect([w.sheet, w.address, after.sheets[w.sheet].values[row][col]]).toEqual([w.sheet, w.address, w.value]);
    }
    // The other sheets are as they were.
    for (const name of before.sheetNames.filter((n) => !n.includes("Математика") || !n.startsWith("4"))) expect(after.sheets[name]?.values).toEqual(before.sheets[name]?.values);
  }, 240000);
});
