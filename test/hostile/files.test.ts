// Hostile files and sizes: protected, corrupt, old-format and empty files; a roster name that
// looks like a formula; 10 000 students; a grade with more students than codes.
// Catalogue: docs/HOSTILE_INPUTS.md.
import JSZip from "jszip";
import { seededRandom } from "../../src/core";
import type { CellValue } from "../../src/workbook/backend";
import { FileBackend, UnreadableWorkbookError } from "../../src/workbook/file/FileBackend";
import { buildUploads, makeCodes } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites } from "../../src/workbook/sample";
import { errorsOf, expectFinding, inputsBackend, run, type } from "./helpers";

const R = "Ученики";

/** An OLE compound file header followed by the given UTF-16LE stream names (what Excel writes for a password-protected .xlsx, or an old .xls). */
function oleFile(...streams: string[]): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)];
  const names = streams.flatMap((s) => [...s].flatMap((ch) => [ch.charCodeAt(0), 0]));
  return new Uint8Array([...head, ...names, ...Array(64).fill(0)]);
}

async function openFails(bytes: Uint8Array, reason: string, message: RegExp): Promise<void> {
  const copy = bytes.slice();
  const error = await FileBackend.fromBytes(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableWorkbookError);
  expect((error as UnreadableWorkbookError).reason).toBe(reason);
  expect((error as Error).message).toMatch(message);
  expect(bytes).toEqual(copy); // the user's file is only read
}

describe("hostile files", () => {
  test("H80 a password-protected workbook", async () => {
    await openFails(oleFile("EncryptionInfo", "EncryptedPackage"), "encrypted", /^Файл защищён паролем\. Откройте его в Excel, снимите пароль/);
  });

  test("H81 a corrupt workbook (a truncated .xlsx)", async () => {
    const good = await (await inputsBackend()).toBytes();
    await openFails(good.slice(0, Math.floor(good.length / 2)), "corrupt", /^Файл повреждён или не является книгой Excel \(\.xlsx\): прочитать его не удалось\.$/);
  });

  test("H82 an old .xls workbook", async () => {
    await openFails(oleFile("Workbook", "SummaryInformation"), "xls", /^Это книга старого формата Excel 97–2003 \(\.xls\)\..*сохраните как «Книга Excel \(\.xlsx\)»/);
  });

  test("H83 an empty file", async () => {
    await openFails(new Uint8Array(0), "empty", /^Файл пуст \(0 байт\)/);
  });

  test("H84 a text file named .xlsx", async () => {
    await openFails(new TextEncoder().encode("Класс;ФИО\n4А;Иванов"), "not-xlsx", /^Файл не является книгой Excel в формате \.xlsx\.$/);
  });

  test("H85 a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "не книга");
    await openFails(await zip.generateAsync({ type: "uint8array" }), "not-xlsx", /не является книгой Excel/);
  });
});

describe("names that look like formulas stay text", () => {
  const risky = ['=HYPERLINK("http://example.com/x","Нажми")', "+79990001122 Петров", "-Сидорова Анна", "@Кузнецов Иван", "=1+1"];

  test("H86 «=HYPERLINK(…)» and other formula-like names: text in every sheet we write (no <f> in the XML), absent from the forms", async () => {
    const b = await inputsBackend((s) => risky.forEach((name, i) => (s[R][1 + i][1] = name)));
    const codes = await run(b, "codes");
    expect(codes.status).toBe("done");
    expect((await run(b, "scoreSheets")).status).toBe("done");
    await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3), 0) });
    const uploads = await run(b, "upload");
    expect(errorsOf(uploads.findings)).toEqual([]);
    expect(uploads.files.length).toBeGreaterThan(0);

    // Read back: the protocol holds the names as the very text typed.
    const protocol = (await b.read(["Протокол 4А"])).sheets["Протокол 4А"].values.map((r) => r[1]);
    for (const name of risky) expect(protocol).toContain(name);

    // In the package: no formula anywhere mentions HYPERLINK, and the protocol's name cells are plain strings.
    const zip = await JSZip.loadAsync(await b.toBytes());
    for (const [path, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      const xml = await entry.async("string");
      expect({ path, f: /<f[ >][^<]*HYPERLINK/i.test(xml) }).toEqual({ path, f: false });
      expect({ path, f: /<f[ >][^<]*Петров|<f[ >]1\+1</.test(xml) }).toEqual({ path, f: false });
    }
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const rid = new RegExp(`<sheet [^>]*name="Протокол 4А"[^>]*r:id="([^"]+)"`).exec(workbookXml)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
    const sheetXml = await zip.file(`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`)!.async("string");
    const nameCells = [...sheetXml.matchAll(/<c r="B(\d+)"([^>]*)>([\s\S]*?)<\/c>/g)].filter((m) => Number(m[1]) > 1);
    expect(nameCells.length).toBeGreaterThanOrEqual(risky.length);
    for (const m of nameCells) {
      expect(m[3]).not.toMatch(/<f[ >]/);
      expect(m[2]).toMatch(/t="(s|inlineStr)"/);
    }

    // Upload forms carry no name at all, formula-like or not.
    for (const f of uploads.files) {
      const parts = await JSZip.loadAsync(f.bytes);
      const text = (await Promise.all(Object.values(parts.files).filter((e) => !e.dir).map((e) => e.async("string")))).join("\n");
      for (const name of ["HYPERLINK", "Петров", "Сидорова", "Кузнецов"]) expect(text.includes(name)).toBe(false);
    }
  });
});

describe("sizes", () => {
  test("H87 10 000 students: every one gets a unique code of his grade, no finding", async () => {
    const sizes: Record<string, number> = {};
    for (const g of [4, 5, 6, 7, 8, 9, 10, 11]) for (const l of ["А", "Б", "В", "Г", "Д"]) sizes[`${g}${l}`] = 250;
    const school = { ...sampleSchool(9, sizes), plan: [], customWorks: [], builtInWorks: [] };
    const b = await inputsBackend(undefined, school);
    const { findings, status, after } = await run(b, "codes");
    expect(status).toBe("done");
    expect(errorsOf(findings)).toEqual([]);
    const rows = after.sheets[R].values.slice(1);
    expect(rows).toHaveLength(10_000);
    const codes = rows.map((r) => r[3] as number);
    expect(new Set(codes).size).toBe(10_000);
    rows.forEach((r) => {
      const grade = parseInt(String(r[0]), 10);
      expect(Math.floor((r[3] as number) / 10000)).toBe(grade);
    });
    expect(after.sheetNames.filter((n) => n.startsWith("Протокол "))).toHaveLength(40);
  }, 120_000);

  test("H88 1 501 students in one grade: more than the 1 500 generated codes; blocked, nothing written", async () => {
    const school = { ...sampleSchool(4, { "4А": 1501 }), plan: [], customWorks: [], builtInWorks: [] };
    const b = await inputsBackend(undefined, school);
    const { findings, status, before, after } = await run(b, "codes");
    expect(status).toBe("blocked");
    expectFinding(findings, { code: "codes.pool-exhausted", sheet: R, cell: "D1502", message: /^свободные коды для этого класса закончились \(1500 кодов на параллель\)$/ });
    expect(after).toEqual(before);
  }, 60_000);

  test("H89 a code typed by hand outside the grade's range: the form's code validation widens to include it, no error", async () => {
    const b = await inputsBackend();
    await type(b, R, { D2: 49999 });
    expect((await makeCodes(b, { random: seededRandom(1) })).status).toBe("done");
    const made = await run(b, "scoreSheets");
    expect(made.status).toBe("done");
    await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3), 0) });
    const { files, findings } = await buildUploads(b);
    expect(errorsOf(findings)).toEqual([]);
    const ru4 = files.find((f) => f.fileName.endsWith("_4_Русский язык.xlsx"))!;
    const validation = ru4.file.workbook.sheets[0].validations!.find((v) => v.whole)!;
    expect(validation.whole![1]).toBeGreaterThanOrEqual(49999);
    const values: CellValue[] = ru4.file.rows.map((r) => r[0]);
    expect(values).toContain(49999);
  });
});
