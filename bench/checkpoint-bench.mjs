// Checkpoint benchmark: how long `jincai audit checkpoint` takes over a large ledger when only a
// few accounts and transfers are new since the last one. A SQLite ledger of N quota lines
// (default 60,000, a province) and D payment documents is written through the store, sealed once
// (untimed), then each round adds 3 quota lines and 3 transfers and times one checkpoint (its own
// process: wall time and peak RSS). --root runs another checkout's build (e.g. main's) on a
// ledger that build writes itself, to compare.
//   npm run bench -- checkpoint [--accounts 60000] [--documents 2000] [--rounds 3] [--root /work/main] [--keep]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "60000" },
    documents: { type: "string", default: "2000" },
    rounds: { type: "string", default: "3" },
    root: { type: "string", default: fileURLToPath(new URL("..", import.meta.url)) },
    keep: { type: "boolean", default: false },
  },
});
const N = Number(values.accounts);
const D = Number(values.documents);
const root = resolve(values.root);
const bin = join(root, "packages/cli/dist/bin.js");
const preload = fileURLToPath(new URL("./report-rss.mjs", import.meta.url));
const { openSqliteStore } = await import(pathToFileURL(join(root, "packages/store-sqlite/dist/index.js")).href);
const dir = mkdtempSync(join(tmpdir(), "jincai-checkpoint-bench-"));

function jincai(args) {
  const rssFile = join(dir, ".rss");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", preload, bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, JINCAI_PG_URL: "", JINCAI_RSS_FILE: rssFile } });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`jincai ${args.join(" ")} exited ${r.status}\n${r.stderr.slice(-2000)}`);
  return { seconds, rssMb: Math.round(Number(readFileSync(rssFile, "utf8")) / 1024), out: r.stdout };
}

const line = (i) => ({ id: `quota:ZB${String(i).padStart(6, "0")}`, book: "quota", code: `ZB${i}`, normalSide: "credit", flags: { debitsMustNotExceedCredits: true }, dimensions: { fiscalYear: "2026", agency: String(100001 + (i % 800)), functionCode: "2010101", economicCode: "30201" } });
const grant = (i, n) => ({ id: `grant:${n}:${i}`, debitAccountId: "quota-source", creditAccountId: line(i).id, amount: 100_000n, date: "2026-01-05" });

console.log(`checkpoint benchmark: ${N.toLocaleString("en")} quota lines, ${D.toLocaleString("en")} payment documents, build of ${root}; ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
jincai(["init", "--year", "2026", "--division", "330100"]);
jincai(["audit", "keygen", "audit"]);
const store = openSqliteStore({ filename: join(dir, "jincai.db") });
await store.createAccounts([{ id: "quota-source", book: "quota", code: "1001", normalSide: "debit", dimensions: { fiscalYear: "2026" } }]);
for (let from = 0; from < N; from += 5000) {
  await store.createAccounts(Array.from({ length: Math.min(5000, N - from) }, (_, k) => line(from + k)));
}
for (let from = 0; from < N; from += 5000) {
  const r = await store.createTransfers(Array.from({ length: Math.min(5000, N - from) }, (_, k) => grant(from + k, 0)));
  if (!r.applied) throw new Error("the grants did not apply");
}
const docs = Array.from({ length: D }, (_, i) => ({ collection: "payment", id: `ZF${i}`, data: { payeeName: "青川市自来水有限公司", amount: 1200n, status: "paid" }, index: { status: "paid" } }));
for (let from = 0; from < D; from += 1000) await store.putRecords(docs.slice(from, from + 1000));
await store.close();
const first = jincai(["audit", "checkpoint", "--key", "audit.key.pem"]);
console.log(`first checkpoint (every account new, untimed in the comparison): ${first.seconds.toFixed(2)} s, ${first.rssMb} MB`);
for (let round = 1; round <= Number(values.rounds); round++) {
  const more = openSqliteStore({ filename: join(dir, "jincai.db") });
  const ids = [N + round * 10, N + round * 10 + 1, N + round * 10 + 2];
  await more.createAccounts(ids.map(line));
  if (!(await more.createTransfers(ids.map((i) => grant(i, round)))).applied) throw new Error("the new grants did not apply");
  await more.close();
  const r = jincai(["audit", "checkpoint", "--key", "audit.key.pem"]);
  console.log(`round ${round}: 3 accounts and 3 transfers new: ${r.seconds.toFixed(2)} s, ${r.rssMb} MB  (${r.out.split("\n")[0]})`);
}
if (values.keep) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
