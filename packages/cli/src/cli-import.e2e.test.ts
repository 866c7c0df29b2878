import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { city } from "./_testing/city-database";
import { cleanup, runJincai, summaryJson, tempDir, totalFen } from "./_testing/run-jincai";

// One database with the whole sample city (26 agencies, 270 quota lines, 3000 payments), shared
// by the tests below in order: the first imports it and checks what the import says. The rows an
// import refuses are in cli-import-payment-rows and cli-import-quota-rows.
let dir: string;

beforeAll(async () => {
  dir = await tempDir();
  expect((await runJincai(dir, ["init", "--year", "2026", "--division", "990100"])).code).toBe(0);
});
afterAll(() => cleanup(dir));

describe("jincai import (sample city 青川市)", () => {
  it("imports 26 agencies, 270 quota lines and 3000 payments with exit 0", async () => {
    const agencies = await runJincai(dir, ["import", "agencies", city("agencies.csv")]);
    expect(agencies.code).toBe(0);
    expect(agencies.stdout).toContain("26 rows read, 26 applied, 0 rejected");
    const quotas = await runJincai(dir, ["import", "quotas", city("quotas.csv")]);
    expect(quotas.code).toBe(0);
    expect(quotas.stdout).toContain("270 rows read, 270 applied, 0 rejected");
    const payments = await runJincai(dir, ["import", "payments", city("payments.csv")]);
    expect(payments.code).toBe(0);
    expect(payments.stdout).toContain("3000 rows read, 3000 applied, 0 rejected");
    expect(payments.stderr).toBe("");
    const rows = await summaryJson(dir);
    expect(rows).toHaveLength(26 - 6); // the summary lists agencies with quota lines
    expect(totalFen(rows, "quota")).toBe(4653450000n);
    expect(totalFen(rows, "paid")).toBeGreaterThan(0n);
  });

  it("names the agencies and codes beside their codes in the summary table and JSON, not in CSV", async () => {
    const table = await runJincai(dir, ["summary", "--by", "agency,function", "--level", "类"]);
    expect(table.stdout).toMatch(/^101001 市政府办公室本级 +201 一般公共服务支出 +[\d,]+\.\d\d /m);
    const json = await summaryJson(dir, ["--by", "agency,economic,fund", "--level", "款"]);
    expect(json[0]).toMatchObject({ agency: "101001", agencyName: "市政府办公室本级", economicCode: "30101", economicName: "基本工资", fundType: "111", fundName: "一般公共预算资金" });
    const csv = await runJincai(dir, ["summary", "--by", "agency", "--format", "csv"]);
    expect(csv.stdout.split("\n")[1]).toMatch(/^101001,\d/);
  });

  it("summarises a half year (--period 2026-H1, or 2026年上半年 as reports write it) as January to June", async () => {
    const period = (p: string) => summaryJson(dir, ["--by", "department", "--period", p]);
    const [h1, range, chinese, q1q2] = await Promise.all([period("2026-H1"), period("2026-01..2026-06"), period("2026年上半年"), period("2026年第一季度..2026-Q2")]);
    expect(h1).toEqual(range);
    expect(chinese).toEqual(range);
    expect(q1q2).toEqual(range);
    expect(totalFen(h1, "paid")).toBeGreaterThan(0n);
    expect(totalFen(h1, "paid")).toBeLessThan(totalFen(await summaryJson(dir, ["--by", "department"]), "paid"));
  });

  it("summarises by 主管部门 (--by department): the agencies of each department add up to the same totals", async () => {
    const [byDepartment, byAgency] = await Promise.all([summaryJson(dir, ["--by", "department"]), summaryJson(dir, ["--by", "agency"])]);
    expect(byDepartment.map((r) => [r["department"], r["departmentName"]])).toEqual([
      ["101", "青川市人民政府办公室"], ["102", "青川市教育局"], ["103", "青川市卫生健康委员会"],
      ["104", "青川市公安局"], ["105", "青川市农业农村局"], ["106", "青川市人力资源和社会保障局"],
    ]);
    for (const column of ["quota", "reserved", "paid", "available"] as const) expect(totalFen(byDepartment, column)).toBe(totalFen(byAgency, column));
    const table = await runJincai(dir, ["summary", "--by", "department,agency"]);
    expect(table.stdout).toMatch(/^101 青川市人民政府办公室 +101001 市政府办公室本级 +[\d,]+\.\d\d /m);
  });

  it("changes nothing when payments.csv is imported a second time", async () => {
    const before = await summaryJson(dir);
    const again = await runJincai(dir, ["import", "payments", city("payments.csv")]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("0 applied, 0 rejected, 3000 duplicates skipped");
    expect(again.stdout).toContain("nothing changed (already imported)");
    expect(await summaryJson(dir)).toEqual(before);
  });

  it("says a file with a header and no rows has no rows, not that it was imported already", async () => {
    await writeFile(join(dir, "empty.csv"), "支付单号,支付日期,指标编号,单位编码,资金性质,功能科目,经济科目,项目编码,收款人,收款账号,金额,用途,状态\n");
    const empty = await runJincai(dir, ["import", "payments", "empty.csv"]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain("empty.csv: 0 rows read, 0 applied, 0 rejected, 0 duplicates skipped");
    expect(empty.stdout).toContain("nothing changed (the file has no rows)");
    const dry = await runJincai(dir, ["import", "payments", "empty.csv", "--dry-run"]);
    expect(dry.stdout).toContain("a real import would change nothing (the file has no rows)");
  });
});
