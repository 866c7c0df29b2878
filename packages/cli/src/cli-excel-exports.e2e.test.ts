import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, PAYMENT_HEADER, runJincai, setupSmall, tempDir } from "./_testing/run-jincai";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await setupSmall(dir);
});
afterEach(() => cleanup(dir));

const HEADER = `${PAYMENT_HEADER},用途`;

describe("payment files as Excel saves them", () => {
  it("reads a payee wrapped in its cell (Alt+Enter) as one line: the same payment from an unwrapped export is a duplicate", async () => {
    await writeFile(join(dir, "wrapped.csv"), `${HEADER}\r\nW1,2026-03-02,ZB1,101001,111,2010301,30101,JB0000,"青川办公\n用品有限公司",6222000000000002,"1,000.00","办公\n用品"\r\n`);
    await writeFile(join(dir, "plain.csv"), `${HEADER}\nW1,2026-03-02,ZB1,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000002,1000.00,办公用品\n`);
    expect((await runJincai(dir, ["import", "payments", "wrapped.csv"])).code).toBe(0);
    const again = await runJincai(dir, ["import", "payments", "plain.csv"]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("1 duplicates skipped");
    const shown = await runJincai(dir, ["payment", "W1"]);
    expect(shown.stdout).toContain("  payee     青川办公用品有限公司  6222000000000002\n");
    expect(shown.stdout).toContain("  purpose   办公用品\n");
  });

  it("keeps each issue on one line when a payee differs from the one recorded", async () => {
    await writeFile(join(dir, "first.csv"), `${HEADER}\nW2,2026-03-02,ZB1,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000002,10.00,办公\n`);
    await writeFile(join(dir, "other.csv"), `${HEADER}\nW2,2026-03-02,ZB1,101001,111,2010301,30101,JB0000,"青川建设\n工程有限公司",6222000000000002,10.00,办公\n`);
    expect((await runJincai(dir, ["import", "payments", "first.csv"])).code).toBe(0);
    const other = await runJincai(dir, ["import", "payments", "other.csv"]);
    expect(other.code).toBe(1);
    expect(other.stderr).toBe("other.csv:2:9 TREASURY_PAYMENT_CONFLICT payment W2 was recorded with payee 青川办公用品有限公司; this row says 青川建设工程有限公司\n");
  });

  it("imports a file Excel saved without the commas of empty last cells after its 16th row, on either thread", async () => {
    const header = `${PAYMENT_HEADER},用途,状态,退票日期`;
    const row = (n: number, tail: string) => `E${n},2026-03-02,ZB1,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000002,1.00${tail}`;
    const rows = Array.from({ length: 20 }, (_, i) => row(i + 1, i < 15 ? ",办公,," : ""));
    await writeFile(join(dir, "excel.csv"), `${header}\r\n${rows.join("\r\n")}\r\n合计,,,,,,,,,,20.00\r\n`);
    for (const readThread of ["always", "never"] as const) {
      const run = await runJincai(dir, ["import", "payments", "excel.csv", "--dry-run"], { readThread });
      expect(run.stderr, readThread).toBe("excel.csv:22:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped; its 20.00 is the sum of the 20 rows it totals\n");
      expect(run.code, readThread).toBe(0);
      expect(run.stdout, readThread).toContain("20 rows read, 20 would apply");
    }
  });

  it("finds a payment by its number as it is pasted from a spreadsheet: spaces around it, full-width, after an apostrophe", async () => {
    await writeFile(join(dir, "p.csv"), `${HEADER}\nZF0001,2026-03-02,ZB1,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000002,10.00,办公\n`);
    expect((await runJincai(dir, ["import", "payments", "p.csv"])).code).toBe(0);
    const run = await runJincai(dir, ["payment", " ZF0001\t", "ＺＦ０００１", "'ZF0001", "ZF0002 "]);
    expect(run.stdout.match(/^ZF0001 {2}已支付 paid/gm)).toHaveLength(3);
    // The space pasted with it is shown: the number is quoted, with what was looked up.
    expect(run.stderr).toBe('jincai: TREASURY_PAYMENT_NOT_FOUND: no payment "ZF0002 " (looked up as ZF0002)\n');
    expect(run.code).toBe(2);
  });

  it("names the refund recorded when a later export gives a second refund without a 退票编号, at its 退票金额", async () => {
    const header = `${HEADER},状态,退票日期,退票金额`;
    const row = "R1,2026-03-02,ZB1,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000002,500.00,办公";
    await writeFile(join(dir, "first.csv"), `${header}\n${row},已退票,2026-04-10,200.00\n`);
    await writeFile(join(dir, "second.csv"), `${header}\n${row},已退票,2026-05-10,100.00\n`);
    expect((await runJincai(dir, ["import", "payments", "first.csv"])).code).toBe(0);
    const run = await runJincai(dir, ["import", "payments", "second.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("second.csv:2:15 TREASURY_INVALID_REFUND refund_amount: payment R1: refund R1-R was recorded as 200.00 on 2026-04-10; this row says 100.00 (another refund of the payment needs a refund number of its own, 退票编号)\n");
  });
});
