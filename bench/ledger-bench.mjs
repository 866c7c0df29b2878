// Ledger benchmark: N checked transfers (default 1,000,000) in batches into each store, with a
// limit on every debited account, then a grouped balance query over all of them.
//   npm run bench -- ledger [--transfers 1000000] [--batch 10000] [--stores sqlite,postgres,memory]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createMemoryStore, groupBalances } from "@jincai/core";
import { openSqliteStore } from "@jincai/store-sqlite";
import { startTestPostgres } from "./postgres-for-bench.mjs";

const { values } = parseArgs({
  options: {
    transfers: { type: "string", default: "1000000" },
    batch: { type: "string", default: "10000" },
    stores: { type: "string", default: "sqlite,postgres,memory" },
  },
});
const N = Number(values.transfers);
const BATCH = Number(values.batch);
const AGENCIES = 200;
const ECONOMIC = ["30101", "30102", "30201", "30211", "31002"];
const FUNCTIONS = ["2010101", "2050201", "2100201", "2040201", "2130101"];

function accounts() {
  const list = [{ id: "source", book: "quota", code: "SRC", normalSide: "debit", dimensions: { fiscalYear: "2026" } }];
  for (let a = 0; a < AGENCIES; a++) {
    for (let e = 0; e < ECONOMIC.length; e++) {
      list.push({
        id: `q-${a}-${e}`, book: "quota", code: "QUOTA", normalSide: "credit",
        flags: { debitsMustNotExceedCredits: true },
        dimensions: { fiscalYear: "2026", agency: String(100001 + a), economicCode: ECONOMIC[e], functionCode: FUNCTIONS[a % 5] },
      });
    }
  }
  list.push({ id: "spent", book: "quota", code: "SPENT", normalSide: "debit", dimensions: { fiscalYear: "2026" } });
  return list;
}

async function run(kind, store) {
  const accs = accounts();
  await store.createAccounts(accs);
  const funding = accs.filter((a) => a.code === "QUOTA").map((a, i) => ({
    id: `fund-${i}`, debitAccountId: "source", creditAccountId: a.id, amount: 10_000_000_000n, date: "2026-01-01",
  }));
  await store.createTransfers(funding);
  const quotaCount = funding.length;
  const t0 = performance.now();
  let ok = 0;
  for (let start = 0; start < N; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const month = String(1 + Math.floor((i * 12) / N)).padStart(2, "0");
      batch.push({
        id: `t${i}`, debitAccountId: `q-${i % AGENCIES}-${(i >> 3) % ECONOMIC.length}`, creditAccountId: "spent",
        amount: BigInt(100 + (i % 9973)), date: `2026-${month}-15`,
      });
    }
    const result = await store.createTransfers(batch);
    if (!result.applied) throw new Error(`${kind}: batch at ${start} failed: ${JSON.stringify(result.results.find((r) => r.status !== "ok" && r.status !== "batch_failed"), (_, v) => typeof v === "bigint" ? String(v) : v)}`);
    ok += batch.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  const q0 = performance.now();
  const rows = await store.accountBalances({ book: "quota", asOf: "2026-12-31" });
  const grouped = groupBalances(rows, { groupBy: ["agency", "functionCode"], rollup: { functionCode: 3 } });
  const querySeconds = (performance.now() - q0) / 1000;
  // A date inside a month: whole months plus a fold of that month's transfers up to the date.
  const m0 = performance.now();
  groupBalances(await store.accountBalances({ book: "quota", asOf: "2026-06-20" }), { groupBy: ["agency", "functionCode"], rollup: { functionCode: 3 } });
  const midMonthSeconds = (performance.now() - m0) / 1000;
  const c0 = performance.now();
  const current = groupBalances(await store.accountBalances({ book: "quota" }), { groupBy: ["agency"] });
  const currentSeconds = (performance.now() - c0) / 1000;
  console.log(
    `${kind.padEnd(9)} ${ok.toLocaleString("en")} transfers (${quotaCount} limited accounts) in ${seconds.toFixed(2)} s = ${Math.round(ok / seconds).toLocaleString("en")}/s; ` +
      `grouped balance as of year end ${querySeconds.toFixed(3)} s (${grouped.length} groups), as of 2026-06-20 ${midMonthSeconds.toFixed(3)} s; current grouped ${currentSeconds.toFixed(3)} s (${current.length} groups); ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
}

for (const kind of values.stores.split(",")) {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "jincai-bench-"));
    const store = await openSqliteStore({ filename: join(dir, "bench.db") });
    try { await run(kind, store); } finally { await store.close(); rmSync(dir, { recursive: true, force: true }); }
  } else if (kind === "memory") {
    await run(kind, createMemoryStore());
  } else if (kind === "postgres") {
    const pg = await startTestPostgres();
    const { openPostgresStore } = await import("@jincai/store-postgres");
    const store = await openPostgresStore({ connectionString: pg.url });
    try { await run(kind, store); } finally { await store.close(); await pg.stop(); }
  } else {
    throw new Error(`unknown store ${kind}`);
  }
}
