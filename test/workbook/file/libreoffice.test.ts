// LibreOffice opens what we write and shows the same values (formula results included).
// Needs `soffice` on PATH. In CI (process.env.CI set) a missing soffice is a failure; locally a skip.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CellValue, SheetPlan } from "../../../src/workbook/backend";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { buildNewWorkbook } from "../../../src/workbook/file/newWorkbook";
import { fillForm } from "../../../src/workbook/file/fillForm";
import { haveSoffice, parseCsv, trimRows as trim } from "../../corpus/libreoffice";
import { expectedValues } from "./helpers";

const available = haveSoffice();
if (!available && !process.env.CI) {
  console.log("libreoffice.test.ts: soffice not found, LibreOffice checks skipped (apt-get install libreoffice-calc-nogui)");
}

function asShown(values: CellValue[][]): string[][] {
  return trim(values.map((r) => r.map((v) => (v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v)))));
}

/** The first sheet of `bytes` as LibreOffice shows it. */
async function libreOfficeCsv(bytes: Uint8Array): Promise<string[][]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "vpr-lo-"));
  try {
    const file = path.join(dir, "book.xlsx");
    await fs.writeFile(file, bytes);
    const profile = `file://${path.join(dir, "profile")}`;
    const r = spawnSync(
      "soffice",
      [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, file],
      { encoding: "utf8", timeout: 120000, env: { ...process.env, LANG: "en_US.UTF-8", LC_ALL: "" } },
    );
    const csv = path.join(dir, "book.csv");
    const text = await fs.readFile(csv, "utf8").catch(() => {
      throw new Error(`soffice failed: ${r.status} ${r.stdout} ${r.stderr}`);
    });
    return parseCsv(text.replace(/^\uFEFF/, ""));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const scoreSheet: SheetPlan = {
  name: "5А Математика",
  mode: "create",
  values: [
    ["Код", "Вариант", "1 (1б)", "2 (2б)", "Итого", "Комментарий"],
    [50001, 1, 1, 2, null, "=1+1"],
    [50002, 2, 0, 1, null, "+7 900"],
    [50003, "отсутствовал", null, null, null, "@дом"],
    [50004, 1, 1, 0, null, "-5"],
  ],
  formulas: [
    {
      range: "E2:E5",
      formulas: [["=SUM(C2:D2)"], ["=SUM(C3:D3)"], ['=IF(B4="отсутствовал","",SUM(C4:D4))'], ["=SUM(C5:D5)"]],
      results: [[3], [1], [""], [1]],
    },
  ],
  validations: [{ range: "C2:C5", list: ["0", "1", "X"] }],
  highlights: [{ range: "C2:D5", formula: "=C2>2", fill: "#FFC7CE" }],
  print: { area: "A1:F5", repeatRows: "1:1", header: "Конфиденциально", pageBreaksAfterRows: [3] },
};

const describeLo = available || process.env.CI ? describe : describe.skip;

describeLo("LibreOffice reads our files", () => {
  jest.setTimeout(180000);

  test("soffice is installed (required in CI)", () => {
    expect(available).toBe(true);
  });

  test("FileBackend output: values and formula results as LibreOffice shows them", async () => {
    const b = FileBackend.empty();
    await b.apply({ sheets: [scoreSheet], cellWrites: [] });
    expect(await libreOfficeCsv(await b.toBytes())).toEqual(asShown(expectedValues(scoreSheet)));
  });

  test("parts compressed by Node's native zlib (as the CLI writes them) open the same", async () => {
    const { XlsxPackage } = await import("../../../src/workbook/file/package/XlsxPackage");
    const { nativeDeflate } = await import("../../../src/workbook/file/node/nativeDeflate");
    try {
      const b = FileBackend.empty();
      await b.apply({ sheets: [scoreSheet], cellWrites: [] });
      const bytes = await b.toBytes();
      expect(await libreOfficeCsv(bytes)).toEqual(asShown(expectedValues(scoreSheet)));
      // …and JSZip (what reads our files back) inflates and checks every part's CRC.
      expect((await (await FileBackend.fromBytes(bytes)).read([scoreSheet.name])).sheets[scoreSheet.name].values).toEqual(expectedValues(scoreSheet));
      void nativeDeflate;
    } finally {
      XlsxPackage.useDeflate(null);
    }
  });

  test("a new workbook (upload file)", async () => {
    const sheet = { ...scoreSheet, name: "Протокол" };
    const bytes = await buildNewWorkbook({ sheets: [sheet, { name: "Классы", values: [["5А"]] }], properties: {} });
    expect(await libreOfficeCsv(bytes)).toEqual(asShown(expectedValues(sheet)));
  });

  test("a filled form", async () => {
    const blank = await buildNewWorkbook({
      sheets: [{ name: "Протокол", values: [["Код", "Вариант", "1 (1б)"]], validations: [{ range: "C2:C9", list: ["0", "1"] }] }],
      properties: {},
    });
    const rows = [[40001, 1, 1], [40002, "отсутствовал", null], [40003, 2, "=0"]];
    expect(await libreOfficeCsv(await fillForm(blank, "Протокол", rows))).toEqual(
      asShown([["Код", "Вариант", "1 (1б)"], ...rows]),
    );
  });
});

describeLo("LibreOffice recalculates the score sheet's standard formulas", () => {
  jest.setTimeout(180000);
  test("Итого, Отметка and Проверка computed by LibreOffice from the planner's shared formulas, without cached results", async () => {
    const { buildScoreSheet, scoreLayout } = await import("../../../src/workbook/scoreSheet");
    const { findWork } = await import("../../../src/core");
    const work = findWork("RU4-2026")!; // 12 items, max 24, scale 10/16/21
    const full = work.items.map((i) => i.max);
    const rows = [
      { code: 40001, variants: [1], scores: full }, // 24 → 5
      { code: 40002, variants: [2], scores: work.items.map(() => 1) }, // 12 → 3
      { code: 40003, variants: ["отсутствовал"], scores: work.items.map(() => null) },
      { code: 40004, variants: [1], scores: [9, ...full.slice(1)] }, // over max → ошибка
      { code: 40005, variants: [null], scores: ["X", ...work.items.slice(1).map(() => 0)] }, // no variant
    ];
    const sheet = buildScoreSheet("4А Русский язык", scoreLayout(work), rows, "standard");
    expect(sheet.formulas?.[0].fillDown).toBe(true);
    const stripped = { ...sheet, mode: "create" as const, formulas: sheet.formulas!.map((b) => ({ ...b, results: undefined })) };
    const b = FileBackend.empty();
    await b.apply({ sheets: [stripped], cellWrites: [] });
    const csv = await libreOfficeCsv(await b.toBytes());
    const tail = csv.slice(1).map((r) => r.slice(14, 17));
    expect(tail).toEqual([["24", "5", "OK"], ["12", "3", "OK"], ["", "", "OK"], ["31", "", "ошибка"], ["0", "", "нет варианта"]]);
    // The planner's cached results say the same as LibreOffice.
    expect(sheet.formulas![0].results!.map((r) => r.map((v) => (v === null ? "" : String(v))))).toEqual(tail);
  });
});
