// `npm run bench -- repeat`: the payments import, run again and again, alternating between
// builds or settings, so that a change is judged against the host's own swings (on a shared
// 2-core machine the same build took 10.9–16.3 s for 1M payments within minutes). The city is
// generated once; agencies and quotas are imported once into a SQLite file, which each run copies
// before it imports the payments, so every run starts from the same bytes.
//
//   npm run bench -- repeat [--payments 200000] [--runs 5] [--variant "LABEL BIN [NAME=VALUE …]"]…
//
// A variant is a label, the `bin.js` of a built CLI (`.` for this checkout's), and environment
// settings for it. Without `--variant`, this checkout's build alone. For example, this build
// against another checkout's, and the reading thread against none:
//
//   npm run bench -- repeat --variant "new ." --variant "old /tmp/old/packages/cli/dist/bin.js"
//   npm run bench -- repeat --variant "thread ." --variant "single . JINCAI_READ_THREAD=never"
//
// Each round runs every variant once, in turn; the table gives each variant's wall time, CPU over
// all threads and the main thread's CPU (`bench/report-rss.mjs`) as min / median / max.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCity } from "../examples/scripts/generate-city.mjs";
import { timeJincai } from "./time-jincai.mjs";

const { values } = parseArgs({
  options: {
    payments: { type: "string", default: "200000" },
    runs: { type: "string", default: "5" },
    variant: { type: "string", multiple: true, default: ["this ."] },
  },
});
const N = Number(values.payments);
const runs = Number(values.runs);
if (!(N > 0) || !(runs > 0)) {
  console.error("--payments and --runs must be positive numbers");
  process.exit(2);
}
const thisBin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));
const variants = values.variant.map(parseVariant);

/** `"LABEL BIN NAME=VALUE …"` as { label, bin, env }. */
function parseVariant(text) {
  const [label, bin, ...settings] = text.trim().split(/\s+/);
  if (label === undefined || bin === undefined || settings.some((s) => !/^[A-Z_][A-Z0-9_]*=/.test(s))) {
    console.error(`--variant "${text}": expected "LABEL BIN [NAME=VALUE …]"`);
    process.exit(2);
  }
  const env = Object.fromEntries(settings.map((s) => [s.slice(0, s.indexOf("=")), s.slice(s.indexOf("=") + 1)]));
  return { label, bin: bin === "." ? thisBin : bin, env };
}

const dir = mkdtempSync(join(tmpdir(), "jincai-repeat-bench-"));
try {
  console.log(`repeat benchmark: ${N.toLocaleString("en")} payments into sqlite, ${runs} rounds of ${variants.map((v) => v.label).join(", ")}; ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
  await generateCity({ payments: N, out: dir });
  timeJincai(dir, ["init", "--year", "2026", "--division", "990100"]);
  timeJincai(dir, ["import", "agencies", "agencies.csv", "--quiet"]);
  timeJincai(dir, ["import", "quotas", "quotas.csv", "--quiet"]);
  copyFileSync(join(dir, "jincai.db"), join(dir, "before-payments.db"));

  const results = new Map(variants.map((v) => [v.label, []]));
  for (let round = 1; round <= runs; round++) {
    for (const v of variants) {
      copyFileSync(join(dir, "before-payments.db"), join(dir, "jincai.db"));
      const load = loadavg()[0];
      const r = timeJincai(dir, ["import", "payments", "payments.csv", "--quiet"], { bin: v.bin, env: v.env });
      results.get(v.label).push(r);
      console.log(`round ${round} ${v.label.padEnd(12)} ${r.seconds.toFixed(2).padStart(7)} s  CPU ${r.cpu.toFixed(2).padStart(6)} s  main thread ${r.mainCpu.toFixed(2).padStart(6)} s  peak RSS ${r.rssMb} MB  (load ${load.toFixed(1)})`);
    }
  }
  const spread = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${s[0].toFixed(2)} / ${s[Math.floor((s.length - 1) / 2)].toFixed(2)} / ${s[s.length - 1].toFixed(2)}`;
  };
  console.log(`\n${"variant".padEnd(12)}  ${"wall s (min / median / max)".padEnd(28)}  ${"CPU s".padEnd(22)}  main thread CPU s`);
  for (const [label, rs] of results) {
    console.log(`${label.padEnd(12)}  ${spread(rs.map((r) => r.seconds)).padEnd(28)}  ${spread(rs.map((r) => r.cpu)).padEnd(22)}  ${spread(rs.map((r) => r.mainCpu))}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
