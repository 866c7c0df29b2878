// Allocation benchmark: how many bytes the real `jincai import payments` allocates per row, and
// where, for N generated payments of the sample city (default 200,000) into a SQLite file. The
// import runs with report-allocations.mjs preloaded; the figures are the sampled allocations of
// the whole process (start-up included), freed or not. Allocation volume drives the young
// generation's garbage collection and hardly varies between runs, so it measures the import
// path's per-row waste where timings drift.
//   npm run bench -- alloc [--payments 200000] [--top 25]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { generateCity } from "../examples/scripts/generate-city.mjs";
import { timeJincai } from "./time-jincai.mjs";

const { values } = parseArgs({ options: { payments: { type: "string", default: "200000" }, top: { type: "string", default: "25" } } });
const N = Number(values.payments);
const dir = mkdtempSync(join(tmpdir(), "jincai-alloc-bench-"));
const bin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));
const preload = fileURLToPath(new URL("./report-allocations.mjs", import.meta.url));

try {
  await generateCity({ payments: N, out: dir });
  timeJincai(dir, ["init", "--year", "2026", "--division", "990100"]);
  timeJincai(dir, ["import", "agencies", "agencies.csv", "--quiet"]);
  timeJincai(dir, ["import", "quotas", "quotas.csv", "--quiet"]);
  const profile = join(dir, "alloc.json");
  const run = spawnSync(process.execPath, ["--import", preload, bin, "import", "payments", "payments.csv", "--quiet"], {
    cwd: dir, encoding: "utf8", env: { ...process.env, JINCAI_PG_URL: "", JINCAI_ALLOC_FILE: profile },
  });
  if (run.status !== 0) throw new Error(`jincai import payments exited ${run.status}\n${run.stderr.slice(-2000)}`);
  const { head } = JSON.parse(readFileSync(profile, "utf8"));

  // Self allocation per function (inlined callees count for their caller) and per package.
  const byFunction = new Map();
  const byPackage = new Map();
  let total = 0;
  const walk = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^.*\/(packages|node_modules)\//, "").replace(/^file:\/\//, "");
    const key = `${functionName || "(anonymous)"}  ${where}${url ? `:${lineNumber + 1}` : ""}`;
    const pkg = url.includes("/packages/") ? `@jincai/${url.split("/packages/")[1].split("/")[0]}` : url.includes("/node_modules/") ? url.split("/node_modules/")[1].split("/")[0] : url.startsWith("node:") ? "node" : "(native)";
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const child of node.children ?? []) walk(child);
  };
  walk(head);

  const mb = (b) => (b / 1e6).toFixed(1).padStart(8);
  const perRow = (b) => `${Math.round(b / N).toLocaleString("en").padStart(6)} B/row`;
  console.log(`allocation benchmark: ${N.toLocaleString("en")} payments into sqlite, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
  console.log(`allocated ${mb(total).trim()} MB = ${perRow(total).trim()} (sampled, start-up included)`);
  console.log("\nby package:");
  for (const [pkg, b] of [...byPackage].sort((a, b) => b[1] - a[1])) console.log(`${mb(b)} MB ${perRow(b)}  ${pkg}`);
  console.log(`\ntop ${values.top} functions (self):`);
  for (const [key, b] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${mb(b)} MB ${perRow(b)}  ${key}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
