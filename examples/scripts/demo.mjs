#!/usr/bin/env node
// `npm run demo`: the sample city 青川市 end to end on the embedded SQLite store. Creates a fresh
// database in examples/.demo/, imports agencies, quotas and a year of payments, prints the
// summary by 主管部门, by agency and by function 类, runs verify (passing), writes the summary as a workbook,
// imports a mid-year 调剂 of quotas, adjustments between lines and a 收回, and the next export's
// status changes, looks two payments up, then shows the file of deliberately bad rows being
// rejected with its report.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../packages/cli/dist/bin.js", import.meta.url));
const work = fileURLToPath(new URL("../.demo/", import.meta.url));
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

function jincai(args, { expect = 0 } = {}) {
  console.log(`\n$ jincai ${args.join(" ")}`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: work, stdio: "inherit", env: { ...process.env, JINCAI_PG_URL: "" } });
  if (r.status !== expect) {
    console.error(`demo: expected exit ${expect}, got ${r.status}`);
    process.exit(1);
  }
}

const started = performance.now();
jincai(["init", "--year", "2026", "--division", "990100", "--db", "city.db"]);
jincai(["import", "agencies", `../city/agencies.csv`]);
jincai(["import", "quotas", `../city/quotas.csv`]);
jincai(["import", "payments", `../city/payments.csv`]);
jincai(["import", "payments", `../city/payments.csv`]); // the re-run changes nothing
jincai(["summary", "--by", "department", "--unit", "万元"]); // as reported to the bureau's leadership
jincai(["summary", "--by", "agency"]);
jincai(["summary", "--by", "function", "--level", "类"]);
jincai(["verify"]);
jincai(["summary", "--by", "agency,function", "--level", "类", "--format", "xlsx", "--output", "执行情况.xlsx"]); // for the finance office
console.log("\nIn July the bureau reallocates (调剂) 50,000.00 of a 101001 line to 101002 and 30,000.00 between two\nlines of 101001: each new line names its 源指标, which must have the amount available; the total stays the same.");
jincai(["import", "quotas", `../city/quota-reallocations.csv`]);
console.log("\nIn September 20,000.00 more moves between two existing lines, and in December 10,000.00 unspent goes back (收回).");
jincai(["import", "adjustments", `../city/adjustments.csv`]);
console.log("\nThe payment system's next export repeats four payments with their new status: one paid, one approved, one\nrejected (退回), one refunded (退票). Each moves on.");
jincai(["import", "payments", `../city/payments-status-update.csv`]);
jincai(["payment", "ZF202600000027", "ZF202600000107"]);
console.log("\nNow a file of deliberately bad rows: every row is reported, nothing is written (exit 2).");
jincai(["import", "payments", `../city/bad-payments.csv`], { expect: 2 });
console.log(`\ndemo finished in ${((performance.now() - started) / 1000).toFixed(1)} s; database in ${work.replace(root, "")}city.db, summary workbook ${work.replace(root, "")}执行情况.xlsx`);
