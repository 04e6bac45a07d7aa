/** @jest-environment jsdom */
// The pane's step «Пакеты для экспертов»: waits until score sheets exist; builds and downloads the
// packets (a .zip when several); takes a returned packet back — the conflict asked in a dialog,
// the packet's value taken on «Взять из пакетов»; a file that is not a packet refused by name.
import "./textEncoding";
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { seededRandom } from "../../src/core";
import { FileBackend } from "../../src/workbook/file/FileBackend";
import { makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { buildPackets } from "../../src/workbook/packets";
import { sampleSchool, sampleWorkbookPlan } from "../../src/workbook/sample";
import { workbookOperations } from "../../src/taskpane/operations";
import { MemoryBackend } from "./memoryBackend";
import { click, installDomShims, renderPane, runs, step } from "./paneHarness";

beforeAll(installDomShims);

const school = sampleSchool();
const SHEET = "4А Математика";
const picked = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, type: "", arrayBuffer: async () => bytes.slice().buffer });

test("waits while there is no score sheet", async () => {
  renderPane(new MemoryBackend(sampleWorkbookPlan(school)), workbookOperations);
  await waitFor(() => expect(runs()).toBe(1));
  expect(step("packets")).toHaveAttribute("data-state", "waiting");
});

test("packets downloaded; a returned packet merged back with the conflict asked; a file that is no packet refused", async () => {
  const book = new MemoryBackend(sampleWorkbookPlan(school));
  await makeCodes(book, { random: seededRandom(1) });
  await makeScoreSheets(book);
  await book.apply({ sheets: [], cellWrites: [{ sheet: SHEET, address: "C2", value: 1 }] });
  renderPane(book, workbookOperations);
  await waitFor(() => expect(runs()).toBe(1));
  expect(step("packets")).toHaveAttribute("data-state", "todo");

  const applies = book.applies;
  expect(await click("Пакеты для экспертов")).toMatch(/Пакетов: 8\. Скачан файл «780999_пакеты_экспертов\.zip»/);
  expect(book.applies).toBe(applies);

  // The expert's packet: C2 differs from the workbook, D2 is new.
  const packet = (await buildPackets(book, { by: "work" })).files[0];
  const filled = await FileBackend.fromBytes(packet.bytes);
  await filled.apply({ sheets: [], cellWrites: [{ sheet: SHEET, address: "C2", value: 0 }, { sheet: SHEET, address: "D2", value: 1 }] });
  const before = runs();
  fireEvent.change(screen.getByTestId("packets-input"), { target: { files: [picked(packet.fileName, await filled.toBytes())] } });
  const dialog = await screen.findByRole("alertdialog");
  expect(within(dialog).getByText(/«4А Математика»!C2, код \d+, «1 \(1б\)»: в книге 1 → в пакете 0/)).toBeInTheDocument();
  fireEvent.click(within(dialog).getByRole("button", { name: "Взять из пакетов" }));
  await waitFor(() => expect(runs()).toBeGreaterThan(before));
  expect(within(step("packets")).getByTestId("message")).toHaveTextContent("Принято баллов: 1. Расхождений: 1 — взяты значения из пакетов.");
  expect(book.sheets.get(SHEET)![1].slice(2, 4)).toEqual([0, 1]);
  expect(book.applies).toBe(applies + 1);

  const again = runs();
  fireEvent.change(screen.getByTestId("packets-input"), { target: { files: [picked("письмо.docx", new TextEncoder().encode("не xlsx"))] } });
  await waitFor(() => expect(runs()).toBeGreaterThan(again));
  expect(within(step("packets")).getByTestId("message")).toHaveTextContent(/Баллы не приняты: 1 ошибка в пакетах/);
  expect(within(step("packets")).getByText(/файл «письмо\.docx»: это не пакет для экспертов/)).toBeInTheDocument();
  expect(book.applies).toBe(applies + 1);
});
