// What both browser tests share: the sample school, the scores an expert "types" between steps
// (with two planted errors), pressing a step's button and waiting for its run to finish, and the
// check of the upload forms read back from the downloaded .zip.
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { checkWorkbook } from "../../src/workbook/check";
import { findWork, seededRandom, uploadFileName, uploadHeader, formatItemHeader, isAbsentText, parseScore, UPLOAD_SHEET, type WorkDefinition } from "../../src/core";
import type { CellValue, CellWrite, Snapshot } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan, SAMPLE_CUSTOM_WORKS, type SampleSchool } from "../../src/workbook/sample";

export const SCHOOL = sampleSchool();

/** The sample school's input sheets as an .xlsx, without codes and with the school code left empty (the test types it). */
export async function sampleWorkbookBytes(school: SampleSchool = SCHOOL): Promise<Uint8Array> {
  const plan = sampleWorkbookPlan(school);
  const settings = plan.sheets.find((s) => s.name === "Настройки")!;
  settings.values = settings.values.map((row) => (row[0] === "Код ОО" ? [row[0], null, ...row.slice(2)] : row));
  const book = FileBackend.empty();
  await book.apply(plan);
  return book.toBytes();
}

export interface Planted {
  writes: CellWrite[];
  /** The two planted cells, with the value the expert meant. */
  errors: { sheet: string; address: string; planted: CellValue; meant: CellValue }[];
}

/** Plausible scores for every row (seeded), then one score over the maximum and one text score on «4А Математика». */
export function plantScores(snapshot: Snapshot, seed = 7): Planted {
  const writes = sampleScoreWrites(snapshot, seededRandom(seed));
  const sheet = "4А Математика";
  // MA4-2023: column D is item 2 (max 1), column E is item 3 (max 2).
  const over = writes.find((w) => w.sheet === sheet && /^D\d+$/.test(w.address) && typeof w.value === "number")!;
  const text = writes.find((w) => w.sheet === sheet && /^E\d+$/.test(w.address) && typeof w.value === "number" && w.address.slice(1) !== over.address.slice(1))!;
  const errors = [
    { sheet, address: over.address, planted: 7, meant: over.value },
    { sheet, address: text.address, planted: "пять", meant: text.value },
  ];
  return {
    writes: writes.map((w) => errors.find((e) => e.sheet === w.sheet && e.address === w.address) ? { ...w, value: errors.find((e) => e.address === w.address)!.planted } : w),
    errors,
  };
}

export const fixWrites = (p: Planted): CellWrite[] => p.errors.map((e) => ({ sheet: e.sheet, address: e.address, value: e.meant }));

/** The number of finished runs of the pane (data-runs), or -1 before the pane is there. */
const runs = (page: Page): Promise<number> => page.evaluate(() => Number(document.querySelector("[data-runs]")?.getAttribute("data-runs") ?? -1));

export async function waitIdle(page: Page, after: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector("[data-runs]");
      return el !== null && Number(el.getAttribute("data-runs")) > n && document.querySelector("[data-testid=busy]") === null;
    },
    after,
    { timeout: 120_000 },
  );
}

/** Clicks a button of the pane and waits for the run it starts to finish; returns the pane's message. */
export async function press(page: Page, name: string, answer?: "Заменить" | "Не заменять"): Promise<string> {
  const before = await runs(page);
  await page.getByRole("button", { name, exact: true }).click();
  if (answer) {
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: answer, exact: true }).click();
  }
  await waitIdle(page, before);
  const message = page.getByTestId("message");
  return (await message.count()) > 0 ? ((await message.textContent()) ?? "") : "";
}

/** Where the pane's message is: the data-step of the step that holds it, or "top". */
export const messagePlace = async (page: Page): Promise<string> =>
  page.getByTestId("message").evaluate((el) => el.closest("[data-step]")?.getAttribute("data-step") ?? "top");

export const stepCount = async (page: Page, step: string): Promise<string> => (await page.getByTestId(`count-${step}`).textContent()) ?? "";
export const stepState = async (page: Page, step: string): Promise<string | null> => page.locator(`[data-step=${step}]`).getAttribute("data-state");

/** The work each upload file is for: every (grade, subject) of the sample plan. */
export function expectedFiles(school: SampleSchool = SCHOOL): Map<string, WorkDefinition> {
  const out = new Map<string, WorkDefinition>();
  for (const p of school.plan) {
    const work = findWork(p.work, SAMPLE_CUSTOM_WORKS)!;
    out.set(uploadFileName(school.school, work.grade, work.subject), work);
  }
  return out;
}

/**
 * Reads the downloaded .zip back: exactly the expected files; no roster name in any part of any
 * file (nor in the zip's file names); each «Протокол» header equals the upload header of its work;
 * every row's variant and scores equal what was typed on the score sheets of `typed`.
 */
export async function verifyUploadZip(zipBytes: Uint8Array, typed: Snapshot, school: SampleSchool = SCHOOL): Promise<{ files: number; rows: number }> {
  const zip = await JSZip.loadAsync(zipBytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const expected = expectedFiles(school);
  expect(names.sort()).toEqual([...expected.keys()].sort());
  const people = [...school.students, ...school.late].map((s) => s.name);
  for (const n of names) for (const person of people) expect(n).not.toContain(person);

  // What was typed, by grade|subject and code.
  const typedRows = new Map<string, Map<number, { variants: CellValue[]; scores: CellValue[] }>>();
  for (const sheet of checkWorkbook(typed).sheets) {
    const key = `${sheet.plan.grade}|${sheet.plan.subject}`;
    const map = typedRows.get(key) ?? new Map();
    for (const r of sheet.rows) map.set(r.student.code!, { variants: r.row.variants as CellValue[], scores: r.row.scores as CellValue[] });
    typedRows.set(key, map);
  }

  let rows = 0;
  for (const name of names) {
    const bytes = await zip.file(name)!.async("uint8array");
    // Privacy: every part of the .xlsx, decoded as text.
    const inner = await JSZip.loadAsync(bytes);
    for (const part of Object.keys(inner.files)) {
      if (inner.files[part].dir) continue;
      const text = await inner.file(part)!.async("string");
      for (const person of people) {
        if (text.includes(person)) throw new Error(`${name}/${part} contains the roster name «${person}»`);
      }
    }
    const work = expected.get(name)!;
    const header = uploadHeader(work);
    const snap = await (await FileBackend.fromBytes(bytes)).read([UPLOAD_SHEET]);
    const values = snap.sheets[UPLOAD_SHEET].values;
    expect(values[0].slice(0, header.length)).toEqual(header);
    const typedByCode = typedRows.get(`${work.grade}|${work.subject}`)!;
    const body = values.slice(1).filter((r) => r.some((v) => v !== null));
    expect(body.length).toBe(typedByCode.size);
    for (const row of body) {
      const code = row[0] as number;
      const t = typedByCode.get(code);
      if (!t) throw new Error(`${name}: code ${code} was not on any score sheet`);
      work.items.forEach((item, k) => {
        const col = header.indexOf(formatItemHeader(item));
        const absent = isAbsentText(t.variants[item.part - 1]);
        const cell = parseScore(t.scores[k]);
        const want = absent ? null : cell.kind === "x" ? "X" : cell.kind === "score" ? cell.value : null;
        if (row[col] !== want) throw new Error(`${name}, code ${code}, item ${item.label}: form has ${String(row[col])}, typed ${String(t.scores[k])}`);
      });
      rows++;
    }
  }
  return { files: names.length, rows };
}
