// Without Node's zlib plugged in (the browser), a large part is inflated as a stream by the
// platform's DecompressionStream: the pieces join to exactly the part's bytes, a damaged part is
// refused in Russian, and the municipal reader gives the same rows as through zlib.
import { readSource } from "../../../../src/workbook/municipal/readSource";
import { buildNewWorkbook } from "../../../../src/workbook/file/newWorkbook";
import { XlsxPackage } from "../../../../src/workbook/file/package/XlsxPackage";
import { UnreadableWorkbookError } from "../../../../src/workbook/file/errors";
import JSZip from "jszip";

const EXPORT = "Проведение работы по математике, 4 класс. ВПР 2021.xlsx";
const header = ["логин школы", "регион", "номер обучающегося", "код обучающегося", "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов", "балл за 1", "балл за 2"];

async function exportBytes(rows: number): Promise<Uint8Array> {
  const values = [header, ...Array.from({ length: rows }, (_, i) => [`sch2201${String(i % 50).padStart(2, "0")}`, "22", String(i + 1), String(100000 + i), String(3 + (i % 3)), i % 2 ? "м" : "ж", "абв"[i % 3], String(1 + (i % 2)), String(i % 4), String(i % 2), i % 7 === 0 ? "X" : String(i % 3)])];
  return buildNewWorkbook({ sheets: [{ name: "Лист1", values }], properties: { creator: "ФИС ОКО" } });
}

async function joined(pieces: Uint8Array | AsyncIterable<Uint8Array>): Promise<{ bytes: Uint8Array; count: number }> {
  if (pieces instanceof Uint8Array) return { bytes: pieces, count: 1 };
  const parts: Uint8Array[] = [];
  for await (const p of pieces) parts.push(p);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { bytes: out, count: parts.length };
}

test("a sheet's part comes in pieces from DecompressionStream and joins to the part's bytes", async () => {
  expect(typeof DecompressionStream).toBe("function");
  const pkg = await XlsxPackage.open(await exportBytes(20_000));
  const pieces = await pkg.partPieces("xl/worksheets/sheet1.xml");
  expect(pieces).not.toBeInstanceOf(Uint8Array);
  const { bytes, count } = await joined(pieces!);
  expect(count).toBeGreaterThan(1);
  expect(Buffer.from(bytes).equals(Buffer.from((await pkg.bytes("xl/worksheets/sheet1.xml"))!))).toBe(true);
});

test("a damaged part is refused with the Russian message, not read half", async () => {
  const pkg = await XlsxPackage.open(await exportBytes(2_000));
  // Damage the stored deflate bytes of the sheet in place (JSZip keeps them as loaded).
  const entry = (pkg as unknown as { zip: JSZip }).zip.file("xl/worksheets/sheet1.xml") as unknown as { _data: { compressedContent: Uint8Array } };
  const content = entry._data.compressedContent;
  for (let i = 10; i < content.length - 10; i += 7) content[i] ^= 0x5a;
  const read = async () => joined((await pkg.partPieces("xl/worksheets/sheet1.xml"))!);
  await expect(read()).rejects.toBeInstanceOf(UnreadableWorkbookError);
  await expect(read()).rejects.toThrow("Файл повреждён");
});

test("the municipal reader reads an export the same through the stream (every row, every problem)", async () => {
  const bytes = await exportBytes(5_000);
  const r = await readSource(EXPORT, bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  expect(r.source.rows.length).toBe(5_000);
  const rows = [...r.source.rows];
  // Row 7: «балл за 1» 7 % 2 = 1, «балл за 2» «X» (7 is a multiple of 7) = 0.
  expect(rows[7]).toMatchObject({ school: "220107", code: 100007, variant: 2, absent: false, scores: [1, 0], journal: 4, gender: "м", className: "4Б" });
  expect(rows[0].scores).toEqual([0, 0]); // «X» on the first row: 0
  expect(new Set(rows.map((x) => x.school)).size).toBe(50);
});
