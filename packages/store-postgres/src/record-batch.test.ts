// putRecords on PostgreSQL sends a call's documents as one JSON array (record-batch.ts): they
// must come back exactly as written, whatever characters they hold, new and updated alike.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "./sql-client";
import { encodeTaggedJson } from "./tagged-json";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: testServerUrl(), max: 1 });
});
afterAll(() => pool.end());

const awkward = {
  payee: "青川\"引号\"公司\\分部\n第二行\t制表",
  amount: 12_345_678_901_234_567n,
  memo: '["a","b"]',
  $dollar: "a key that starts with $",
  nested: [{ note: "\u2028 and \u0001" }, null, 1.5],
};

describe("putRecords on PostgreSQL", () => {
  it("stores documents with quotes, backslashes, control characters and bigints as written, inserted and updated", async () => {
    const schema = freshSchema();
    const store = await openTestStore({ schema });
    try {
      const versions = await store.putRecords<unknown>([
        { collection: "payment", id: "ZF\"001", data: awkward, index: { status: "已提交", payee: awkward.payee }, expectedVersion: 0 },
        { collection: "payment", id: "ZF002", data: { plain: true } },
      ]);
      expect(versions).toEqual([1, 1]);
      // An update of one and a new one in the same call.
      const updated = { ...awkward, status: "已支付" };
      expect(await store.putRecords<unknown>([
        { collection: "payment", id: "ZF\"001", data: updated, index: { status: "已支付" }, expectedVersion: 1 },
        { collection: "payment", id: "ZF003", data: "a bare string" },
      ])).toEqual([2, 1]);
      const [first, second, third] = await store.getRecords("payment", ["ZF\"001", "ZF002", "ZF003"]);
      expect(first).toMatchObject({ version: 2, data: updated, index: { status: "已支付" } });
      expect(second?.data).toEqual({ plain: true });
      expect(third?.data).toBe("a bare string");
      // The stored text is the text written: nothing re-encoded on the way.
      const { rows } = await pool.query<{ data: string }>(`SELECT data::text AS data FROM ${quoteIdent(schema)}.records WHERE id = $1`, ['ZF"001']);
      expect(rows[0]!.data).toBe(encodeTaggedJson(updated));
      expect(await store.countRecordsBy("payment", "status")).toEqual([{ value: "已支付", count: 1 }, { value: undefined, count: 2 }]);
    } finally {
      await store.close();
    }
  });
});
