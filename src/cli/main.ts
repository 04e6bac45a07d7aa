// `vpr <command>`: argument parsing (node:util parseArgs, no dependency) and dispatch.
// `main` takes the arguments and an Io and returns the exit code, so tests run it in-process.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { cmdCheck, cmdCodes, cmdInit, cmdRemoveNames, cmdSheets, cmdUpload, KNOWN_WORKS, type Values } from "./commands";
import { cmdAnalyze } from "./analyze";
import { cmdMunicipal } from "./municipal";
import { cmdRecheck } from "./recheck";
import { cmdMerge, cmdPackets } from "./packets";
import { cmdDemo } from "./demo";
import { CliError, EXIT_OK, EXIT_UNUSABLE, type Ctx, type Io } from "./io";
import { TEXTS, type CommandName, type Lang } from "./messages";

type Options = NonNullable<ParseArgsConfig["options"]>;

const COMMON: Options = { help: { type: "boolean", short: "h" } };
const OUT: Options = { out: { type: "string", short: "o" } };
const NO_REPLACE: Options = { "no-replace": { type: "boolean" } };

interface Command {
  options: Options;
  positionals: boolean;
  run: (ctx: Ctx, values: Values, positionals: string[]) => Promise<number>;
}

const COMMANDS: Record<CommandName, Command> = {
  init: { options: { ...OUT, school: { type: "string" }, "school-name": { type: "string" }, year: { type: "string" }, works: { type: "string" } }, positionals: true, run: cmdInit },
  codes: { options: { ...OUT, ...NO_REPLACE, codes: { type: "string" }, seed: { type: "string" } }, positionals: true, run: cmdCodes },
  sheets: { options: { ...OUT, ...NO_REPLACE, archive: { type: "boolean" } }, positionals: true, run: cmdSheets },
  check: { options: { json: { type: "boolean" } }, positionals: true, run: cmdCheck },
  upload: { options: { ...OUT, form: { type: "string", multiple: true }, work: { type: "string", multiple: true } }, positionals: true, run: cmdUpload },
  analyze: { options: { ...OUT, json: { type: "boolean" }, slips: { type: "boolean" } }, positionals: true, run: cmdAnalyze },
  packets: { options: { ...OUT, by: { type: "string" } }, positionals: true, run: cmdPackets },
  merge: { options: { ...OUT, yes: { type: "boolean", short: "y" } }, positionals: true, run: cmdMerge },
  // The options of every `vpr recheck` subcommand (./recheck/*.ts says which it reads).
  recheck: {
    options: {
      ...OUT,
      json: { type: "boolean" },
      percent: { type: "string" },
      min: { type: "string" },
      seed: { type: "string" },
      by: { type: "string" },
      weight: { type: "boolean" },
      school: { type: "string" },
      list: { type: "string" },
      folder: { type: "string" },
      original: { type: "string" },
      recheck: { type: "string" },
    },
    positionals: true,
    run: cmdRecheck,
  },
  municipal: {
    options: {
      ...OUT,
      json: { type: "boolean" },
      schools: { type: "string" },
      criteria: { type: "string" },
      observers: { type: "string" },
      school: { type: "string" },
      subject: { type: "string" },
      grade: { type: "string" },
      mismatch: { type: "string" },
      sample: { type: "string" },
      percent: { type: "string" },
      min: { type: "string" },
      by: { type: "string" },
      weight: { type: "boolean" },
      seed: { type: "string" },
    },
    positionals: true,
    run: cmdMunicipal,
  },
  "remove-names": { options: { ...OUT, yes: { type: "boolean", short: "y" } }, positionals: true, run: cmdRemoveNames },
  demo: { options: { ...OUT, seed: { type: "string" } }, positionals: false, run: (ctx, values) => cmdDemo(ctx, values) },
};

/** --lang is looked up before anything else, so that even a usage error speaks the chosen language. */
function findLang(argv: readonly string[]): { lang: Lang; bad?: string } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v === undefined) continue;
    if (v === "ru" || v === "en") return { lang: v };
    return { lang: "ru", bad: v };
  }
  const env = process.env.VPR_LANG;
  return { lang: env === "en" ? "en" : "ru" };
}

export const defaultIo = (): Io => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
});

export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const { lang, bad } = findLang(argv);
  const t = TEXTS[lang];
  const ctx: Ctx = { io, t, lang };
  if (bad !== undefined) {
    io.err(t.badLang(bad));
    return EXIT_UNUSABLE;
  }
  // --lang is handled above; the command is the first argument left.
  const args = argv.filter((a, i) => a !== "--lang" && argv[i - 1] !== "--lang" && !a.startsWith("--lang="));
  if (args.length === 0 || args[0].startsWith("-")) {
    if (args.includes("--help") || args.includes("-h")) {
      io.out(t.usage);
      return EXIT_OK;
    }
    io.err(t.noCommand);
    io.err("");
    io.err(t.usage);
    return EXIT_UNUSABLE;
  }
  const name = 0;
  let commandName = args[name];
  args.splice(name, 1);
  if (commandName === "help") {
    const topic = args.find((a) => !a.startsWith("-"));
    if (!topic) {
      io.out(t.usage);
      return EXIT_OK;
    }
    commandName = topic;
    args.splice(args.indexOf(topic), 1, "--help");
  }
  if (!(commandName in COMMANDS)) {
    io.err(t.unknownCommand(commandName));
    return EXIT_UNUSABLE;
  }
  const cmd = COMMANDS[commandName as CommandName];
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, options: { ...COMMON, ...cmd.options }, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] });
  } catch (e) {
    io.err(t.badArgs(e instanceof Error ? e.message : String(e)));
    io.err(t.seeHelp(commandName));
    return EXIT_UNUSABLE;
  }
  if (values.help) {
    io.out(t.help[commandName as CommandName].replace("%KNOWN%", KNOWN_WORKS.join(", ")));
    return EXIT_OK;
  }
  if (!cmd.positionals && positionals.length > 0) {
    io.err(t.tooManyFiles(positionals.join(" ")));
    return EXIT_UNUSABLE;
  }
  try {
    return await cmd.run(ctx, values, positionals);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.message);
      return e.exitCode;
    }
    io.err(t.internal(e instanceof Error ? e.message : String(e)));
    if (process.env.VPR_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT_UNUSABLE;
  }
}
