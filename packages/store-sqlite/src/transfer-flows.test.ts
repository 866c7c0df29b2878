/**
 * `transferFlows` by month in SQLite beyond the conformance suite: a date written behind the
 * store's back that does not start with `YYYY-MM` still sums exactly, under its own text.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "./open-sqlite-store";
import { useTempFiles } from "./_testing/temp-store";

const files = useTempFiles();

describe("transferFlows by month", () => {
  it("sums a transfer whose date was rewritten as 2026/03/10 under month 2026/03, beside the March of the others", async () => {
    const filename = files.newFile();
    const store = openSqliteStore({ filename });
    files.closeLater(() => store.close());
    await store.createAccounts([
      { id: "src", book: "quota", code: "1001", normalSide: "debit" },
      { id: "paid", book: "quota", code: "3001", normalSide: "debit" },
    ]);
    const move = (id: string, amount: bigint) => ({ id, debitAccountId: "src", creditAccountId: "paid", amount, date: "2026-03-10" });
    expect((await store.createTransfers([move("a", 100n), move("b", 250n)])).applied).toBe(true);
    const raw = new Database(filename);
    raw.prepare("UPDATE transfers SET date = '2026/03/10' WHERE id = 'b'").run();
    raw.close();
    expect(await store.transferFlows({ byMonth: true })).toEqual([
      { debitAccountId: "src", creditAccountId: "paid", phase: "posted", count: 1, amount: 100n, month: "2026-03" },
      { debitAccountId: "src", creditAccountId: "paid", phase: "posted", count: 1, amount: 250n, month: "2026/03" },
    ]);
  });
});
