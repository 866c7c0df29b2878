// What handing transfer rows to a writer thread costs the main thread: 300 batches of 1,000 rows
// of the nine values a transfer row binds, posted to a worker (structured clone) as a flat array,
// or joined into one string first (`--join`). Design input for a SQLite writer on the second core.
//   npm run bench -- handoff [--join]
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";

const { values } = parseArgs({ options: { join: { type: "boolean", default: false } } });
const ROWS = 1000;
const BATCHES = 300;
const SEP = "\u0001";
const worker = new Worker(
  `const { parentPort } = require("node:worker_threads");
   let values = 0;
   parentPort.on("message", (m) => {
     if (m.length === 0) return parentPort.postMessage(values);
     values += typeof m === "string" ? m.split(${JSON.stringify(SEP)}).length : m.length;
   });`,
  { eval: true },
);
const references = (i) =>
  JSON.stringify({ voucher: `ZF2026${String(i).padStart(8, "0")}`, memo: JSON.stringify(["青川办公用品有限公司", "6222509268374647", "日常支付", "30205"]) });

/** Batch `b`: nine values per row, as `INSERT INTO transfers` binds them. */
function batch(b) {
  const out = new Array(ROWS * 9);
  for (let i = 0; i < ROWS; i++) {
    const id = b * ROWS + i;
    out.splice(i * 9, 9, `pay:ZF2026${String(id).padStart(8, "0")}`, "posted", id % 811, 5, BigInt(100_000 + id), "2026-03-01", null, null, references(id));
  }
  return out;
}

const batches = Array.from({ length: BATCHES }, (_, b) => batch(b));
const t0 = performance.now();
for (const rows of batches) worker.postMessage(values.join ? rows.join(SEP) : rows);
const posted = performance.now();
worker.postMessage([]);
const received = await new Promise((resolve) => worker.once("message", resolve));
const done = performance.now();
const perRow = (ms) => ((ms * 1000) / (ROWS * BATCHES)).toFixed(2);
console.log(`handoff (${values.join ? "joined string" : "flat array"}): main thread ${perRow(posted - t0)} µs/row to post, worker through after ${perRow(done - t0)} µs/row (${received} values)`);
await worker.terminate();
