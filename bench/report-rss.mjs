// Preloaded into a benchmarked child (`node --import ./report-rss.mjs`): writes its peak RSS in
// KiB to $JINCAI_RSS_FILE when it exits, so benchmarks need no /usr/bin/time.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.JINCAI_RSS_FILE) writeFileSync(process.env.JINCAI_RSS_FILE, String(process.resourceUsage().maxRSS));
});
