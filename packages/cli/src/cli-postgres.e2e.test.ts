import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cleanup, runJincai, setupSmall, summaryJson, tempDir } from "./_testing/run-jincai";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server the tests use (pg-global-setup.ts). */
    jincaiPgUrl: string;
  }
}

// The postgres store uses schema "jincai": a database of its own keeps this test apart from
// every other test on the shared server.
const database = `jincai_e2e_${randomBytes(4).toString("hex")}`;
let serverUrl: string;
let pgUrl: string;
let pgDir: string;
let sqliteDir: string;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  serverUrl = inject("jincaiPgUrl");
  await admin((c) => c.query(`CREATE DATABASE ${database}`));
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  pgUrl = url.toString();
  pgDir = await tempDir();
  sqliteDir = await tempDir();
});

afterAll(async () => {
  await cleanup(pgDir);
  await cleanup(sqliteDir);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
});

describe("jincai on PostgreSQL", () => {
  it("imports the small fixtures into a fresh database and summarises them as SQLite does", async () => {
    await Promise.all([setupSmall(pgDir, ["--pg", pgUrl]), setupSmall(sqliteDir)]);
    const config = JSON.parse(await readFile(join(pgDir, "jincai.config.json"), "utf8"));
    expect(config.store).toEqual({ postgres: pgUrl });

    const [onPg, onSqlite] = await Promise.all([
      runJincai(pgDir, ["import", "payments", "payments.csv"]),
      runJincai(sqliteDir, ["import", "payments", "payments.csv"]),
    ]);
    expect(onPg.code).toBe(0);
    expect(onPg.stdout).toContain("3 rows read, 3 applied, 0 rejected");
    expect(onSqlite.code).toBe(0);

    const pgSummary = await summaryJson(pgDir, ["--by", "agency,economic"]);
    expect(pgSummary).toEqual(await summaryJson(sqliteDir, ["--by", "agency,economic"]));
    expect(pgSummary.map((r) => [r["economicCode"], r["quota"], r["paid"]])).toEqual([
      ["30101", "10000.00", "1200.00"],
      ["30201", "5000.00", "800.50"],
      ["30205", "3000.00", "300.00"],
    ]);

    const again = await runJincai(pgDir, ["import", "payments", "payments.csv"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing changed");
    const verify = await runJincai(pgDir, ["verify", "--format", "json"]);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout).ok).toBe(true);
  });
});
