import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PAYMENT_HEADER as HEADER, payment, runJincai, summaryJson, totalFen, useSmallDatabase, writeFiles } from "./_testing/run-jincai";

const db = useSmallDatabase();

describe("jincai import --quarantine", () => {
  it("commits the good rows, writes the over-quota row with a reason and exits 1", async () => {
    await writeFiles(db.dir, {
      "mixed.csv": [HEADER, payment("P1", "ZB1", "30101", "1200.00"), payment("P2", "ZB2", "30201", "9999.00"), payment("P3", "ZB3", "30205", "300.00"), ""].join("\n"),
    });
    const run = await runJincai(db.dir, ["import", "payments", "mixed.csv", "--quarantine", "out.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^mixed\.csv:3:11 TREASURY_EXCEEDS_QUOTA /);
    expect(run.stdout).toContain("3 rows read, 2 applied, 1 rejected");
    const out = (await readFile(join(db.dir, "out.csv"), "utf8")).trim().split(/\r?\n/);
    expect(out[0]).toBe(`${HEADER},reason`);
    expect(out).toHaveLength(2);
    expect(out[1]).toMatch(/^P2,2026-03-09,ZB2,101001,111,2010301,30201,JB0000,青川办公用品有限公司,6222000000000009,9999\.00,"?3:11 TREASURY_EXCEEDS_QUOTA /);
    expect(totalFen(await summaryJson(db.dir), "paid")).toBe(150000n);
  });

  it("exits 2 when a rejected row is an input error, still committing the good row", async () => {
    await writeFiles(db.dir, {
      "mixed.csv": [HEADER, payment("P1", "ZB1", "30101", "1200.00"), payment("P2", "ZB2", "30201", "12.345"), payment("P3", "ZB3", "30205", "9999.00"), ""].join("\n"),
    });
    const run = await runJincai(db.dir, ["import", "payments", "mixed.csv", "--quarantine", "out.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n").map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual([
      "mixed.csv:3:11 IMPORT_INVALID_AMOUNT",
      "mixed.csv:4:11 TREASURY_EXCEEDS_QUOTA",
    ]);
    const out = (await readFile(join(db.dir, "out.csv"), "utf8")).trim().split(/\r?\n/);
    expect(out.map((l) => l.split(",")[0])).toEqual(["支付单号", "P2", "P3"]);
    expect(totalFen(await summaryJson(db.dir), "paid")).toBe(120000n);
  });
});
