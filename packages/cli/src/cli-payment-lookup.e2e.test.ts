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

describe("jincai payment", () => {
  it("lists a payment's refunds by date, whatever order the day files were imported in", async () => {
    const header = `${PAYMENT_HEADER},状态,退票日期,退票金额,退票编号`;
    const row = "R1,2026-03-03,ZB1,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000002,1000.00,已退票";
    await writeFile(join(dir, "day4.csv"), `${header}\n${row},2026-04-20,200.00,T2\n`);
    await writeFile(join(dir, "day3.csv"), `${header}\n${row},2026-04-10,300.00,T1\n`);
    expect((await runJincai(dir, ["import", "payments", "day4.csv", "day3.csv"])).code).toBe(0);
    const text = await runJincai(dir, ["payment", "R1"]);
    expect(text.stdout).toContain("  refund    T1  300.00  2026-04-10\n  refund    T2  200.00  2026-04-20\n");
    const json = JSON.parse((await runJincai(dir, ["payment", "R1", "--json"])).stdout) as { refunds: { refundNumber: string }[] }[];
    expect(json[0]?.refunds.map((r) => r.refundNumber)).toEqual(["T1", "T2"]);
  });
});
