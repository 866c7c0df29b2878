// A child process of the index-deferral test: it opens a seeded SQLite file through the BUILT
// package (`npm test` builds before vitest runs), writes 60,000 one-fen payments inside one
// transaction (past the point where the store holds the account pairs for COMMIT), each with a long
// memo so that the load outgrows the 64 MiB page cache and uncommitted pages spill into the
// write-ahead log, prints "loaded" and then waits inside the open transaction until the test
// kills it with SIGKILL. With "bulk" as its second argument it opens the store for a bulk load
// (rollback journal instead of the write-ahead log).
// argv: <filename> [bulk]
import { ACCOUNTS, pay } from "@jincai/core/testing";
import { openSqliteStore } from "@jincai/store-sqlite";

const [filename, mode] = process.argv.slice(2);
const store = openSqliteStore({ filename, bulkLoad: mode === "bulk" });
const lines = [ACCOUNTS.q1, ACCOUNTS.q2, ACCOUNTS.q3];
const memo = "青川办公用品有限公司 ".repeat(120);
await store.transaction(async (tx) => {
  for (let from = 0; from < 60_000; from += 5_000) {
    const batch = Array.from({ length: 5_000 }, (_, k) => pay(`pay:K${from + k}`, 1n, { debitAccountId: lines[(from + k) % 3], references: { memo } }));
    const result = await tx.createTransfers(batch);
    if (!result.applied) throw new Error(`batch at ${from} refused`);
  }
  process.stdout.write("loaded\n");
  // Wait inside the open transaction for the kill. A promise that never settles does not keep
  // Node alive by itself (the process would exit with code 13 at once, and close the database
  // as it goes); a timer does.
  setInterval(() => {}, 60_000);
  await new Promise(() => {});
});
