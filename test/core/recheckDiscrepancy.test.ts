// The discrepancy report against figures worked out by hand: three works compared (items changed
// up and down, a mark that changes, one that does not), a code only the commission has, a listed
// code the commission did not score, and one the list has and neither file.
import { discrepancies, type RecheckWork, type ScoredWork } from "../../src/core";

const work: RecheckWork = {
  workId: "W4",
  subject: "Предмет",
  grade: 4,
  items: [
    { label: "1", max: 2, part: 1 },
    { label: "2", max: 1, part: 1 },
    { label: "3", max: 3, part: 1 },
  ],
  scale: { min3: 2, min4: 4, min5: 5 },
};
const at = (file: string, row: number) => ({ file, sheet: "Протокол", cell: `A${row}` });
const orig = (code: number, cls: string, scores: number[] | null, row: number): ScoredWork => ({ school: "111111", workId: "W4", class: cls, code, scores, where: at("111111_4_Предмет.xlsx", row) });
const rec = (code: number, scores: number[] | null, row: number): ScoredWork => ({ school: "111111", workId: "W4", class: null, code, scores, problem: scores ? undefined : "баллы не выставлены", where: { file: "комиссия.xlsx", sheet: "4 Предмет", cell: `A${row}` } });

const original = [orig(1, "4А", [2, 1, 1], 2), orig(2, "4А", [2, 1, 2], 3), orig(3, "4Б", [0, 0, 1], 4), orig(4, "4Б", [1, 1, 1], 5), orig(7, "4Б", [1, 0, 0], 6)];
const recheck = [rec(1, [1, 1, 2], 2), rec(2, [2, 0, 2], 3), rec(3, [0, 0, 1], 4), rec(4, null, 5), rec(9, [1, 1, 1], 6)];

test("per work: the change of the primary score and of the mark", () => {
  const r = discrepancies([work], original, recheck);
  expect(r.works.map((w) => [w.code, w.class, w.originalTotal, w.recheckTotal, w.change, w.originalMark, w.recheckMark, w.markChanged])).toEqual([
    [1, "4А", 4, 4, 0, 4, 4, false], // 1: −1 and 3: +1 cancel out
    [2, "4А", 5, 4, -1, 5, 4, true],
    [3, "4Б", 1, 1, 0, 2, 2, false],
  ]);
  expect(r.works[0].itemChanges).toEqual([
    { label: "1", original: 2, recheck: 1, change: -1 },
    { label: "3", original: 1, recheck: 2, change: 1 },
  ]);
  expect(r.works[2].itemChanges).toEqual([]);
});

test("per item: share of works changed and the mean change; the items most often changed", () => {
  const r = discrepancies([work], original, recheck);
  expect(r.items.map((i) => [i.label, i.works, i.changed, i.up, i.down, i.changedShare, i.meanChange, i.meanAbsChange])).toEqual([
    ["1", 3, 1, 0, 1, 33.3, -0.33, 0.33],
    ["2", 3, 1, 0, 1, 33.3, -0.33, 0.33],
    ["3", 3, 1, 1, 0, 33.3, 0.33, 0.33],
  ]);
  expect(r.mostChanged.map((i) => i.label)).toEqual(["1", "2", "3"]);
});

test("per school and class, and the whole", () => {
  const r = discrepancies([work], original, recheck);
  expect(r.groups.map((g) => [g.school, g.class, g.works, g.changed, g.meanChange, g.meanAbsChange, g.markChanged])).toEqual([
    ["111111", "4А", 2, 1, -0.5, 0.5, 1],
    ["111111", "4Б", 1, 0, 0, 0, 0],
    ["111111", null, 3, 1, -0.33, 0.33, 1],
  ]);
  expect(r.summary).toEqual({ works: 3, changed: 1, up: 0, down: 1, markChanged: 1, markUp: 0, markDown: 1, meanChange: -0.33, meanAbsChange: 0.33, distribution: { "-1": 1, "0": 2 } });
});

test("a code on one side only is reported with file, sheet and cell and left out; an undrawn original is not", () => {
  const r = discrepancies([work], original, recheck);
  expect(r.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
    ["recheck.not-scored", "4 Предмет", "A5"],
    ["recheck.not-in-original", "4 Предмет", "A6"],
  ]);
  expect(r.findings[0].message).toBe("файл «комиссия.xlsx», лист «4 Предмет», ячейка A5: код 4 есть в исходных баллах (файл «111111_4_Предмет.xlsx», лист «Протокол», ячейка A5), но баллы не выставлены — работа не вошла в отчёт");
  expect(r.findings[1].message).toMatch(/ячейка A6: кода 9 \(школа 111111, Предмет, 4 класс\) нет в исходных баллах/);
  // Code 7 was not drawn: the original holds it, the commission's file does not, nothing is said.
  expect(r.findings.some((f) => f.message.includes("код 7"))).toBe(false);
});

test("with the list: a listed code the commission's files lack is named", () => {
  const list = { file: "выборка.json", entries: [1, 2, 3, 4, 5].map((code) => ({ school: "111111", workId: "W4", code })) };
  const r = discrepancies([work], original, recheck, list);
  expect(r.findings.filter((f) => f.code === "recheck.not-in-recheck").map((f) => f.message)).toEqual(["выборка «выборка.json»: код 5 (школа 111111, W4) есть в выборке, но не в протоколе комиссии"]);
});

test("a work without a scale: marks null, markChanged null and never counted", () => {
  const r = discrepancies([{ ...work, scale: null }], original, recheck);
  expect(r.works.every((w) => w.originalMark === null && w.markChanged === null)).toBe(true);
  expect(r.summary.markChanged).toBe(0);
});
