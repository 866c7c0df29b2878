import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, runJincai, tempDir } from "./_testing/run-jincai";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => cleanup(dir));

const INIT = ["init", "--year", "2026", "--division", "990100"];

describe("jincai init", () => {
  it("writes jincai.config.json for fiscal year 2026 and refuses a second init without --force", async () => {
    const first = await runJincai(dir, INIT);
    expect(first.code).toBe(0);
    const config = JSON.parse(await readFile(join(dir, "jincai.config.json"), "utf8"));
    expect(config).toEqual({ store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "990100", controls: [] });
    const second = await runJincai(dir, INIT);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("CLI_CONFIG_EXISTS");
  });

  it("creates the database's folder, and puts the database beside a settings file given with --config", async () => {
    expect((await runJincai(dir, [...INIT, "--db", "data/city.db"])).code).toBe(0);
    expect(existsSync(join(dir, "data", "city.db"))).toBe(true);
    expect((await runJincai(dir, ["summary"])).code).toBe(0);
    const elsewhere = await runJincai(dir, ["--config", "conf/jincai.json", ...INIT, "--db", "city.db"]);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(existsSync(join(dir, "conf", "city.db"))).toBe(true);
    expect((await runJincai(dir, ["--config", "conf/jincai.json", "verify"])).code).toBe(0);
  });

  it("names a database folder that does not exist instead of failing with a stack trace", async () => {
    const config = { store: { sqlite: "gone/jincai.db" }, fiscalYear: 2026, division: "990100" };
    await writeFile(join(dir, "jincai.config.json"), JSON.stringify(config));
    const run = await runJincai(dir, ["summary"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`jincai: CLI_FILE_NOT_FOUND: ${join(dir, "gone")}: no such folder for the database gone/jincai.db (run jincai init)`);
  });

  it("refuses a --pg that is not a PostgreSQL URL, and names an unreachable server", async () => {
    const bad = await runJincai(dir, [...INIT, "--pg", "notaurl"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('jincai: CLI_USAGE: --pg: "notaurl" is not a PostgreSQL URL (e.g. postgres://user@localhost:5432/jincai)');
    const down = await runJincai(dir, [...INIT, "--pg", "postgres://127.0.0.1:1/jincai"]);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain("jincai: STORE_UNAVAILABLE: cannot open the PostgreSQL store");
    expect(existsSync(join(dir, "jincai.config.json"))).toBe(false);
  });

  it("names the misspelt key fiscalYaer when the config has one", async () => {
    const config = { store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "990100", fiscalYaer: 1 };
    await writeFile(join(dir, "jincai.config.json"), JSON.stringify(config, null, 2));
    const run = await runJincai(dir, ["summary"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("CLI_CONFIG_INVALID");
    expect(run.stderr).toContain("fiscalYaer");
  });
});

describe("jincai usage", () => {
  it("shows Examples: in the --help of every command", async () => {
    const commands = ["init", "import", "summary", "verify", "close", "payment", "audit verify"];
    const runs = await Promise.all(commands.map((command) => runJincai(dir, [...command.split(" "), "--help"])));
    runs.forEach((run, i) => {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("Examples:");
      expect(run.stdout).toContain(`$ jincai ${commands[i]}`);
    });
  });

  it("exits 2 on an unknown command", async () => {
    const run = await runJincai(dir, ["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it("exits 2 with CLI_CONFIG_MISSING when summary runs before init", async () => {
    const run = await runJincai(dir, ["summary"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("CLI_CONFIG_MISSING");
  });
});
