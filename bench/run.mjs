#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs one benchmark (ledger | import | repeat | lifecycle | floor | handoff | alloc | checkpoint) against the built
// packages and prints its figures. Benchmarks measure; tests never time anything.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const [name = "", ...rest] = process.argv.slice(2);
const scripts = { ledger: "ledger-bench.mjs", import: "import-bench.mjs", lifecycle: "lifecycle-bench.mjs", floor: "sqlite-floor-bench.mjs", handoff: "handoff-bench.mjs", alloc: "alloc-bench.mjs", repeat: "repeat-bench.mjs", checkpoint: "checkpoint-bench.mjs" };
const script = scripts[name];
if (!script) {
  console.error(`usage: npm run bench -- <${Object.keys(scripts).join("|")}> [options]`);
  process.exit(2);
}
const path = fileURLToPath(new URL(script, import.meta.url));
const result = spawnSync(process.execPath, [path, ...rest], { stdio: "inherit" });
process.exit(result.status ?? 1);
