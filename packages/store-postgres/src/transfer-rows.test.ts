import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "./sql-client";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";
import { byIds } from "./transfer-rows";

let pool: pg.Pool;
const schema = freshSchema();
const s = quoteIdent(schema);

beforeAll(async () => {
  const store = await openTestStore({ schema });
  await store.close();
  pool = new pg.Pool({ connectionString: testServerUrl(), max: 1 });
  // 100,000 payment transfers, straight into the table: where `t.id = ANY($1)` with 1,000 ids
  // made PostgreSQL scan the whole table.
  await pool.query(
    `INSERT INTO ${s}.transfers (sequence, id, phase, debit_account_id, credit_account_id, amount, date)
     SELECT n, 'pay:ZF' || n, 'posted', 'q1', 'paid', 100, DATE '2026-03-01' FROM generate_series(1, 100000) AS n`,
  );
  await pool.query(`ANALYZE ${s}.transfers`);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA ${s} CASCADE`);
  await pool.end();
});

async function plan(text: string, values: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, values);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

describe("reading a batch's transfers by id", () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `pay:ZF${200_000 + i}`);

  it("probes the id index once per id of a 1,000-id batch, never scanning the table", async () => {
    const text = await plan(byIds(s, "id", "$1"), [ids]);
    expect(text).toMatch(/Index (Only )?Scan using transfers_id_key/);
    expect(text).not.toMatch(/Seq Scan on transfers/);
    const old = await plan(`SELECT * FROM ${s}.transfers t WHERE t.id = ANY($1::text[]) OR t.pending_id = ANY($2::text[])`, [ids, []]);
    expect(old).toMatch(/Seq Scan on transfers/); // what the join replaced
  });

  it("probes the pending_id index the same way", async () => {
    const text = await plan(byIds(s, "pending_id", "$1"), [ids]);
    expect(text).toMatch(/Index (Only )?Scan using transfers_pending_id_key/);
    expect(text).not.toMatch(/Seq Scan on transfers/);
  });
});
