/** @jest-environment jsdom */
// The pane and the whole workbook: the check's message says what the step list counts; a code
// erased from the roster is a problem to fix, never «Выдать коды»; each upload form shows whether
// it is ready and why not, and the ready ones are built.
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { seededRandom } from "../../src/core";
import { makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { planUploads } from "../../src/workbook/upload";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { workbookOperations, type PaneOperations } from "../../src/taskpane/operations";
import { MemoryBackend } from "./memoryBackend";
import { click, installDomShims, renderPane as renderWith, runs, step } from "./paneHarness";

const school = sampleSchool();
/** Forms planned by the real planner; their bytes stand in (the file writer is tested elsewhere). */
const operations: PaneOperations = {
  ...workbookOperations,
  buildUploads: async (b, _forms, options) => {
    const p = planUploads(await b.read(null), options);
    return { files: p.files.map((file) => ({ fileName: file.fileName, bytes: new Uint8Array([1]), file })), findings: p.findings, forms: p.forms, changes: [], recorded: [] };
  },
};

const renderPane = (backend: MemoryBackend) => renderWith(backend, operations, "excel");


beforeAll(installDomShims);

/** The sample school with score sheets; `scored`: every score typed. */
async function book(scored: boolean): Promise<MemoryBackend> {
  const b = new MemoryBackend(sampleWorkbookPlan(school));
  await makeCodes(b, { random: seededRandom(1) });
  await makeScoreSheets(b);
  if (scored) await b.apply({ sheets: [], cellWrites: sampleScoreWrites(await b.read(null), seededRandom(3), 0) });
  return b;
}

/** The numbers in a text, in order. */
const numbers = (text: string) => (text.match(/\d+/g) ?? []).map(Number);

test("the check's message and the step's counts agree: errors, warnings, rows left to type", async () => {
  const b = await book(false);
  renderPane(b);
  await waitFor(() => expect(runs()).toBe(1));
  const message = await click("Проверить");
  expect(message).toBe("Проверка: ошибок — 0, предупреждений — 3; не заполнено строк — 237. Список ниже.");
  const count = within(step("check")).getByTestId("count-check").textContent ?? "";
  expect(count).toBe("Заполнено строк: 0 из 237; ошибок: 0; предупреждений: 3");
  const [filled, rows, errors, warnings] = numbers(count);
  expect(numbers(message)).toEqual([errors, warnings, rows - filled]);
});

test("a code erased from the roster: the codes step is a problem naming the cell, with no «Выдать коды»", async () => {
  const b = await book(true);
  const code = b.sheets.get("Ученики")![2][3];
  b.setCell("Ученики", "D3", null);
  renderPane(b);
  await waitFor(() => expect(runs()).toBe(1));
  expect(step("codes")).toHaveAttribute("data-state", "problem");
  expect(screen.queryByRole("button", { name: "Выдать коды" })).toBeNull();
  const list = within(step("codes")).getByTestId("findings");
  expect(list).toHaveTextContent("D3");
  expect(list).toHaveTextContent(`впишите код ${code} в «Ученики»!D3`);
  // The check's message still agrees with the step's counts.
  const message = await click("Проверить");
  const count = within(step("check")).getByTestId("count-check").textContent ?? "";
  const [, , errors, warnings] = numbers(count);
  expect(errors).toBeGreaterThan(0);
  expect(numbers(message).slice(0, 2)).toEqual([errors, warnings]);
});

test("each form ready or not, with the reason; the ready ones are built", async () => {
  const b = await book(true);
  const header = b.sheets.get("8А Физика")![0];
  header.forEach((h, c) => {
    if (typeof h === "string" && (/^Вариант/.test(h) || /\(\d+б\)$/.test(h))) b.setCell("8А Физика", `${String.fromCharCode(65 + c)}3`, null);
  });
  renderPane(b);
  await waitFor(() => expect(runs()).toBe(1));
  expect(step("upload")).toHaveAttribute("data-state", "todo");
  expect(within(step("upload")).getByTestId("count-upload")).toHaveTextContent("Готово форм: 7 из 8");
  const forms = within(step("upload")).getByTestId("forms");
  const physics = within(forms).getByText("8 класс, Физика (8А)").closest("li")!;
  expect(physics).toHaveAttribute("data-ready", "false");
  expect(physics).toHaveTextContent("не готова: не заполнено строк — 1 на листе «8А Физика»");
  expect(within(forms).getByText("4 класс, Математика (4А, 4Б)").closest("li")).toHaveTextContent("готова");
  const message = await click("Сформировать формы");
  expect(message).toMatch(/^Сформировано форм: 7\. Скачан файл «780999_формы_ВПР\.zip»\. Не готовы: 1/);
  expect(within(screen.getByTestId("uploads")).queryByText("780999_8_Физика.xlsx")).toBeNull();
  expect(within(screen.getByTestId("uploads")).getByText("780999_8_Математика.xlsx")).toBeInTheDocument();
});
