// `vpr recheck <подкоманда> …`: re-checks (перепроверка) — the sample, the school's package and scan
// check, the commission's protocol, the discrepancy report (docs/RECHECK.md). The subcommands are
// files of ./recheck/, each declaring itself, listed here once.
import type { Values } from "./commands";
import { CliError, EXIT_OK, EXIT_UNUSABLE, type Ctx } from "./io";
import type { RecheckSubcommand } from "./recheck/subcommand";
import { commissionSubcommand } from "./recheck/commission";
import { reportSubcommand } from "./recheck/report";
import { packageSubcommand } from "./recheck/package";
import { scansSubcommand } from "./recheck/scans";
import { recheckSample } from "./recheck/sample";

export const RECHECK_SUBCOMMANDS: readonly RecheckSubcommand[] = [recheckSample, packageSubcommand, scansSubcommand, commissionSubcommand, reportSubcommand];

export function recheckUsage(lang: "ru" | "en"): string {
  const head = lang === "en" ? "Usage: vpr recheck <subcommand> …\n\nRe-checks (перепроверка), docs/RECHECK.md:" : "Использование: vpr recheck <подкоманда> …\n\nПерепроверка работ, docs/RECHECK.md:";
  return [head, ...RECHECK_SUBCOMMANDS.map((s) => `  ${s.usage[lang]}`)].join("\n");
}

export async function cmdRecheck(ctx: Ctx, values: Values, positionals: string[]): Promise<number> {
  const [name, ...rest] = positionals;
  const lang = ctx.lang ?? "ru";
  const sub = RECHECK_SUBCOMMANDS.find((s) => s.name === name);
  if (!sub) {
    if (name === undefined) {
      ctx.io.out(recheckUsage(lang));
      return EXIT_OK;
    }
    throw new CliError(EXIT_UNUSABLE, `${lang === "en" ? `Unknown subcommand «${name}».` : `Неизвестная подкоманда «${name}».`}\n${recheckUsage(lang)}`);
  }
  return sub.run(ctx, values, rest);
}
