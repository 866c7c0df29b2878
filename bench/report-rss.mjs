// Preloaded into a benchmarked child (`node --import ./report-rss.mjs`): when it exits, writes to
// $JINCAI_RSS_FILE its peak RSS in KiB, its CPU time in seconds over all its threads (user +
// system), and the CPU time of its main thread alone (Linux: /proc/self/task/<pid>/stat; 0 where
// that is not readable), as `rssKiB cpuSeconds mainThreadCpuSeconds`. So benchmarks need no
// /usr/bin/time, and show the bound on a 2-core machine: the wall time of a run is at least the
// larger of its main thread's CPU and half its total CPU, however the work is split.
import { readFileSync, writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

/** User + system CPU seconds of the main thread, from its /proc stat line (fields 14 and 15). */
function mainThreadCpu() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

// The preload also runs in the CLI's worker threads: only the process's own exit reports.
if (isMainThread) {
  process.on("exit", () => {
    if (!process.env.JINCAI_RSS_FILE) return;
    const usage = process.resourceUsage();
    const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    writeFileSync(process.env.JINCAI_RSS_FILE, `${usage.maxRSS} ${cpu.toFixed(2)} ${mainThreadCpu().toFixed(2)}`);
  });
}
