/** @jest-environment jsdom */
// Web mode's municipal roll-up: from the start screen, many files (two schools' forms, a FIS OKO
// export, a broken file) or a folder, with the list of schools and the observers; the progress
// line «Файл n из N: …», the summary with the broken file's problem, «Свод» downloaded and read
// back (its sheets, a school's participants), never an observer's name in the pane; a list that
// cannot be used stops before the files; cancel; English; no axe violations.
import "./textEncoding";
import "@testing-library/jest-dom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import type { CellValue } from "../../src/workbook/backend";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { buildNewWorkbook } from "../../src/workbook/file/newWorkbook";
import { App } from "../../src/taskpane/components/App";
import * as download from "../../src/taskpane/download";
import { webFiles, workbookOperations } from "../../src/taskpane/operations";
import { buildSchool, type BuiltSchool } from "../helpers/recheckSchools";
import { installDomShims } from "./paneHarness";

expect.extend(toHaveNoViolations);

const book = (sheets: { name: string; values: CellValue[][] }[]): Promise<Uint8Array> => buildNewWorkbook({ sheets, properties: {} });
const EXPORT = "Проведение работы по математике, 4 класс. ВПР 2026.xlsx";
const BROKEN = "780103_4_Математика.xlsx";
const OBSERVERS = ["Наблюдателева Ольга Петровна", "Другой Наблюдатель", "Третий Наблюдающий"];

/** A File as the browser gives it: from a file dialog, or from a folder (`path` under the chosen folder). */
const picked = (name: string, bytes: Uint8Array, path = "") => ({ name, size: bytes.length, type: "", webkitRelativePath: path, arrayBuffer: async () => bytes.slice().buffer });
type Picked = ReturnType<typeof picked>;

let schools: BuiltSchool[];
/** name → bytes, and the subfolder each would be in («школы/<код ОО>/…» for the forms). */
let sources: { name: string; bytes: Uint8Array; folder: string }[];
let schoolsList: Uint8Array;
let observersList: Uint8Array;

beforeAll(async () => {
  await installDomShims();
  schools = [await buildSchool("780101", 21), await buildSchool("780102", 22)];
  const h = ["логин школы", "регион", "номер обучающегося", "код обучающегося", "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов", "балл за 1", "балл за 2", "Учебник", "Др.уч. автор", "Др.уч. название"];
  const rows: CellValue[][] = [h];
  for (let i = 0; i < 12; i++) rows.push(["sch780201", "22", String(i + 1), String(40100 + i), "4", i % 2 ? "м" : "ж", "а", "1", "2", "1", String(i % 2), "", "", ""]);
  rows.push(["sch780201", "22", "99", "40199", "", "", "", "отсутствовал", "", "", "", "", "", ""]);
  sources = [
    ...schools.flatMap((s) => s.forms.map((f) => ({ name: f.name, bytes: f.bytes, folder: `${s.school.school}/` }))),
    { name: EXPORT, bytes: await book([{ name: "Лист1", values: rows }]), folder: "" },
    { name: BROKEN, bytes: new Uint8Array([80, 75, 3, 4, 1, 2]), folder: "" },
  ];
  schoolsList = await book([{ name: "Школы", values: [["Код ОО", "Наименование", "Муниципалитет", "Параллели", "Работы"], ["780101", "Школа № 1", "г. Алейск", "", ""], ["780102", "Школа № 2", "г. Алейск", "", ""], ["780201", "Школа № 3", "Алейский район", "", "Математика 4"], ["780103", "Школа № 4", "Алейский район", "", "Математика 4"]] }]);
  observersList = await book([{ name: "Наблюдатели", values: [["ФИО", "Место работы (код ОО)", "Дети: код ОО и класс", "Назначен в (код ОО)"], [OBSERVERS[0], "780101", null, "780101"], [OBSERVERS[1], "780102", "780201 4а", "780201"], [OBSERVERS[2], null, null, "780102"]] }]);
}, 120_000);

beforeEach(() => localStorage.clear());
afterEach(() => jest.restoreAllMocks());

function openMunicipal() {
  const r = render(<App environment={{ host: "web" }} operations={workbookOperations} webFiles={webFiles} />);
  fireEvent.click(screen.getByRole("button", { name: "Свод муниципалитета…" }));
  return r;
}

const choose = (testId: string, files: Picked[]) => fireEvent.change(screen.getByTestId(testId), { target: { files } });

/** Every text the progress line showed while the files were read. */
function watchProgress(): string[] {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    const text = screen.queryByTestId("municipal-progress")?.textContent;
    if (text && seen[seen.length - 1] !== text) seen.push(text);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return seen;
}

/** «Составить свод», and the summary. */
async function make(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole("button", { name: "Составить свод" }));
  return screen.findByTestId("municipal-summary", {}, { timeout: 60_000 });
}

/** The downloads of a run: name and bytes (or text). */
function downloads(): { name: string; data: Uint8Array | string }[] {
  const out: { name: string; data: Uint8Array | string }[] = [];
  jest.spyOn(download, "downloadBytes").mockImplementation((name, data) => void out.push({ name, data }));
  return out;
}

async function rollupOf(saved: { name: string; data: Uint8Array | string }[]) {
  fireEvent.click(screen.getByRole("button", { name: "Скачать «Свод» (.xlsx)" }));
  await waitFor(() => expect(saved.map((d) => d.name)).toContain("Свод.xlsx"));
  return (await FileBackend.fromBytes(saved.find((d) => d.name === "Свод.xlsx")!.data as Uint8Array)).read(null);
}

/** Participants and absent of a school's work on «Мониторинг» (the table of school × work). */
function monitoringRow(values: CellValue[][], school: string): { participants: CellValue; absent: CellValue; status: CellValue } {
  const header = values.findIndex((r) => r.includes("Код ОО") && r.includes("Статус"));
  const col = (name: string) => values[header].indexOf(name);
  const row = values.slice(header + 1).find((r) => r[col("Код ОО")] === school || String(r[col("Код ОО")]) === school)!;
  return { participants: row[col("Участников")], absent: row[col("Отсутствовали")], status: row[col("Статус")] };
}

test("files chosen one by one: progress file by file, the summary with the broken file, «Свод» downloaded; no observer's name; no axe violation", async () => {
  const { container } = openMunicipal();
  expect(await screen.findByRole("heading", { name: "Свод муниципалитета" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Составить свод" })).toBeDisabled();
  expect(await axe(container)).toHaveNoViolations();

  const files = sources.map((s) => picked(s.name, s.bytes));
  choose("municipal-files", files);
  expect(screen.getByText(`Выбрано: ${files.length} файлов.`)).toBeInTheDocument();
  choose("municipal-schools", [picked("школы.xlsx", schoolsList)]);
  choose("municipal-observers", [picked("наблюдатели.xlsx", observersList)]);
  expect(screen.getByText("Список школ: школы.xlsx")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Убрать список наблюдателей" })).toBeInTheDocument();

  const progress = watchProgress();
  const saved = downloads();
  const summary = await make();
  // The progress line named the files in name order, one at a time.
  const names = [...files.map((f) => f.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(progress.some((p) => p.includes(`Файл 1 из ${files.length}: ${names[0]}`))).toBe(true);
  expect(progress.some((p) => p.includes(`Файл ${files.length} из ${files.length}: ${names[names.length - 1]}`))).toBe(true);
  expect(screen.getByTestId("municipal-message")).toHaveTextContent(`Свод составлен: прочитано файлов ${files.length - 1} из ${files.length}.`);
  expect(summary).toHaveTextContent(`Файлов: ${files.length}; прочитано: ${files.length - 1}; строк участников:`);

  // The summary: the broken file and why, the monitoring, the observers by row.
  const unread = within(summary).getByTestId("municipal-unread");
  expect(unread).toHaveTextContent(BROKEN);
  expect(unread).toHaveTextContent("не открывается — Файл повреждён");
  expect(summary).toHaveTextContent(/Мониторинг: получено работ \d+, нет \d+, с ошибками 1\./);
  expect(summary).toHaveTextContent("Наблюдатели: назначений с конфликтом — 2 (строки списка: 2, 3).");
  // Every problem in the findings list, the broken file's too.
  const findings = screen.getByRole("region", { name: /Замечания по файлам и спискам/ });
  expect(findings).toHaveTextContent(`файл «${BROKEN}»`);
  expect(findings).toHaveTextContent("строка 2");
  for (const name of OBSERVERS) expect(document.body.textContent).not.toContain(name);

  // «Свод»: the roll-up's five sheets; the export's school with its 12 participants and 1 absent.
  const snap = await rollupOf(saved);
  expect(snap.sheetNames).toEqual(["Мониторинг", "Статистика", "Признаки", "Наблюдатели", "Файлы"]);
  expect(monitoringRow(snap.sheets["Мониторинг"].values, "780201")).toMatchObject({ participants: 12, absent: 1 });
  expect(monitoringRow(snap.sheets["Мониторинг"].values, "780103").status).toMatch(/ошибк/);
  expect(JSON.stringify(snap.sheets["Наблюдатели"].values)).toContain(OBSERVERS[0]);
  expect(JSON.stringify(snap.sheets["Файлы"].values)).toContain(BROKEN);

  // The JSON of `vpr municipal --json`: observers by row only.
  fireEvent.click(screen.getByRole("button", { name: "Скачать JSON" }));
  await waitFor(() => expect(saved.map((d) => d.name)).toContain("Свод.json"));
  const json = JSON.parse(saved.find((d) => d.name === "Свод.json")!.data as string);
  expect(json.flags.filter((f: { code: string }) => f.code.startsWith("municipal.observer")).map((f: { row: number }) => f.row)).toEqual([2, 3]);
  for (const name of OBSERVERS) expect(JSON.stringify(json)).not.toContain(name);

  expect(await axe(container)).toHaveNoViolations();
}, 120_000);

test("a folder: names relative to it, the same roll-up", async () => {
  openMunicipal();
  const files = sources.map((s) => picked(s.name, s.bytes, `школы/${s.folder}${s.name}`));
  choose("municipal-folder", files);
  expect(screen.getByText(`Папка «школы»: ${files.length} файлов.`)).toBeInTheDocument();
  choose("municipal-schools", [picked("школы.xlsx", schoolsList)]);
  const progress = watchProgress();
  const saved = downloads();
  const summary = await make();
  expect(progress.some((p) => p.includes(`Файл 1 из ${files.length}: 780101/`))).toBe(true);
  expect(within(summary).getByTestId("municipal-unread")).toHaveTextContent(BROKEN);
  expect(summary).toHaveTextContent(`Файлов: ${files.length}; прочитано: ${files.length - 1};`);
  const snap = await rollupOf(saved);
  expect(monitoringRow(snap.sheets["Мониторинг"].values, "780201")).toMatchObject({ participants: 12, absent: 1 });
  const fileNames = snap.sheets["Файлы"].values.map((r) => r[0]);
  for (const s of schools) for (const f of s.forms) expect(fileNames).toContain(`${s.school.school}/${f.name}`);
  // Without observers: no line about them.
  expect(summary).not.toHaveTextContent("Наблюдатели");
}, 120_000);

test("a list that cannot be used: said with why, no file read; removing it lets the roll-up be made", async () => {
  openMunicipal();
  await screen.findByRole("heading", { name: "Свод муниципалитета" });
  choose("municipal-files", [picked(EXPORT, sources.find((s) => s.name === EXPORT)!.bytes)]);
  choose("municipal-observers", [picked("школы.xlsx", schoolsList)]);
  const progress = watchProgress();
  fireEvent.click(screen.getByRole("button", { name: "Составить свод" }));
  await waitFor(() => expect(screen.getByTestId("municipal-message")).toHaveTextContent("Свод не составлен: исправьте список или уберите его."));
  const why = screen.getByRole("region", { name: "Список наблюдателей «школы.xlsx» использовать нельзя:" });
  expect(why).toHaveTextContent("нет листа «Наблюдатели»");
  expect(progress.some((p) => p.includes("Файл 1"))).toBe(false);
  fireEvent.click(screen.getByRole("button", { name: "Убрать список наблюдателей" }));
  const summary = await make();
  expect(summary).toHaveTextContent("Файлов: 1; прочитано: 1; строк участников: 13.");
  expect(summary).toHaveTextContent("Список школ не выбран");
}, 60_000);

test("cancel: no roll-up; back to the start screen", async () => {
  openMunicipal();
  await screen.findByRole("heading", { name: "Свод муниципалитета" });
  choose("municipal-files", sources.map((s) => picked(s.name, s.bytes)));
  fireEvent.click(screen.getByRole("button", { name: "Составить свод" }));
  await waitFor(() => expect(screen.getByTestId("municipal-progress")).toHaveTextContent(/Файл 1 из/));
  fireEvent.click(screen.getByRole("button", { name: "Отменить" }));
  expect(screen.getByTestId("municipal-message")).toHaveTextContent("Отменено: свод не составлен.");
  await new Promise((r) => setTimeout(r, 200));
  expect(screen.queryByTestId("municipal-summary")).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "К началу" }));
  expect(screen.getByRole("button", { name: "Открыть файл .xlsx" })).toBeInTheDocument();
}, 60_000);

test("English", async () => {
  localStorage.setItem("vpr-coordinator.language", "en");
  render(<App environment={{ host: "web" }} operations={workbookOperations} webFiles={webFiles} />);
  fireEvent.click(await screen.findByRole("button", { name: "Municipal roll-up…" }));
  expect(await screen.findByRole("heading", { name: "Municipal roll-up" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Make the roll-up" })).toBeDisabled();
  expect(screen.getByRole("button", { name: "Choose a folder…" })).toBeInTheDocument();
});
