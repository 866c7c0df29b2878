import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, runJincai, setupSmall, tempDir } from "./_testing/run-jincai";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => cleanup(dir));

async function editSettings(edit: (settings: Record<string, unknown>) => void): Promise<void> {
  const path = join(dir, "jincai.config.json");
  const settings = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
  edit(settings);
  await writeFile(path, JSON.stringify(settings, null, 2));
}

describe("jincai.config.json as finance IT staff edit it", () => {
  it("refuses a fiscalYear edited to another year than the database's quota lines hold, instead of showing zeros", async () => {
    await setupSmall(dir);
    await editSettings((settings) => (settings["fiscalYear"] = 2025));
    const expected =
      `jincai: CLI_CONFIG_INVALID: ${join(dir, "jincai.config.json")}: fiscalYear: 2025, but jincai.db holds the quota lines of fiscal year 2026: a database holds one fiscal year (set fiscalYear to 2026, or give 2025 a database of its own: jincai init --force --db jincai-2025.db --year 2025)`;
    for (const args of [["summary"], ["verify"], ["close", "2025-01"], ["payment", "P1"], ["import", "payments", "none-needed.csv"]]) {
      const run = await runJincai(dir, args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stdout, args.join(" ")).toBe("");
      if (args[0] !== "import") expect(run.stderr.trim(), args.join(" ")).toBe(expected);
    }
    await writeFile(join(dir, "p.csv"), "支付单号,支付日期,指标编号,单位编码,资金性质,功能科目,经济科目,项目编码,收款人,收款账号,金额\n");
    const imported = await runJincai(dir, ["import", "payments", "p.csv"]);
    expect(imported.code).toBe(2);
    expect(imported.stderr.trim()).toBe(expected);
    // The audit chain does not depend on the year: it is still checked.
    expect((await runJincai(dir, ["audit", "verify"])).code).toBe(0);
    await editSettings((settings) => (settings["fiscalYear"] = 2026));
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });

  it("reads a settings file saved by Windows Notepad, with a UTF-8 byte order mark", async () => {
    await setupSmall(dir);
    const path = join(dir, "jincai.config.json");
    await writeFile(path, `\ufeff${await readFile(path, "utf8")}`);
    const run = await runJincai(dir, ["summary", "--format", "csv"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("101001,18000.00");
  });

  it("says an empty settings file is empty, and names a folder given as the settings file as a folder", async () => {
    await writeFile(join(dir, "empty.json"), "\n");
    const empty = await runJincai(dir, ["--config", "empty.json", "verify"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim()).toBe(`jincai: CLI_CONFIG_INVALID: ${join(dir, "empty.json")}: the file is empty (run jincai init, or write the settings into it)`);
    await mkdir(join(dir, "settings"));
    const folder = await runJincai(dir, ["--config", "settings", "verify"]);
    expect(folder.code).toBe(2);
    expect(folder.stderr.trim()).toBe(`jincai: CLI_FILE_ERROR: ${join(dir, "settings")}: is a directory, not a file`);
  });
});
