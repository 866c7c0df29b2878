/**
 * Test helper: runs `deferred-load-worker.mjs` on a file until it has loaded its transfers inside
 * one open transaction, then kills it with SIGKILL.
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./deferred-load-worker.mjs", import.meta.url));

/**
 * Loads 60,000 transfers into `filename` in a child process (a bulk load when `bulk`), kills it
 * mid-transaction and resolves with the size of the log it left behind: the write-ahead log
 * (`-wal`), or the rollback journal (`-journal`) of a bulk load.
 *
 * @example
 * ```ts
 * const journalBytes = await loadAndKill(filename, { bulk: true });
 * ```
 */
export function loadAndKill(filename: string, options: { readonly bulk?: boolean } = {}): Promise<number> {
  const bulk = options.bulk === true;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, filename, ...(bulk ? ["bulk"] : [])], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let logBytes = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes("loaded")) return;
      logBytes = statSync(`${filename}${bulk ? "-journal" : "-wal"}`).size;
      child.kill("SIGKILL");
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve(logBytes) : reject(new Error(`worker ended without being killed: ${err}`))));
  });
}
