import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runJincai, summaryJson, useSmallDatabase, writeFiles } from "./_testing/run-jincai";

// Quota tables as bureaus export them: each case below was read wrong without a word before.
const db = useSmallDatabase();

const HEADER = "指标编号,年度,单位编码,资金性质,功能科目,经济科目,项目编码,指标文号,金额";
const row = (id: string, amount: string, economic = "30101") => `${id},2026,101001,111,2010301,${economic},JB0000,青财预〔2026〕9号,${amount}`;

interface QuotaDoc {
  readonly paymentType: string;
  readonly source: string;
  readonly executable: boolean;
  readonly documentNumber: string;
  readonly date: string;
}

/** A quota's stored document (no command prints a quota's flags). */
function quotaDoc(id: string): QuotaDoc {
  const sqlite = new Database(join(db.dir, "jincai.db"), { readonly: true });
  try {
    const found = sqlite.prepare("SELECT data FROM records WHERE collection = 'quota' AND id = ?").get(id) as { data: string } | undefined;
    return JSON.parse(found!.data) as QuotaDoc;
  } finally {
    sqlite.close();
  }
}

describe("jincai import quotas: exports' own column titles and mistakes", () => {
  it("reads 支付方式代码, 指标来源代码 and 指标可执行标志 instead of ignoring them and keeping the defaults", async () => {
    const header = "年度,指标编号,本级指标文号,单位编码,资金性质,支出功能分类科目代码,部门预算支出经济分类代码,项目编码,支付方式代码,指标来源代码,指标可执行标志,发文日期,金额";
    await writeFiles(db.dir, { "q.csv": `${header}\n2026,ZQ1,青财预〔2026〕9号,101001,111,2010301,30101,JB0000,12,4,0,2026-02-01,100.00\n` });
    const run = await runJincai(db.dir, ["import", "quotas", "q.csv"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // The file says 授权支付 (12), 结转 (4) and not executable: before, 11, 1 and executable were stored.
    expect(quotaDoc("ZQ1")).toMatchObject({ paymentType: "12", source: "4", executable: false, documentNumber: "青财预〔2026〕9号", date: "2026-02-01" });
  });

  it("stops when the mapping names a column the file lacks, instead of reading the field from another column", async () => {
    await writeFiles(db.dir, {
      "q.csv": `${HEADER.replace(",金额", ",批复金额数,金额")}\n${row("ZQ2", "1000.00").replace(",1000.00", ",1000.00,80.00")}\n`,
      "m.json": JSON.stringify({ columns: { 批复数: "amount" } }),
    });
    const run = await runJincai(db.dir, ["import", "quotas", "q.csv", "--map", "m.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('q.csv:1:1 IMPORT_MISSING_COLUMN the mapping\'s column "批复数" (for amount) is not in the file, and amount would be read from "金额" instead');
    expect((await summaryJson(db.dir))[0]?.["quota"]).toBe("18000.00");
  });

  it("refuses a quota listed twice in one file at the repeat, so the file's 合计 cannot pass with the database holding it once", async () => {
    await writeFiles(db.dir, { "q.csv": `${HEADER}\n${row("ZQ3", "100.00")}\n${row("ZQ3", "100.00")}\n合计,,,,,,,,200.00\n` });
    const run = await runJincai(db.dir, ["import", "quotas", "q.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("q.csv:3:1 IMPORT_REPEATED_ROW quota ZQ3 is on an earlier row of this file too");
    expect((await summaryJson(db.dir))[0]?.["quota"]).toBe("18000.00");
    // Fixed (the repeat and the 合计 corrected), the file loads; loaded again, it changes nothing.
    await writeFiles(db.dir, { "q.csv": `${HEADER}\n${row("ZQ3", "100.00")}\n合计,,,,,,,,100.00\n` });
    expect((await runJincai(db.dir, ["import", "quotas", "q.csv"])).code).toBe(0);
    const again = await runJincai(db.dir, ["import", "quotas", "q.csv"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("1 duplicates skipped");
  });

  it("refuses a 2026 quota issued after 2026 ended at its 下达日期, and takes one issued early in 2025", async () => {
    const header = `${HEADER},下达日期`;
    await writeFiles(db.dir, { "q.csv": `${header}\n${row("ZQ4", "100.00")},2025-11-20\n${row("ZQ5", "100.00")},2027-06-30\n` });
    const run = await runJincai(db.dir, ["import", "quotas", "q.csv", "--quarantine", "bad.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("q.csv:3:10 BUDGET_OUTSIDE_FISCAL_YEAR quota ZQ5 of fiscal year 2026 is issued on 2027-06-30, after that year ended");
    expect((await summaryJson(db.dir))[0]?.["quota"]).toBe("18100.00");
  });

  it("names every missing required column at once, at the header, with exit 2", async () => {
    await writeFiles(db.dir, { "q.csv": "指标编号,年度,单位编码,资金性质,功能科目,金额\nZQ6,2026,101001,111,2010301,100.00\n" });
    const run = await runJincai(db.dir, ["import", "quotas", "q.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^q\.csv:1:1 IMPORT_MISSING_COLUMN missing column for economic_code \(.*\), project_code \(.*\), doc_no \(.*\); headers seen/);
    // Not "the file has bad rows": no row was read, and --quarantine could not help.
    expect(run.stdout).toContain("nothing written (the file itself could not be read: see the error above; --quarantine cannot set its rows aside)");
  });

  it("takes the official code list's names over the starter list's, so it can replace it", async () => {
    await writeFiles(db.dir, { "codes.csv": "科目编码,科目名称\n201,一般公共服务支出（类）\n2010301,行政运行（改）\n" });
    const run = await runJincai(db.dir, ["import", "codes", "codes.csv"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const rows = await summaryJson(db.dir, ["--by", "function", "--level", "类"]);
    expect(rows.map((r) => [r["functionCode"], r["functionName"]])).toEqual([["201", "一般公共服务支出（类）"]]);
    // Quotas on 2010301 are still valid, under its new name.
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
    expect((await summaryJson(db.dir, ["--by", "function"])).map((r) => r["functionName"])).toEqual(["行政运行（改）"]);
  });

  it("refuses a code listed twice in one file with two names at the second, and takes a plain repeat", async () => {
    await writeFiles(db.dir, { "codes.csv": "科目编码,科目名称\n2010301,行政运行（甲）\n2010301,行政运行（甲）\n2010301,行政运行（乙）\n" });
    const run = await runJincai(db.dir, ["import", "codes", "codes.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("codes.csv:4:2 IMPORT_REPEATED_ROW name: code 2010301 is on an earlier row of this file as 行政运行（甲）; this row names it 行政运行（乙） (which name is right?)\n");
    expect((await runJincai(db.dir, ["import", "codes", "codes.csv", "--quarantine", "codes-rejected.csv"])).code).toBe(2);
    expect((await summaryJson(db.dir, ["--by", "function"])).map((r) => r["functionName"])).toEqual(["行政运行（甲）"]);
  });

  it("takes an agency moved to another parent or unit type, and says so at the column that changed", async () => {
    await writeFiles(db.dir, { "moved.csv": "单位编码,单位名称,上级单位,单位类型\n102,青川市教育局,,行政\n101001,市政府办公室本级,102,事业\n" });
    const run = await runJincai(db.dir, ["import", "agencies", "moved.csv"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "moved.csv:3:3 CLI_AGENCY_MOVED agency 101001 changed: parent 101 → 102, unit type 行政 → 事业 (summaries by department show all its figures, past months included, where it now is; its quota lines keep the codes they were loaded with)\n",
    );
    expect((await runJincai(db.dir, ["import", "agencies", "moved.csv"])).stderr).toBe("");
  });

  it("names two agencies that are each other's parent a cycle, at the parent column", async () => {
    await writeFiles(db.dir, { "agencies2.csv": "单位编码,单位名称,上级单位,单位类型\n501,甲,502,行政\n502,乙,501,行政\n" });
    const run = await runJincai(db.dir, ["import", "agencies", "agencies2.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      "agencies2.csv:2:3 ORG_CYCLE 501 is its own ancestor in this file: 501 → 502 → 501",
      "agencies2.csv:3:3 ORG_CYCLE 502 is its own ancestor in this file: 502 → 501 → 502",
    ]);
  });
});
