// Web mode, end to end, in the system Chromium with office.js blocked (offline): open the sample
// school's workbook, settings, codes, score sheets; scores typed "in Excel" (in Node, between
// steps, on the saved file) with two planted errors; the check shows them with their cells; fixed;
// the upload .zip is read back and checked. Screenshots of each main state go to
// test-artifacts/screenshots/.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { DIST, launch, screenshot, serve, type Session, type StaticServer } from "./harness";
import { SCHOOL, fixWrites, messagePlace, plantScores, press, sampleWorkbookBytes, stepCount, stepState, verifyUploadZip, waitIdle } from "./flow";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let server: StaticServer;
let session: Session;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(`${DIST}/taskpane.html`)) throw new Error("dist/taskpane.html is missing: run `npm run build` first");
  server = await serve(DIST);
  session = await launch();
  page = session.page;
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function open(bytes: Uint8Array, name: string): Promise<void> {
  await page.getByTestId("open-file").setInputFiles({ name, mimeType: XLSX, buffer: Buffer.from(bytes) });
  await page.getByTestId("file-message").filter({ hasText: name }).waitFor();
  await waitIdle(page, 0);
}

async function download(action: () => Promise<unknown>): Promise<Uint8Array> {
  const [file] = await Promise.all([page.waitForEvent("download"), action()]);
  return new Uint8Array(fs.readFileSync((await file.path())!));
}

test("web mode: a whole season on the sample school, offline", async () => {
  const officeRequests: string[] = [];
  page.on("request", (r) => {
    if (/appsforoffice/.test(r.url())) officeRequests.push(r.url());
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("button", { name: "Открыть файл .xlsx" }).waitFor();
  await screenshot(page, "web-01-start");

  // Open the sample workbook (input sheets filled, no codes, no school code yet).
  await open(await sampleWorkbookBytes(), "школа-1.xlsx");
  expect(await stepState(page, "sheets")).toBe("done");
  expect(await stepState(page, "settings")).toBe("todo");
  expect(await stepCount(page, "roster")).toBe("117 учеников в 5 классах; работ в плане: 10");
  expect(await stepCount(page, "codes")).toBe("Коды есть у 0 из 117 учеников");
  await screenshot(page, "web-02-opened");

  // Settings: the school code is required; a wrong one is refused in the form.
  await page.getByLabel("Код ОО (6 цифр)").fill("78099");
  await page.getByRole("button", { name: "Сохранить настройки" }).click();
  await page.getByText("должен состоять ровно из 6 цифр").waitFor();
  await page.getByLabel("Код ОО (6 цифр)").fill(SCHOOL.school);
  expect(await press(page, "Сохранить настройки")).toContain("Настройки сохранены");
  // Each result appears in the step whose button was pressed.
  expect(await messagePlace(page)).toBe("settings");
  expect(await stepState(page, "settings")).toBe("done");

  expect(await press(page, "Выдать коды")).toContain("Коды выданы: 117");
  expect(await messagePlace(page)).toBe("codes");
  expect(await stepCount(page, "codes")).toBe("Коды есть у 117 из 117 учеников");
  await screenshot(page, "web-03-codes");

  expect(await press(page, "Создать листы для баллов")).toContain("Листы для баллов: 10");
  expect(await stepCount(page, "scoreSheets")).toBe("Листов: 10 из 10");
  // Three warnings: «Ученики» has no mark column for Окружающий мир, История, Физика.
  expect(await stepCount(page, "check")).toBe("Заполнено строк: 0 из 237; ошибок: 0; предупреждений: 3");
  await screenshot(page, "web-04-score-sheets");

  // "Save" downloads the workbook; the experts type scores into it (here: in Node), with two mistakes.
  const saved = await download(() => page.getByRole("button", { name: "Сохранить", exact: true }).click());
  const book = await FileBackend.fromBytes(saved);
  expect((await book.read(null)).sheetNames).toContain("4А Математика");
  const planted = plantScores(await book.read(null));
  await book.apply({ sheets: [], cellWrites: planted.writes });
  await open(await book.toBytes(), "школа-2.xlsx");

  const checkMessage = await press(page, "Проверить");
  expect(checkMessage).toMatch(/ошибок — 2/);
  expect(await messagePlace(page)).toBe("check");
  const findings = page.getByTestId("findings");
  await findings.getByText("«4А Математика» — 2").waitFor();
  for (const e of planted.errors) await findings.getByText(e.address, { exact: true }).waitFor();
  expect(await findings.textContent()).toContain("больше максимума 1");
  expect(await stepState(page, "check")).toBe("problem");
  // Only the form of the work with the errors waits; the seven others could be built.
  expect(await stepState(page, "upload")).toBe("todo");
  expect(await stepCount(page, "upload")).toBe("Готово форм: 7 из 8");
  await screenshot(page, "web-05-check-errors");

  // The list can be saved as text with sheet and cell.
  const report = Buffer.from(await download(() => findings.getByRole("button", { name: "Сохранить в .txt" }).click())).toString("utf8");
  for (const e of planted.errors) expect(report).toContain(`'${e.sheet}'!${e.address}`);

  // Fixed in "Excel" (Node), opened again; the check passes; the forms are built and downloaded.
  await book.apply({ sheets: [], cellWrites: fixWrites(planted) });
  await open(await book.toBytes(), "школа-3.xlsx");
  expect(await press(page, "Проверить")).not.toMatch(/ошибок — [1-9]/);
  expect(await stepState(page, "check")).toBe("done");
  expect(await stepState(page, "upload")).toBe("todo");

  const zip = await download(async () => {
    const message = await press(page, "Сформировать формы");
    expect(message).toContain("Сформировано форм: 8");
    expect(message).toContain(`${SCHOOL.school}_формы_ВПР.zip`);
  });
  expect(await messagePlace(page)).toBe("upload");
  await screenshot(page, "web-06-uploads");
  const result = await verifyUploadZip(zip, await book.read(null));
  // 8 forms: grade 4 Russian, Maths (4А+4Б) and Окружающий мир (4А); grade 5 Russian and Maths; grade 6 History; grade 8 Maths and Physics.
  expect(result).toEqual({ files: 8, rows: 49 + 49 + 25 + 26 + 26 + 22 + 20 + 20 });

  // The analysis: the sheets with charts written into the open workbook, the school summary in its step.
  expect(await stepState(page, "analysis")).toBe("todo");
  expect(await press(page, "Сделать листы анализа")).toContain("Листы анализа готовы");
  expect(await messagePlace(page)).toBe("analysis");
  await page.getByTestId("analysis-summary").waitFor();
  expect(await page.getByTestId("analysis-summary").locator('tr[data-class="grade"]').count()).toBe(8);
  await page.locator('[data-step="analysis"]').scrollIntoViewIfNeeded();
  await screenshot(page, "web-06b-analysis");
  expect(await stepState(page, "analysis")).toBe("done");

  // The pane switches to English and back.
  await page.getByRole("button", { name: "Switch the pane to English" }).click();
  await page.getByRole("heading", { name: "8. Forms for FIS OKO" }).waitFor();
  await screenshot(page, "web-07-english");
  await page.getByRole("button", { name: "Переключить панель на русский" }).click();

  expect(officeRequests.length).toBeLessThanOrEqual(1);
  expect(pageErrors).toEqual([]);
});

test("web mode: the opened file changed on disk (saved in Excel meanwhile) — «Сохранить» refuses, nothing downloaded", async () => {
  page.on("dialog", (d) => void d.accept());
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("button", { name: "Открыть файл .xlsx" }).waitFor();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "vpr-web-"));
  const file = path.join(folder, "школа-на-диске.xlsx");
  const bytes = await sampleWorkbookBytes();
  fs.writeFileSync(file, bytes);
  try {
    // Picked from disk (a File backed by the file, not a copy in memory).
    await page.getByTestId("open-file").setInputFiles(file);
    await page.getByTestId("file-message").filter({ hasText: "школа-на-диске.xlsx" }).waitFor();
    await waitIdle(page, 0);

    // Saved in «Excel» meanwhile: other bytes, a later time.
    const book = await FileBackend.fromBytes(bytes);
    await book.apply({ sheets: [], cellWrites: [{ sheet: "Настройки", address: "B2", value: SCHOOL.school }] });
    fs.writeFileSync(file, await book.toBytes());
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);

    const downloads: string[] = [];
    const onDownload = (d: { suggestedFilename(): string }) => downloads.push(d.suggestedFilename());
    page.on("download", onDownload);
    await page.getByRole("button", { name: "Сохранить", exact: true }).click();
    const message = page.getByTestId("file-message").filter({ hasText: "изменён в другой программе" });
    await message.waitFor();
    expect(await message.textContent()).toContain("Файл «школа-на-диске.xlsx» изменён в другой программе после того, как вы открыли его здесь");
    await screenshot(page, "web-08-changed-on-disk");
    await page.waitForTimeout(500);
    expect(downloads).toEqual([]);

    // Opened again, it saves.
    await page.getByTestId("open-file").setInputFiles(file);
    await page.getByTestId("file-message").filter({ hasText: "Открыт файл «школа-на-диске.xlsx»" }).waitFor();
    await waitIdle(page, 0);
    const saved = await download(() => page.getByRole("button", { name: "Сохранить", exact: true }).click());
    expect(saved.byteLength).toBeGreaterThan(0);
    page.off("download", onDownload);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  expect(pageErrors).toEqual([]);
});
