/**
 * A file a command writes (`import --quarantine`, `summary --output`) is opened for writing, which
 * empties it first: named after an input file, the mapping, the settings or the SQLite database (a
 * slip of the keyboard), it would destroy what the command reads or the books themselves. Such a
 * path is refused before anything is opened.
 */
import { stat } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { JincaiError } from "@jincai/core";
import type { CliContext } from "./cli-context";
import { CONFIG_FILE, type JincaiConfig } from "./config";

/** A file a command must not overwrite, and how the refusal calls it. */
export interface KeptFile {
  /** Absolute path. */
  readonly path: string;
  /** What it is, for the message: `the input file payments.csv`, `the database jincai.db`. */
  readonly what: string;
}

/**
 * The files an output must not overwrite: the given inputs (and mapping), the settings file and,
 * on SQLite, the database with its `-wal`, `-shm` and `-journal` files.
 *
 * @param ctx - The command's context (working directory, `--config`).
 * @param config - The loaded settings.
 * @param inputs - Files the command reads, as typed, with what each is (`the input file`, `the mapping file`).
 * @example
 * ```ts
 * keptFiles(ctx, config, [{ file: "payments.csv", what: "the input file" }]).map((k) => k.what);
 * // ["the input file payments.csv", "the settings file jincai.config.json", "the database jincai.db", …]
 * ```
 */
export function keptFiles(ctx: CliContext, config: JincaiConfig, inputs: readonly { readonly file: string; readonly what: string }[] = []): KeptFile[] {
  const configPath = resolve(ctx.cwd, ctx.configPath ?? CONFIG_FILE);
  const kept: KeptFile[] = inputs.map((i) => ({ path: resolve(ctx.cwd, i.file), what: `${i.what} ${i.file}` }));
  kept.push({ path: configPath, what: `the settings file ${relative(ctx.cwd, configPath) || configPath}` });
  if ("sqlite" in config.store) {
    const db = resolve(dirname(configPath), config.store.sqlite);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) kept.push({ path: db + suffix, what: `the database ${config.store.sqlite}${suffix}` });
  }
  return kept;
}

/**
 * Refuses output paths that are (by path or, through links, by identity) one of the kept files.
 *
 * @param option - The option that names the output, for the message: `--quarantine`, `--output`.
 * @param outPaths - The output files, absolute, with the text to show for each.
 * @param kept - The files not to overwrite (see {@link keptFiles}).
 * @throws {JincaiError} CLI_USAGE naming the output path and the file it would overwrite
 * @example
 * ```ts
 * await assertOutputPaths("--quarantine", [{ path: "/w/payments.csv", shown: "payments.csv" }], [{ path: "/w/payments.csv", what: "the input file payments.csv" }]);
 * // throws CLI_USAGE: --quarantine payments.csv is the input file payments.csv: …
 * ```
 */
export async function assertOutputPaths(
  option: string,
  outPaths: readonly { readonly path: string; readonly shown: string }[],
  kept: readonly KeptFile[],
): Promise<void> {
  const ids = await Promise.all(kept.map((k) => fileIdentity(k.path)));
  for (const out of outPaths) {
    const id = await fileIdentity(out.path);
    const hit = kept.find((k, i) => resolve(k.path) === resolve(out.path) || (id !== undefined && ids[i] === id));
    if (hit !== undefined) {
      throw new JincaiError("CLI_USAGE", `${option} ${out.shown} is ${hit.what}: writing there would overwrite it; name another file`);
    }
  }
}

/** Device and inode of an existing file, so a link or another spelling of its path is the same file. */
async function fileIdentity(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}
