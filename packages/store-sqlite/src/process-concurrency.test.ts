/**
 * Several PROCESSES on one SQLite file compete for one limited quota line. The child script
 * imports the built package, so this test needs `packages/store-sqlite/dist` (`npm test` builds
 * first; while developing run `npx turbo run build --filter=@jincai/store-sqlite...`).
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "./open-sqlite-store";
import { tempDir } from "./_testing/temp-store";

const WORKERS = 4;
const ATTEMPTS = 500;
const LIMIT = 2_000_000n; // 20,000.00 yuan of quota; the workers ask for about 51,000.00 in all
const DIST = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const WORKER = fileURLToPath(new URL("./_testing/quota-worker.mjs", import.meta.url));

interface WorkerReport {
  readonly worker: number;
  readonly accepted: [id: string, amount: string, inTransaction: boolean][];
  readonly voided: [id: string, amount: string][];
  readonly statuses: Record<string, number>;
}

function runWorker(filename: string, worker: number): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, filename, String(worker), String(ATTEMPTS)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(out) as WorkerReport);
      else reject(new Error(`worker ${worker} exited with ${code}: ${err}`));
    });
  });
}

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("openSqliteStore", () => {
  it(`never lets ${WORKERS} processes × ${ATTEMPTS} payments overspend a 20,000.00 yuan quota, and loses nothing`, async () => {
    if (!existsSync(DIST)) throw new Error(`build @jincai/store-sqlite first: ${DIST} is missing`);
    const filename = join(dir, "shared.db");
    const setup = openSqliteStore({ filename });
    await setup.createAccounts([
      { id: "source", book: "quota", code: "1001", normalSide: "debit" },
      { id: "quota", book: "quota", code: "2001", normalSide: "credit", flags: { debitsMustNotExceedCredits: true } },
      { id: "payable", book: "quota", code: "3001", normalSide: "credit" },
    ]);
    await setup.createTransfers([{ id: "grant", debitAccountId: "source", creditAccountId: "quota", amount: LIMIT, date: "2026-03-01" }]);
    await setup.close();

    const reports = await Promise.all(Array.from({ length: WORKERS }, (_, w) => runWorker(filename, w + 1)));

    const store = openSqliteStore({ filename });
    try {
      const accepted = reports.flatMap((r) => r.accepted);
      const voided = reports.flatMap((r) => r.voided);
      const sum = (rows: [string, string, ...unknown[]][]) => rows.reduce((s, [, a]) => s + BigInt(a), 0n);
      const reserved = sum(accepted) - sum(voided);
      const [quota] = await store.accountBalances({ accountIds: ["quota"] });
      expect(quota?.balance.debitsPending).toBe(reserved);
      expect(reserved).toBeLessThanOrEqual(LIMIT);
      expect(reports.reduce((n, r) => n + (r.statuses.exceeds_limit ?? 0), 0)).toBeGreaterThan(0);

      let pendings = 0;
      let voids = 0;
      for await (const t of store.transfers({ accountId: "quota", phases: ["pending", "void"] })) {
        if (t.phase === "pending") pendings++;
        else voids++;
      }
      expect(pendings).toBe(accepted.length);
      expect(voids).toBe(voided.length);
      let records = 0;
      for await (const _ of store.queryRecords("payments")) records++;
      expect(records).toBe(accepted.filter(([, , inTx]) => inTx).length);
      expect(reports.reduce((n, r) => n + Object.values(r.statuses).reduce((a, b) => a + b, 0), 0)).toBe(WORKERS * ATTEMPTS);
    } finally {
      await store.close();
    }
  }, 180_000);
});
