import { afterEach, describe, expect, it } from "vitest";
import { openConnection } from "./sqlite-connection";
import type { SqliteConnection } from "./sqlite-connection";
import { checkRecordVersion, deleteIndexRowsSync, writeRecordsSync } from "./record-writes";

const conns: SqliteConnection[] = [];
const open = (): SqliteConnection => {
  const conn = openConnection({ filename: ":memory:", appliedAt: "2026-03-01T00:00:00.000Z" });
  conns.push(conn);
  return conn;
};
afterEach(() => {
  for (const c of conns.splice(0)) c.db.close();
});
const rows = (conn: SqliteConnection): unknown[] => conn.db.prepare("SELECT field, value, id FROM record_index ORDER BY id, field").raw().all();

describe("writeRecordsSync", () => {
  it("returns each write's version, stored data JSON and index copy", () => {
    const conn = open();
    const index = { quotaId: "Q1" };
    const [written] = writeRecordsSync(conn, [{ collection: "payment", id: "ZF001", data: { amount: 1_250_000n }, index }]);
    expect(written).toEqual({ version: 1, data: '{"amount":{"$bigint":"1250000"}}', index: { quotaId: "Q1" } });
    expect(written!.index).not.toBe(index);
  });

  it("stores a record written twice in one call once, with the second write's index", () => {
    const conn = open();
    const versions = writeRecordsSync(conn, [
      { collection: "payment", id: "ZF001", data: {}, index: { status: "draft" }, expectedVersion: 0 },
      { collection: "payment", id: "ZF001", data: {}, index: { status: "paid" }, expectedVersion: 1 },
    ]).map((w) => w.version);
    expect(versions).toEqual([1, 2]);
    expect(rows(conn)).toEqual([["status", "paid", "ZF001"]]);
  });
});

describe("deleteIndexRowsSync", () => {
  it("deletes status=draft of ZF001 by its key and keeps quotaId=Q1, which the new index still holds", () => {
    const conn = open();
    writeRecordsSync(conn, [{ collection: "payment", id: "ZF001", data: {}, index: { quotaId: "Q1", status: "draft" } }]);
    deleteIndexRowsSync(conn, "payment", "ZF001", { quotaId: "Q1", status: "draft" }, { quotaId: "Q1", status: "paid" });
    expect(rows(conn)).toEqual([["quotaId", "Q1", "ZF001"]]);
  });
});

describe("checkRecordVersion", () => {
  it("passes without an expected version and throws RECORD_VERSION_CONFLICT for a stale one", () => {
    expect(() => checkRecordVersion("payment", "ZF001", 2, undefined)).not.toThrow();
    expect(() => checkRecordVersion("payment", "ZF001", 2, 1)).toThrow(
      expect.objectContaining({ code: "RECORD_VERSION_CONFLICT", details: { collection: "payment", id: "ZF001", expectedVersion: 1, actualVersion: 2 } }),
    );
  });
});
