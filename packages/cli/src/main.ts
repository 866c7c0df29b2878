/**
 * The `jincai` program: commander wiring, global options and the mapping of errors to exit codes.
 */
import { isJincaiError, showInvisible } from "@jincai/core";
import { Command, CommanderError } from "commander";
import type { CliContext } from "./cli-context";
import { registerAudit } from "./commands/audit-command";
import { registerClose } from "./commands/close-command";
import { registerImport } from "./commands/import-command";
import { registerInit } from "./commands/init-command";
import { registerPayment } from "./commands/payment-command";
import { registerSummary } from "./commands/summary-command";
import { registerVerify } from "./commands/verify-command";
import { EXIT } from "./exit-codes";
import { fileError } from "./file-error";

/**
 * Builds the `jincai` command-line program for a context.
 *
 * @example
 * ```ts
 * const program = createProgram(context);
 * await program.parseAsync(["node", "jincai", "--help"]);
 * ```
 */
export function createProgram(ctx: CliContext): Command {
  const program = new Command("jincai")
    .description("Jincai (金财): import fiscal data (CSV or .xlsx), summarise it and check its rules")
    .version("0.1.0")
    .option("-c, --config <file>", "configuration file", "jincai.config.json")
    // A usage error names the command's help rather than printing all of it (40 lines in a CI log).
    .showHelpAfterError("(add --help to the command for its options and examples)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.out(s.replace(/\n$/, "")),
      writeErr: (s) => ctx.err(s.replace(/\n$/, "")),
      // commander's own usage errors (an unknown option, a missing argument) read as every other
      // error does, with their code: `jincai: CLI_USAGE: unknown option '-q'`.
      outputError: (s, write) => write(s.replace(/^error: /, "jincai: CLI_USAGE: ")),
    });
  program.hook("preAction", (cmd) => {
    ctx.configPath = cmd.opts<{ config: string }>().config;
  });
  registerInit(program, ctx);
  registerImport(program, ctx);
  registerSummary(program, ctx);
  registerVerify(program, ctx);
  registerClose(program, ctx);
  registerPayment(program, ctx);
  registerAudit(program, ctx);
  return program;
}

/**
 * Runs `jincai` with `argv` and returns the exit status: 0 ok, 1 rule failures, 2 usage or input errors.
 *
 * @example
 * ```ts
 * const status = await runCli(process.argv, context);
 * ```
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const program = createProgram(ctx);
  try {
    await program.parseAsync([...argv]);
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const coded = isJincaiError(error) ? error : fileError(error);
    if (coded !== undefined) {
      // A value from the input quoted in the message shows its invisible characters (`ZB1\u200b`).
      ctx.err(`jincai: ${coded.code}: ${showInvisible(coded.message)}`);
      return EXIT.usage;
    }
    const sqlite = sqliteCode(error);
    if (sqlite !== undefined) {
      // A damaged or hand-edited file (a table dropped, a page corrupt): the store's words, not a stack.
      ctx.err(`jincai: STORE_CORRUPT: SQLite says "${(error as Error).message}" (${sqlite}): the database was changed outside Jincai or is damaged`);
      return EXIT.usage;
    }
    ctx.err(`jincai: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.usage;
  }
}

/** The SQLite error code (`SQLITE_ERROR`, `SQLITE_CORRUPT` …) of a better-sqlite3 error, if it is one. */
function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : undefined;
}
