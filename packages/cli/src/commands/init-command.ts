/**
 * `jincai init`: writes `jincai.config.json` and creates (migrates) the database.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { JincaiError } from "@jincai/core";
import type { Command } from "commander";
import { CONFIG_FILE, type JincaiConfig, configSchema, saveConfig } from "../config";
import { storedFiscalYears } from "../database-fiscal-year";
import { openConfiguredStore } from "../open-store";
import type { CliContext } from "../cli-context";

interface InitOptions {
  db?: string;
  pg?: string;
  year: string;
  division: string;
  force?: boolean;
}

/**
 * Registers `jincai init` on the program.
 *
 * @example
 * ```ts
 * registerInit(program, context);
 * ```
 */
export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command("init")
    .description("create jincai.config.json and the database (SQLite file by default)")
    .option("--db <file>", "SQLite database file", "jincai.db")
    .option("--pg <url>", "PostgreSQL connection URL instead of SQLite (or set JINCAI_PG_URL)")
    .requiredOption("--year <year>", "fiscal year, e.g. 2026")
    .requiredOption("--division <code>", "6-digit fiscal division (财政区划) code, e.g. 330100")
    .option("--force", "overwrite an existing jincai.config.json")
    .addHelpText(
      "after",
      `\nExamples:\n  $ jincai init --year 2026 --division 330100\n  $ jincai init --db city.db --year 2026 --division 330100\n  $ jincai init --pg postgres://localhost/jincai --year 2026 --division 330100`,
    )
    .action(async (opts: InitOptions) => {
      const path = resolve(ctx.cwd, ctx.configPath ?? CONFIG_FILE);
      if (existsSync(path) && !opts.force) {
        throw new JincaiError("CLI_CONFIG_EXISTS", `${path} exists: pass --force to overwrite it`, { details: { path } });
      }
      const pg = opts.pg ?? ctx.env["JINCAI_PG_URL"];
      if (pg && !/^postgres(ql)?:\/\//.test(pg)) {
        const from = opts.pg !== undefined ? "--pg" : "JINCAI_PG_URL (from the environment)";
        throw new JincaiError("CLI_USAGE", `${from}: "${pg}" is not a PostgreSQL URL (e.g. postgres://user@localhost:5432/jincai)`);
      }
      // The year as typed: `2026年`, `26` or `2026.5` named as such, not as zod's "expected number, received NaN".
      const year = opts.year.trim();
      if (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2100) {
        throw new JincaiError("CLI_USAGE", `--year: "${opts.year}" is not a fiscal year (four digits from 2000 to 2100, e.g. 2026)`, { details: { key: "fiscalYear" } });
      }
      const candidate = {
        store: pg ? { postgres: pg } : { sqlite: opts.db ?? "jincai.db" },
        fiscalYear: Number(year),
        division: opts.division,
      };
      const parsed = configSchema.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new JincaiError("CLI_USAGE", `--${issue.path[0] === "fiscalYear" ? "year" : String(issue.path[0])}: ${issue.message}`, {
          details: { key: issue.path.join(".") },
        });
      }
      const config: JincaiConfig = parsed.data;
      // Later commands find the database relative to the settings file: so does init, which
      // also creates the database's folder.
      const base = dirname(path);
      if ("sqlite" in config.store) await mkdir(dirname(resolve(base, config.store.sqlite)), { recursive: true });
      const store = await openConfiguredStore(config, base, { create: true });
      try {
        // A database holds one fiscal year: settings of another year over it would show none of
        // its data and fail verify on every code (--force with a new year, meant for a new file).
        const years = await storedFiscalYears(store);
        const others = years.filter((y) => y !== config.fiscalYear);
        if (others.length > 0) {
          const where = "sqlite" in config.store ? config.store.sqlite : "the PostgreSQL database";
          throw new JincaiError(
            "CLI_USAGE",
            `${where} already holds fiscal year ${others.join(", ")}: a database holds one fiscal year; give ${config.fiscalYear} a new one (--db jincai-${config.fiscalYear}.db)`,
            { details: { years: others, fiscalYear: config.fiscalYear } },
          );
        }
      } finally {
        await store.close();
      }
      await saveConfig(path, config);
      const shown = relative(ctx.cwd, path) || path;
      ctx.out(`initialised ${"sqlite" in config.store ? config.store.sqlite : "PostgreSQL"} for fiscal year ${config.fiscalYear}, division ${config.division}; settings in ${shown}`);
    });
}
