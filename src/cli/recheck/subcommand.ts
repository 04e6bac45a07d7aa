// What a `vpr recheck <подкоманда>` declares: its name, what it does in one line (ru and en, for
// `vpr recheck --help`) and how it runs. Each subcommand is a file of this folder, listed once in
// ../recheck.ts.
import type { Values } from "../commands";
import type { Ctx } from "../io";

export interface RecheckSubcommand {
  name: "sample" | "package" | "scans" | "protocol" | "commission" | "report";
  /** One line each: `vpr recheck sample <книга.xlsx | папка> [--percent P] …` and what it does. */
  usage: { ru: string; en: string };
  run: (ctx: Ctx, values: Values, positionals: string[]) => Promise<number>;
}
