import { foldBalancesByPeriod } from "@jincai/core";
import type { Store, Transfer } from "@jincai/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "./sql-client";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: testServerUrl(), max: 1 });
});
afterAll(() => pool.end());

/** The `account_months` rows of a schema, as `account month` → [dp, cp, dpe, cpe] in fen. */
async function monthRows(schema: string): Promise<Record<string, string[]>> {
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT account_id, month, debits_posted, credits_posted, debits_pending, credits_pending FROM ${quoteIdent(schema)}.account_months`,
  );
  return Object.fromEntries(
    rows.map((r) => [`${r.account_id} ${r.month}`, [r.debits_posted, r.credits_posted, r.debits_pending, r.credits_pending].map(String)]),
  );
}

function foldedRows(transfers: readonly Transfer[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, months] of foldBalancesByPeriod(transfers, () => undefined, (d) => d.slice(0, 7))) {
    for (const [month, b] of months) {
      out[`${id} ${month}`] = [b.debitsPosted, b.creditsPosted, b.debitsPending, b.creditsPending].map(String);
    }
  }
  return out;
}

describe("writePlan", () => {
  it("adds each batch's monthly changes to account_months, posts of earlier batches' reservations included", async () => {
    const schema = freshSchema();
    const store: Store = await openTestStore({ schema });
    try {
      await store.createAccounts([
        { id: "src", book: "quota", code: "1001", normalSide: "debit" },
        { id: "q1", book: "quota", code: "2001", normalSide: "credit", flags: { debitsMustNotExceedCredits: true } },
        { id: "paid", book: "quota", code: "3001", normalSide: "debit" },
      ]);
      await store.createTransfers([
        { id: "fund", debitAccountId: "src", creditAccountId: "q1", amount: 100_000n, date: "2026-01-05" },
        { id: "res-1", phase: "pending", debitAccountId: "q1", creditAccountId: "paid", amount: 30_000n, date: "2026-01-20" },
        // Same batch: the fold takes res-2's amount from the batch itself.
        { id: "res-2", phase: "pending", debitAccountId: "q1", creditAccountId: "paid", amount: 8_000n, date: "2026-01-25" },
        { id: "res-2-post", phase: "post", pendingId: "res-2", amount: 6_000n, date: "2026-03-02" },
      ]);
      // Later batches: the pending amounts come from the transfers read for the batch.
      await store.createTransfers([{ id: "res-1-post", phase: "post", pendingId: "res-1", amount: 20_000n, date: "2026-02-03" }]);
      await store.createTransfers([
        { id: "res-3", phase: "pending", debitAccountId: "q1", creditAccountId: "paid", amount: 5_000n, date: "2026-02-10" },
      ]);
      await store.createTransfers([{ id: "res-3-void", phase: "void", pendingId: "res-3", date: "2026-12-31" }]);
      const all: Transfer[] = [];
      for await (const t of store.transfers()) all.push(t);

      const rows = await monthRows(schema);
      expect(rows["q1 2026-01"]).toEqual(["0", "100000", "38000", "0"]);
      expect(rows["q1 2026-02"]).toEqual(["20000", "0", "-25000", "0"]);
      expect(rows["q1 2026-03"]).toEqual(["6000", "0", "-8000", "0"]);
      expect(rows["q1 2026-12"]).toEqual(["0", "0", "-5000", "0"]);
      expect(rows).toEqual(foldedRows(all));
    } finally {
      await store.close();
    }
  });

  it("writes no month rows for a batch that fails its limit check", async () => {
    const schema = freshSchema();
    const store: Store = await openTestStore({ schema });
    try {
      await store.createAccounts([
        { id: "q1", book: "quota", code: "2001", normalSide: "credit", flags: { debitsMustNotExceedCredits: true } },
        { id: "paid", book: "quota", code: "3001", normalSide: "debit" },
      ]);
      const result = await store.createTransfers([
        { id: "pay-1", debitAccountId: "q1", creditAccountId: "paid", amount: 1n, date: "2026-04-01" },
      ]);
      expect(result.applied).toBe(false);
      expect(await monthRows(schema)).toEqual({});
    } finally {
      await store.close();
    }
  });
});
