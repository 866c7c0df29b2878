import { afterEach, describe, expect, it } from "vitest";
import { openConnection } from "./sqlite-connection";
import type { SqliteConnection } from "./sqlite-connection";
import { ROWS_PER_STATEMENT, insertRowsSync, multiRowInsertSql } from "./multi-row-insert";

const conns: SqliteConnection[] = [];
const open = (): SqliteConnection => {
  const conn = openConnection({ filename: ":memory:", appliedAt: "2026-03-01T00:00:00.000Z" });
  conn.db.exec("CREATE TABLE payees (seq INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, amount INTEGER NOT NULL) STRICT");
  conns.push(conn);
  return conn;
};
afterEach(() => {
  for (const c of conns.splice(0)) c.db.close();
});
const HEAD = "INSERT OR FAIL INTO payees (name, amount) VALUES ";

describe("insertRowsSync", () => {
  it("inserts 70 payees in order: two 32-row statements and one of 6 rows", () => {
    const conn = open();
    const values = Array.from({ length: 70 }, (_, i) => [`收款人${i}`, 1_000n * BigInt(i)]).flat();
    insertRowsSync(conn, HEAD, 2, values);
    const rows = conn.db.prepare("SELECT seq, name, amount FROM payees ORDER BY seq").raw().all() as [bigint, string, bigint][];
    expect(rows).toHaveLength(70);
    expect(rows[69]).toEqual([70n, "收款人69", 69_000n]);
    expect(ROWS_PER_STATEMENT).toBe(32);
  });

  it("does nothing for no rows and leaves the rows before a failing one written (OR FAIL)", () => {
    const conn = open();
    insertRowsSync(conn, HEAD, 2, []);
    expect(() => insertRowsSync(conn, HEAD, 2, ["北京晨光文具", 1n, "北京晨光文具", 2n])).toThrow(/UNIQUE/);
    expect(conn.db.prepare("SELECT count(*) FROM payees").pluck().get()).toBe(1n);
  });
});

describe("multiRowInsertSql", () => {
  it("repeats one placeholder tuple per row after the head", () => {
    expect(multiRowInsertSql("INSERT INTO payees (name, amount) VALUES ", 2, 3)).toBe("INSERT INTO payees (name, amount) VALUES (?, ?), (?, ?), (?, ?)");
  });
});
