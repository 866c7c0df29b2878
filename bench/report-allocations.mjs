// Preloaded into a benchmarked child (`node --import ./report-allocations.mjs`): samples every
// allocation of the process, including objects the garbage collector has since freed (V8's
// sampling heap profiler, one sample per 16 KiB on average), and writes the profile as JSON to
// $JINCAI_ALLOC_FILE when the process ends. Unlike time, allocation volume hardly varies between
// runs of the same build, so it shows per-row waste on machines whose timings drift.
import inspector from "node:inspector";
import { writeFileSync } from "node:fs";

const session = new inspector.Session();
session.connect();
session.post("HeapProfiler.enable");
session.post("HeapProfiler.startSampling", {
  samplingInterval: 16_384,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});

let written = false;
function write() {
  if (written || !process.env.JINCAI_ALLOC_FILE) return;
  written = true;
  // The inspector answers a session of the same thread synchronously.
  session.post("HeapProfiler.stopSampling", (error, result) => {
    if (error) throw error;
    writeFileSync(process.env.JINCAI_ALLOC_FILE, JSON.stringify(result.profile));
  });
}
const exit = process.exit.bind(process);
process.exit = (code) => {
  write();
  return exit(code);
};
process.on("beforeExit", write);
