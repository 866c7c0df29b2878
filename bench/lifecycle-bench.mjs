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
//   npm run bench -- lifecycle [--payments 200000] [--keep]
import { spawnSync } from "node:child_process";
import { copyFileSync, createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { once } from "node:events";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCity } from "../examples/scripts/generate-city.mjs";

const { values } = parseArgs({ options: { payments: { type: "string", default: "200000" }, keep: { type: "boolean", default: false } } });
const N = Number(values.payments);
const bin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));
const preload = fileURLToPath(new URL("./report-rss.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "jincai-lifecycle-bench-"));
const rssFile = join(dir, "rss");

/** Runs the binary in `cwd`; returns seconds and peak RSS (MB), throwing on an unexpected exit. */
function jincai(cwd, args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", preload, bin, ...args], {
    cwd, encoding: "utf8", env: { ...process.env, JINCAI_RSS_FILE: rssFile }, maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`jincai ${args.join(" ")} exited ${r.status}\n${r.stderr.slice(-2000)}`);
  return { seconds, rssMb: Math.round(Number(readFileSync(rssFile, "utf8")) / 1024) };
}

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

console.log(`lifecycle benchmark: ${N.toLocaleString("en")} payments per file into sqlite, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
await generateCity({ payments: N, out: dir });
await withStatus(join(dir, "payments.csv"), join(dir, "submitted.csv"), "已提交", "");
await withStatus(join(dir, "payments.csv"), join(dir, "paid.csv"), "已支付", "");
await withStatus(join(dir, "payments.csv"), join(dir, "refunded.csv"), "已退票", "2026-12-20");
// One database with the city's agencies and quotas, copied for each scenario.
jincai(dir, ["init", "--year", "2026", "--division", "990100"]);
jincai(dir, ["import", "agencies", "agencies.csv", "--quiet"]);
jincai(dir, ["import", "quotas", "quotas.csv", "--quiet"]);

/** A scenario in a directory of its own: the setup files imported untimed, then `file` timed. */
function scenario(name, setup, file) {
  const at = mkdtempSync(join(dir, `${name}-`));
  for (const f of ["jincai.db", "jincai.config.json"]) copyFileSync(join(dir, f), join(at, f));
  for (const s of setup) jincai(at, ["import", "payments", join(dir, s), "--quiet"]);
  const r = jincai(at, ["import", "payments", join(dir, file), "--quiet"]);
  return { name, ...r };
}

const steps = [
  scenario("submitted", [], "submitted.csv"),
  scenario("advance submitted → paid", ["submitted.csv"], "paid.csv"),
  scenario("refunded", [], "refunded.csv"),
  scenario("replay of a paid file", ["paid.csv"], "paid.csv"),
  scenario("paid (for comparison)", [], "paid.csv"),
];
for (const s of steps) {
  const perRow = (s.seconds * 1e6) / N;
  console.log(`${s.name.padEnd(28)} ${s.seconds.toFixed(2).padStart(7)} s  ${perRow.toFixed(1).padStart(5)} µs/row  peak RSS ${String(s.rssMb).padStart(4)} MB`);
}
if (values.keep) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
