import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "./sql-client";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";
import { ANALYZE_FROM, createTxGrowth } from "./tx-growth";

let pool: pg.Pool;
const schema = freshSchema();
const s = quoteIdent(schema);

beforeAll(async () => {
  await (await openTestStore({ schema })).close();
  pool = new pg.Pool({ connectionString: testServerUrl(), max: 2 });
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA ${s} CASCADE`);
  await pool.end();
});

/** Inserts payment transfers `from`…`to` straight into the table. */
const insert = (db: pg.PoolClient, from: number, to: number) =>
  db.query(
    `INSERT INTO ${s}.transfers (sequence, id, phase, debit_account_id, credit_account_id, amount, date)
     SELECT n, 'pay:ZF' || n, 'posted', 'q1', 'paid', 100, DATE '2026-03-01' FROM generate_series(${from}, ${to}) AS n`,
  );
const plannedRows = async (db: pg.PoolClient) =>
  Number((await db.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = $1::regclass`, [`${schema}.transfers`])).rows[0]!.n);

describe("planner statistics during a bulk load", () => {
  it("analyzes transfers once the transaction has added as many rows as the table held, seeing its own new rows", async () => {
    const db = await pool.connect();
    try {
      await db.query(`ANALYZE ${s}.transfers`);
      await db.query("BEGIN");
      const growth = createTxGrowth();
      await insert(db, 1, ANALYZE_FROM - 1);
      growth.added("transfers", ANALYZE_FROM - 1);
      await growth.analyzeIfGrown(db, s, "transfers");
      expect(await plannedRows(db)).toBeLessThan(1); // under the threshold: the empty table's statistics stay
      await insert(db, ANALYZE_FROM, ANALYZE_FROM);
      growth.added("transfers", 1);
      await growth.analyzeIfGrown(db, s, "transfers");
      expect(await plannedRows(db)).toBe(ANALYZE_FROM); // the uncommitted rows count
      // Next time only after it has doubled.
      await insert(db, ANALYZE_FROM + 1, 2 * ANALYZE_FROM - 1);
      growth.added("transfers", ANALYZE_FROM - 1);
      await growth.analyzeIfGrown(db, s, "transfers");
      expect(await plannedRows(db)).toBe(ANALYZE_FROM);
      await insert(db, 2 * ANALYZE_FROM, 2 * ANALYZE_FROM);
      growth.added("transfers", 1);
      await growth.analyzeIfGrown(db, s, "transfers");
      expect(await plannedRows(db)).toBe(2 * ANALYZE_FROM);
      await db.query("ROLLBACK");
    } finally {
      db.release();
    }
  });

  it("counts only what committed writes added: a store transaction of 26,000 payments leaves statistics for them", async () => {
    const other = freshSchema();
    const store = await openTestStore({ schema: other });
    try {
      await store.createAccounts([
        { id: "src", book: "quota", code: "1001", normalSide: "debit" },
        { id: "q1", book: "quota", code: "2001", normalSide: "credit" },
      ]);
      await store.transaction(async (tx) => {
        for (let b = 0; b < 26; b++) {
          const batch = Array.from({ length: 1000 }, (_, k) => ({ id: `pay:${b}-${k}`, debitAccountId: "src", creditAccountId: "q1", amount: 1n, date: "2026-03-01" }));
          expect((await tx.createTransfers(batch)).applied).toBe(true);
        }
      });
      const { rows } = await pool.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = $1::regclass`, [`${other}.transfers`]);
      expect(rows[0]!.n).toBeGreaterThanOrEqual(ANALYZE_FROM);
    } finally {
      await store.close();
      await pool.query(`DROP SCHEMA ${quoteIdent(other)} CASCADE`);
    }
  });
});
