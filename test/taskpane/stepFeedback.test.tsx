/** @jest-environment jsdom */
// Where the pane answers: the progress bar and the result appear in the step whose button was
// pressed (one live region says them to screen readers); a code list .xlsx as FIS OKO gives it is
// read from its «Код» column by the reader the CLI uses; an upload form opened by mistake is
// explained and offers no step.
import "./textEncoding";
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { seededRandom } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { sampleSchool, sampleWorkbookPlan } from "../../src/workbook/sample";
import { workbookOperations, type PaneOperations } from "../../src/taskpane/operations";
import { type Language } from "../../src/taskpane/strings";
import { FIS_OKO_LIST, xlsxWith } from "../helpers/codeListXlsx";
import { sampleUploadForm } from "../helpers/uploadForm";
import { MemoryBackend } from "./memoryBackend";
import { installDomShims, renderPane as renderWith, runs, step } from "./paneHarness";

expect.extend(toHaveNoViolations);

const school = sampleSchool();
const operations: PaneOperations = { ...workbookOperations, makeCodes: (b, o) => workbookOperations.makeCodes(b, { ...o, random: seededRandom(5) }) };

const renderPane = (backend: MemoryBackend, mode: "excel" | "web" = "excel", language: Language = "ru") => renderWith(backend, operations, mode, language);

const live = () => screen.getByTestId("live");

/** A file as the browser hands it to the input (jsdom's File has no arrayBuffer). */
const picked = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, type: "", arrayBuffer: async () => bytes.slice().buffer });

beforeAll(installDomShims);

describe("progress and result next to the button pressed", () => {
  test("«Выдать коды»: the bar and then the result inside «Коды участников», nowhere else; one live region says both", async () => {
    const book = new MemoryBackend(sampleWorkbookPlan(school));
    const { container } = renderPane(book);
    await waitFor(() => expect(runs()).toBe(1));
    let open: () => void = () => undefined;
    book.gate = new Promise((resolve) => (open = resolve));
    fireEvent.click(within(step("codes")).getByRole("button", { name: "Выдать коды" }));
    const bar = await within(step("codes")).findByTestId("busy");
    expect(within(bar).getByRole("progressbar")).toBeInTheDocument();
    expect(within(bar).getByRole("button", { name: "Отменить" })).toBeInTheDocument();
    expect(screen.getAllByTestId("busy")).toHaveLength(1);
    expect(live()).toHaveTextContent("Выполняется…");
    book.gate = null;
    await act(async () => open());
    await waitFor(() => expect(runs()).toBe(2));
    const message = within(step("codes")).getByTestId("message");
    expect(message).toHaveTextContent(/^Коды выданы: 117\./);
    expect(screen.getAllByTestId("message")).toHaveLength(1);
    expect(screen.queryByTestId("busy")).toBeNull();
    expect(live()).toHaveTextContent(/^Коды выданы: 117\./);
    // One live region in the pane: neither the bar nor the message is another.
    expect(container.querySelectorAll("[aria-live]")).toHaveLength(1);
    expect(container.querySelectorAll("[role=status]")).toHaveLength(1);
    expect(await axe(container)).toHaveNoViolations();

    // The next step's button answers in its own step; the old message is gone.
    fireEvent.click(within(step("scoreSheets")).getByRole("button", { name: "Создать листы для баллов" }));
    await waitFor(() => expect(runs()).toBe(3));
    expect(within(step("scoreSheets")).getByTestId("message")).toHaveTextContent("Листы для баллов: 10");
    expect(within(step("codes")).queryByTestId("message")).toBeNull();
    fireEvent.click(within(step("check")).getByRole("button", { name: "Проверить" }));
    await waitFor(() => expect(runs()).toBe(4));
    expect(within(step("check")).getByTestId("message")).toHaveTextContent(/^Проверка: ошибок — 0/);
  });

  test("settings: the result under «Сохранить настройки»; a failure in words in the step pressed", async () => {
    const plan = sampleWorkbookPlan(school);
    const book = new MemoryBackend(plan);
    book.setCell("Настройки", "B2", null);
    renderPane(book, "web");
    await waitFor(() => expect(runs()).toBe(1));
    fireEvent.change(within(step("settings")).getByLabelText(/Код ОО/), { target: { value: school.school } });
    fireEvent.click(within(step("settings")).getByRole("button", { name: "Сохранить настройки" }));
    await waitFor(() => expect(runs()).toBe(2));
    expect(within(step("settings")).getByTestId("message")).toHaveTextContent("Настройки сохранены");
    book.failNextApply = new Error("лист «Ученики» защищён");
    fireEvent.click(within(step("codes")).getByRole("button", { name: "Выдать коды" }));
    await waitFor(() => expect(runs()).toBe(3));
    expect(within(step("codes")).getByTestId("message")).toHaveTextContent("Не удалось: лист «Ученики» защищён");
    expect(within(step("settings")).queryByTestId("message")).toBeNull();
  });

  test("the first read and «Обновить» answer at the top, above the steps", async () => {
    const book = new MemoryBackend(sampleWorkbookPlan(school));
    renderPane(book);
    await waitFor(() => expect(runs()).toBe(1));
    book.failNextRead = new Error("книга закрыта");
    fireEvent.click(screen.getByRole("button", { name: "Обновить" }));
    await waitFor(() => expect(runs()).toBe(2));
    const message = screen.getByTestId("message");
    expect(message).toHaveTextContent("Не удалось: книга закрыта");
    expect(message.closest("[data-step]")).toBeNull();
    expect(message.compareDocumentPosition(step("sheets")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe("a code list .xlsx from FIS OKO in the pane", () => {
  async function openImport() {
    const book = new MemoryBackend(sampleWorkbookPlan(school));
    const view = renderPane(book, "web");
    await waitFor(() => expect(runs()).toBe(1));
    fireEvent.click(screen.getByRole("button", { name: "Загрузить список кодов из ФИС ОКО" }));
    const input = step("codes").querySelector("input[type=file]") as HTMLInputElement;
    return { book, input, container: view.container };
  }

  test("«№», «Класс» and a title are skipped: the «Код участника» column fills the box, the write answers under its button", async () => {
    const { book, input, container } = await openImport();
    fireEvent.change(input, { target: { files: [picked("коды.xlsx", await xlsxWith({ Лист1: FIS_OKO_LIST }))] } });
    const note = await within(step("codes")).findByTestId("codes-file-note");
    expect(note).toHaveTextContent("Из файла «коды.xlsx» (лист «Лист1», столбец «Код участника», C): кодов — 3; повторов пропущено — 1.");
    expect(within(step("codes")).getByRole("textbox")).toHaveValue("40011\n40012\n40013");
    expect(await axe(container)).toHaveNoViolations();
    fireEvent.click(screen.getByRole("button", { name: "Записать на лист «Коды»" }));
    await waitFor(() => expect(runs()).toBe(2));
    expect(within(step("codes")).getByTestId("message")).toHaveTextContent("Записано кодов на лист «Коды»: 3.");
    expect(book.sheets.get("Коды")!.slice(1).map((r) => r[0])).toEqual([40011, 40012, 40013]);
  });

  test("a cell that is not a code: file, sheet and cell; nothing can be written", async () => {
    const { input } = await openImport();
    fireEvent.change(input, { target: { files: [picked("коды.xlsx", await xlsxWith({ Коды: [["№", "Класс", "Код"], [1, "4А", 40001], [2, "4А", "4А"]] }))] } });
    const problems = await within(step("codes")).findByTestId("codes-file-problems");
    expect(problems).toHaveTextContent("Файл «коды.xlsx» не прочитан");
    expect(problems).toHaveTextContent("Файл «коды.xlsx», лист «Коды», ячейка C3: «4А» — не код участника");
    expect(screen.getByRole("button", { name: "Записать на лист «Коды»" })).toBeDisabled();
  });

  test("a .csv goes through the same reader", async () => {
    const { input } = await openImport();
    fireEvent.change(input, { target: { files: [picked("коды.csv", new TextEncoder().encode("№;Класс;Код\n1;4А;40001\n2;4Б;40002\n"))] } });
    await within(step("codes")).findByTestId("codes-file-note");
    expect(within(step("codes")).getByRole("textbox")).toHaveValue("40001\n40002");
  });
});

describe("an upload form opened as the coordinator's workbook", () => {
  async function formBook(): Promise<MemoryBackend> {
    const form = await FileBackend.fromBytes((await sampleUploadForm()).bytes);
    const snapshot = await form.read(null);
    const book = new MemoryBackend();
    for (const name of snapshot.sheetNames) book.sheets.set(name, snapshot.sheets[name].values);
    return book;
  }

  test("Excel: says what the file is and what to open; no step, nothing written", async () => {
    const book = await formBook();
    const { container } = renderPane(book);
    await waitFor(() => expect(runs()).toBe(1));
    const notice = screen.getByTestId("upload-form");
    expect(notice).toHaveTextContent("Это форма для ФИС ОКО, а не книга координатора");
    expect(notice).toHaveTextContent(
      "Это форма для загрузки результатов в ФИС ОКО (лист «Протокол»: Код | Вариант | 1 (1б) | 2 (1б) | …; строк с кодами: 49), а не книга координатора: в ней нет листов «Настройки», «Ученики», «План».",
    );
    expect(notice).toHaveTextContent("Откройте в Excel книгу координатора");
    expect(live()).toHaveTextContent("Это форма для ФИС ОКО, а не книга координатора");
    expect(document.querySelector("[data-step]")).toBeNull();
    expect(screen.queryByRole("button", { name: "Создать листы" })).toBeNull();
    expect(screen.getByRole("button", { name: "Обновить" })).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
    expect(book.applies).toBe(0);
  });

  test("web mode and English", async () => {
    renderPane(await formBook(), "web");
    await waitFor(() => expect(runs()).toBe(1));
    expect(screen.getByTestId("upload-form")).toHaveTextContent("Нажмите «Открыть другой файл» и выберите книгу координатора");
  });

  test("English", async () => {
    renderPane(await formBook(), "web", "en");
    await waitFor(() => expect(runs()).toBe(1));
    expect(screen.getByTestId("upload-form")).toHaveTextContent("This is an upload form for FIS OKO (sheet «Протокол»: Код | Вариант | 1 (1б) | 2 (1б) | …; rows with a code: 49)");
  });
});
