/** @jest-environment jsdom */
// The pane's «Удалить ФИО»: not offered before every student has a code, asked in a dialog that
// says what will be cleared, and the reminder at the top once the protocols' keeping period passed.
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { seededRandom } from "../../src/core";
import { makeCodes } from "../../src/workbook/operations";
import { sampleSchool, sampleWorkbookPlan } from "../../src/workbook/sample";
import { workbookOperations } from "../../src/taskpane/operations";
import { type Language } from "../../src/taskpane/strings";
import { MemoryBackend } from "./memoryBackend";
import { installDomShims, renderPane as renderWith, runs, step } from "./paneHarness";

expect.extend(toHaveNoViolations);

const school = sampleSchool(3, { "4А": 4, "5А": 3 });
const students = school.students.length;

const renderPane = (backend: MemoryBackend, language: Language = "ru") => renderWith(backend, workbookOperations, "excel", language);

/** Fluent's primary button carries its appearance's atomic classes; a secondary one only the base two. */
const isPrimary = (button: HTMLElement) => button.className.trim().split(/\s+/).length > 2;

/** The sample school with every work of the plan written on `date`; with codes unless told otherwise. */
async function book(date: string, codes = true): Promise<MemoryBackend> {
  const b = new MemoryBackend(sampleWorkbookPlan(school));
  (await b.read(["План"])).sheets["План"].values.forEach((_, r) => r > 0 && b.setCell("План", `D${r + 1}`, date));
  if (codes) expect((await makeCodes(b, { random: seededRandom(1) })).status).toBe("done");
  return b;
}

beforeAll(installDomShims);

describe("«Удалить ФИО» in the pane", () => {
  test("before codes: waiting, no button, and it says why", async () => {
    renderPane(await book("15.04.2099", false));
    await waitFor(() => expect(runs()).toBe(1));
    expect(step("removeNames")).toHaveAttribute("data-state", "waiting");
    expect(step("removeNames")).toHaveTextContent("только после того, как у каждого ученика есть код");
    expect(within(step("removeNames")).queryByRole("button")).toBeNull();
  });

  test("after the keeping period: the reminder; the dialog says what will be cleared; «Отмена» writes nothing, «Удалить ФИО» clears", async () => {
    const b = await book("15.04.2020");
    const { container } = renderPane(b);
    await waitFor(() => expect(runs()).toBe(1));
    expect(screen.getByTestId("retention-reminder")).toHaveTextContent(
      "Срок хранения протоколов истёк 14.07.2020 (последняя работа по плану — 15.04.2020, хранить 90 дн., лист «Настройки»): удалите ФИО — шаг «Удалить ФИО».",
    );
    expect(step("removeNames")).toHaveAttribute("data-state", "todo");
    expect(within(step("removeNames")).getByTestId("count-removeNames")).toHaveTextContent(`Ячеек с ФИО: ${2 * students}; срок хранения истёк 14.07.2020`);
    expect(isPrimary(within(step("removeNames")).getByRole("button", { name: "Удалить ФИО" }))).toBe(true);
    expect(await axe(container)).toHaveNoViolations();

    const applies = b.applies;
    fireEvent.click(within(step("removeNames")).getByRole("button", { name: "Удалить ФИО" }));
    let dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent(`Будут стёрты ${2 * students} ячеек с ФИО — это необратимо`);
    expect(within(dialog).getByText(`лист «Ученики», столбец «ФИО»: ${students}`)).toBeInTheDocument();
    expect(within(dialog).getByText("лист «Протокол 4А»: 4")).toBeInTheDocument();
    expect(dialog).toHaveTextContent("Копии книги (прежние версии, резервные копии, распечатки) по-прежнему содержат ФИО");
    expect(await axe(dialog)).toHaveNoViolations();
    let before = runs();
    fireEvent.click(within(dialog).getByRole("button", { name: "Отмена", hidden: true }));
    await waitFor(() => expect(runs()).toBeGreaterThan(before));
    expect(screen.getByTestId("message")).toHaveTextContent("ФИО не удалены: книга не изменена.");
    expect(b.applies).toBe(applies);

    fireEvent.click(within(step("removeNames")).getByRole("button", { name: "Удалить ФИО" }));
    dialog = await screen.findByRole("alertdialog");
    before = runs();
    fireEvent.click(within(dialog).getByRole("button", { name: "Удалить ФИО", hidden: true }));
    await waitFor(() => expect(runs()).toBeGreaterThan(before));
    expect(screen.getByTestId("message")).toHaveTextContent(`Стёрто ячеек с ФИО: ${2 * students}.`);
    expect(b.sheets.get("Ученики")!.slice(1).every((r) => r[1] === null)).toBe(true);
    expect(step("removeNames")).toHaveAttribute("data-state", "done");
    expect(screen.queryByTestId("retention-reminder")).toBeNull();
  });

  test("before the date: no reminder; the step is there, not pressed on the coordinator", async () => {
    renderPane(await book("15.04.2099"));
    await waitFor(() => expect(runs()).toBe(1));
    expect(screen.queryByTestId("retention-reminder")).toBeNull();
    expect(within(step("removeNames")).getByTestId("count-removeNames")).toHaveTextContent("; хранить до 14.07.2099");
    expect(isPrimary(within(step("removeNames")).getByRole("button", { name: "Удалить ФИО" }))).toBe(false);
  });

  test("English", async () => {
    renderPane(await book("15.04.2020"), "en");
    await waitFor(() => expect(runs()).toBe(1));
    expect(screen.getByTestId("retention-reminder")).toHaveTextContent("The protocols' keeping period ended on 14.07.2020");
    expect(screen.getByRole("heading", { name: "11. Remove names" })).toBeInTheDocument();
  });

  test("the settings form edits the period, with the one validation", async () => {
    const b = await book("15.04.2020");
    renderPane(b);
    await waitFor(() => expect(runs()).toBe(1));
    fireEvent.click(screen.getByRole("button", { name: "Изменить настройки" }));
    const field = screen.getByRole("textbox", { name: /Хранить работы и протоколы, дней/ });
    expect(field).toHaveValue("90");
    fireEvent.change(field, { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить настройки" }));
    expect(await screen.findByText(/укажите целое число дней от 1 до 3650/)).toBeInTheDocument();
    fireEvent.change(field, { target: { value: "3650" } });
    const before = runs();
    fireEvent.click(screen.getByRole("button", { name: "Сохранить настройки" }));
    await waitFor(() => expect(runs()).toBeGreaterThan(before));
    expect(b.sheets.get("Настройки")![5][1]).toBe(3650);
    expect(screen.queryByTestId("retention-reminder")).toBeNull();
  });
});
