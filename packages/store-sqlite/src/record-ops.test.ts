import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RecordWrite } from "@jincai/core";
import { openConnection } from "./sqlite-connection";
import type { SqliteConnection } from "./sqlite-connection";
import { deleteRecordSync, getRecordSync, putRecordSync, putRecordsSync, recordPageSync } from "./record-ops";
import { countRecordsBySync } from "./record-counts";
import { tempDir } from "./_testing/temp-store";

const dirs: string[] = [];
const conns: SqliteConnection[] = [];
const open = (): SqliteConnection => {
  const dir = tempDir();
  dirs.push(dir);
  const conn = openConnection({ filename: join(dir, "records.db"), appliedAt: "2026-03-01T00:00:00.000Z" });
  conns.push(conn);
  return conn;
};
afterEach(() => {
  for (const c of conns.splice(0)) c.db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const payment = (id: string, quotaId: string, status = "submitted", expectedVersion?: number): RecordWrite<unknown> => ({
  collection: "payment",
  id,
  data: { voucherNo: id, amount: 1_250_000n, payee: "北京晨光文具有限公司", status },
  index: { quotaId, status, agency: "101001" },
  ...(expectedVersion === undefined ? {} : { expectedVersion }),
});

/** The record_index rows, sorted. */
const indexRows = (conn: SqliteConnection): string[][] =>
  conn.db.prepare("SELECT collection, field, value, id FROM record_index ORDER BY 1, 2, 3, 4").raw().all() as string[][];

/** The rows record_index must hold by what records.idx says, sorted like {@link indexRows}. */
const rowsByIdx = (conn: SqliteConnection): string[][] => {
  const records = conn.db.prepare("SELECT collection, id, idx FROM records").raw().all() as [string, string, string][];
  const rows = records.flatMap(([collection, id, idx]) =>
    Object.entries(JSON.parse(idx) as Record<string, string>).map(([field, value]) => [collection, field, value, id]),
  );
  return rows.sort((a, b) => (a.join("\u0000") < b.join("\u0000") ? -1 : 1));
};

const idsWhere = (conn: SqliteConnection, where: Record<string, string>): string[] =>
  recordPageSync(conn, "payment", { where }, undefined, 1000).map((r) => r.id);

describe("putRecordSync", () => {
  it("stores payment ZF001 at version 1, then replaces only the changed index row on update", () => {
    const conn = open();
    const first = putRecordSync(conn, payment("ZF001", "Q1", "submitted", 0));
    expect(first).toMatchObject({ version: 1, data: { amount: 1_250_000n, payee: "北京晨光文具有限公司" } });
    expect(putRecordSync(conn, payment("ZF001", "Q1", "paid", 1)).version).toBe(2);
    expect(indexRows(conn)).toEqual([
      ["payment", "agency", "101001", "ZF001"],
      ["payment", "quotaId", "Q1", "ZF001"],
      ["payment", "status", "paid", "ZF001"],
    ]);
  });

  it("drops the index rows of fields an update no longer indexes", () => {
    const conn = open();
    putRecordSync(conn, payment("ZF001", "Q1"));
    putRecordSync(conn, { collection: "payment", id: "ZF001", data: { voided: true }, index: { status: "void" } });
    expect(indexRows(conn)).toEqual([["payment", "status", "void", "ZF001"]]);
  });

  it("throws RECORD_VERSION_CONFLICT with the versions when ZF001 is not at the expected one", () => {
    const conn = open();
    putRecordSync(conn, payment("ZF001", "Q1"));
    expect(() => putRecordSync(conn, payment("ZF001", "Q1", "paid", 0))).toThrow(
      expect.objectContaining({ code: "RECORD_VERSION_CONFLICT", details: { collection: "payment", id: "ZF001", expectedVersion: 0, actualVersion: 1 } }),
    );
  });
});

describe("putRecordsSync", () => {
  it("writes 75 new payments (two 32-row statements and the rest) with all their index rows", () => {
    const conn = open();
    const writes = Array.from({ length: 75 }, (_, i) => payment(`ZF${String(i).padStart(3, "0")}`, `Q${i % 4}`, "submitted", 0));
    expect(putRecordsSync(conn, writes)).toEqual(new Array(75).fill(1));
    expect(indexRows(conn)).toHaveLength(225);
    expect(indexRows(conn)).toEqual(rowsByIdx(conn));
    expect(idsWhere(conn, { quotaId: "Q3" })).toHaveLength(18);
    expect(countRecordsBySync(conn, "payment", "status")).toEqual([{ value: "submitted", count: 75 }]);
  });

  it("lets a later write of the same id see the version the earlier one gave it", () => {
    const conn = open();
    putRecordSync(conn, payment("ZF001", "Q1"));
    const versions = putRecordsSync(conn, [payment("ZF002", "Q1", "submitted", 0), payment("ZF001", "Q2", "approved", 1), payment("ZF002", "Q2", "paid", 1), payment("ZF001", "Q3", "paid", 2)]);
    expect(versions).toEqual([1, 2, 2, 3]);
    expect(getRecordSync(conn, "payment", "ZF001")).toMatchObject({ version: 3, index: { quotaId: "Q3", status: "paid" } });
    expect(getRecordSync(conn, "payment", "ZF002")).toMatchObject({ version: 2, data: { status: "paid" } });
    expect(indexRows(conn)).toEqual(rowsByIdx(conn));
    expect(idsWhere(conn, { quotaId: "Q1" })).toEqual([]);
  });

  it("updates 600 payments in two collections (more ids than one SELECT reads) and keeps the index exact", () => {
    const conn = open();
    const ids = Array.from({ length: 600 }, (_, i) => `ZF${String(i).padStart(4, "0")}`);
    putRecordsSync(conn, ids.map((id) => payment(id, "Q1")));
    putRecordsSync(conn, [{ collection: "voucher", id: "ZF0001", data: {}, index: { quotaId: "Q1" } }]);
    const versions = putRecordsSync(conn, [
      ...ids.map((id, i) => payment(id, i % 2 === 0 ? "Q2" : "Q1", "paid", 1)),
      { collection: "voucher", id: "ZF0001", data: {}, index: {}, expectedVersion: 1 },
    ]);
    expect(versions).toEqual(new Array(601).fill(2));
    expect(indexRows(conn)).toEqual(rowsByIdx(conn));
    expect(idsWhere(conn, { quotaId: "Q2", status: "paid" })).toHaveLength(300);
  });

  it("throws RECORD_VERSION_CONFLICT for the first failing write; in a savepoint nothing of the call stays", () => {
    const conn = open();
    putRecordSync(conn, payment("ZF002", "Q1"));
    const call = conn.db.transaction(() =>
      putRecordsSync(conn, [payment("ZF001", "Q1", "submitted", 0), payment("ZF002", "Q2", "paid", 3), payment("ZF003", "Q1", "submitted", 5)]),
    );
    expect(() => call()).toThrow(
      expect.objectContaining({ code: "RECORD_VERSION_CONFLICT", details: { collection: "payment", id: "ZF002", expectedVersion: 3, actualVersion: 1 } }),
    );
    expect(getRecordSync(conn, "payment", "ZF001")).toBeUndefined();
    expect(getRecordSync(conn, "payment", "ZF002")?.index.quotaId).toBe("Q1");
    expect(indexRows(conn)).toEqual(rowsByIdx(conn));
  });
});

describe("getRecordSync", () => {
  it("reads ZF001 back with its bigint amount and Chinese payee", () => {
    const conn = open();
    putRecordSync(conn, payment("ZF001", "Q1"));
    expect(getRecordSync(conn, "payment", "ZF001")).toEqual({ ...payment("ZF001", "Q1"), version: 1 });
    expect(getRecordSync(conn, "payment", "ZF404")).toBeUndefined();
  });
});

describe("deleteRecordSync", () => {
  it("deletes ZF001 with exactly its index rows, leaving ZF002's", () => {
    const conn = open();
    putRecordsSync(conn, [payment("ZF001", "Q1"), payment("ZF002", "Q1")]);
    expect(deleteRecordSync(conn, "payment", "ZF001", 1)).toBe(true);
    expect(deleteRecordSync(conn, "payment", "ZF001")).toBe(false);
    expect(indexRows(conn).map((r) => r[3])).toEqual(["ZF002", "ZF002", "ZF002"]);
    expect(idsWhere(conn, { quotaId: "Q1" })).toEqual(["ZF002"]);
  });

  it("throws RECORD_VERSION_CONFLICT and keeps ZF001 when it is at another version", () => {
    const conn = open();
    putRecordSync(conn, payment("ZF001", "Q1"));
    expect(() => deleteRecordSync(conn, "payment", "ZF001", 2)).toThrow(expect.objectContaining({ code: "RECORD_VERSION_CONFLICT" }));
    expect(indexRows(conn)).toHaveLength(3);
  });
});

describe("recordPageSync", () => {
  it("pages the payments of quota Q1 after ZF001 in id order", () => {
    const conn = open();
    putRecordsSync(conn, [payment("ZF003", "Q1"), payment("ZF001", "Q1"), payment("ZF002", "Q2"), payment("ZF004", "Q1")]);
    expect(recordPageSync(conn, "payment", { where: { quotaId: "Q1" } }, "ZF001", 1).map((r) => r.id)).toEqual(["ZF003"]);
  });

  it("never scans a whole table in any statement the record operations run (EXPLAIN QUERY PLAN)", () => {
    const conn = open();
    const seen = new Set<string>();
    const spy: SqliteConnection = { ...conn, stmt: (sql) => (seen.add(sql), conn.stmt(sql)) };
    putRecordsSync(spy, [payment("ZF001", "Q1"), payment("ZF002", "Q1")]);
    putRecordsSync(spy, [payment("ZF001", "Q2", "paid")]);
    putRecordSync(spy, payment("ZF002", "Q2", "paid"));
    deleteRecordSync(spy, "payment", "ZF001");
    getRecordSync(spy, "payment", "ZF002");
    recordPageSync(spy, "payment", { where: { quotaId: "Q2", status: "paid" } }, "ZF000", 10);
    countRecordsBySync(spy, "payment", "quotaId");
    const plans = [...seen]
      .filter((sql) => !sql.startsWith("INSERT"))
      .flatMap((sql) => (conn.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...new Array<string>(sql.split("?").length - 1).fill("x")) as { detail: string }[]).map((r) => `${r.detail} <- ${sql}`));
    expect(seen.size).toBeGreaterThanOrEqual(8);
    expect(plans.filter((p) => p.startsWith("SCAN"))).toEqual([]);
  });
});
