// Excel mode in the system Chromium: a fake `Office` (onReady → host Excel) and the strict fake
// Excel of test/fakes (bundled for the browser) are injected before the pane loads, so the pane
// skips office.js and runs every step through the real Office.js back end. Asserts the number of
// context.sync calls of each step:
//   status read (pane opened, "Обновить")                      1  (read of every sheet)
//   an operation that writes (sheets, settings, codes, score sheets)
//                                                              3  (read 1 + apply 1 + status read 1)
//   "Проверить"                                                 1  (the operation's read; the step list is drawn from it)
//   "Сформировать формы"                                        2  (read 1 + apply 1: the rows go into «Журнал баллов»)
//   an operation the user declines in the confirmation          1  (read; nothing written)
//   a click on a problem (select its cell)                      1
import * as fs from "fs";
import type { Page } from "playwright-core";
import type { CellWrite, Snapshot } from "../../src/workbook/backend";
import { sampleWorkbookPlan } from "../../src/workbook/sample";
import { bundleFakeExcel, DIST, FAKE_OFFICE_SETUP, launch, screenshot, serve, type Session, type StaticServer } from "./harness";
import { SCHOOL, fixWrites, messagePlace, plantScores, press, stepCount, stepState, verifyUploadZip, waitIdle } from "./flow";

let server: StaticServer;
let session: Session;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(`${DIST}/taskpane.html`)) throw new Error("dist/taskpane.html is missing: run `npm run build` first");
  const fake = await bundleFakeExcel();
  server = await serve(DIST);
  session = await launch();
  page = session.page;
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.addInitScript({ content: `${fake}\n${FAKE_OFFICE_SETUP}` });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

declare const window: Window & { __fake: any; __opened: number[] };

const syncs = (): Promise<number> => page.evaluate(() => window.__fake.stats.syncs);

/** Syncs spent by an action. */
async function counted(action: () => Promise<unknown>): Promise<number> {
  const before = await syncs();
  await action();
  return (await syncs()) - before;
}

/** The fake workbook as a snapshot (what a coordinator would see). */
const fakeSnapshot = (): Promise<Snapshot> =>
  page.evaluate(() => ({
    sheetNames: window.__fake.workbook.sheetNames(),
    sheets: Object.fromEntries(window.__fake.workbook.sheets.map((s: any) => [s.name, { values: s.valuesFromA1() }])),
  }));

/** The user types into cells (straight into the fake workbook: no sync). */
const type = (writes: CellWrite[]): Promise<void> =>
  page.evaluate((ws) => {
    for (const w of ws) window.__fake.workbook.sheet(w.sheet).setValues(w.address, [[w.value]]);
  }, writes);

const typeSheet = (name: string, values: unknown[][]): Promise<void> =>
  page.evaluate(([n, v]) => void window.__fake.workbook.sheet(n).setValues("A1", v), [name, values] as const);

test("Excel mode: every step through the Office.js back end, with its context.sync count", async () => {
  const perStep: Record<string, number> = {};

  await page.goto(`${server.url}/taskpane.html`);
  await page.locator("[data-runs]").waitFor();
  await waitIdle(page, 0);
  perStep.open = await syncs();
  expect(await page.evaluate(() => typeof (window as any).vprOfficeJs)).toBe("object");
  expect(await stepState(page, "sheets")).toBe("todo");
  await screenshot(page, "excel-01-empty-workbook");

  // 1. Input sheets, with the sample school's built-in works on «Критерии».
  for (const id of SCHOOL.builtInWorks) await page.getByRole("checkbox", { name: new RegExp(` — ${id},`) }).check();
  perStep.createInputSheets = await counted(async () => expect(await press(page, "Создать листы")).toContain("Созданы листы"));
  expect(await stepState(page, "sheets")).toBe("done");
  expect(await page.evaluate(() => window.__fake.workbook.sheetNames())).toEqual(["Лист1", "Настройки", "Ученики", "Коды", "План", "Критерии"]);

  // The coordinator types the roster, the plan and two works of her own (no sync), then "Обновить".
  const sample = sampleWorkbookPlan(SCHOOL);
  for (const name of ["Ученики", "План", "Критерии"]) await typeSheet(name, sample.sheets.find((s) => s.name === name)!.values);
  perStep.refresh = await counted(async () => press(page, "Обновить"));
  expect(await stepCount(page, "roster")).toBe("117 учеников в 5 классах; работ в плане: 10");
  await screenshot(page, "excel-02-roster-typed");

  // 2. Settings.
  await page.getByLabel("Код ОО (6 цифр)").fill(SCHOOL.school);
  perStep.saveSettings = await counted(async () => expect(await press(page, "Сохранить настройки")).toContain("Настройки сохранены"));
  expect(await page.evaluate(() => window.__fake.workbook.sheet("Настройки").value("B2"))).toBe(Number(SCHOOL.school));
  expect(await messagePlace(page)).toBe("settings");

  // 3. Codes, 4. score sheets.
  perStep.makeCodes = await counted(async () => expect(await press(page, "Выдать коды")).toContain("Коды выданы: 117"));
  perStep.makeScoreSheets = await counted(async () => expect(await press(page, "Создать листы для баллов")).toContain("Листы для баллов: 10"));
  expect(await stepCount(page, "scoreSheets")).toBe("Листов: 10 из 10");

  // Experts type scores, with two mistakes.
  const planted = plantScores(await fakeSnapshot());
  await type(planted.writes);
  perStep.checkWithErrors = await counted(async () => expect(await press(page, "Проверить")).toMatch(/ошибок — 2/));
  const findings = page.getByTestId("findings");
  await findings.getByText("«4А Математика» — 2").waitFor();
  expect(await messagePlace(page)).toBe("check");
  await screenshot(page, "excel-03-check-errors");

  // A click on a problem selects its cell in Excel.
  const target = planted.errors[0];
  perStep.select = await counted(async () => {
    await findings.getByRole("button").filter({ hasText: target.address }).first().click();
    await page.waitForFunction((a) => window.__fake.workbook.selection?.address === a, target.address);
  });
  expect(await page.evaluate(() => window.__fake.workbook.selection)).toEqual({ sheet: target.sheet, address: target.address });

  // Fixed; the check passes; the forms are built, downloaded as one .zip and can be opened in Excel.
  await type(fixWrites(planted));
  perStep.check = await counted(async () => expect(await press(page, "Проверить")).not.toMatch(/ошибок — [1-9]/));
  expect(await stepState(page, "upload")).toBe("todo");
  let zip = new Uint8Array();
  perStep.buildUploads = await counted(async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), press(page, "Сформировать формы")]);
    zip = new Uint8Array(fs.readFileSync((await download.path())!));
  });
  await screenshot(page, "excel-04-uploads");
  expect(await verifyUploadZip(zip, await fakeSnapshot())).toEqual({ files: 8, rows: 49 + 49 + 25 + 26 + 26 + 22 + 20 + 20 });
  await page.getByRole("button", { name: `Открыть в Excel: ${SCHOOL.school}_4_Математика.xlsx` }).click();
  await page.waitForFunction(() => window.__opened.length === 1);

  // Score sheets again: a merge — nothing to ask, typed scores stay where they are.
  perStep.merged = await counted(async () => expect(await press(page, "Создать листы для баллов")).toContain("Листы для баллов: 10"));
  expect(await press(page, "Проверить")).not.toMatch(/ошибок — [1-9]/);
  // Codes again: the pane asks before replacing its own slips. "Не заменять" writes nothing.
  perStep.declined = await counted(async () => expect(await press(page, "Выдать коды", "Не заменять")).toContain("Листы не заменены"));
  expect(await messagePlace(page)).toBe("codes");
  await screenshot(page, "excel-05-after-decline");
  perStep.replaced = await counted(async () => expect(await press(page, "Выдать коды", "Заменить")).toContain("номера прежние"));

  expect(perStep).toEqual({
    open: 1,
    createInputSheets: 2,
    refresh: 1,
    saveSettings: 2,
    makeCodes: 2,
    makeScoreSheets: 2,
    checkWithErrors: 1,
    select: 1,
    check: 1,
    buildUploads: 2,
    merged: 2,
    declined: 1,
    replaced: 2,
  });
  expect(pageErrors).toEqual([]);
});

test("Excel mode: the confirmation dialog, keyboard only", async () => {
  await page.getByRole("button", { name: "Выдать коды", exact: true }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await screenshot(page, "excel-06-confirm-replace");
  expect(await dialog.textContent()).toContain("«Коды для выдачи»");
  const before = await syncs();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await page.getByTestId("message").filter({ hasText: "Листы не заменены" }).waitFor();
  expect((await syncs()) - before).toBe(0);
});
