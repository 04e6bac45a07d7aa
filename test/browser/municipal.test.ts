// Web mode's municipal roll-up in Chromium at 340 px: a folder of two schools' forms (a subfolder
// each), a FIS OKO export and a broken file, with the list of schools and the observers; the
// progress line, the summary, no horizontal overflow, no observer's name on the page; «Свод»
// downloaded and read back. Screenshot: test-artifacts/screenshots/municipal-340.png (the view with its summary).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CellValue } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { buildNewWorkbook } from "../../src/workbook/file/newWorkbook";
import { buildSchool } from "../helpers/recheckSchools";
import { DIST, horizontalOverflow, launch, screenshot, serve, type Session, type StaticServer } from "./harness";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const book = (sheets: { name: string; values: CellValue[][] }[]): Promise<Uint8Array> => buildNewWorkbook({ sheets, properties: {} });
const OBSERVER = "Наблюдателева Ольга Петровна";
const BROKEN = "780103_4_Математика.xlsx";

let server: StaticServer;
let session: Session;
let dir: string;

beforeAll(async () => {
  if (!fs.existsSync(`${DIST}/taskpane.html`)) throw new Error("dist/taskpane.html is missing: run `npm run build` first");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpr-municipal-"));
  const folder = path.join(dir, "школы");
  for (const s of [await buildSchool("780101", 21), await buildSchool("780102", 22)]) {
    fs.mkdirSync(path.join(folder, s.school.school), { recursive: true });
    for (const f of s.forms) fs.writeFileSync(path.join(folder, s.school.school, f.name), f.bytes);
  }
  const h = ["логин школы", "регион", "номер обучающегося", "код обучающегося", "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов", "балл за 1", "балл за 2", "Учебник", "Др.уч. автор", "Др.уч. название"];
  const rows: CellValue[][] = [h];
  for (let i = 0; i < 12; i++) rows.push(["sch780201", "22", String(i + 1), String(40100 + i), "4", i % 2 ? "м" : "ж", "а", "1", "2", "1", String(i % 2), "", "", ""]);
  fs.writeFileSync(path.join(folder, "Проведение работы по математике, 4 класс. ВПР 2026.xlsx"), await book([{ name: "Лист1", values: rows }]));
  fs.writeFileSync(path.join(folder, BROKEN), new Uint8Array([80, 75, 3, 4, 1, 2]));
  server = await serve(DIST);
  session = await launch();
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("a folder at 340 px (and 320): progress, summary, no overflow, no observer's name; «Свод» downloaded", async () => {
  const { page } = session;
  await page.setViewportSize({ width: 340, height: 900 });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("button", { name: "Свод муниципалитета…" }).click();
  await page.getByRole("heading", { name: "Свод муниципалитета" }).waitFor();
  expect((await horizontalOverflow(page)).widest).toEqual([]);
  await page.getByTestId("municipal-folder").setInputFiles(path.join(dir, "школы"));
  await page.getByText(/Папка «школы»: \d+ файл/).waitFor();
  const schools = await book([{ name: "Школы", values: [["Код ОО", "Наименование", "Муниципалитет"], ["780101", "Средняя общеобразовательная школа № 1 имени очень длинного имени", "г. Алейск"], ["780102", "Школа № 2", "г. Алейск"], ["780201", "Школа № 3", "Алейский район"]] }]);
  await page.getByTestId("municipal-schools").setInputFiles({ name: "список_школ_муниципалитета_без_единого_пробела_в_имени.xlsx", mimeType: XLSX, buffer: Buffer.from(schools) });
  const observers = await book([{ name: "Наблюдатели", values: [["ФИО", "Место работы (код ОО)", "Дети: код ОО и класс", "Назначен в (код ОО)"], [OBSERVER, "780101", null, "780101"]] }]);
  await page.getByTestId("municipal-observers").setInputFiles({ name: "наблюдатели.xlsx", mimeType: XLSX, buffer: Buffer.from(observers) });

  await page.getByRole("button", { name: "Составить свод" }).click();
  await page.getByTestId("municipal-summary").waitFor({ timeout: 60_000 });
  const summary = (await page.getByTestId("municipal-summary").textContent()) ?? "";
  expect(summary).toContain(BROKEN);
  expect(summary).toContain("Наблюдатели: назначений с конфликтом — 1 (строки списка: 2)");
  expect(await page.locator("body").textContent()).not.toContain(OBSERVER);

  const o = await horizontalOverflow(page);
  expect(o.widest).toEqual([]);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
  await screenshot(page, "municipal-340");
  await page.setViewportSize({ width: 320, height: 900 });
  expect((await horizontalOverflow(page)).widest).toEqual([]);
  await page.setViewportSize({ width: 340, height: 900 });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Скачать «Свод» (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toBe("Свод.xlsx");
  const snap = await (await FileBackend.fromBytes(fs.readFileSync(await download.path()))).read(null);
  expect(snap.sheetNames).toEqual(["Мониторинг", "Статистика", "Признаки", "Наблюдатели", "Файлы"]);
  expect(JSON.stringify(snap.sheets["Файлы"].values)).toContain("780101/780101_4_Математика.xlsx");
});
