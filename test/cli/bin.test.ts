// bin/vpr.js as a user runs it: a real process over the CommonJS build (npm run build:cli).
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { listDir, tempDir } from "./helpers";

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "vpr.js");

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, VPR_LANG: "" } });
  // bin/vpr.js rebuilds itself when a source is newer than the build; that note is not an error.
  const err = r.stderr.split("\n").filter((l) => !l.startsWith("Сборка командной строки")).join("\n");
  return { code: r.status, out: r.stdout, err };
}

let dir: string;
beforeAll(async () => {
  // The same build `npm test` and `npm run demo` make; fresh here so the test sees the current source.
  execFileSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(root, "tsconfig.cli.json")], { cwd: root, stdio: "pipe" });
  dir = await tempDir();
}, 180_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("bin/vpr.js", () => {
  test("--help, exit 0", () => {
    const r = run(dir, "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("vpr <команда>");
  });

  test("demo, then check and upload on its workbook: exit 0 and the files", async () => {
    const demo = run(dir, "demo", "--out", "demo", "--seed", "11");
    expect(demo.err).toBe("");
    expect(demo.code).toBe(0);
    expect(await listDir(path.join(dir, "demo"))).toContain("школа-780999.xlsx");
    const check = run(dir, "check", path.join("demo", "школа-780999.xlsx"), "--json");
    expect(check.code).toBe(0);
    // No error; the warnings say that «Ученики» has no mark column for Окружающий мир, История, Физика.
    expect((JSON.parse(check.out) as { severity: string; code: string }[]).map((f) => `${f.severity} ${f.code}`)).toEqual(Array(3).fill("warning roster.marks-missing"));
    const upload = run(dir, "upload", path.join("demo", "школа-780999.xlsx"), "--out", "формы", "--lang", "en");
    expect(upload.code).toBe(0);
    expect(upload.out).toContain("Forms written: 8");
  });

  test("exit 2 with a message on stderr for a missing or password-protected file", async () => {
    const missing = run(dir, "check", "нет.xlsx");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("не найден");
    await fs.writeFile(path.join(dir, "p.xlsx"), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const locked = run(dir, "codes", "p.xlsx");
    expect(locked.code).toBe(2);
    expect(locked.err).toContain("защищён паролем");
  });

  test("exit 1 when the workbook has problems", async () => {
    expect(run(dir, "init", "пустая.xlsx", "--school", "470167").code).toBe(0);
    const r = run(dir, "codes", "пустая.xlsx");
    expect(r.code).toBe(1);
    expect(r.out).toContain("'Ученики'!A2");
  });
});
