import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usePgDatabase } from "./_testing/pg-database";
import { CITY_DIR, REPO_ROOT, cleanup, runJincai, summaryJson, tempDir, totalFen } from "./_testing/run-jincai";

// The sample city's generator: its default files are the committed sample, byte for byte, and
// with --lifecycle it adds approved (已审核) and sent-back (已退回) payments, which the real
// binary imports on SQLite and on PostgreSQL with every status counted where it belongs.
const generator = join(REPO_ROOT, "examples/scripts/generate-city.mjs");
const generate = (out: string, ...flags: string[]) => promisify(execFile)(process.execPath, [generator, "--payments", "3000", "--out", out, ...flags]);

let root: string;
beforeAll(async () => {
  root = await tempDir();
  await generate(join(root, "default"));
  await generate(join(root, "lifecycle"), "--lifecycle");
});
afterAll(() => cleanup(root));

/** Amounts (fen) and counts of a payments file by status. */
async function byStatus(file: string): Promise<Map<string, { count: number; fen: bigint }>> {
  const [head, ...lines] = (await readFile(file, "utf8")).trim().split("\n");
  const header = head!.split(",");
  const amount = header.indexOf("金额");
  const status = header.indexOf("状态");
  const out = new Map<string, { count: number; fen: bigint }>();
  for (const line of lines) {
    const cells = line.split(",");
    const entry = out.get(cells[status]!) ?? { count: 0, fen: 0n };
    entry.count += 1;
    entry.fen += BigInt(cells[amount]!.replace(".", ""));
    out.set(cells[status]!, entry);
  }
  return out;
}

describe("the sample city's generator", () => {
  it("writes the committed sample byte for byte with the default seed and size", async () => {
    for (const file of ["agencies.csv", "quotas.csv", "payments.csv"]) {
      expect(await readFile(join(root, "default", file), "utf8")).toBe(await readFile(join(CITY_DIR, file), "utf8"));
    }
  });

  it("with --lifecycle, turns about 3 % of the paid payments into approved and sent-back ones and leaves every other row as it was", async () => {
    const plain = (await readFile(join(root, "default", "payments.csv"), "utf8")).split("\n");
    const lifecycle = (await readFile(join(root, "lifecycle", "payments.csv"), "utf8")).split("\n");
    expect(lifecycle).toHaveLength(plain.length);
    const changed = lifecycle.filter((line, i) => line !== plain[i]);
    expect(changed.every((line) => /,(已审核|已退回),$/.test(line))).toBe(true);
    const statuses = await byStatus(join(root, "lifecycle", "payments.csv"));
    expect([...statuses.keys()].sort()).toEqual(["已审核", "已提交", "已支付", "已退回", "已退票"]);
    expect(statuses.get("已审核")!.count + statuses.get("已退回")!.count).toBe(changed.length);
    expect(changed.length).toBeGreaterThan(60);
    expect(changed.length).toBeLessThan(120);
    // The quotas cover the sent-back payments too (they are reserved before they are sent back).
    expect(await readFile(join(root, "lifecycle", "quotas.csv"), "utf8")).toBe(await readFile(join(CITY_DIR, "quotas.csv"), "utf8"));
  });
});

const pgUrl = usePgDatabase("jincai_city");

describe.each(["sqlite", "postgres"])("the lifecycle city imported on %s", (store) => {
  let dir: string;
  const city = (file: string) => join(root, "lifecycle", file);

  beforeAll(async () => {
    dir = await tempDir();
    const init = ["init", "--year", "2026", "--division", "990100", ...(store === "postgres" ? ["--pg", pgUrl()] : [])];
    expect((await runJincai(dir, init)).code).toBe(0);
    expect((await runJincai(dir, ["import", "agencies", city("agencies.csv")])).code).toBe(0);
    expect((await runJincai(dir, ["import", "quotas", city("quotas.csv")])).code).toBe(0);
  });
  afterAll(() => cleanup(dir));

  it("applies every row; approved ones stay reserved, sent-back and refunded ones release their amount", async () => {
    const run = await runJincai(dir, ["import", "payments", city("payments.csv")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("3000 rows read, 3000 applied, 0 rejected, 0 duplicates skipped");
    const statuses = await byStatus(city("payments.csv"));
    const rows = await summaryJson(dir);
    expect(totalFen(rows, "reserved")).toBe(statuses.get("已提交")!.fen + statuses.get("已审核")!.fen);
    expect(totalFen(rows, "paid")).toBe(statuses.get("已支付")!.fen);
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });

  it("changes nothing when the file is imported again", async () => {
    const before = await summaryJson(dir);
    const run = await runJincai(dir, ["import", "payments", city("payments.csv")]);
    expect(run.stdout).toContain("0 applied, 0 rejected, 3000 duplicates skipped");
    expect(await summaryJson(dir)).toEqual(before);
  });

  it("shows a sent-back payment's history", async () => {
    const line = (await readFile(city("payments.csv"), "utf8")).split("\n").find((l) => l.includes(",已退回,"))!;
    const [number, date] = line.split(",");
    const run = await runJincai(dir, ["payment", number!]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${number}  已退回 rejected  ${date}`);
    expect(run.stdout).toContain(`history   ${date} submitted, ${date} rejected`);
  });
});
