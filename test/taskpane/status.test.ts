import { seededRandom } from "../../src/core";
import { makeCodes, makeScoreSheets } from "../../src/workbook/operations";
import { sampleSchool, sampleScoreWrites, sampleWorkbookPlan } from "../../src/workbook/sample";
import { workbookStatus } from "../../src/taskpane/status";
import { nextStep, PANE_STEPS, stepStates } from "../../src/taskpane/steps";
import type { PaneStep } from "../../src/taskpane/steps/paneStep";
import { MemoryBackend } from "./memoryBackend";

const school = sampleSchool();

describe("workbookStatus", () => {
  test("an empty workbook: only the first step can be done", () => {
    const status = workbookStatus({ sheetNames: ["Лист1"], sheets: { Лист1: { values: [] } } });
    expect(status.sheets).toEqual({ present: 0, total: 5, missing: ["Настройки", "Ученики", "Коды", "План", "Критерии"] });
    expect(status.problems.findings).toEqual([]);
    expect(stepStates(status)).toEqual({ sheets: "todo", settings: "waiting", roster: "waiting", codes: "waiting", scoreSheets: "waiting", check: "waiting", packets: "waiting", upload: "waiting", analysis: "waiting", recheck: "waiting", removeNames: "done" });
  });

  test("the sample school through the season", async () => {
    const book = new MemoryBackend(sampleWorkbookPlan(school));
    let status = workbookStatus(await book.read(null));
    expect(status.sheets.present).toBe(5);
    expect(status.settings).toMatchObject({ exists: true, ok: true, values: { school: "780999", year: "2026", xLetter: "X" } });
    expect(status.roster).toMatchObject({ students: 117, classes: 5, planRows: 10 });
    expect(status.codes).toEqual({ assigned: 0, total: 117, pool: 0, cleared: [] });
    expect(status.scoreSheets).toEqual({ made: 0, expected: 10 });
    expect(stepStates(status)).toEqual({ sheets: "done", settings: "done", roster: "done", codes: "todo", scoreSheets: "waiting", check: "waiting", packets: "waiting", upload: "waiting", analysis: "waiting", recheck: "waiting", removeNames: "waiting" });

    await makeCodes(book, { random: seededRandom(1) });
    status = workbookStatus(await book.read(null));
    expect(status.codes).toEqual({ assigned: 117, total: 117, pool: 0, cleared: [] });
    expect(stepStates(status).scoreSheets).toBe("todo");

    await makeScoreSheets(book);
    status = workbookStatus(await book.read(null));
    expect(status.scoreSheets).toEqual({ made: 10, expected: 10 });
    // Blank rows are not counted as problems: they are what is left to type.
    expect(status.scores).toEqual({ rows: 237, filled: 0 });
    expect(status.problems.errors).toBe(0);
    expect(stepStates(status)).toMatchObject({ scoreSheets: "done", check: "todo", packets: "todo", upload: "waiting" });

    const writes = sampleScoreWrites(await book.read(null), seededRandom(3));
    await book.apply({ sheets: [], cellWrites: writes });
    status = workbookStatus(await book.read(null));
    expect(status.scores).toEqual({ rows: 237, filled: 237 });
    expect(status.upload).toMatchObject({ ready: true, files: 8, readyFiles: 8 });
    expect(stepStates(status)).toMatchObject({ check: "done", upload: "todo" });

    // A score over the maximum: a problem on the check step, no upload.
    const first = writes.find((w) => w.sheet === "4А Математика" && w.address.startsWith("D") && typeof w.value === "number")!;
    book.setCell(first.sheet, first.address, 9);
    status = workbookStatus(await book.read(null));
    expect(status.problems.errors).toBe(1);
    expect(status.problems.findings.filter((f) => f.severity === "error")).toEqual([expect.objectContaining({ sheet: "4А Математика", cell: first.address, code: "score.over-max" })]);
    // Only the form of that work waits: the other seven can be built.
    expect(status.upload).toMatchObject({ ready: true, files: 8, readyFiles: 7 });
    expect(status.upload.forms.find((f) => !f.ready)).toMatchObject({ grade: 4, subject: "Математика", reason: "ошибок — 1 на листе «4А Математика»" });
    expect(stepStates(status)).toMatchObject({ check: "problem", upload: "todo" });
  });

  test("settings: a wrong school code is a problem, an empty one is the next step", async () => {
    const book = new MemoryBackend(sampleWorkbookPlan(school));
    book.setCell("Настройки", "B2", "12345");
    let status = workbookStatus(await book.read(null));
    expect(status.settings.ok).toBe(false);
    expect(stepStates(status).settings).toBe("problem");
    book.setCell("Настройки", "B2", null);
    status = workbookStatus(await book.read(null));
    expect(stepStates(status).settings).toBe("todo");
    expect(status.upload.ready).toBe(false);
  });
});

describe("the step list is the steps' own declarations", () => {
  const status = workbookStatus({ sheetNames: ["Лист1"], sheets: { Лист1: { values: [] } } });

  test("ids are unique and stepStates has one entry per declared step, in order", () => {
    const ids = PANE_STEPS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(stepStates(status))).toEqual(ids);
  });

  test("a step added to the list gets its state from its own declaration and sees the states before it", () => {
    const extra: PaneStep = { id: "extra", state: (_s, before) => (before.sheets === "todo" ? "waiting" : "todo"), View: () => null };
    expect(stepStates(status, [...PANE_STEPS, extra]).extra).toBe("waiting");
  });

  test("the suggested next step is the first that leads and is to do; a step that does not lead is never suggested", () => {
    const states = { sheets: "done", removeNames: "todo", check: "problem" } as const;
    const steps: PaneStep[] = ["sheets", "removeNames", "check"].map((id) => ({ id, state: () => "done", leads: id !== "removeNames", View: () => null }));
    expect(nextStep(states, steps)).toBe("check");
    expect(nextStep(stepStates(status))).toBe("sheets");
  });
});
