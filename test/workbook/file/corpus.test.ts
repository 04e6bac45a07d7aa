// Foreign workbooks (test/corpus): every operation that writes leaves every part it does not own
// byte-identical, reads back what it wrote, keeps the package's content type, and LibreOffice opens
// the result. Each operation runs once from the book's original bytes, and the flow runs chained
// (codes → score sheets → remove names), each step checked against the one before and the end
// against the original. LibreOffice: needed to build three books and to open the results; in CI
// a missing soffice fails, locally those parts are skipped.
import { seededRandom } from "../../../src/core";
import type { CellValue, Snapshot, WritePlan } from "../../../src/workbook/backend";
import { FileBackend } from "../../../src/workbook/file/FileBackend";
import { importCodes } from "../../../src/workbook/importCodes";
import { addWorks, makeCodes, makeScoreSheets, removeNames } from "../../../src/workbook/operations";
import { saveSettings } from "../../../src/workbook/settings";
import { CORPUS, corpusBytes, type CorpusBook } from "../../corpus/books";
import {
  capped,
  contentTypeOf,
  ownershipOf,
  packageLevelProblems,
  sharedStringIndexProblems,
  sharedStringTexts,
  unzipParts,
  untouchedPartProblems,
  workbookPart,
} from "../../corpus/compareParts";
import { ADDED_WORK, ROSTER, corpusSchool } from "../../corpus/excelBook";
import { haveSoffice, libreOfficeCsv, libreOfficeWanted } from "../../corpus/libreoffice";
import { CT } from "../../corpus/opc";
import { expectedValues } from "./helpers";

jest.setTimeout(240000);

const school = corpusSchool();
const STUDENTS = school.students.length;
const IMPORTED = Array.from({ length: 40 }, (_, i) => 40001 + i * 7);
const SETTINGS = { schoolName: "МБОУ «Средняя школа № 2» (вымышленная)", year: "2027", xLetter: "Х" as const };

type Outcome = { status: string };
interface Operation {
  name: string;
  run: (b: FileBackend) => Promise<Outcome>;
  /** What a successful run must say (beyond status "done"). */
  expectOutcome?: (o: Outcome & Record<string, unknown>) => void;
}

const CODES: Operation = {
  name: "codes",
  run: (b) => makeCodes(b, { random: seededRandom(1) }),
  expectOutcome: (o) => expect(o.assigned).toBe(STUDENTS),
};
const SCORE_SHEETS: Operation = { name: "score sheets", run: (b) => makeScoreSheets(b) };
// The roster's ФИО cells and the protocols' (one line per student): cells cleared, no sheet rebuilt.
const REMOVE_NAMES: Operation = { name: "remove names", run: (b) => removeNames(b), expectOutcome: (o) => expect(o.cellsWritten).toBe(2 * STUDENTS) };

/** Every operation that writes and can run on a fresh book (score sheets and remove names need codes first: chained). */
const SINGLE: Operation[] = [
  CODES,
  { name: "add works", run: (b) => addWorks(b, [ADDED_WORK]), expectOutcome: (o) => expect(o.added).toEqual([ADDED_WORK]) },
  { name: "settings", run: (b) => saveSettings(b, SETTINGS), expectOutcome: (o) => expect(o.cellsWritten).toBe(3) },
  { name: "import codes", run: (b) => importCodes(b, IMPORTED), expectOutcome: (o) => expect(o.imported).toBe(IMPORTED.length) },
];

interface Step {
  before: Uint8Array;
  after: Uint8Array;
  plans: WritePlan[];
}

/** The back end with its apply() recorded: the plans an operation hands over. */
function recording(backend: FileBackend, plans: WritePlan[]): FileBackend {
  return new Proxy(backend, {
    get(target, prop) {
      if (prop === "apply") {
        return async (plan: WritePlan) => {
          plans.push(plan);
          await target.apply(plan);
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

async function runStep(before: Uint8Array, op: Operation): Promise<Step> {
  const backend = await FileBackend.fromBytes(before.slice());
  const plans: WritePlan[] = [];
  const outcome = (await op.run(recording(backend, plans))) as Outcome & Record<string, unknown>;
  expect(outcome.status).toBe("done");
  op.expectOutcome?.(outcome);
  expect(plans.length).toBe(1);
  return { before, after: await backend.toBytes(), plans };
}

const read = async (bytes: Uint8Array): Promise<Snapshot> => (await FileBackend.fromBytes(bytes.slice())).read(null);
const at = (values: CellValue[][] | undefined, address: string): CellValue => {
  const m = /^([A-Z]+)(\d+)$/.exec(address.replace(/\$/g, "").toUpperCase())!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return values?.[Number(m[2]) - 1]?.[col] ?? null;
};
const key = (s: string) => s.toLocaleLowerCase("ru");

/** What read() gives after the plans, against the read before: problems, empty when all is as planned. */
function readBackProblems(before: Snapshot, after: Snapshot, plans: readonly WritePlan[]): string[] {
  const problems: string[] = [];
  const planned = new Map(plans.flatMap((p) => p.sheets.map((s) => [key(s.name), s] as const)));
  const written = new Map<string, CellValue>();
  for (const p of plans) for (const w of p.cellWrites) written.set(`${key(w.sheet)}!${w.address.replace(/\$/g, "").toUpperCase()}`, w.value === "" ? null : w.value);
  // Sheet list: the old sheets in their order, then whatever was created.
  const kept = after.sheetNames.filter((n) => before.sheetNames.includes(n));
  if (JSON.stringify(kept) !== JSON.stringify(before.sheetNames)) problems.push(`sheets ${JSON.stringify(before.sheetNames)} → ${JSON.stringify(after.sheetNames)}`);
  for (const s of planned.values()) {
    const got = after.sheets[after.sheetNames.find((n) => key(n) === key(s.name)) ?? ""]?.values;
    const want = expectedValues(s);
    // Cells written by a later plan into a sheet an earlier one made (remove names clears the protocols' ФИО).
    let from = -1;
    plans.forEach((p, i) => p.sheets.includes(s) && (from = i));
    for (const w of plans.slice(from + 1).flatMap((p) => p.cellWrites)) {
      if (key(w.sheet) !== key(s.name)) continue;
      const m = /^([A-Z]+)(\d+)$/.exec(w.address.replace(/\$/g, "").toUpperCase())!;
      const [r, c] = [Number(m[2]) - 1, [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1];
      while (want.length <= r) want.push([]);
      while (want[r].length <= c) want[r].push(null);
      want[r][c] = w.value === "" ? null : w.value;
    }
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`planned sheet «${s.name}» reads ${JSON.stringify(got)?.slice(0, 300)} instead of ${JSON.stringify(want).slice(0, 300)}`);
  }
  for (const [where, value] of written) {
    const [sheet, address] = where.split("!");
    const name = after.sheetNames.find((n) => key(n) === sheet) ?? sheet;
    const got = at(after.sheets[name]?.values, address);
    if (got !== value) problems.push(`${name}!${address} reads ${JSON.stringify(got)} instead of the written ${JSON.stringify(value)}`);
  }
  // Every other cell of every sheet not in the plans reads as before.
  for (const name of before.sheetNames) {
    if (planned.has(key(name))) continue;
    const b = before.sheets[name]?.values ?? [];
    const a = after.sheets[name]?.values ?? [];
    const rows = Math.max(b.length, a.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(b[r]?.length ?? 0, a[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        let col = "";
        for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
        const address = `${col}${r + 1}`;
        if (written.has(`${key(name)}!${address}`)) continue;
        if ((b[r]?.[c] ?? null) !== (a[r]?.[c] ?? null)) problems.push(`${name}!${address} (not written) read ${JSON.stringify(b[r]?.[c])} and now reads ${JSON.stringify(a[r]?.[c])}`);
      }
    }
  }
  return capped(problems, 12);
}

/**
 * The assertions every step makes, reported together so that one failure shows every kind of
 * problem; `reference` is what the step is compared with (its input, or the original for the chain).
 */
async function expectOnlyOwnedChanged(book: CorpusBook, reference: Uint8Array, after: Uint8Array, plans: readonly WritePlan[]): Promise<void> {
  const b = await unzipParts(reference);
  const a = await unzipParts(after);
  const own = ownershipOf(b, a, plans);
  expect({
    // Parts not owned: present and byte-identical; written user sheets differ only in the written cells.
    untouchedParts: untouchedPartProblems(b, a, own),
    // Owned package-level parts keep what the user had: content types, rels, sheets, names, styles.
    packageLevel: packageLevelProblems(b, a, own),
    // Byte-identical cells still point at the same shared strings.
    sharedStringIndexes: sharedStringIndexProblems(b, a, own),
    // The workbook part's content type: .xlsm stays macro-enabled.
    workbookContentType: contentTypeOf(a, workbookPart(a)),
    // read(): the planned sheets, the written cells, and every other cell as before.
    readBack: readBackProblems(await read(reference), await read(after), plans),
  }).toEqual({
    untouchedParts: [],
    packageLevel: [],
    sharedStringIndexes: [],
    workbookContentType: book.macroEnabled ? CT.workbookMacro : CT.workbook,
    readBack: [],
  });
}

/** Names cleared by a remove-names plan: none of them left in the shared strings. */
async function expectNamesGone(before: Uint8Array, after: Uint8Array, plan: WritePlan): Promise<void> {
  const roster = (await read(before)).sheets[ROSTER].values;
  const cleared = plan.cellWrites.filter((w) => w.sheet === ROSTER && w.value === null).map((w) => at(roster, w.address)).filter((v): v is string => typeof v === "string" && v !== "");
  expect(cleared.length).toBe(STUDENTS);
  const strings = sharedStringTexts(await unzipParts(after));
  expect(strings.filter((s) => cleared.some((name) => s.includes(name)))).toEqual([]);
}

const loSkip = !libreOfficeWanted();
if (loSkip) console.log("corpus.test.ts: soffice not found, the LibreOffice books and checks are skipped (apt-get install libreoffice-calc-nogui)");

for (const book of CORPUS) {
  const describeBook = book.libreOffice && loSkip ? describe.skip : describe;
  describeBook(`corpus: ${book.id} — ${book.title}`, () => {
    /** Results to open in LibreOffice at the end, by a key of letters and digits. */
    const results: Record<string, Uint8Array> = {};
    let original: Uint8Array;

    beforeAll(async () => {
      original = await corpusBytes(book);
      results.original = original;
    });

    test("the book is what it imitates, and holds the school", async () => {
      const parts = await unzipParts(original);
      expect(book.marks.filter((m) => !m.present(parts)).map((m) => m.what)).toEqual([]);
      const roster = (await read(original)).sheets[ROSTER]?.values ?? [];
      expect(roster.slice(1).map((r) => r[1])).toEqual(school.students.map((s) => s.name));
    });

    test.each(SINGLE.map((op) => [op.name, op] as const))("%s, from the original bytes: only owned parts change", async (_name, op) => {
      const step = await runStep(original, op);
      results[op.name.replace(/\W/g, "")] = step.after;
      await expectOnlyOwnedChanged(book, step.before, step.after, step.plans);
      if (op === REMOVE_NAMES) await expectNamesGone(step.before, step.after, step.plans[0]);
    });

    test("remove names before codes: refused, nothing written", async () => {
      const backend = await FileBackend.fromBytes(original.slice());
      const plans: WritePlan[] = [];
      const outcome = await removeNames(recording(backend, plans));
      expect(outcome.status).toBe("blocked");
      expect(outcome.findings.filter((f) => f.code === "names.code-missing")).toHaveLength(STUDENTS);
      expect(plans).toEqual([]);
      expect(await read(await backend.toBytes())).toEqual(await read(original));
    });

    describe("chained: codes → score sheets → remove names", () => {
      const steps: Step[] = [];
      const chain = [CODES, SCORE_SHEETS, REMOVE_NAMES];
      chain.forEach((op, i) => {
        test(`${i + 1}/3 ${op.name}: only owned parts change against step ${i}`, async () => {
          const input = i === 0 ? original : steps[i - 1]?.after;
          if (!input) throw new Error(`step ${i} produced no workbook`);
          const step = await runStep(input, op);
          steps[i] = step;
          results[`chain${i + 1}`] = step.after;
          await expectOnlyOwnedChanged(book, step.before, step.after, step.plans);
          if (op === REMOVE_NAMES) await expectNamesGone(step.before, step.after, step.plans[0]);
        });
      });

      test("the end against the original: only what the three plans own changed", async () => {
        if (steps.length !== 3 || steps.some((s) => !s)) throw new Error("an earlier step failed");
        await expectOnlyOwnedChanged(book, original, steps[2].after, steps.flatMap((s) => s.plans));
        // Codes given in step 1 are still there after the names went.
        const codes = (s: Snapshot) => s.sheets[ROSTER].values.slice(1).map((r) => r[3]);
        expect(codes(await read(steps[2].after))).toEqual(codes(await read(steps[0].after)));
      });
    });

    (loSkip ? test.skip : test)("LibreOffice opens the original and every result, and shows the roster as read() does", async () => {
      expect(haveSoffice()).toBe(true);
      const keys = Object.keys(results);
      if (keys.length === 0) throw new Error("no operation produced a workbook to open");
      const csv = await libreOfficeCsv(results);
      const problems: string[] = [];
      for (const k of keys) {
        const shown = csv[k].sheets.get(ROSTER);
        if (!shown) {
          problems.push(`${k}: LibreOffice gave no «${ROSTER}» (sheets: ${[...csv[k].sheets.keys()].join(", ") || "none"}; ${csv[k].log.slice(0, 500)})`);
          continue;
        }
        const values = (await read(results[k])).sheets[ROSTER].values;
        const want = values.map((r) => r.map((v) => (v === null ? "" : String(v))));
        const trim = (rows: string[][]) => rows.map((r) => { const c = [...r]; while (c.length && c[c.length - 1] === "") c.pop(); return c; });
        if (JSON.stringify(trim(shown)) !== JSON.stringify(trim(want))) problems.push(`${k}: LibreOffice shows «${ROSTER}» as ${JSON.stringify(shown).slice(0, 300)}, read() as ${JSON.stringify(want).slice(0, 300)}`);
      }
      expect(problems).toEqual([]);
    });
  });
}
