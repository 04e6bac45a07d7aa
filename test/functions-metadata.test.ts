// Golden test of the custom-functions metadata produced by the build.
//   dist/functions.json      generated from the JSDoc of src/functions/functions.ts
//   dist/functions.ru.json   the same with Russian names/descriptions (scripts/functions-ru.js)
//   dist/functions.js        carries one CustomFunctions.associate call per id
// When you change a custom function on purpose, regenerate the golden file and review the diff:
//   npm run build && npm run golden:update      (copies dist/functions.json to test/golden/)
import * as fs from "fs";
import * as path from "path";

const { translateMetadata } = require("../scripts/functions-ru.js");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

function readDist(file: string): string {
  const p = path.join(DIST, file);
  if (!fs.existsSync(p)) throw new Error(`dist/${file} is missing: run \`npm run build\` first (npm test does it for you)`);
  return fs.readFileSync(p, "utf8");
}
const readJson = (file: string): { functions: Fn[] } => JSON.parse(readDist(file));

describe("custom functions metadata", () => {
  test("dist/functions.json equals test/golden/functions.json (regenerate: npm run golden:update)", () => {
    const golden = JSON.parse(fs.readFileSync(path.join(ROOT, "test/golden/functions.json"), "utf8"));
    expect(readJson("functions.json")).toEqual(golden);
  });

  test("ids are the VPR set: upper-case ASCII, unique", () => {
    const ids = readJson("functions.json").functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
  });

  test("dist/functions.ru.json has a Russian name for every id, same ids, same parameters", () => {
    const en = readJson("functions.json").functions;
    const ru = readJson("functions.ru.json").functions;
    expect(ru.map((f) => f.id)).toEqual(en.map((f) => f.id));
    for (const [i, f] of en.entries()) {
      const r = ru[i];
      expect(r.name).toMatch(/^[А-ЯЁ][А-ЯЁA-Z0-9_.]{2,}$/);
      expect(r.description ?? "").toMatch(/[А-Яа-яЁё]/);
      expect(r.parameters.length).toBe(f.parameters.length);
      for (const [j, p] of f.parameters.entries()) {
        const rp = r.parameters[j];
        expect({ type: rp.type, dimensionality: rp.dimensionality, optional: rp.optional }).toEqual({
          type: p.type,
          dimensionality: p.dimensionality,
          optional: p.optional,
        });
        expect(rp.description ?? "").toMatch(/[А-Яа-яЁё]/);
      }
      expect(r.result).toEqual(f.result);
      expect(r.options).toEqual(f.options);
    }
    const names = ru.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test("dist/functions.js associates every id", () => {
    const js = readDist("functions.js");
    for (const f of readJson("functions.json").functions) {
      expect(js).toContain(`CustomFunctions.associate("${f.id}"`);
    }
  });
});

describe("Russian metadata generator (scripts/functions-ru.js)", () => {
  const metadata = {
    functions: [
      {
        id: "TOTAL",
        name: "TOTAL",
        description: "Sum",
        parameters: [{ name: "scores", description: "Scores", type: "any", dimensionality: "matrix" }],
        result: { type: "number" },
      },
    ],
  };
  const table = {
    TOTAL: {
      name: "ИТОГО",
      description: "Сумма",
      parameters: { scores: { description: "Баллы" } },
      result: { description: "documentation only, not emitted" },
    },
  };

  test("translates names and descriptions only; ids and types stay", () => {
    const { json, errors, warnings } = translateMetadata(metadata, table);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(json.functions[0]).toEqual({
      id: "TOTAL",
      name: "ИТОГО",
      description: "Сумма",
      parameters: [{ name: "scores", description: "Баллы", type: "any", dimensionality: "matrix" }],
      result: { type: "number" },
    });
  });

  test("a function id without a Russian entry is an error (the build fails)", () => {
    const { errors } = translateMetadata(metadata, {});
    expect(errors.join("\n")).toMatch(/no Russian entry for custom function id "TOTAL"/);
  });

  test("a parameter without a Russian description is an error", () => {
    const { errors } = translateMetadata(metadata, { TOTAL: { name: "ИТОГО", description: "Сумма" } });
    expect(errors.join("\n")).toMatch(/parameter "scores"/);
  });

  test("a lower-case or non-word Russian name is an error; an unused entry only warns", () => {
    const bad = translateMetadata(metadata, { TOTAL: { ...table.TOTAL, name: "итого сумма" } });
    expect(bad.errors.join("\n")).toMatch(/upper-case word/);
    const extra = translateMetadata(metadata, { ...table, MARK: { name: "ОТМЕТКА", description: "Отметка" } });
    expect(extra.errors).toEqual([]);
    expect(extra.warnings.join("\n")).toMatch(/"MARK" names no custom function/);
  });
});
