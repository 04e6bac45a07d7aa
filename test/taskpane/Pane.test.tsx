/** @jest-environment jsdom */
// The pane in jsdom, on an in-memory workbook: the step list, each step's result in words, the
// confirmation before replacing, cancel, failures, languages, and no axe violations.
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { seededRandom } from "../../src/core";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { App } from "../../src/taskpane/components/App";
import { workbookOperations, type PaneOperations, type WebFiles } from "../../src/taskpane/operations";
import { languageFor, ruPlural, type Language } from "../../src/taskpane/strings";
import { MemoryBackend } from "./memoryBackend";
import { click, installDomShims, renderPane as renderWith, runs, step } from "./paneHarness";

expect.extend(toHaveNoViolations);

const school = sampleSchool();
const operations: PaneOperations = { ...workbookOperations, makeCodes: (b, o) => workbookOperations.makeCodes(b, { ...o, random: seededRandom(5) }) };

const renderPane = (backend: MemoryBackend, mode: "excel" | "web" = "excel", language: Language = "ru") => renderWith(backend, operations, mode, language);



beforeAll(installDomShims);

describe("the task pane", () => {
  test("draws the steps from one read and has no accessibility violations", async () => {
    const book = new MemoryBackend(sampleWorkbookPlan(school));
    const { container } = renderPane(book);
    await waitFor(() => expect(runs()).toBe(1));
    expect(book.reads).toBe(1);
    expect(step("sheets")).toHaveAttribute("data-state", "done");
    expect(within(step("roster")).getByTestId("count-roster")).toHaveTextContent("117 учеников в 5 классах; работ в плане: 10");
    expect(within(step("codes")).getByTestId("count-codes")).toHaveTextContent("Коды есть у 0 из 117 учеников");
    expect(screen.getByRole("button", { name: "Выдать коды" })).toBeEnabled();
    expect(await axe(container)).toHaveNoViolations();
  });

  test("an empty workbook: the criteria picker and «Создать листы» with the chosen works", async () => {
    const book = new MemoryBackend();
    const { container } = renderPane(book);
    await waitFor(() => expect(runs()).toBe(1));
    expect(step("sheets")).toHaveAttribute("data-state", "todo");
    fireEvent.click(screen.getByRole("checkbox", { name: /— RU4-2026,/ }));
    expect(await axe(container)).toHaveNoViolations();
    expect(await click("Создать листы")).toContain("Созданы листы: «Настройки», «Ученики», «Коды», «План», «Критерии»");
    expect(book.sheets.get("Критерии")!.some((r) => r[1] === "RU4-2026")).toBe(true);
    expect(step("sheets")).toHaveAttribute("data-state", "done");
    expect(step("settings")).toHaveAttribute("data-state", "todo");
  });

  test("codes, score sheets, the check with cells to click, and the confirmation before replacing", async () => {
    const book = new MemoryBackend(sampleWorkbookPlan(school));
    const { container } = renderPane(book);
    await waitFor(() => expect(runs()).toBe(1));
    expect(await click("Выдать коды")).toBe("Коды выданы: 117. Распечатайте лист «Коды для выдачи» (разрежьте по линиям) и протокол каждого класса; номера уже выданных листков не меняются.");
    expect(await click("Создать листы для баллов")).toContain("Листы для баллов: 10");
    const writes = sampleScoreWrites(await book.read(null), seededRandom(2));
    await book.apply({ sheets: [], cellWrites: writes });
    const bad = writes.find((w) => w.sheet === "5А Математика" && w.address.startsWith("C") && typeof w.value === "number")!;
    book.setCell(bad.sheet, bad.address, 5);

    const reads = book.reads;
    // Three warnings: no mark column for Окружающий мир, История, Физика on «Ученики».
    expect(await click("Проверить")).toBe("Проверка: ошибок — 1, предупреждений — 3. Список ниже.");
    expect(book.reads).toBe(reads + 1); // the step list comes from the check's own read
    const findings = screen.getByTestId("findings");
    expect(within(findings).getByText("«5А Математика» — 1")).toBeInTheDocument();
    expect(step("check")).toHaveAttribute("data-state", "problem");
    expect(await axe(container)).toHaveNoViolations();
    fireEvent.click(within(findings).getByRole("button", { name: new RegExp(`${bad.address}.*больше максимума`) }));
    await waitFor(() => expect(book.selected).toEqual([{ sheet: "5А Математика", address: bad.address }]));

    // A re-run of the score sheets is a merge: nothing to ask, every typed score stays.
    const merged = book.applies;
    expect(await click("Создать листы для баллов")).toContain("Листы для баллов: 10");
    expect(book.applies).toBe(merged + 1);
    expect((await book.read(["5А Математика"])).sheets["5А Математика"].values.flat()).toContain(5);

    // Replacing the add-in's own sheets (the slips, on a second «Выдать коды») is asked first; "Не заменять" writes nothing.
    const applies = book.applies;
    fireEvent.click(screen.getByRole("button", { name: /Выдать коды/ }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("«Коды для выдачи»")).toBeInTheDocument();
    expect(await axe(dialog)).toHaveNoViolations();
    const before = runs();
    fireEvent.click(within(dialog).getByRole("button", { name: "Не заменять", hidden: true }));
    await waitFor(() => expect(runs()).toBeGreaterThan(before));
    expect(screen.getByTestId("message")).toHaveTextContent("Листы не заменены: книга не изменена.");
    expect(book.applies).toBe(applies);
  });

  test("a changed work: the pane asks before moving typed scores to «Архив баллов», and «Не переносить» writes nothing", async () => {
    const book = new MemoryBackend(sampleWorkbookPlan(school));
    renderPane(book);
    await waitFor(() => expect(runs()).toBe(1));
    await click("Выдать коды");
    await click("Создать листы для баллов");
    const header = (await book.read(["4А Математика"])).sheets["4А Математика"].values[0];
    book.setCell("4А Математика", "E2", 1);
    book.setCell("4А Математика", "E1", `${String(header[4])} (старое)`);
    const applies = book.applies;
    fireEvent.click(screen.getByRole("button", { name: "Создать листы для баллов" }));
    let dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("«4А Математика»!E2")).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole("button", { name: "Не переносить", hidden: true }));
    await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("Баллы не перенесены"));
    expect(book.applies).toBe(applies);
    fireEvent.click(screen.getByRole("button", { name: "Создать листы для баллов" }));
    dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Перенести в архив", hidden: true }));
    await waitFor(() => expect(book.applies).toBe(applies + 1));
    const archive = (await book.read(["Архив баллов"])).sheets["Архив баллов"].values;
    expect(archive[1].slice(1, 3)).toEqual(["4А Математика", "E2"]);
  });

  test("a failed write is reported in words, and the steps are read again", async () => {
    const book = new MemoryBackend(sampleWorkbookPlan(school));
    renderPane(book);
    await waitFor(() => expect(runs()).toBe(1));
    book.failNextApply = new Error("лист «Ученики» защищён");
    const error = jest.spyOn(console, "error");
    expect(await click("Выдать коды")).toBe("Не удалось: лист «Ученики» защищён");
    expect(screen.getByTestId("message").className).toMatch(/./);
    expect(within(step("codes")).getByTestId("count-codes")).toHaveTextContent("Коды есть у 0 из 117 учеников");
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  test("cancel before the write leaves the workbook as it was", async () => {
    const book = new MemoryBackend(sampleWorkbookPlan(school));
    renderPane(book);
    await waitFor(() => expect(runs()).toBe(1));
    let open: () => void = () => undefined;
    book.gate = new Promise((resolve) => (open = resolve));
    fireEvent.click(screen.getByRole("button", { name: "Выдать коды" }));
    const cancel = await screen.findByRole("button", { name: "Отменить" });
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    fireEvent.click(cancel);
    book.gate = null;
    await act(async () => open());
    await waitFor(() => expect(screen.getByTestId("message")).toHaveTextContent("Отменено: книга не изменена."));
    expect(book.applies).toBe(0);
  });

  test("a blocked operation lists what to fix under its step", async () => {
    const plan = sampleWorkbookPlan(school);
    const book = new MemoryBackend(plan);
    book.setCell("Ученики", "A3", "5Z");
    renderPane(book, "web");
    await waitFor(() => expect(runs()).toBe(1));
    expect(step("roster")).toHaveAttribute("data-state", "problem");
    expect(await click("Выдать коды")).toMatch(/^Не выполнено: в книге 1 ошибка\./);
    // The result is in the step whose button was pressed, above its list.
    expect(within(step("codes")).getByTestId("message")).toHaveTextContent(/^Не выполнено/);
    const list = within(step("codes")).getByTestId("findings");
    expect(list).toHaveTextContent("A3");
    // Web mode: the list can be copied or saved; no cell selection.
    expect(within(list).getByRole("button", { name: "Сохранить в .txt" })).toBeInTheDocument();
    expect(within(list).queryByRole("button", { name: /A3/ })).toBeNull();
  });

  test("English, when chosen", async () => {
    renderPane(new MemoryBackend(sampleWorkbookPlan(school)), "excel", "en");
    await waitFor(() => expect(runs()).toBe(1));
    expect(screen.getByRole("heading", { name: "4. Participant codes" })).toBeInTheDocument();
    expect(screen.getByTestId("count-roster")).toHaveTextContent("117 students in 5 classes; works in the plan: 10");
  });
});

describe("the app", () => {
  const files: WebFiles = { open: jest.fn(), create: async () => ({ backend: new MemoryBackend(), toBytes: async () => new Uint8Array() }) };

  test("follows Office's display language, and the switch", async () => {
    localStorage.clear();
    const { container } = render(<App environment={{ host: "excel", displayLanguage: "en-US" }} operations={operations} webFiles={files} officeBackend={() => new MemoryBackend()} />);
    await screen.findByRole("heading", { name: "VPR coordinator" });
    fireEvent.click(screen.getByRole("button", { name: "Переключить панель на русский" }));
    await screen.findByRole("heading", { name: "ВПР: координатор" });
    expect(localStorage.getItem("vpr-coordinator.language")).toBe("ru");
    expect(await axe(container)).toHaveNoViolations();
  });

  test("web mode: open or start a workbook", async () => {
    localStorage.clear();
    const { container } = render(<App environment={{ host: "web" }} operations={operations} webFiles={files} />);
    expect(screen.getByRole("button", { name: "Открыть файл .xlsx" })).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
    fireEvent.click(screen.getByRole("button", { name: "Начать новую книгу" }));
    await screen.findByText("Открыт файл «ВПР координатор.xlsx».");
    await screen.findByRole("button", { name: "Создать листы" });
    expect(screen.getByRole("button", { name: "Сохранить" })).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });

  test("language helpers", () => {
    expect(languageFor("ru-RU")).toBe("ru");
    expect(languageFor("en-GB")).toBe("en");
    expect(languageFor("de-DE")).toBe("ru");
    expect(languageFor(undefined)).toBe("ru");
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => ruPlural(n, "ученик", "ученика", "учеников"))).toEqual(["ученик", "ученика", "учеников", "учеников", "ученик", "ученика", "учеников"]);
  });
});
