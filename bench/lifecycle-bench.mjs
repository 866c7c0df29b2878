// Lifecycle benchmark: a bureau's daily files rather than a year of history. N payments of the
// sample city (default 200,000) are written as four files that differ only in their status
// column, and the real `jincai` binary imports them into SQLite files that hold the city's
// agencies and quotas:
//   submitted  every row 已提交 (a pending transfer and a payment document each);
//   advance    the paid file into a database that already holds the submitted one, so every row
//              moves a stored payment on (submitted → paid);
//   refunded   every row 已退票 (paid, then refunded in the same row);
//   replay     the paid file into a database that already holds it: every row a duplicate.
// Each step's time and peak RSS are its own process's; the untimed setup imports are not shown.
// With --store postgres each scenario gets a database of its own on JINCAI_PG_URL's server (else
// a throwaway cluster).
//   npm run bench -- lifecycle [--payments 200000] [--store sqlite|postgres] [--keep]
import { copyFileSync, createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { once } from "node:events";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import pg from "pg";
import { generateCity } from "../examples/scripts/generate-city.mjs";
import { startTestPostgres } from "./postgres-for-bench.mjs";
import { timeJincai } from "./time-jincai.mjs";

const { values } = parseArgs({
  options: { payments: { type: "string", default: "200000" }, store: { type: "string", default: "sqlite" }, keep: { type: "boolean", default: false } },
});
const N = Number(values.payments);
if (values.store !== "sqlite" && values.store !== "postgres") {
  console.error(`--store must be sqlite or postgres, not ${values.store}`);
  process.exit(2);
}
const server = values.store === "postgres" ? await startTestPostgres() : undefined;
const dir = mkdtempSync(join(tmpdir(), "jincai-lifecycle-bench-"));

/** Runs the binary in `cwd`; returns seconds and peak RSS (MB), throwing on an unexpected exit. */
const jincai = (cwd, args) => timeJincai(cwd, args);

/** The payments file with every row's status (and refund date) set; the header names the columns. */
async function withStatus(from, to, status, refundDate) {
  const out = createWriteStream(to);
  let statusAt = -1;
  let refundAt = -1;
  for await (const line of createInterface({ input: createReadStream(from) })) {
    const cells = line.split(",");
    if (statusAt < 0) {
      statusAt = cells.indexOf("状态");
      refundAt = cells.indexOf("退票日期");
    } else {
      cells[statusAt] = status;
      cells[refundAt] = refundDate;
    }
    if (!out.write(`${cells.join(",")}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

console.log(`lifecycle benchmark: ${N.toLocaleString("en")} payments per file into ${values.store}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
await generateCity({ payments: N, out: dir });
await withStatus(join(dir, "payments.csv"), join(dir, "submitted.csv"), "已提交", "");
await withStatus(join(dir, "payments.csv"), join(dir, "paid.csv"), "已支付", "");
await withStatus(join(dir, "payments.csv"), join(dir, "refunded.csv"), "已退票", "2026-12-20");
/** A store holding the city's agencies and quotas in directory `at`: a copy of one SQLite file, or a new PostgreSQL database. */
let databases = 0;
async function cityStore(at) {
  if (server === undefined) {
    for (const f of ["jincai.db", "jincai.config.json"]) copyFileSync(join(dir, f), join(at, f));
    return;
  }
  const name = `lifecycle_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  jincai(at, ["init", "--year", "2026", "--division", "990100", "--pg", url.toString()]);
  jincai(at, ["import", "agencies", join(dir, "agencies.csv"), "--quiet"]);
  jincai(at, ["import", "quotas", join(dir, "quotas.csv"), "--quiet"]);
}
if (server === undefined) {
  jincai(dir, ["init", "--year", "2026", "--division", "990100"]);
  jincai(dir, ["import", "agencies", "agencies.csv", "--quiet"]);
  jincai(dir, ["import", "quotas", "quotas.csv", "--quiet"]);
}

/** A scenario in a directory of its own: the setup files imported untimed, then `file` timed. */
async function scenario(name, setup, file) {
  const at = mkdtempSync(join(dir, "scenario-"));
  await cityStore(at);
  for (const s of setup) jincai(at, ["import", "payments", join(dir, s), "--quiet"]);
  const r = jincai(at, ["import", "payments", join(dir, file), "--quiet"]);
  return { name, ...r };
}

const steps = [];
try {
  steps.push(await scenario("submitted", [], "submitted.csv"));
  steps.push(await scenario("advance submitted → paid", ["submitted.csv"], "paid.csv"));
  steps.push(await scenario("refunded", [], "refunded.csv"));
  steps.push(await scenario("replay of a paid file", ["paid.csv"], "paid.csv"));
  steps.push(await scenario("paid (for comparison)", [], "paid.csv"));
} finally {
  await server?.stop();
}
for (const s of steps) {
  const perRow = (s.seconds * 1e6) / N;
  console.log(`${s.name.padEnd(28)} ${s.seconds.toFixed(2).padStart(7)} s  ${perRow.toFixed(1).padStart(5)} µs/row  peak RSS ${String(s.rssMb).padStart(4)} MB`);
}
if (values.keep) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
