import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, runJincai, setupSmall, tempDir } from "./_testing/run-jincai";

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

  it("refuses --force with another fiscal year over a database holding 2026's quotas, and takes the same year again", async () => {
    await setupSmall(dir);
    const next = await runJincai(dir, ["init", "--force", "--year", "2027", "--division", "990100"]);
    expect(next.code).toBe(2);
    expect(next.stderr.trim()).toBe("jincai: CLI_USAGE: jincai.db already holds fiscal year 2026: a database holds one fiscal year; give 2027 a new one (--db jincai-2027.db)");
    expect(JSON.parse(await readFile(join(dir, "jincai.config.json"), "utf8")).fiscalYear).toBe(2026);
    expect((await runJincai(dir, ["init", "--force", "--year", "2026", "--division", "990100"])).code).toBe(0);
    expect((await runJincai(dir, ["init", "--force", "--year", "2027", "--division", "990100", "--db", "jincai-2027.db"])).code).toBe(0);
  });

  it("creates the database's folder, and puts the database beside a settings file given with --config", async () => {
    expect((await runJincai(dir, [...INIT, "--db", "data/city.db"])).code).toBe(0);
    expect(existsSync(join(dir, "data", "city.db"))).toBe(true);
    expect((await runJincai(dir, ["summary"])).code).toBe(0);
    const elsewhere = await runJincai(dir, ["--config", "conf/jincai.json", ...INIT, "--db", "city.db"]);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(elsewhere.stdout).toContain(`settings in ${join("conf", "jincai.json")}`);
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

  it("takes JINCAI_PG_URL at init only, naming it when it is not a URL; later commands open the store the settings name", async () => {
    const bad = await runJincai(dir, INIT, { pgUrl: "garbage" });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('jincai: CLI_USAGE: JINCAI_PG_URL (from the environment): "garbage" is not a PostgreSQL URL (e.g. postgres://user@localhost:5432/jincai)');
    expect((await runJincai(dir, INIT)).code).toBe(0);
    // A CI runner with the variable set for another job still verifies the SQLite file configured here.
    const verify = await runJincai(dir, ["verify"], { pgUrl: "postgres://127.0.0.1:1/elsewhere" });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain("verify: all rules pass");
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
    const commands = ["init", "import", "summary", "verify", "close", "payment", "audit verify", "audit checkpoint", "audit keygen"];
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

  it("names a --year that is not four digits as such, and writes no settings", async () => {
    for (const year of ["2026年", "26", "2026.5", ""]) {
      const run = await runJincai(dir, ["init", "--year", year, "--division", "990100"]);
      expect(run.code, year).toBe(2);
      expect(run.stderr.trim(), year).toBe(`jincai: CLI_USAGE: --year: "${year}" is not a fiscal year (four digits from 2000 to 2100, e.g. 2026)`);
    }
    expect(existsSync(join(dir, "jincai.config.json"))).toBe(false);
  });

  it("codes commander's usage errors as CLI_USAGE, as every other usage error is", async () => {
    for (const [args, message] of [
      [["frobnicate"], "unknown command 'frobnicate'"],
      [["init"], "required option '--year <year>' not specified"],
      [["import", "payments"], "missing required argument 'files'"],
      [["import", "payments", "p.csv", "-q"], "unknown option '-q'"],
      [["summary", "--by"], "option '--by <dims>' argument missing"],
    ] as const) {
      const run = await runJincai(dir, args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr.split("\n")[0], args.join(" ")).toBe(`jincai: CLI_USAGE: ${message}`);
      // The command's help is named, not printed whole into a CI log.
      expect(run.stderr.trim().split("\n"), args.join(" ")).toEqual([`jincai: CLI_USAGE: ${message}`, "(add --help to the command for its options and examples)"]);
    }
  });

  it("refuses a missing, empty or damaged database with exit 2 instead of passing verify on a new empty one", async () => {
    expect((await runJincai(dir, INIT)).code).toBe(0);
    await writeFile(join(dir, "jincai.config.json"), JSON.stringify({ store: { sqlite: "jincia.db" }, fiscalYear: 2026, division: "990100" }));
    for (const args of [["verify", "--format", "junit"], ["summary"], ["audit", "verify"]]) {
      const run = await runJincai(dir, args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim()).toBe(`jincai: STORE_NOT_FOUND: ${join(dir, "jincia.db")} does not exist: no database at jincia.db (run jincai init, or fix store.sqlite in the configuration)`);
    }
    expect(existsSync(join(dir, "jincia.db"))).toBe(false);
    await writeFile(join(dir, "jincia.db"), "");
    expect((await runJincai(dir, ["verify"])).stderr).toContain("holds no Jincai store");
    await writeFile(join(dir, "jincia.db"), "not a database\n".repeat(100));
    const text = await runJincai(dir, ["verify"]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("STORE_NOT_FOUND");
    expect(text.stderr).toContain("is not a database");
    expect(text.stderr).not.toContain("    at ");
  });

  it("names a table missing from a damaged database in the store's words, without a stack trace", async () => {
    expect((await runJincai(dir, INIT)).code).toBe(0);
    const db = new Database(join(dir, "jincai.db"));
    db.exec("DROP TABLE transfers");
    db.close();
    const run = await runJincai(dir, ["verify"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^jincai: STORE_CORRUPT: SQLite says "no such table: transfers" \(SQLITE_ERROR\): the database was changed outside Jincai or is damaged$/);
  });

  it("exits 2 with CLI_CONFIG_MISSING when summary runs before init", async () => {
    const run = await runJincai(dir, ["summary"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("CLI_CONFIG_MISSING");
  });
});
