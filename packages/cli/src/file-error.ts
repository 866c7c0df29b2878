/**
 * Files named on the command line that cannot be read become coded errors that name the file,
 * instead of Node's stack traces: `CLI_FILE_NOT_FOUND` for a missing file, `CLI_FILE_ERROR` for a
 * directory, a denied permission, a path through a file, or a full or read-only disk.
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { JincaiError } from "@jincai/core";

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is not a directory",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
};

/**
 * The coded error for a failed file operation, or `undefined` when `error` is not one.
 *
 * @param error - What was thrown.
 * @param path - The file, when the error does not name it (a write through an open handle).
 * @example
 * ```ts
 * fileError(Object.assign(new Error("…"), { code: "ENOENT", path: "/data/pay.csv" }))?.message; // "/data/pay.csv: no such file"
 * ```
 */
export function fileError(error: unknown, path?: string): JincaiError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path: named } = error as { code?: unknown; path?: unknown };
  if (typeof code !== "string" || REASONS[code] === undefined) return undefined;
  const what = path ?? (typeof named === "string" ? named : "a file");
  // A file to be written whose folder is missing (--output reports/x.xlsx): name the folder.
  const reason = code === "ENOENT" && what !== "a file" && !existsSync(dirname(what)) ? `no such folder ${dirname(what)}` : REASONS[code];
  return new JincaiError(code === "ENOENT" ? "CLI_FILE_NOT_FOUND" : "CLI_FILE_ERROR", `${what}: ${reason}`, { cause: error });
}

/**
 * Checks that each path is a readable regular file before anything is imported from any of them.
 *
 * @param paths - Absolute paths, in the order given.
 * @param names - The same paths as typed, for the messages.
 * @throws {JincaiError} CLI_FILE_NOT_FOUND or CLI_FILE_ERROR naming the first bad one
 * @example
 * ```ts
 * await assertFiles(["/data/payments.csv"], ["payments.csv"]);
 * ```
 */
export async function assertFiles(paths: readonly string[], names: readonly string[]): Promise<void> {
  for (let i = 0; i < paths.length; i++) {
    const name = names[i] ?? paths[i]!;
    let isFile: boolean;
    try {
      isFile = (await stat(paths[i]!)).isFile();
    } catch (error) {
      throw fileError(error, name) ?? error;
    }
    if (!isFile) throw new JincaiError("CLI_FILE_ERROR", `${name}: ${REASONS["EISDIR"]}`);
  }
}
