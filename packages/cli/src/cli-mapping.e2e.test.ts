import { describe, expect, it } from "vitest";
import { runJincai, summaryJson, totalFen, useSmallDatabase, writeFiles } from "./_testing/run-jincai";

const db = useSmallDatabase();

const FOREIGN =
  "pay_no,pay_date,bgt_id,unit,fund_name,func,eco,pro_code,payee,payee_acct_no,amt\n" +
  "X1,2026-04-01,ZB1,101001,一般公共预算,2010301,30101,JB0000,青川办公用品有限公司,6222000000000001,1000.00\n" +
  "X2,2026-04-02,ZB2,101001,一般公共预算,2010301,30201,JB0000,青川办公用品有限公司,6222000000000001,250.25\n";

describe("jincai import --map", () => {
  it("imports foreign headers, translating fund names to 111", async () => {
    const mapping = {
      columns: { pay_no: "payment_id", unit: "agency_code", fund_name: "fund_type", func: "function_code", eco: "economic_code", amt: "amount" },
      values: { fund_type: { 一般公共预算: "111" } },
    };
    await writeFiles(db.dir, { "export.csv": FOREIGN, "mapping.json": JSON.stringify(mapping) });
    const run = await runJincai(db.dir, ["import", "payments", "export.csv", "--map", "mapping.json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows read, 2 applied");
    const rows = await summaryJson(db.dir, ["--by", "fund"]);
    expect(rows.map((r) => [r["fundType"], r["paid"]])).toEqual([["111", "1250.25"]]);
  });

  it("fills a column the file lacks from constants (one fund type for the whole file)", async () => {
    const noFund = FOREIGN.replace(/,一般公共预算|,fund_name/g, "");
    const mapping = {
      columns: { pay_no: "payment_id", unit: "agency_code", func: "function_code", eco: "economic_code", amt: "amount" },
      constants: { fund_type: "111" },
    };
    await writeFiles(db.dir, { "export.csv": noFund, "mapping.json": JSON.stringify(mapping) });
    const run = await runJincai(db.dir, ["import", "payments", "export.csv", "--map", "mapping.json"]);
    expect(run.code).toBe(0);
    expect(totalFen(await summaryJson(db.dir), "paid")).toBe(125025n);
  });

  it("exits 2 with IMPORT_MAPPING_INVALID naming the unknown key colums", async () => {
    await writeFiles(db.dir, { "export.csv": FOREIGN, "mapping.json": JSON.stringify({ colums: { pay_no: "payment_id" } }) });
    const run = await runJincai(db.dir, ["import", "payments", "export.csv", "--map", "mapping.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("IMPORT_MAPPING_INVALID");
    expect(run.stderr).toContain("colums");
  });

  it("exits 2 with IMPORT_MAPPING_INVALID naming a column mapped to an unknown field", async () => {
    await writeFiles(db.dir, { "export.csv": FOREIGN, "mapping.json": JSON.stringify({ columns: { amt: "amout" } }) });
    const run = await runJincai(db.dir, ["import", "payments", "export.csv", "--map", "mapping.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("IMPORT_MAPPING_INVALID");
    expect(run.stderr).toContain("columns.amt");
  });
});
