import iconv from "iconv-lite";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMALL, cleanup, copyDir, runJincai, tempDir, writeFiles } from "./_testing/run-jincai";

let template: string;
let dir: string;
beforeAll(async () => {
  template = await tempDir();
  expect((await runJincai(template, ["init", "--year", "2026", "--division", "990100"])).code).toBe(0);
});
afterAll(() => cleanup(template));
beforeEach(async () => {
  dir = await tempDir();
  await copyDir(template, dir);
});
afterEach(() => cleanup(dir));

// Re-importing a GB18030 file must find the same Chinese names (all `exists`), and a changed
// name must be an update: both show the names went in decoded, not as mojibake.
async function roundTrip(args: readonly string[]): Promise<void> {
  await writeFiles(dir, { "agencies-gbk.csv": iconv.encode(SMALL.agencies, "gb18030"), "agencies-utf8.csv": SMALL.agencies });
  const first = await runJincai(dir, ["import", "agencies", "agencies-gbk.csv", ...args]);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain("2 rows read, 2 applied");
  const same = await runJincai(dir, ["import", "agencies", "agencies-utf8.csv"]);
  expect(same.code).toBe(0);
  expect(same.stdout).toContain("2 rows read, 0 applied, 0 rejected, 2 duplicates skipped");
}

describe("jincai import (GB18030)", () => {
  it("detects a GB18030 agencies file without --encoding and keeps 市政府办公室本级 intact", async () => {
    await roundTrip([]);
  });

  it("reads a GB18030 file with --encoding gb18030", async () => {
    await roundTrip(["--encoding", "gb18030"]);
  });

  it("reports the Chinese cell of a GB18030 quota file in the issue message", async () => {
    await writeFiles(dir, { "agencies.csv": SMALL.agencies });
    expect((await runJincai(dir, ["import", "agencies", "agencies.csv"])).code).toBe(0);
    const quotas = "指标编号,指标文号,年度,单位编码,资金性质,功能科目,经济科目,项目编码,金额,指标来源\nZB1,青财预〔2026〕1号,2026,101001,111,2010301,30101,JB0000,100.00,天上掉下来\n";
    await writeFiles(dir, { "quotas-gbk.csv": iconv.encode(quotas, "gb18030") });
    const run = await runJincai(dir, ["import", "quotas", "quotas-gbk.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('quotas-gbk.csv:2:10 BUDGET_UNKNOWN_SOURCE source: unknown 指标来源 "天上掉下来"');
  });

  it("says once that a GB18030 file forced to --encoding utf-8 is in another encoding, instead of a wall of unknown columns", async () => {
    await writeFiles(dir, { "agencies-gbk.csv": iconv.encode(SMALL.agencies, "gb18030") });
    const run = await runJincai(dir, ["import", "agencies", "agencies-gbk.csv", "--encoding", "utf-8"]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^agencies-gbk\.csv:1:1 IMPORT_ENCODING the header ".*"… is not text in utf-8: the file is in another encoding \(GB18030 or UTF-8\?\)$/);
  });

  it("rejects --encoding latin1 with exit 2", async () => {
    const run = await runJincai(dir, ["import", "agencies", "x.csv", "--encoding", "latin1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("CLI_USAGE");
  });
});
