/** @jest-environment jsdom */
// The pane's step «Перепроверка»: waits until scores are typed; its buttons wait for a list; with
// a list, «Сделать чек-лист и протокол» writes the checklist in one apply and downloads the
// protocol; «Проверить сканы» takes a folder (subfolders, misnamed and missing scans listed) and
// writes nothing.
import "./textEncoding";
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { seededRandom } from "../../src/core";
import { makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { workbookOperations } from "../../src/taskpane/operations";
import { SCHOOL, pickWorks, sampleOf, unknownCode } from "../helpers/recheckSchool";
import { MemoryBackend } from "./memoryBackend";
import { click, installDomShims, renderPane, runs, step } from "./paneHarness";

beforeAll(installDomShims);

const school = sampleSchool();
const bytesOf = (text: string) => new TextEncoder().encode(text);
/** A File as the browser gives it: from a file dialog, or from a folder (`path` under the folder). */
const picked = (name: string, bytes: Uint8Array, path = "") => ({
  name,
  size: bytes.length,
  type: "",
  webkitRelativePath: path,
  arrayBuffer: async () => bytes.slice().buffer,
  slice: (from: number, to: number) => ({ arrayBuffer: async () => bytes.slice(from, to).buffer }),
});

async function scoredBook(): Promise<MemoryBackend> {
  const book = new MemoryBackend(sampleWorkbookPlan(school));
  await makeCodes(book, { random: seededRandom(1) });
  await makeScoreSheets(book);
  await book.apply({ sheets: [], cellWrites: sampleScoreWrites(await book.read(null), seededRandom(3)) });
  return book;
}

async function pick(testId: string, files: ReturnType<typeof picked>[]): Promise<void> {
  const before = runs();
  fireEvent.change(screen.getByTestId(testId), { target: { files } });
  await waitFor(() => expect(runs()).toBeGreaterThan(before));
}

test("waits while no score is typed", async () => {
  renderPane(new MemoryBackend(sampleWorkbookPlan(school)), workbookOperations);
  await waitFor(() => expect(runs()).toBe(1));
  expect(step("recheck")).toHaveAttribute("data-state", "waiting");
  expect(within(step("recheck")).queryByRole("button")).toBeNull();
});

test("list, then the checklist and the protocol in one apply, then the scans checked without writing", async () => {
  const book = await scoredBook();
  const entries = pickWorks(await book.read(null), [{ workId: "RU4-2026", className: "4А", n: 2 }], false);
  renderPane(book, workbookOperations, "web");
  await waitFor(() => expect(runs()).toBe(1));
  expect(step("recheck")).toHaveAttribute("data-state", "todo");
  // The buttons wait for a list.
  expect(within(step("recheck")).queryByRole("button", { name: "Сделать чек-лист и протокол" })).toBeNull();
  await pick("recheck-list", [picked("список.json", bytesOf(JSON.stringify(sampleOf([...entries, unknownCode]))))]);
  expect(within(step("recheck")).getByText("Список «список.json»: работ 3")).toBeInTheDocument();

  const applies = book.applies;
  expect(await click("Сделать чек-лист и протокол")).toBe(`Чек-лист «Перепроверка» в книге; скачан протокол «${SCHOOL}_перепроверка_протокол.xlsx» (без ФИО).`);
  expect(book.applies).toBe(applies + 1);
  expect(book.sheets.get("Перепроверка")!.slice(1).map((r) => r[5])).toEqual([...entries, unknownCode].map((e) => `${SCHOOL}_${e.code}_вар.${e.variant}.pdf`));
  expect(URL.createObjectURL).toHaveBeenCalled();
  await waitFor(() => expect(step("recheck")).toHaveAttribute("data-state", "done"));
  // The code not on the sheets is said in the step.
  expect(within(step("recheck")).getByText(/кода 49999 нет на листах/)).toBeInTheDocument();

  // The folder: one scan right, one misnamed, one in a subfolder; the third work's scan missing.
  const pdf = bytesOf("%PDF-1.7\n");
  await pick("recheck-scans", [
    picked(`${SCHOOL}_${entries[0].code}_вар.${entries[0].variant}.pdf`, pdf, `сканы/${SCHOOL}_${entries[0].code}_вар.${entries[0].variant}.pdf`),
    picked(`${SCHOOL}_${entries[1].code}_var.${entries[1].variant}.pdf`, pdf, `сканы/${SCHOOL}_${entries[1].code}_var.${entries[1].variant}.pdf`),
    picked("старый.pdf", pdf, "сканы/архив/старый.pdf"),
  ]);
  expect(book.applies).toBe(applies + 1);
  const here = within(step("recheck"));
  expect(here.getByTestId("message")).toHaveTextContent("Сканов готово: 1 из 3; замечаний: 3");
  expect(here.getByText(new RegExp(`файл «${SCHOOL}_${entries[1].code}_var\\.${entries[1].variant}\\.pdf»: имя написано не по образцу`))).toBeInTheDocument();
  expect(here.getByText(/папка «архив» внутри папки сканов/)).toBeInTheDocument();
  expect(here.getByText(new RegExp(`нет скана «${SCHOOL}_49999_вар\\.2\\.pdf»`))).toBeInTheDocument();
});

test("a file that is no list: said, and the buttons still wait", async () => {
  renderPane(await scoredBook(), workbookOperations);
  await waitFor(() => expect(runs()).toBe(1));
  await pick("recheck-list", [picked("письмо.json", bytesOf("не JSON"))]);
  expect(within(step("recheck")).getByText(/файл «письмо\.json» не выборка для перепроверки/)).toBeInTheDocument();
  expect(within(step("recheck")).queryByRole("button", { name: "Сделать чек-лист и протокол" })).toBeNull();
});
