// `npm run bench -- floor [--payments N]`: the SQLite part of a payment import with nothing else.
// It opens a new file through the store (so the schema is the real one), then writes N
// payment-shaped transfer rows the way a bulk import does (rollback journal, 32 rows per INSERT,
// the `date` index kept up to date row by row, the `transfer_accounts` rows sorted and inserted
// before COMMIT: one per payment, whose credit account is numbered right after its debit), from a trivial generator: no CSV, no checks, no balances, no documents. It first
// times the generator alone, so "SQLite" is what the database costs per row: the floor under
// any import of rows of this shape on this machine.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openSqliteStore } from "@jincai/store-sqlite";

const at = process.argv.indexOf("--payments");
const ROWS = 32;
/** Whole statements only: N is rounded down to a multiple of ROWS. */
const N = Math.max(ROWS, Math.floor((at > 0 ? Number(process.argv[at + 1]) : 1_000_000) / ROWS) * ROWS);
const PAYEES = ["青川农资供应站", "青川建设工程有限公司", "青川信息技术有限公司", "青川办公用品有限公司"];

/** Fills `out` with the 9 column values of payment `n` and returns its debit account. */
function row(n, out, k) {
  const no = `ZF2026${String(n).padStart(8, "0")}`;
  const memo = JSON.stringify([PAYEES[n & 3], `6222${String((n * 7919) % 1e12).padStart(12, "0")}`, "日常支付", "30231"]);
  const debit = 1 + 2 * ((Math.imul(n, 2654435761) >>> 0) % 540);
  out[k] = `pay:${no}`;
  out[k + 1] = "posted";
  out[k + 2] = debit;
  out[k + 3] = debit + 1;
  out[k + 4] = 100 + (n % 100_000);
  out[k + 5] = `2026-${String(1 + Math.floor(((n - 1) * 12) / N)).padStart(2, "0")}-15`;
  out[k + 6] = null;
  out[k + 7] = null;
  // The stored form of the store (schema version 6, store-sqlite references-codec).
  out[k + 8] = `v${no.length}:${no}m${memo.length}:${memo}`;
  return debit;
}

const dir = mkdtempSync(join(tmpdir(), "jincai-floor-"));
const file = join(dir, "floor.db");
await openSqliteStore({ filename: file }).close();
const params = new Array(9 * ROWS);
let t = performance.now();
for (let n = 1; n <= N; n++) row(n, params, 9 * ((n - 1) % ROWS));
const generate = (performance.now() - t) / 1000;

const db = new Database(file);
db.pragma("journal_mode = DELETE");
db.pragma("synchronous = FULL");
db.pragma("cache_size = -65536");
db.pragma("temp_store = MEMORY");
t = performance.now();
db.exec("BEGIN IMMEDIATE");
const insert = db.prepare(
  "INSERT OR FAIL INTO transfers (id, phase, debit, credit, amount, date, pending_id, expires_on, refs) VALUES " +
    new Array(ROWS).fill("(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", "),
);
const pairs = new Float64Array(N);
for (let n = 1; n <= N; n += ROWS) {
  for (let k = 0; k < ROWS; k++) {
    const debit = row(n + k, params, 9 * k);
    // The credit (debit + 1) has no row of its own (store-sqlite schema version 7).
    pairs[n + k - 1] = debit * 2 ** 32 + n + k;
  }
  insert.run(params);
}
const inserted = performance.now();
pairs.sort();
// N pairs are a whole number of 32-row statements, since N is a multiple of 32.
const pair = db.prepare(`INSERT INTO transfer_accounts (account, sequence) VALUES ${new Array(ROWS).fill("(?, ?)").join(", ")}`);
const values = new Array(2 * ROWS);
for (let i = 0; i < pairs.length; i += ROWS) {
  for (let k = 0; k < ROWS; k++) {
    const account = Math.floor(pairs[i + k] / 2 ** 32);
    values[2 * k] = account;
    values[2 * k + 1] = pairs[i + k] - account * 2 ** 32;
  }
  pair.run(values);
}
const indexed = performance.now();
db.exec("COMMIT");
db.close();
const total = (performance.now() - t) / 1000;
rmSync(dir, { recursive: true, force: true });

const s = (x) => `${x.toFixed(2)} s`;
console.log(`SQLite floor: ${N.toLocaleString("en")} payment rows, ${cpus().length} cores (${cpus()[0]?.model.split(" ").slice(0, 2).join(" ")}), Node ${process.version}`);
console.log(`generator alone ${s(generate)}; inserts with generator ${s((inserted - t) / 1000)}; account pairs ${s((indexed - inserted) / 1000)}; COMMIT + close ${s(total - (indexed - t) / 1000)}`);
console.log(`SQLite's part ${s(total - generate)} = ${((1e6 * (total - generate)) / N).toFixed(2)} µs per row`);
