import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PAYMENT_HEADER, SMALL, cleanup, payment, runJincai, summaryJson, tempDir, writeFiles } from "./_testing/run-jincai";

// Budget tables and 指标 notices are often in 万元: "单位：万元" above the header, or 金额（万元）
// as the column's header. Read as 元, every amount would be ten thousand times too small.
let dir = "";
beforeEach(async () => {
  dir = await tempDir();
  await writeFiles(dir, { "agencies.csv": SMALL.agencies });
  expect((await runJincai(dir, ["init", "--year", "2026", "--division", "990100"])).code).toBe(0);
  expect((await runJincai(dir, ["import", "agencies", "agencies.csv"])).code).toBe(0);
});
afterEach(async () => cleanup(dir));

const QUOTAS_WAN =
  "青川市2026年部门预算指标表\n编制单位：青川市财政局,,,,,,,,单位：万元\n" +
  "指标编号,指标文号,年度,单位编码,资金性质,功能科目,经济科目,项目编码,金额\n" +
  "ZB1,青财预〔2026〕1号,2026,101001,111,2010301,30101,JB0000,12.5\n" +
  "ZB2,青财预〔2026〕1号,2026,101001,111,2010301,30201,JB0000,0.345678\n" +
  "合计,,,,,,,,12.845678\n";

describe("jincai import: amounts in 万元", () => {
  it("stops a payments file whose 退票金额 states no unit beside 金额（万元）, instead of reading the refund in 元", async () => {
    await writeFiles(dir, { "quotas.csv": QUOTAS_WAN });
    expect((await runJincai(dir, ["import", "quotas", "quotas.csv"])).code).toBe(0);
    const row = "W9,2026-03-02,ZB1,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000009,1.00,0.5,已退票,2026-03-05";
    await writeFile(join(dir, "refunds.csv"), `${PAYMENT_HEADER.replace("金额", "金额（万元）")},退票金额,状态,退票日期\n${row}\n`);
    const run = await runJincai(dir, ["import", "payments", "refunds.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('refunds.csv:1:12 IMPORT_AMOUNT_UNIT column "退票金额" states no unit, but "金额（万元）" is in 万元: which unit is it in? (write 退票金额（万元） or 退票金额（元）, or 单位：万元 above the header)\n');
    await writeFile(join(dir, "refunds.csv"), `${PAYMENT_HEADER.replace("金额", "金额（万元）")},退票金额（万元）,状态,退票日期\n${row}\n`);
    expect((await runJincai(dir, ["import", "payments", "refunds.csv"])).code).toBe(0);
    expect((await runJincai(dir, ["payment", "W9"])).stdout).toContain("amount    10,000.00  paid 10,000.00  refunded 5,000.00");
  });

  it("reads a quota table under 单位：万元 in 万元, says so, and checks its 合计 in 万元", async () => {
    await writeFiles(dir, { "quotas.csv": QUOTAS_WAN });
    const run = await runJincai(dir, ["import", "quotas", "quotas.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('quotas.csv: amounts read in 万元 (quotas.csv:2:9 "单位：万元"): 1 万元 = 10,000.00 元');
    expect(run.stderr).toContain("quotas.csv:6:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped; its 128,456.78 元 is the sum of the 2 rows it totals");
    const rows = await summaryJson(dir, ["--by", "agency"]);
    expect(rows.map((r) => [r["agency"], r["quota"]])).toEqual([["101001", "128456.78"]]);
  });

  it("reads 单位 notes as bureaus write them, stops at one in a currency it does not read, and warns when the header says otherwise", async () => {
    const body = QUOTAS_WAN.split("\n").slice(2).join("\n");
    for (const note of ["单位：万元（保留两位小数）", "单位：人民币（万元）", "单位：万元。", "单位：万", "金额单位／万元"]) {
      await writeFiles(dir, { "quotas.csv": `${note}\n${body}` });
      const run = await runJincai(dir, ["import", "quotas", "quotas.csv", "--dry-run"]);
      expect(run.code, note).toBe(0);
      expect(run.stdout, note).toContain(`amounts read in 万元 (quotas.csv:1:1 "${note}")`);
    }
    await writeFiles(dir, { "quotas.csv": `单位：美元\n${body}` });
    const dollars = await runJincai(dir, ["import", "quotas", "quotas.csv"]);
    expect(dollars.code).toBe(2);
    expect(dollars.stderr).toContain('quotas.csv:1:1 IMPORT_AMOUNT_UNIT "单位：美元": 美元 is not a unit amounts are read in (元, 千元, 万元, 百万元, 亿元); convert the amounts, or state one of these');
    const inYuan = body.split("\n").slice(0, 2).join("\n").replace(",金额\n", ",金额（元）\n");
    await writeFiles(dir, { "quotas.csv": `单位：万元\n${inYuan}\n` });
    const both = await runJincai(dir, ["import", "quotas", "quotas.csv"]);
    expect(both.code).toBe(0);
    expect(both.stderr).toContain('quotas.csv:2:9 IMPORT_AMOUNT_UNIT column "金额（元）" is in 元 but line 1 says "单位：万元": amount read in 元, as the column says');
    expect((await summaryJson(dir))[0]?.["quota"]).toBe("12.50");
  });

  it("reads a column headed 金额（万元） in 万元, also from GB18030, and puts the unit in the JSON summary", async () => {
    const text = QUOTAS_WAN.split("\n").slice(2).join("\n").replace(",金额\n", ",金额（万元）\n");
    await writeFile(join(dir, "quotas.csv"), iconv.encode(text, "gb18030"));
    const run = await runJincai(dir, ["import", "quotas", "quotas.csv", "--json"]);
    expect(run.code).toBe(0);
    const { summary } = JSON.parse(run.stdout) as { summary: Record<string, unknown> };
    expect(summary["amountUnit"]).toEqual({ unit: "万元", from: "header", line: 1, column: 9, text: "金额（万元）" });
    expect((await summaryJson(dir))[0]?.["quota"]).toBe("128456.78");
  });

  it("refuses a 万元 amount finer than a fen, and keeps 单位：万元 in the quarantine file so it imports again as 万元", async () => {
    const text = QUOTAS_WAN.replace(",0.345678\n", ",0.3456781\n").replace("合计,,,,,,,,12.845678\n", "");
    await writeFiles(dir, { "quotas.csv": text });
    const run = await runJincai(dir, ["import", "quotas", "quotas.csv", "--quarantine", "bad.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('quotas.csv:5:9 IMPORT_INVALID_AMOUNT amount "0.3456781" has more than 6 decimals (the amounts are in 万元: 0.000001 万元 is one fen)');
    const bad = await readFile(join(dir, "bad.csv"), "utf8");
    // A BOM first, so that Excel on a Chinese Windows opens it as UTF-8.
    expect(bad.split("\r\n").slice(0, 2)).toEqual(["\uFEFF单位：万元", "指标编号,指标文号,年度,单位编码,资金性质,功能科目,经济科目,项目编码,金额,reason"]);
    // The clerk fixes the amount in the quarantine file and imports it again.
    await writeFile(join(dir, "bad.csv"), bad.replace(",0.3456781,", ",0.345678,"));
    expect((await runJincai(dir, ["import", "quotas", "bad.csv"])).code).toBe(0);
    expect((await summaryJson(dir))[0]?.["quota"]).toBe("128456.78");
  });

  it("reads a file that states no unit in the mapping's units, and refuses a mapping that disagrees with the file", async () => {
    const plain = QUOTAS_WAN.split("\n").slice(2).join("\n").replace("合计,,,,,,,,12.845678\n", "");
    await writeFiles(dir, {
      "plain.csv": plain,
      "wan.json": JSON.stringify({ units: { amount: "万元" } }),
      "yuan.json": JSON.stringify({ units: { amount: "元" } }),
      "quotas.csv": QUOTAS_WAN,
    });
    const wrong = await runJincai(dir, ["import", "quotas", "quotas.csv", "--map", "yuan.json"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('quotas.csv:2:9 IMPORT_AMOUNT_UNIT the mapping\'s units.amount is 元 but line 2 says "单位：万元": fix the mapping or the file');
    const run = await runJincai(dir, ["import", "quotas", "plain.csv", "--map", "wan.json"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("plain.csv: amounts read in 万元 (the mapping's units): 1 万元 = 10,000.00 元");
    expect((await summaryJson(dir))[0]?.["quota"]).toBe("128456.78");
  });

  it("stops at a column in a unit that is not one, with exit 2 and nothing written", async () => {
    await writeFiles(dir, { "quotas.csv": QUOTAS_WAN.replace(",金额\n", ",金额（美元）\n") });
    const run = await runJincai(dir, ["import", "quotas", "quotas.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('quotas.csv:3:9 IMPORT_AMOUNT_UNIT column "金额（美元）": "美元" is not a unit of amounts (元, 千元, 万元, 百万元, 亿元)');
    expect(await summaryJson(dir)).toEqual([]);
  });

  it("reads payments and workbooks in 万元 the same on the reading thread and without it", async () => {
    await writeFiles(dir, { "quotas.csv": SMALL.quotas, "payments.csv": `单位：万元\n${PAYMENT_HEADER}\n${payment("P1", "ZB1", "30101", "0.12")}\n` });
    expect((await runJincai(dir, ["import", "quotas", "quotas.csv"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("支付");
    ws.addRow(["青川市支付明细", "", "", "", "", "", "", "", "", "", "单位：万元"]);
    ws.addRow(PAYMENT_HEADER.split(","));
    ws.addRow(payment("P2", "ZB2", "30201", "0.05").split(",").map((c, i) => (i === 10 ? 0.05 : c)));
    await wb.xlsx.writeFile(join(dir, "payments.xlsx"));
    for (const readThread of ["always", "never"] as const) {
      const copy = await tempDir();
      try {
        for (const name of ["jincai.config.json", "jincai.db", "payments.csv", "payments.xlsx"]) await writeFile(join(copy, name), await readFile(join(dir, name)));
        const csv = await runJincai(copy, ["import", "payments", "payments.csv"], { readThread });
        const xlsx = await runJincai(copy, ["import", "payments", "payments.xlsx"], { readThread });
        expect([csv.code, xlsx.code]).toEqual([0, 0]);
        expect(xlsx.stdout).toContain('payments.xlsx: amounts read in 万元 (payments.xlsx:1:11 "单位：万元")');
        const rows = await summaryJson(copy, ["--by", "agency"]);
        expect(rows.map((r) => r["paid"])).toEqual(["1700.00"]);
      } finally {
        await cleanup(copy);
      }
    }
  });

});

describe("jincai summary --unit 万元", () => {
  it("shows every format in 万元, each figure and the total rounded 四舍五入 from exact fen", async () => {
    // Three lines of 50.00 元 (0.005 万元): each shows 0.01, their total (0.015) 0.02.
    const rows = ["30101", "30201", "30205"].map((e, i) => `ZB${i + 1},青财预〔2026〕1号,2026,101001,111,2010301,${e},JB0000,50.00`);
    await writeFiles(dir, { "quotas.csv": ["指标编号,指标文号,年度,单位编码,资金性质,功能科目,经济科目,项目编码,金额", ...rows].join("\n") });
    expect((await runJincai(dir, ["import", "quotas", "quotas.csv"])).code).toBe(0);
    const table = await runJincai(dir, ["summary", "--by", "economic", "--unit", "万元"]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^经济科目 economic +指标 quota \(万元\) +已占用 reserved \(万元\) +已支付 paid \(万元\) +冻结 frozen \(万元\) +可用 available \(万元\) +不可执行 non-executable \(万元\) +执行率 rate$/);
    expect(lines.slice(2).map((l) => l.split(/ {2,}/).slice(-7, -5))).toEqual([
      ["0.01", "0.00"], ["0.01", "0.00"], ["0.01", "0.00"], ["0.02", "0.00"],
    ]);
    const csv = await runJincai(dir, ["summary", "--by", "economic", "--unit", "万元", "--format", "csv"]);
    expect(csv.stdout.split("\n").slice(0, 2)).toEqual(["economicCode,quota(万元),reserved(万元),paid(万元),frozen(万元),available(万元),non_executable(万元),execution_rate", "30101,0.01,0.00,0.00,0.00,0.01,0.00,0.0000"]);
    const json = JSON.parse((await runJincai(dir, ["summary", "--by", "agency", "--unit", "万元", "--format", "json"])).stdout) as Record<string, unknown>[];
    expect(json).toEqual([expect.objectContaining({ agency: "101001", quota: "0.02", available: "0.02", unit: "万元" })]);
    expect((await runJincai(dir, ["summary", "--by", "agency", "--unit", "元", "--format", "json"])).stdout).not.toContain('"unit"');
    expect((await runJincai(dir, ["summary", "--unit", "万元", "--format", "xlsx", "--output", "s.xlsx"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "s.xlsx"));
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe("指标 quota (万元)");
    // The workbook keeps the exact figures (0.015 万元), shown to 0.01 by the cells' format, so
    // that sums taken in Excel match the total row.
    expect(ws.getRow(2).getCell(3).value).toBe(0.015);
    expect(ws.getColumn(3).numFmt).toBe("#,##0.00");
  });

  it("refuses a unit it does not know with exit 2", async () => {
    const run = await runJincai(dir, ["summary", "--unit", "美元"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--unit: "美元" is not a unit; use 元, 千元, 万元, 百万元, 亿元');
  });
});
