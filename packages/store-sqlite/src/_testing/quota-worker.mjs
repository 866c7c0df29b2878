// A child process of the concurrency test: it opens the shared SQLite file through the BUILT
// package (`npm test` builds before vitest runs) and competes for one limited quota line.
// Even attempts are single calls; odd ones are async transactions that also write a record.
// Every third accepted reservation is voided again, releasing quota for the others.
// argv: <filename> <worker number> <attempts>. Prints one JSON line with what was accepted.
import { openSqliteStore } from "@jincai/store-sqlite";

const [filename, workerArg, attemptsArg] = process.argv.slice(2);
const worker = Number(workerArg);
const attempts = Number(attemptsArg);
const store = openSqliteStore({ filename });
const accepted = [];
const voided = [];
const statuses = {};

for (let i = 0; i < attempts; i++) {
  const id = `w${worker}-pay-${i}`;
  const amount = BigInt(100 * (1 + ((i * 7 + worker * 13) % 50)));
  const item = { id, phase: "pending", debitAccountId: "quota", creditAccountId: "payable", amount, date: "2026-03-02" };
  let status;
  if (i % 2 === 0) {
    status = (await store.createTransfers([item])).results[0].status;
  } else {
    status = await store.transaction(async (tx) => {
      const s = (await tx.createTransfers([item])).results[0].status;
      if (s === "ok") await tx.putRecord({ collection: "payments", id, data: { amount, worker } });
      await new Promise((resolve) => setImmediate(resolve));
      return s;
    });
  }
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (status !== "ok") continue;
  accepted.push([id, amount.toString(), i % 2 === 1]);
  if (accepted.length % 3 === 0) {
    const r = await store.createTransfers([{ id: `${id}-void`, phase: "void", pendingId: id, date: "2026-03-02" }]);
    if (r.results[0].status === "ok") voided.push([id, amount.toString()]);
  }
}
await store.close();
process.stdout.write(JSON.stringify({ worker, accepted, voided, statuses }) + "\n");
