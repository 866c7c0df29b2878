/**
 * `--quarantine rejected.csv` opens its file for writing, which empties it. Run day after day
 * with the same name, as a bureau's daily import is, that destroyed the rows an earlier import
 * had set aside and nobody had fixed yet (a clean day's import left an empty file in their
 * place). A file that holds anything is moved aside first, to a name no file has yet.
 */
import { existsSync } from "node:fs";
import { rename, stat } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";

/**
 * Moves an existing, non-empty regular file at `path` to `<name>.earlier.csv` (or
 * `<name>.earlier-2.csv`, … the first name not taken), so that writing `path` loses nothing.
 *
 * @param path - The quarantine file about to be written (absolute).
 * @returns Where the earlier file now is, or `undefined` when there was none to keep (missing,
 *   empty, or not a regular file, such as `/dev/null`).
 * @example
 * ```ts
 * await keepEarlierQuarantine("/srv/import/rejected.csv"); // "/srv/import/rejected.earlier.csv"
 * ```
 */
export async function keepEarlierQuarantine(path: string): Promise<string | undefined> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return undefined;
    size = s.size;
  } catch {
    return undefined;
  }
  if (size === 0) return undefined;
  const ext = extname(path) || ".csv";
  const stem = join(dirname(path), `${basename(path, extname(path))}.earlier`);
  let kept = `${stem}${ext}`;
  for (let n = 2; existsSync(kept); n++) kept = `${stem}-${n}${ext}`;
  await rename(path, kept);
  return kept;
}
