// Import benchmark: N generated payment rows (default 1,000,000) of the sample city, imported
// with every check by the real `jincai` binary, then `summary` and `verify`; into a SQLite file,
// or with `--store postgres` into PostgreSQL (JINCAI_PG_URL, else a throwaway cluster).
// With --xlsx the payments go in as an .xlsx workbook (converted from the CSV, as Excel writes one:
// shared strings, dates and amounts as typed cells) instead of the CSV file.
//   npm run bench -- import [--payments 1000000] [--store sqlite|postgres] [--xlsx] [--keep]
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateCity } from "../examples/scripts/generate-city.mjs";
import { startTestPostgres } from "./postgres-for-bench.mjs";
import { timeJincai } from "./time-jincai.mjs";

const { values } = parseArgs({
  options: {
    payments: { type: "string", default: "1000000" }, store: { type: "string", default: "sqlite" }, keep: { type: "boolean", default: false },
    xlsx: { type: "boolean", default: false },
  },
});
const N = Number(values.payments);
if (values.store !== "sqlite" && values.store !== "postgres") {
  console.error(`--store must be sqlite or postgres, not ${values.store}`);
  process.exit(2);
}
const pg = values.store === "postgres" ? await startTestPostgres() : undefined;
const dir = mkdtempSync(join(tmpdir(), "jincai-import-bench-"));

function step(name, args, expect = 0) {
  return { name, ...timeJincai(dir, args, { pgUrl: pg?.url ?? "", expect }) };
}

console.log(`import benchmark: ${N.toLocaleString("en")} payments into ${values.store}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
const g0 = performance.now();
await generateCity({ payments: N, out: dir });
console.log(`generate: ${((performance.now() - g0) / 1000).toFixed(2)} s, payments.csv ${(statSync(join(dir, "payments.csv")).size / 1e6).toFixed(1)} MB`);
const paymentsFile = values.xlsx ? await toWorkbook(join(dir, "payments.csv"), join(dir, "payments.xlsx")) : "payments.csv";
let steps;
try {
  steps = [
    step("init", ["init", "--year", "2026", "--division", "990100"]),
    step("import agencies", ["import", "agencies", "agencies.csv", "--quiet"]),
    step("import quotas", ["import", "quotas", "quotas.csv", "--quiet"]),
    step("import payments", ["import", "payments", paymentsFile]),
    step("summary --by agency,function", ["summary", "--by", "agency,function", "--format", "csv"]),
    step("summary --by function --level 类", ["summary", "--by", "function", "--level", "类"]),
    step("verify", ["verify"]),
  ];
} finally {
  await pg?.stop();
}
for (const s of steps) {
  const extra = s.name === "import payments" ? `  ${Math.round(N / s.seconds).toLocaleString("en")} rows/s` : "";
  const cpu = `CPU ${s.cpu.toFixed(2).padStart(5)} s (main thread ${s.mainCpu.toFixed(2).padStart(5)} s)`;
  console.log(`${s.name.padEnd(34)} ${s.seconds.toFixed(2).padStart(7)} s  peak RSS ${String(s.rssMb).padStart(4)} MB  ${cpu}${extra}`);
}
// However its work is split between threads, a run takes at least its main thread's CPU and its
// total CPU shared over the cores: the wall time the payments step could reach on this machine.
const payments = steps.find((s) => s.name === "import payments");
const floor = Math.max(payments.mainCpu, payments.cpu / cpus().length);
console.log(`import payments: CPU bound on ${cpus().length} cores ${floor.toFixed(2)} s (the larger of the main thread's CPU and the total over the cores)`);
if (!pg) console.log(`database: ${(statSync(join(dir, "jincai.db")).size / 1e6).toFixed(0)} MB`);
if (values.keep) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });

/** The CSV as an .xlsx workbook: amounts as numbers, dates as date cells, text as shared strings. */
async function toWorkbook(csv, xlsx) {
  const { default: ExcelJS } = await import("exceljs");
  const t0 = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const ws = wb.addWorksheet("支付");
  let header;
  for await (const line of createInterface({ input: createReadStream(csv) })) {
    const cells = line.split(",");
    if (header === undefined) {
      header = cells;
      ws.addRow(cells).commit();
      continue;
    }
    const row = ws.addRow(cells.map((c, i) => (header[i] === "金额" ? Number(c) : header[i] === "支付日期" ? new Date(`${c}T00:00:00Z`) : c)));
    row.getCell(header.indexOf("支付日期") + 1).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
  console.log(`payments.xlsx: ${((performance.now() - t0) / 1000).toFixed(2)} s to write, ${(statSync(xlsx).size / 1e6).toFixed(1)} MB`);
  return "payments.xlsx";
}
