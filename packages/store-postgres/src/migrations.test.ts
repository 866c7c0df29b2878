import { fixedClock, foldBalancesByPeriod } from "@jincai/core";
import type { TransferDraft } from "@jincai/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS, POSTGRES_SCHEMA_VERSION, runMigrations } from "./migrations";
import { quoteIdent } from "./sql-client";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: testServerUrl(), max: 4 });
});
afterAll(() => pool.end());

const clock = fixedClock("2026-03-01T08:00:00Z");

async function versions(schema: string): Promise<number[]> {
  const { rows } = await pool.query<{ version: number }>(
    `SELECT version FROM ${quoteIdent(schema)}.schema_migrations ORDER BY version`,
  );
  return rows.map((r) => r.version);
}

describe("runMigrations", () => {
  it("applies versions 1 to 4 to a new schema and nothing when run again", async () => {
    const schema = freshSchema();
    expect(await runMigrations(pool, schema, quoteIdent(schema), clock)).toEqual([1, 2, 3, 4]);
    expect(await runMigrations(pool, schema, quoteIdent(schema), clock)).toEqual([]);
    expect(await versions(schema)).toEqual([1, 2, 3, POSTGRES_SCHEMA_VERSION]);
  });

  it("lets 4 concurrent openers of one new schema migrate it exactly once", async () => {
    const schema = freshSchema();
    const applied = await Promise.all(Array.from({ length: 4 }, () => runMigrations(pool, schema, quoteIdent(schema), clock)));
    expect(applied.flat()).toEqual([1, 2, 3, 4]);
    expect(await versions(schema)).toEqual([1, 2, 3, 4]);
  });

  it("applies only the missing versions, in order, when the build adds migration 5", async () => {
    const schema = freshSchema();
    await runMigrations(pool, schema, quoteIdent(schema), clock);
    const next = [...MIGRATIONS, { version: 5, name: "payee table", up: (s: string) => `CREATE TABLE ${s}.payees (id TEXT PRIMARY KEY)` }];
    expect(await runMigrations(pool, schema, quoteIdent(schema), clock, next)).toEqual([5]);
    expect(await versions(schema)).toEqual([1, 2, 3, 4, 5]);
  });

  it("backfills account_months from a version-1 schema's pending, partial post, void and posted transfers", async () => {
    const schema = freshSchema();
    const s = quoteIdent(schema);
    expect(await runMigrations(pool, schema, s, clock, MIGRATIONS.filter((m) => m.version === 1))).toEqual([1]);
    await pool.query(`INSERT INTO ${s}.accounts (id, book, code, normal_side) VALUES
      ('src', 'quota', '1001', 'debit'), ('q1', 'quota', '2001', 'credit'), ('paid', 'quota', '3001', 'debit')`);
    const drafts: TransferDraft[] = [
      { id: "fund", phase: "posted", debitAccountId: "src", creditAccountId: "q1", amount: 100_000n, date: "2026-01-05", references: {} },
      { id: "res-1", phase: "pending", debitAccountId: "q1", creditAccountId: "paid", amount: 30_000n, date: "2026-01-20", references: {} },
      { id: "res-1-post", phase: "post", debitAccountId: "q1", creditAccountId: "paid", amount: 20_000n, date: "2026-02-03", pendingId: "res-1", references: {} },
      { id: "res-2", phase: "pending", debitAccountId: "q1", creditAccountId: "paid", amount: 5_000n, date: "2026-02-10", references: {} },
      { id: "res-2-void", phase: "void", debitAccountId: "q1", creditAccountId: "paid", amount: 5_000n, date: "2026-02-11", pendingId: "res-2", references: {} },
      { id: "pay-3", phase: "posted", debitAccountId: "q1", creditAccountId: "paid", amount: 700n, date: "2026-12-31", references: {} },
    ];
    for (const [i, t] of drafts.entries()) {
      await pool.query(
        `INSERT INTO ${s}.transfers (sequence, id, phase, debit_account_id, credit_account_id, amount, date, pending_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [i + 1, t.id, t.phase, t.debitAccountId, t.creditAccountId, String(t.amount), t.date, t.pendingId ?? null],
      );
    }
    expect(await runMigrations(pool, schema, s, clock)).toEqual([2, 3, 4]);
    const { rows } = await pool.query<Record<string, string>>(
      `SELECT account_id, month, debits_posted AS dp, credits_posted AS cp, debits_pending AS dpe, credits_pending AS cpe
       FROM ${s}.account_months ORDER BY account_id, month`,
    );
    expect(rows.filter((r) => r.account_id === "q1")).toEqual([
      { account_id: "q1", month: "2026-01", dp: "0", cp: "100000", dpe: "30000", cpe: "0" },
      { account_id: "q1", month: "2026-02", dp: "20000", cp: "0", dpe: "-30000", cpe: "0" },
      { account_id: "q1", month: "2026-12", dp: "700", cp: "0", dpe: "0", cpe: "0" },
    ]);
    const folded = foldBalancesByPeriod(drafts, () => undefined, (d) => d.slice(0, 7));
    const expected = [...folded].flatMap(([id, months]) =>
      [...months].map(([month, b]) => ({
        account_id: id, month,
        dp: String(b.debitsPosted), cp: String(b.creditsPosted), dpe: String(b.debitsPending), cpe: String(b.creditsPending),
      })),
    );
    const key = (r: { account_id: string; month: string }) => `${r.account_id} ${r.month}`;
    expect(rows).toEqual(expected.sort((a, b) => (key(a) < key(b) ? -1 : 1)));
  });

  it("keeps pending_id unique only where set after migration 3, with the transfers of a version-2 schema", async () => {
    const schema = freshSchema();
    const s = quoteIdent(schema);
    expect(await runMigrations(pool, schema, s, clock, MIGRATIONS.filter((m) => m.version <= 2))).toEqual([1, 2]);
    const insert = (sequence: number, id: string, phase: string, pendingId: string | null) =>
      pool.query(
        `INSERT INTO ${s}.transfers (sequence, id, phase, debit_account_id, credit_account_id, amount, date, pending_id)
         VALUES ($1, $2, $3, 'q1', 'paid', 100, DATE '2026-03-01', $4)`,
        [sequence, id, phase, pendingId],
      );
    await insert(1, "res-1", "pending", null);
    await insert(2, "res-1-post", "post", "res-1");
    await insert(3, "pay-1", "posted", null);
    expect(await runMigrations(pool, schema, s, clock)).toEqual([3, 4]);
    const { rows } = await pool.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = 'transfers_pending_id_key'",
      [schema],
    );
    expect(rows.map((r) => r.indexdef)).toEqual([expect.stringMatching(/UNIQUE INDEX .* \(pending_id\) WHERE \(pending_id IS NOT NULL\)$/)]);
    // Many transfers name no pending transfer; a pending transfer is still resolved only once.
    await insert(4, "pay-2", "posted", null);
    await expect(insert(5, "res-1-void", "void", "res-1")).rejects.toMatchObject({ code: "23505", constraint: "transfers_pending_id_key" });
    const { rows: held } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${s}.transfers`);
    expect(held[0]!.n).toBe("4");
  });

  it("numbers a version-3 schema's accounts in id order, and the accounts created after them from there", async () => {
    const schema = freshSchema();
    const s = quoteIdent(schema);
    expect(await runMigrations(pool, schema, s, clock, MIGRATIONS.filter((m) => m.version <= 3))).toEqual([1, 2, 3]);
    await pool.query(`INSERT INTO ${s}.accounts (id, book, code, normal_side) VALUES ('quota:Q2', 'quota', 'Q2', 'credit'), ('quota:Q1', 'quota', 'Q1', 'credit')`);
    expect(await runMigrations(pool, schema, s, clock)).toEqual([4]);
    const store = await openTestStore({ schema, clock });
    await store.createAccounts([{ id: "quota:Q0", book: "quota", code: "Q0", normalSide: "credit" }]);
    expect((await store.accountsCreatedAfter(0)).map((n) => [n.number, n.account.id])).toEqual([[1, "quota:Q1"], [2, "quota:Q2"], [3, "quota:Q0"]]);
    expect((await store.accountsCreatedAfter(2)).map((n) => n.account.id)).toEqual(["quota:Q0"]);
    await store.close();
  });

  it("throws STORE_SCHEMA_TOO_NEW for a schema migrated by a newer build (version 99)", async () => {
    const schema = freshSchema();
    await runMigrations(pool, schema, quoteIdent(schema), clock);
    await pool.query(
      `INSERT INTO ${quoteIdent(schema)}.schema_migrations (version, name, applied_at) VALUES (99, 'from the future', now())`,
    );
    await expect(runMigrations(pool, schema, quoteIdent(schema), clock)).rejects.toMatchObject({
      code: "STORE_SCHEMA_TOO_NEW",
      details: { version: 99, supported: POSTGRES_SCHEMA_VERSION },
    });
    await expect(openTestStore({ schema })).rejects.toMatchObject({ code: "STORE_SCHEMA_TOO_NEW" });
  });
});
