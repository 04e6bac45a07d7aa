/** @jest-environment jsdom */
// The pane's step «Анализ результатов»: waits until scores are typed; «Показать итоги» reads and
// shows the school summary without writing; «Сделать листы анализа» writes the sheets in one apply,
// says so in the step, and the step is then done. The step comes from its own declaration (steps/).
import "./textEncoding";
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { seededRandom } from "../../src/core";
import { makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { workbookOperations } from "../../src/taskpane/operations";
import { MemoryBackend } from "./memoryBackend";
import { click, installDomShims, renderPane, runs, step } from "./paneHarness";

beforeAll(installDomShims);

const school = sampleSchool();

test("waits while no score is typed", async () => {
  const book = new MemoryBackend(sampleWorkbookPlan(school));
  renderPane(book, workbookOperations);
  await waitFor(() => expect(runs()).toBe(1));
  expect(step("analysis")).toHaveAttribute("data-state", "waiting");
});

test("summary without writing, then the sheets: one apply, the step done, the summary in the step", async () => {
  const book = new MemoryBackend(sampleWorkbookPlan(school));
  await makeCodes(book, { random: seededRandom(1) });
  await makeScoreSheets(book);
  await book.apply({ sheets: [], cellWrites: sampleScoreWrites(await book.read(null), seededRandom(3)) });
  renderPane(book, workbookOperations);
  await waitFor(() => expect(runs()).toBe(1));
  expect(step("analysis")).toHaveAttribute("data-state", "todo");

  const applies = book.applies;
  await click("Показать итоги без записи");
  expect(book.applies).toBe(applies);
  const summary = await within(step("analysis")).findByTestId("analysis-summary");
  expect(within(summary).getByText("Русский язык, 4 класс")).toBeInTheDocument();
  expect(summary.querySelectorAll('tr[data-class="grade"]').length).toBe(8);
  // The sample school is scored as its journal says: no sign of non-objective results.
  expect(within(summary).getByTestId("analysis-flags")).toHaveTextContent("Признаков необъективности не найдено.");

  const message = await click("Сделать листы анализа");
  expect(message).toMatch(/Листы анализа готовы: 11/);
  expect(book.sheets.has("Результаты для родителей")).toBe(false);
  expect(book.applies).toBe(applies + 1);
  expect(book.sheets.has("Анализ")).toBe(true);
  expect(within(step("analysis")).getByTestId("message")).toBeInTheDocument();
  await waitFor(() => expect(step("analysis")).toHaveAttribute("data-state", "done"));
  expect(screen.getByText(/Листы анализа есть в книге/)).toBeInTheDocument();
  // The slips for parents: asked for on their own.
  expect(await click("Листки для родителей")).toMatch(/Листы анализа готовы: 12/);
  expect(book.sheets.has("Результаты для родителей")).toBe(true);
});
