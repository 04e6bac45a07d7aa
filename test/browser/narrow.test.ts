// The pane at the widths Excel gives a task pane (320–350 px), in web mode and in Excel mode (the
// fake Office of excel.test.ts): no horizontal overflow anywhere — the settings form open with its
// error messages, a long file name and a roster value with no space to break at, a step's long
// result (which appears in that step), and an upload form opened by mistake, its sheet renamed to a
// long name, which is explained instead of the steps. Screenshots at 340 px go to
// test-artifacts/screenshots/narrow-340-*.png.
import * as fs from "fs";
import type { Page } from "playwright-core";
import type { CellValue } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { sampleWorkbookPlan } from "../../src/workbook/sample";
import { sampleUploadForm } from "../helpers/uploadForm";
import { SCHOOL, messagePlace, press, waitIdle } from "./flow";
import { bundleFakeExcel, DIST, FAKE_OFFICE_SETUP, horizontalOverflow, launch, screenshot, serve, type Session, type StaticServer } from "./harness";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const WIDTHS = [320, 340, 350];
/** No space, no hyphen: nothing to break at but anywhere. */
const LONG_CLASS = "Класс_4А_с_очень_длинным_названием_без_единого_пробела";
const LONG_SHEET = "Очень_длинное_имя_листа_без_про";
const LONG_FILE = "школа_с_очень_длинным_названием_файла_без_пробелов.xlsx";

let server: StaticServer;
let fake: string;

beforeAll(async () => {
  if (!fs.existsSync(`${DIST}/taskpane.html`)) throw new Error("dist/taskpane.html is missing: run `npm run build` first");
  fake = await bundleFakeExcel();
  server = await serve(DIST);
});

afterAll(async () => {
  await server?.close();
});

/** The sample school without its school code, one roster class typed long. */
async function hostileBytes(): Promise<Uint8Array> {
  const plan = sampleWorkbookPlan(SCHOOL);
  const settings = plan.sheets.find((s) => s.name === "Настройки")!;
  settings.values = settings.values.map((row) => (row[0] === "Код ОО" ? [row[0], null, ...row.slice(2)] : row));
  plan.sheets.find((s) => s.name === "Ученики")!.values[2][0] = LONG_CLASS;
  const book = FileBackend.empty();
  await book.apply(plan);
  return book.toBytes();
}

/** The sample's grade 4 Maths upload form with «Протокол» renamed to a long name: its sheet's values. */
async function renamedForm(): Promise<{ name: string; values: CellValue[][] }> {
  const form = await FileBackend.fromBytes((await sampleUploadForm()).bytes);
  return { name: LONG_SHEET, values: (await form.read(["Протокол"])).sheets["Протокол"].values };
}

async function expectFormNotice(page: Page, advice: string): Promise<void> {
  const notice = page.getByTestId("upload-form");
  await notice.waitFor();
  const text = (await notice.textContent()) ?? "";
  expect(text).toContain(`Это форма для загрузки результатов в ФИС ОКО (лист «${LONG_SHEET}»: Код | Вариант | 1 (1б) | 2 (1б) | …; строк с кодами: 49)`);
  expect(text).toContain(advice);
  expect(await page.locator("[data-step]").count()).toBe(0);
}

async function expectNoOverflow(page: Page, what: string): Promise<void> {
  const o = await horizontalOverflow(page);
  expect({ what, ...o, widest: o.scrollWidth <= o.clientWidth ? [] : o.widest }).toEqual({ what, scrollWidth: o.clientWidth, clientWidth: o.clientWidth, widest: [] });
}

/** The settings form with both errors shown: a school code and a year that are wrong. */
async function settingsWithErrors(page: Page): Promise<void> {
  const form = page.locator("[data-step=settings] form");
  await form.locator("input[name=school]").fill("12");
  await form.locator("input[name=year]").fill("20");
  await form.getByRole("button", { name: "Сохранить настройки" }).click();
  await form.getByText("должен состоять ровно из 6 цифр").waitFor();
}

/** «Выдать коды» refused for the long class: the long result, and the list, in the codes step. */
async function longResult(page: Page): Promise<void> {
  expect(await press(page, "Выдать коды")).toMatch(/^Не выполнено: в книге 1 ошибка\./);
  expect(await messagePlace(page)).toBe("codes");
  await page.locator("[data-step=codes] [data-testid=findings]").getByText(LONG_CLASS, { exact: false }).waitFor();
}

describe("web mode at 320–350 px", () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await launch();
    page = session.page;
  });
  afterAll(async () => session?.close());

  test.each(WIDTHS)("%i px: the settings form, a step's long result and an upload form fit", async (width) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByTestId("open-file").setInputFiles({ name: LONG_FILE, mimeType: XLSX, buffer: Buffer.from(await hostileBytes()) });
    await page.getByTestId("file-message").waitFor();
    await waitIdle(page, 0);

    await settingsWithErrors(page);
    await expectNoOverflow(page, `web ${width}: settings`);
    if (width === 340) await screenshot(page, "narrow-340-web-settings");

    await longResult(page);
    await expectNoOverflow(page, `web ${width}: step result`);
    if (width === 340) await screenshot(page, "narrow-340-web-step-result");

    const form = await renamedForm();
    const book = FileBackend.empty();
    await book.apply({ sheets: [{ name: form.name, mode: "create", values: form.values }], cellWrites: [] });
    await page.getByTestId("open-file").setInputFiles({ name: "780999_4_Математика.xlsx", mimeType: XLSX, buffer: Buffer.from(await book.toBytes()) });
    await expectFormNotice(page, "Нажмите «Открыть другой файл» и выберите книгу координатора");
    await expectNoOverflow(page, `web ${width}: upload form`);
    if (width === 340) await screenshot(page, "narrow-340-web-upload-form");
    expect(errors).toEqual([]);
  });
});

describe("Excel mode at 320–350 px", () => {
  test.each(WIDTHS)("%i px: the settings form and a step's long result fit", async (width) => {
    const session = await launch();
    const page = session.page;
    try {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.addInitScript({ content: `${fake}\n${FAKE_OFFICE_SETUP}` });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/taskpane.html`);
      await page.locator("[data-runs]").waitFor();
      await waitIdle(page, 0);
      expect(await press(page, "Создать листы")).toContain("Созданы листы");
      expect(await messagePlace(page)).toBe("sheets");
      // The coordinator types the roster (one class typed long) and the plan; a sheet of her own with a long name.
      const plan = sampleWorkbookPlan(SCHOOL);
      const roster = plan.sheets.find((s) => s.name === "Ученики")!.values;
      roster[2][0] = LONG_CLASS;
      const typed = ["Ученики", "План", "Критерии"].map((name) => [name, plan.sheets.find((s) => s.name === name)!.values] as const);
      await page.evaluate((sheets) => {
        const w = window as unknown as { __fake: any };
        for (const [name, values] of sheets) w.__fake.workbook.sheet(name).setValues("A1", values);
      }, typed);
      await press(page, "Обновить");

      await settingsWithErrors(page);
      await expectNoOverflow(page, `excel ${width}: settings`);
      if (width === 340) await screenshot(page, "narrow-340-excel-settings");

      await longResult(page);
      await expectNoOverflow(page, `excel ${width}: step result`);
      if (width === 340) await screenshot(page, "narrow-340-excel-step-result");
      expect(errors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test("340 px: an upload form open in Excel is explained, nothing is written", async () => {
    const session = await launch();
    const page = session.page;
    try {
      const form = await renamedForm();
      await page.addInitScript({ content: `${fake}\n${FAKE_OFFICE_SETUP}\nwindow.__fake.workbook.addSheet(${JSON.stringify(form.name)}, ${JSON.stringify(form.values)});` });
      await page.setViewportSize({ width: 340, height: 900 });
      await page.goto(`${server.url}/taskpane.html`);
      await page.locator("[data-runs]").waitFor();
      await waitIdle(page, 0);
      await expectFormNotice(page, "Откройте в Excel книгу координатора");
      await expectNoOverflow(page, "excel 340: upload form");
      await screenshot(page, "narrow-340-excel-upload-form");
      expect(await page.evaluate(() => (window as unknown as { __fake: any }).__fake.workbook.sheetNames())).toEqual(["Лист1", LONG_SHEET]);
    } finally {
      await session.close();
    }
  });
});
