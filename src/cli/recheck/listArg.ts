// `--list LIST` of the school's re-check subcommands: the list a region sent (JSON or .xlsx with
// «Выборка»), read through the same reader as the pane (src/workbook/recheck/listFile.ts).
import { describeFinding } from "../../core";
import { FileBackend } from "../../workbook/file/FileBackend";
import { readFileBytes } from "../../workbook/file/node/index";
import { readRecheckList, type RecheckList } from "../../workbook/recheck/listFile";
import { str, type Values } from "../commands";
import { CliError, EXIT_UNUSABLE, fileFailure, printFindings, resolvePath, type Ctx } from "../io";

const NEED = {
  ru: "Укажите список работ для перепроверки: --list СПИСОК (JSON или .xlsx с листом «Выборка»).",
  en: "Give the re-check list: --list LIST (JSON, or .xlsx with the sheet «Выборка»).",
};

/** The list, or exit 2 with the reason (file missing, not a list); rows it could not read are printed. */
export async function readListArg(ctx: Ctx, values: Values): Promise<RecheckList> {
  const file = str(values.list);
  if (!file) throw new CliError(EXIT_UNUSABLE, NEED[ctx.lang ?? "ru"]);
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(resolvePath(ctx, file));
  } catch (e) {
    throw fileFailure(ctx, file, e) ?? e;
  }
  const { list, findings } = await readRecheckList(file, bytes, async (b) => (await FileBackend.fromBytes(b)).read(null));
  if (!list) throw new CliError(EXIT_UNUSABLE, findings.map(describeFinding).join("\n") || NEED[ctx.lang ?? "ru"]);
  // Rows of the list that could not be read are said and skipped: the rest of the list still holds.
  printFindings(ctx, findings);
  return list;
}
