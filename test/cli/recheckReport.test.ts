// `vpr recheck commission` and `vpr recheck report` in-process on the demo's upload forms: a list
// of a few works, the commission's protocol (no original score, no name, the score sheets' lists),
// filled in as a commission would (one work unchanged, one item up or down, one work scored 0 so
// its mark drops, one left empty, one code the school never had), and the report checked against
// the differences worked out here from the forms themselves.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { CATALOGUE, markFor, type MarkScale } from "../../src/core";
import type { CellValue, CellWrite } from "../../src/workbook/backend";
import { privacyScan } from "../helpers/privacyScan";
import { edit, openFile, school, tempDir, vpr } from "./helpers";

let dir: string;
const names = [...school.students, ...school.late].map((s) => s.name);
const BOOK = path.join("d", "школа-780999.xlsx");
const RU4 = "780999_4_Русский язык.xlsx";
const RU5 = "780999_5_Русский язык.xlsx";
const FAKE = 49999;

interface FormRow {
  code: number;
  className: string;
  variant: number;
  scores: number[];
  row: number;
}

/** The form's rows that wrote (numeric variant), X read as 0. */
async function formRows(file: string): Promise<FormRow[]> {
  const values = (await (await openFile(path.join(dir, "forms", file))).read(["Протокол"])).sheets["Протокол"].values;
  const header = values[0];
  const items = header.map((h, i) => (/\(\d+б\)$/.test(String(h)) ? i : -1)).filter((i) => i >= 0);
  const classCol = header.findIndex((h) => String(h).startsWith("Класс"));
  return values
    .slice(1)
    .map((r, i) => ({ code: Number(r[0]), className: String(r[classCol]), variant: r[1] as number, scores: items.map((c) => (typeof r[c] === "number" ? (r[c] as number) : 0)), row: i + 1 }))
    .filter((r) => typeof r.variant === "number");
}

let ru4: FormRow[];
let ru5: FormRow[];
let ru5Scale: MarkScale;
const RU4_SCALE = CATALOGUE.find((w) => w.id === "RU4-2026")!.scale!;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

beforeAll(async () => {
  dir = await tempDir();
  expect((await vpr(dir, "demo", "--out", "d")).code).toBe(0);
  await fs.mkdir(path.join(dir, "forms"));
  for (const f of (await fs.readdir(path.join(dir, "d"))).filter((f) => /^780999_.*\.xlsx$/.test(f))) await fs.copyFile(path.join(dir, "d", f), path.join(dir, "forms", f));
  ru4 = (await formRows(RU4)).slice(0, 3);
  // A work of RU5 whose mark drops when scored 0: anything at or above «3».
  ru5 = (await formRows(RU5)).filter((r) => sum(r.scores) >= 8).slice(0, 1);
  expect([ru4.length, ru5.length]).toEqual([3, 1]);
  const entry = (workId: string, subject: string, grade: number, r: { code: number; className: string; variant: number }) => ({ school: "780999", workId, subject, grade, class: r.className, code: r.code, variant: r.variant });
  const list = {
    seed: 1,
    rule: { percent: null, min: 3, by: "works", weighted: false },
    sample: [...ru4.map((r) => entry("RU4-2026", "Русский язык", 4, r)), entry("RU4-2026", "Русский язык", 4, { code: FAKE, className: "4А", variant: 1 }), ...ru5.map((r) => entry("RU5-ДЕМО", "Русский язык", 5, r))],
  };
  await fs.writeFile(path.join(dir, "list.json"), JSON.stringify(list));
}, 120000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("commission: a work not in the catalogue needs the coordinator's «Критерии»; then a protocol without scores or names", async () => {
  const refused = await vpr(dir, "recheck", "commission", "--list", "list.json", "--out", "k.xlsx");
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(/выборка «list.json»: работы «RU5-ДЕМО» нет ни в каталоге, ни на листе «Критерии»/);
  await expect(fs.stat(path.join(dir, "k.xlsx"))).rejects.toThrow();
  expect((await vpr(dir, "recheck", "commission", "--list", "list.json")).code).toBe(2);

  const run = await vpr(dir, "recheck", "commission", BOOK, "--list", "list.json", "--out", "k.xlsx");
  expect(run.code).toBe(0);
  expect(run.out).toMatch(/Протокол комиссии: k.xlsx, работ: 5/);
  const bytes = new Uint8Array(await fs.readFile(path.join(dir, "k.xlsx")));
  expect(await privacyScan(bytes, names)).toEqual([]);
  const snap = await (await openFile(path.join(dir, "k.xlsx"))).read(null);
  expect(snap.sheetNames).toEqual(["Инструкция", "Работы", "4 Русский язык", "5 Русский язык"]);
  const sheet = snap.sheets["4 Русский язык"].values;
  expect(sheet[0].slice(0, 3)).toEqual(["Код", "Вариант", "1 (2б)"]);
  expect(sheet[0][sheet[0].length - 1]).toBe("Школа");
  // Codes and variants as listed, every item cell empty: the original scores are not there.
  expect(sheet.slice(1).map((r) => r[0])).toEqual([...ru4.map((r) => r.code), FAKE].sort((a, b) => a - b));
  for (const r of sheet.slice(1)) expect(r.slice(2, 14)).toEqual(Array(12).fill(null));
  expect(await vpr(dir, "recheck")).toMatchObject({ out: expect.stringMatching(/vpr recheck commission \[книга.xlsx\] --list СПИСОК --out ФАЙЛ/) });
});

test("report: the discrepancies as worked out from the forms; codes on one side named with file, sheet and cell", async () => {
  if (!(await fs.stat(path.join(dir, "k.xlsx")).catch(() => null))) await vpr(dir, "recheck", "commission", BOOK, "--list", "list.json", "--out", "k.xlsx");
  const sheet4 = (await (await openFile(path.join(dir, "k.xlsx"))).read(["4 Русский язык"])).sheets["4 Русский язык"].values;
  const rowOf = (code: number) => sheet4.findIndex((r) => r[0] === code) + 1; // 1-based sheet row
  const [same, moved, empty] = ru4;
  // The moved work: item 1 one point up, or down when it is at its maximum (2).
  const delta = moved.scores[0] < 2 ? 1 : -1;
  const writes: CellWrite[] = [];
  const protocol = await (await openFile(path.join(dir, "k.xlsx"))).read(null);
  // Item columns by header («… (2б)»): a two-part work has «Вариант (часть 2)» between its parts.
  const itemCols = (sheet: string) => protocol.sheets[sheet].values[0].map((h, i) => (/\(\d+б\)$/.test(String(h)) ? i : -1)).filter((i) => i >= 0);
  const put = (sheet: string, row: number, scores: number[]) => itemCols(sheet).forEach((c, i) => writes.push({ sheet, address: `${String.fromCharCode(65 + c)}${row}`, value: scores[i] as CellValue }));
  put("4 Русский язык", rowOf(same.code), same.scores);
  put("4 Русский язык", rowOf(moved.code), [moved.scores[0] + delta, ...moved.scores.slice(1)]);
  put("4 Русский язык", rowOf(FAKE), Array(12).fill(1));
  put("5 Русский язык", 2, ru5[0].scores.map(() => 0));
  writes.push({ sheet: "5 Русский язык", address: "F2", value: 1 }); // the second part's variant, from the scan
  await edit(path.join(dir, "k.xlsx"), (b) => b.apply({ sheets: [], cellWrites: writes }));
  const works = (await (await openFile(path.join(dir, "k.xlsx"))).read(["Работы"])).sheets["Работы"].values;
  const ru5Row = works.find((r) => r[1] === "RU5-ДЕМО")!;
  ru5Scale = { min3: ru5Row[5] as number, min4: ru5Row[6] as number, min5: ru5Row[7] as number };

  const run = await vpr(dir, "recheck", "report", "--original", "forms", "--recheck", "k.xlsx", "--json", "--out", "r.xlsx");
  expect(run.code).toBe(0);
  const json = JSON.parse(run.out);
  const t = (s: number[]) => sum(s);
  const m = (x: number, s: MarkScale) => markFor(x, s);
  const movedNew = t(moved.scores) + delta;
  expect(json.works.map((w: Record<string, unknown>) => [w.school, w.workId, w.class, w.code, w.originalTotal, w.recheckTotal, w.change, w.originalMark, w.recheckMark, w.markChanged])).toEqual(
    [
      ["780999", "RU4-2026", same.className, same.code, t(same.scores), t(same.scores), 0, m(t(same.scores), RU4_SCALE), m(t(same.scores), RU4_SCALE), false],
      ["780999", "RU4-2026", moved.className, moved.code, t(moved.scores), movedNew, delta, m(t(moved.scores), RU4_SCALE), m(movedNew, RU4_SCALE), m(t(moved.scores), RU4_SCALE) !== m(movedNew, RU4_SCALE)],
      ["780999", "RU5-ДЕМО", ru5[0].className, ru5[0].code, t(ru5[0].scores), 0, -t(ru5[0].scores), m(t(ru5[0].scores), ru5Scale), 2, true],
    ].sort((a, b) => (a[1] as string).localeCompare(b[1] as string) || (a[2] as string).localeCompare(b[2] as string, "ru") || (a[3] as number) - (b[3] as number)),
  );
  const item1 = json.items.find((i: { workId: string; label: string }) => i.workId === "RU4-2026" && i.label === "1");
  expect(item1).toMatchObject({ works: 2, changed: 1, changedShare: 50, meanChange: delta / 2 });
  expect(json.groups.find((g: { class: string | null }) => g.class === null)).toMatchObject({ school: "780999", works: 3, markChanged: 1 + (m(t(moved.scores), RU4_SCALE) !== m(movedNew, RU4_SCALE) ? 1 : 0) });
  // The empty row and the code the school never had: named with the protocol's cell, left out.
  expect(json.findings.map((f: { code: string; sheet: string; cell: string }) => [f.code, f.sheet, f.cell])).toEqual(
    expect.arrayContaining([
      ["recheck.not-scored", "4 Русский язык", `A${rowOf(empty.code)}`],
      ["recheck.not-in-original", "4 Русский язык", `A${rowOf(FAKE)}`],
    ]),
  );
  expect(json.findings).toHaveLength(2);

  // The report workbook: its sheets and charts, no name.
  const report = new Uint8Array(await fs.readFile(path.join(dir, "r.xlsx")));
  expect(await privacyScan(report, names)).toEqual([]);
  const rs = await (await openFile(path.join(dir, "r.xlsx"))).read(null);
  expect(rs.sheetNames).toEqual(["Расхождения", "Работы", "Замечания"]);
  expect(rs.sheets["Работы"].values.filter((r) => r[11] === "да").map((r) => r[5])).toContain(ru5[0].code);

  // Plain output; the coordinator's workbook as the original gives the same works.
  const plain = await vpr(dir, "recheck", "report", "--original", "forms", "--recheck", "k.xlsx");
  expect(plain.out).toMatch(/Работ сопоставлено: 3;/);
  expect(plain.out).toContain(`код ${ru5[0].code}: ${t(ru5[0].scores)} → 0`);
  const fromBook = JSON.parse((await vpr(dir, "recheck", "report", "--original", BOOK, "--recheck", "k.xlsx", "--json")).out);
  expect(fromBook.works).toEqual(json.works);

  // With the list: nothing more is missing (every listed code has a row).
  const listed = JSON.parse((await vpr(dir, "recheck", "report", "--original", "forms", "--recheck", "k.xlsx", "--list", "list.json", "--json")).out);
  expect(listed.findings).toHaveLength(2);
});

test("report refusals: missing options, a file that is no commission's protocol", async () => {
  expect((await vpr(dir, "recheck", "report", "--original", "forms")).code).toBe(2);
  expect((await vpr(dir, "recheck", "report", "--original", "forms", "--recheck", "нет-такого")).code).toBe(2);
  const wrong = await vpr(dir, "recheck", "report", "--original", "forms", "--recheck", path.join("forms", RU4));
  expect(wrong.code).toBe(1);
  expect(wrong.err).toContain(`файл «${path.join("forms", RU4)}»: это не протокол комиссии`);
});
