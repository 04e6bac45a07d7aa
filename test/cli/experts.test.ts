// `vpr check` on a real .xlsx with «Эксперты» and «План»!Проверял: the experts' warnings are
// printed with sheet and cell (and their codes in --json), the exit code stays 0, and `vpr upload`
// still writes every form.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { EXPERTS_ROWS, sampleFlow, typeExperts } from "../helpers/experts";
import { listDir, tempDir, vpr } from "./helpers";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("vpr check prints the experts' warnings; vpr upload still writes the forms", async () => {
  const b = await sampleFlow();
  await typeExperts(b, { experts: EXPERTS_ROWS, checkedBy: { "4А Математика": "Гребнева Т.А.", "4Б Математика": "Вишнякова Л.И., Шаповалов", "8А Математика": "Неизвестнова О.О., Шаповалов" } });
  const file = path.join(dir, "школа.xlsx");
  await fs.writeFile(file, await b.toBytes());

  const r = await vpr(dir, "check", "школа.xlsx");
  expect(r.code).toBe(0);
  expect(r.out).toContain("Ошибок нет");
  expect(r.out).toMatch(/Предупреждения \(\d+\):/);
  expect(r.out).toContain("'План'!E3: работу 4А по предмету «Математика» (MA4-2023) проверяет «Гребнева Тамара Аркадьевна», а этот учитель преподаёт предмет «Математика» в 4А");
  expect(r.out).toContain("'Эксперты'!D4: учитель «Вишнякова Лидия Игнатьевна» преподаёт предмет «Математика» 2 года");
  expect(r.out).toContain("проверяет один человек");
  expect(r.out).toContain("«Неизвестнова О.О.» из столбца «Проверял»");

  const json = await vpr(dir, "check", "школа.xlsx", "--json");
  expect(json.code).toBe(0);
  const rows = JSON.parse(json.out) as { sheet: string; cell: string; code: string; severity: string }[];
  const experts = rows.filter((f) => f.code.startsWith("experts."));
  expect(experts.map((f) => `${f.code} ${f.sheet}!${f.cell}`).sort()).toEqual(["experts.experience Эксперты!D4", "experts.own-class План!E3", "experts.own-class План!E6", "experts.single План!E3", "experts.unknown План!E10"]);
  expect(experts.every((f) => f.severity === "warning")).toBe(true);

  const up = await vpr(dir, "upload", "школа.xlsx", "--out", "формы");
  expect(up.code).toBe(0);
  expect(await listDir(path.join(dir, "формы"))).toEqual(expect.arrayContaining(["780999_4_Математика.xlsx", "780999_8_Математика.xlsx"]));
});
