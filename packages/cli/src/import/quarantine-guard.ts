/**
 * A `--quarantine` file is opened for writing, which empties it first: named after an input file,
 * the mapping, the settings or the SQLite database (a slip of the keyboard), it would destroy what
 * the import reads or the books themselves. Such a path is refused before anything is opened.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { JincaiError } from "@jincai/core";

/** A file the import must not overwrite, and how the refusal calls it. */
export interface KeptFile {
  /** Absolute path. */
  readonly path: string;
  /** What it is, for the message: `the input file payments.csv`, `the database jincai.db`. */
  readonly what: string;
}

/**
 * Refuses quarantine paths that are (by path or, through links, by identity) one of the kept files.
 *
 * @param outPaths - The quarantine files, absolute, with the text to show for each.
 * @param kept - The inputs, the mapping, the settings and the database files.
 * @throws {JincaiError} CLI_USAGE naming the quarantine path and the file it would overwrite
 * @example
 * ```ts
 * await assertQuarantineTargets([{ path: "/w/payments.csv", shown: "payments.csv" }], [{ path: "/w/payments.csv", what: "the input file payments.csv" }]);
 * // throws CLI_USAGE: --quarantine payments.csv is the input file payments.csv: …
 * ```
 */
export async function assertQuarantineTargets(
  outPaths: readonly { readonly path: string; readonly shown: string }[],
  kept: readonly KeptFile[],
): Promise<void> {
  const ids = await Promise.all(kept.map((k) => fileIdentity(k.path)));
  for (const out of outPaths) {
    const id = await fileIdentity(out.path);
    const hit = kept.find((k, i) => resolve(k.path) === resolve(out.path) || (id !== undefined && ids[i] === id));
    if (hit !== undefined) {
      throw new JincaiError("CLI_USAGE", `--quarantine ${out.shown} is ${hit.what}: writing the rejected rows there would overwrite it; name another file`);
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
