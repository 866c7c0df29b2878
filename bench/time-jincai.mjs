// Runs the built `jincai` binary as a benchmark step: wall time, and the child's own peak RSS and
// CPU time (reported by report-rss.mjs preloaded into it), so benchmarks need no /usr/bin/time.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));
const preload = fileURLToPath(new URL("./report-rss.mjs", import.meta.url));

/**
 * Runs `jincai args…` in `cwd` (JINCAI_PG_URL set to `pgUrl`, empty for SQLite; `bin` another
 * build's `bin.js`, `env` settings added to the environment); throws with the
 * end of its stderr unless it exits with `expect`. The RSS and CPU are written to `cwd`/.rss.
 * `cpu` is the CPU seconds of all the child's threads, `mainCpu` those of its main thread.
 * @returns {{ seconds: number, rssMb: number, cpu: number, mainCpu: number, out: string }}
 */
export function timeJincai(cwd, args, { pgUrl = "", expect = 0, bin: cli = bin, env = {} } = {}) {
  const rssFile = join(cwd, ".rss");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", preload, cli, ...args], {
    cwd, encoding: "utf8", env: { ...process.env, ...env, JINCAI_PG_URL: pgUrl, JINCAI_RSS_FILE: rssFile }, maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== expect) throw new Error(`jincai ${args.join(" ")} exited ${r.status}\n${r.stderr.slice(-2000)}`);
  const [rssKiB, cpu, mainCpu] = readFileSync(rssFile, "utf8").split(" ").map(Number);
  return { seconds, rssMb: Math.round(rssKiB / 1024), cpu, mainCpu, out: r.stdout };
}
