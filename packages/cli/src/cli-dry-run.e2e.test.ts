import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PAYMENT_HEADER, payment, runJincai, summaryJson, totalFen, useSmallDatabase, writeCsv } from "./_testing/run-jincai";

// Quota ZB1 holds 10,000.00 for economic 30101; ZB2 5,000.00 for 30201 (useSmallDatabase).
const db = useSmallDatabase();

async function paid(): Promise<bigint> {
  return totalFen(await summaryJson(db.dir), "paid");
}

describe("jincai import --dry-run", () => {
  it("checks a good file, says a real import would commit it, writes nothing, and the real import then applies every row", async () => {
    const dry = await runJincai(db.dir, ["import", "payments", "payments.csv", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("3 rows read, 3 would apply, 0 rejected, 0 duplicates");
    expect(dry.stdout).toContain("dry run, nothing written: a real import would commit it");
    expect(await paid()).toBe(0n);
    const real = await runJincai(db.dir, ["import", "payments", "payments.csv"]);
    expect(real.stdout).toContain("3 rows read, 3 applied, 0 rejected");
    expect(await paid()).toBe(230050n);
  });

  it("checks availability against the database: an overspend is exit 1 at its amount column, and nothing is written", async () => {
    await writeCsv(db.dir, "march.csv", PAYMENT_HEADER, [payment("M1", "ZB1", "30101", "9000.00"), payment("M2", "ZB1", "30101", "1500.00")]);
    const dry = await runJincai(db.dir, ["import", "payments", "march.csv", "--dry-run"]);
    expect(dry.code).toBe(1);
    expect(dry.stderr.trim()).toBe("march.csv:3:11 TREASURY_EXCEEDS_QUOTA payment M2: amount 1,500.00 exceeds the 1,000.00 available on quota ZB1");
    expect(dry.stdout).toContain("2 rows read, 0 would apply, 1 rejected");
    expect(dry.stdout).toContain("a real import would write nothing (the file has bad rows, so its 1 good row waits too; fix them or use --quarantine)");
    expect(await paid()).toBe(0n);
  });

  it("with --quarantine writes the rows a real import would set aside, and still writes nothing to the database", async () => {
    await writeCsv(db.dir, "march.csv", PAYMENT_HEADER, [payment("M1", "ZB1", "30101", "9000.00"), payment("M2", "ZB1", "30101", "1500.00")]);
    const dry = await runJincai(db.dir, ["import", "payments", "march.csv", "--dry-run", "--quarantine", "rejected.csv"]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain("2 rows read, 1 would apply, 1 rejected");
    expect(dry.stdout).toContain("a real import would commit the good rows and set the 1 rejected aside");
    const rejected = (await readFile(join(db.dir, "rejected.csv"), "utf8")).trim().split("\n");
    expect(rejected).toHaveLength(2);
    expect(rejected[1]).toMatch(/^M2,.*TREASURY_EXCEEDS_QUOTA/);
    expect(await paid()).toBe(0n);
  });

  it("reports the summary as JSON with dryRun and whether the file passed, and says when a file is already imported", async () => {
    expect((await runJincai(db.dir, ["import", "payments", "payments.csv"])).code).toBe(0);
    const dry = await runJincai(db.dir, ["import", "payments", "payments.csv", "--dry-run", "--json"]);
    expect(dry.code).toBe(0);
    const { seconds, ...summary } = (JSON.parse(dry.stdout) as { summary: Record<string, unknown> }).summary;
    expect(typeof seconds).toBe("number");
    expect(summary).toEqual({ file: "payments.csv", rowsRead: 3, applied: 0, rejected: 0, duplicates: 3, committed: false, dryRun: true, passed: true });
    const text = await runJincai(db.dir, ["import", "payments", "payments.csv", "--dry-run"]);
    expect(text.stdout).toContain("a real import would change nothing (already imported)");
  });

  it("checks several files as a real import would take them: the second sees the first, and nothing is written", async () => {
    await writeCsv(db.dir, "day1.csv", PAYMENT_HEADER, [payment("M1", "ZB1", "30101", "9000.00")]);
    await writeCsv(db.dir, "day2.csv", PAYMENT_HEADER, [payment("M1", "ZB1", "30101", "9000.00"), payment("M2", "ZB1", "30101", "1500.00")]);
    const dry = await runJincai(db.dir, ["import", "payments", "day1.csv", "day2.csv", "--dry-run"]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain("day1.csv: 1 rows read, 1 would apply, 0 rejected, 0 duplicates");
    // M1 is day 1's payment again, and only 1,000.00 is left after it.
    expect(dry.stdout).toContain("day2.csv: 2 rows read, 0 would apply, 1 rejected, 1 duplicates");
    expect(dry.stderr.trim()).toBe("day2.csv:3:11 TREASURY_EXCEEDS_QUOTA payment M2: amount 1,500.00 exceeds the 1,000.00 available on quota ZB1");
    expect(await paid()).toBe(0n);
    // The real import of the two files does exactly what the dry run said.
    const real = await runJincai(db.dir, ["import", "payments", "day1.csv", "day2.csv"]);
    expect(real.code).toBe(1);
    expect(real.stderr.trim()).toBe(dry.stderr.trim());
    expect(await paid()).toBe(900000n);
  });

  it("leaves a file with bad rows out of what the files after it see, as the real import would", async () => {
    await writeCsv(db.dir, "bad.csv", PAYMENT_HEADER, [payment("B1", "ZB1", "30101", "9000.00"), payment("B2", "ZB9", "30101", "1.00")]);
    await writeCsv(db.dir, "good.csv", PAYMENT_HEADER, [payment("G1", "ZB1", "30101", "9500.00")]);
    const dry = await runJincai(db.dir, ["import", "payments", "bad.csv", "good.csv", "--dry-run", "--json"]);
    expect(dry.code).toBe(1);
    const summaries = dry.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { summary: Record<string, unknown> }).summary);
    expect(summaries.map((s) => [s["file"], s["applied"], s["rejected"], s["passed"], s["committed"]])).toEqual([
      ["bad.csv", 0, 1, false, false],
      ["good.csv", 1, 0, true, false],
    ]);
    expect(await paid()).toBe(0n);
  });

  it("checks the configured controls without defining them: a later real import defines them as configured then", async () => {
    const configPath = join(db.dir, "jincai.config.json");
    const withControl = async (limit: string) => {
      const config = JSON.parse(await readFile(configPath, "utf8"));
      config.controls = [{ id: "C302", match: { agency: "101001", economicCode: "302*" }, limit, policy: "absolute" }];
      await writeFile(configPath, JSON.stringify(config, null, 2));
    };
    await withControl("1000.00");
    await writeCsv(db.dir, "c.csv", PAYMENT_HEADER, [payment("C1", "ZB2", "30201", "1200.00")]);
    const dry = await runJincai(db.dir, ["import", "payments", "c.csv", "--dry-run"]);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toMatch(/^c\.csv:2:11 \w*EXCEEDS_CONTROL /);
    // Had the dry run stored C302 at 1,000.00, the raised limit would now be a conflicting control.
    await withControl("2000.00");
    const real = await runJincai(db.dir, ["import", "payments", "c.csv"]);
    expect(real.code).toBe(0);
    expect(await paid()).toBe(120000n);
  });

  it("leaves no audit event behind", async () => {
    const before = await runJincai(db.dir, ["audit", "verify", "--json"]);
    expect((await runJincai(db.dir, ["import", "payments", "payments.csv", "--dry-run"])).code).toBe(0);
    const after = await runJincai(db.dir, ["audit", "verify", "--json"]);
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(before.stdout);
  });
});
