import { describe, expect, it } from "vitest";
import { PAYMENT_HEADER, payment, runJincai, useSmallDatabase, writeFiles } from "./_testing/run-jincai";

// An id pasted from a web page or a Word export often carries a character a terminal draws as
// nothing: `no quota ZB1` beside a quota ZB1 that plainly exists would leave the clerk guessing.
const db = useSmallDatabase();

describe("jincai messages quoting a value with invisible characters", () => {
  it("shows a zero-width space in a payment's quota id as \\u200b, in text and in JSON messages", async () => {
    await writeFiles(db.dir, { "p.csv": [PAYMENT_HEADER, payment("P9", "ZB1\u200b", "30101", "10.00"), ""].join("\n") });
    const run = await runJincai(db.dir, ["import", "payments", "p.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ZB1\\u200b");
    expect(run.stderr).not.toContain("\u200b");
    const json = await runJincai(db.dir, ["import", "payments", "p.csv", "--json"]);
    const issue = JSON.parse(json.stderr.trim().split("\n")[0]!) as { message: string; value?: string };
    expect(issue.message).toContain("ZB1\\u200b");
    expect(issue.message).not.toContain("\u200b");
  });

  it("shows a zero-width space in a usage error's value, and a no-break space and a right-to-left mark in a payment not found", async () => {
    const usage = await runJincai(db.dir, ["summary", "--by", "agency\u200b"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim()).toBe('jincai: CLI_USAGE: --by: unknown dimension "agency\\u200b" (use department,agency,function,economic,fund,project,month)');
    const missing = await runJincai(db.dir, ["payment", "P1\u00a0\u200f"]);
    expect(missing.stderr).toContain("no payment P1\\u00a0\\u200f");
    expect(missing.stderr).not.toContain("\u200f");
  });
});
