import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usePgDatabase } from "./_testing/pg-database";
import { CITY_DIR, CITY_PAYMENT_HEADER, cleanup, copyDir, runJincai, setupSmall, summaryJson, tempDir, writeCsv } from "./_testing/run-jincai";

// The postgres store uses schema "jincai": a database of its own keeps this test apart from
// every other test on the shared server.
const pgDatabase = usePgDatabase("jincai_e2e");
const cityDatabase = usePgDatabase("jincai_e2e_city");
let pgUrl: string;
let cityUrl: string;
let pgDir: string;
let sqliteDir: string;
const cityDirs: string[] = [];

beforeAll(async () => {
  pgUrl = pgDatabase();
  cityUrl = cityDatabase();
  pgDir = await tempDir();
  sqliteDir = await tempDir();
});

afterAll(async () => {
  await cleanup(pgDir);
  await cleanup(sqliteDir);
  for (const dir of cityDirs) await cleanup(dir);
});

describe("jincai on PostgreSQL", () => {
  it("imports the small fixtures into a fresh database and summarises them as SQLite does", async () => {
    await Promise.all([setupSmall(pgDir, ["--pg", pgUrl]), setupSmall(sqliteDir)]);
    const config = JSON.parse(await readFile(join(pgDir, "jincai.config.json"), "utf8"));
    expect(config.store).toEqual({ postgres: pgUrl });

    // A dry run checks every row in a transaction that is rolled back: nothing reaches the server.
    const dry = await runJincai(pgDir, ["import", "payments", "payments.csv", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("3 rows read, 3 would apply, 0 rejected");
    expect((await summaryJson(pgDir)).map((r) => r["paid"])).toEqual(["0.00"]);
    // Several files in one dry run: the second sees the first (a savepoint each), then all is rolled back.
    const twice = await runJincai(pgDir, ["import", "payments", "payments.csv", "payments.csv", "--dry-run"]);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toContain("payments.csv: 3 rows read, 0 would apply, 0 rejected, 3 duplicates");
    expect((await summaryJson(pgDir)).map((r) => r["paid"])).toEqual(["0.00"]);

    const [onPg, onSqlite] = await Promise.all([
      runJincai(pgDir, ["import", "payments", "payments.csv"]),
      runJincai(sqliteDir, ["import", "payments", "payments.csv"]),
    ]);
    expect(onPg.code).toBe(0);
    expect(onPg.stdout).toContain("3 rows read, 3 applied, 0 rejected");
    expect(onSqlite.code).toBe(0);

    const pgSummary = await summaryJson(pgDir, ["--by", "agency,economic"]);
    expect(pgSummary).toEqual(await summaryJson(sqliteDir, ["--by", "agency,economic"]));
    expect(pgSummary.map((r) => [r["economicCode"], r["quota"], r["paid"]])).toEqual([
      ["30101", "10000.00", "1200.00"],
      ["30201", "5000.00", "800.50"],
      ["30205", "3000.00", "300.00"],
    ]);

    const again = await runJincai(pgDir, ["import", "payments", "payments.csv"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing changed");
    const verify = await runJincai(pgDir, ["verify", "--format", "json"]);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout).ok).toBe(true);
  });

  it("imports the sample city (3,000 payments in three batches, refunds and submitted ones, 调剂 and 收回) as SQLite does, and rejects the bad rows alike", async () => {
    const [onPg, onSqlite] = [await tempDir(), await tempDir()];
    cityDirs.push(onPg, onSqlite);
    const steps = [
      ["import", "agencies", "agencies.csv"],
      ["import", "quotas", "quotas.csv"],
      ["import", "payments", "payments.csv"],
      ["import", "quotas", "quota-reallocations.csv"],
      ["import", "adjustments", "adjustments.csv"],
    ];
    const setUp = async (dir: string, initArgs: string[]) => {
      await copyDir(CITY_DIR, dir);
      for (const args of [["init", "--year", "2026", "--division", "990100", ...initArgs], ...steps]) {
        const run = await runJincai(dir, args);
        expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(0);
      }
    };
    await Promise.all([setUp(onPg, ["--pg", cityUrl]), setUp(onSqlite, [])]);

    for (const by of [["--by", "agency,function"], ["--by", "economic,month"], ["--by", "fund,project"]]) {
      expect(await summaryJson(onPg, by)).toEqual(await summaryJson(onSqlite, by));
    }
    const verifyArgs = ["verify", "--format", "json"];
    const [verifyPg, verifySqlite] = await Promise.all([runJincai(onPg, verifyArgs), runJincai(onSqlite, verifyArgs)]);
    expect(verifyPg.code).toBe(0);
    expect(JSON.parse(verifyPg.stdout)).toEqual(JSON.parse(verifySqlite.stdout));

    const again = await runJincai(onPg, ["import", "payments", "payments.csv"]);
    expect(again.stdout).toContain("nothing changed");
    const badArgs = ["import", "payments", "bad-payments.csv", "--json"];
    const [badPg, badSqlite] = await Promise.all([runJincai(onPg, badArgs), runJincai(onSqlite, badArgs)]);
    expect(badPg.code).toBe(2);
    // --json: one issue per line on stderr, the summary on stdout.
    const issues = (run: { stderr: string }) => run.stderr.trim().split("\n").map((line) => JSON.parse(line) as { code: string });
    expect(issues(badPg)).toEqual(issues(badSqlite));
    expect(new Set(issues(badPg).map((i) => i.code))).toContain("TREASURY_EXCEEDS_QUOTA");
    const summary = (run: { stdout: string }) => {
      const { seconds: _, ...rest } = (JSON.parse(run.stdout) as { summary: Record<string, unknown> }).summary;
      return rest;
    };
    expect(summary(badPg)).toEqual(summary(badSqlite));
    expect(summary(badPg)).toMatchObject({ rowsRead: 17, applied: 0, heldBack: 2, rejected: 15, committed: false });
    expect(await summaryJson(onPg, ["--by", "agency"])).toEqual(await summaryJson(onSqlite, ["--by", "agency"]));

    // The 调剂 line issued on 2026-07-01 is not spent in June; a spelled-out fund type is read as its code.
    const line = (id: string, date: string, quota: string, fund: string) => `${id},${date},${quota},101002,${fund},2010301,30201,JB0000,青川办公用品有限公司,6222000000000131,100.00,检查,已支付,`;
    const late = [line("RA0001", "2026-06-30", "ZB202600901", "111"), line("RA0002", "2026-07-01", "ZB202600901", "一般公共预算资金")];
    await Promise.all([onPg, onSqlite].map((dir) => writeCsv(dir, "late.csv", CITY_PAYMENT_HEADER, late)));
    const lateArgs = ["import", "payments", "late.csv", "--dry-run", "--json"];
    const [latePg, lateSqlite] = await Promise.all([runJincai(onPg, lateArgs), runJincai(onSqlite, lateArgs)]);
    expect(issues(latePg)).toEqual(issues(lateSqlite));
    expect(issues(latePg)).toEqual([expect.objectContaining({ line: 2, code: "BUDGET_NOT_YET_ISSUED" })]);
  }, 120_000);
});
