/**
 * What every command gets: where it runs, how it prints, its environment. Tests and embedding
 * applications pass their own, so nothing below reads `process` directly.
 */

/**
 * The context a command runs in.
 *
 * @example
 * ```ts
 * const context: CliContext = {
 *   cwd: process.cwd(), env: process.env, isTTY: process.stderr.isTTY === true, exitCode: 0,
 *   out: (line) => process.stdout.write(`${line}\n`),
 *   err: (line) => process.stderr.write(`${line}\n`),
 * };
 * process.exitCode = await runCli(process.argv, context);
 * ```
 */
export interface CliContext {
  /** Working directory that relative paths resolve against. */
  readonly cwd: string;
  /** Environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Prints a line of normal output (stdout). */
  out(line: string): void;
  /** Prints a line of diagnostics (stderr). */
  err(line: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly isTTY: boolean;
  /** `--config` given on the command line. */
  configPath?: string;
  /** The exit status a command asks for (0 unless it sets one). */
  exitCode: number;
}
