/**
 * How calls reach the one connection of a store. Outside a transaction, every call waits its
 * turn in the in-process mutex and a write runs in its own `BEGIN IMMEDIATE` transaction.
 * `transaction(fn)` holds the mutex from `BEGIN IMMEDIATE` to `COMMIT`/`ROLLBACK`; the calls
 * `fn` makes on `tx` run directly, each write in a savepoint. An `AsyncLocalStorage` marks the
 * code running inside `fn`, so a call there on the store itself fails fast
 * (`STORE_CALL_INSIDE_TRANSACTION`) instead of waiting for a mutex its own caller holds.
 * During `transaction(fn)` balances are kept in memory (tx-balances) and large loads hold the
 * account pairs of `transfer_accounts` (index-deferral); both are written before `COMMIT` and
 * forgotten on `ROLLBACK`. `tx.savepoint(fn)` nests a named savepoint; see `savepoint` below.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { JincaiError } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import type { SqliteContext } from "./account-ops";
import { createSerialQueue } from "./serial-queue";
import { createSqliteTx } from "./sqlite-tx";
import type { TxRunner } from "./sqlite-tx";

/** The call paths of one store. */
export interface SqliteSession {
  /** The runner of calls made on the store itself. */
  readonly outside: TxRunner;
  /** Runs `fn` in one transaction. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Waits for queued calls, then closes the connection; later calls throw `STORE_CLOSED`. */
  close(): Promise<void>;
}

interface TxScope {
  active: boolean;
  /** Savepoints of `tx.savepoint` open now (their names are numbered by depth). */
  depth: number;
}

/**
 * Creates the session of a store's connection.
 *
 * @example
 * ```ts
 * const session = createSqliteSession(ctx);
 * await session.transaction(async (tx) => tx.getAccount("quota-101"));
 * ```
 */
export function createSqliteSession(ctx: SqliteContext): SqliteSession {
  const { conn } = ctx;
  const { db } = conn;
  const queue = createSerialQueue();
  const scopes = new AsyncLocalStorage<TxScope>();
  let closing = false;

  const guard = (operation: string): void => {
    if (closing) throw new JincaiError("STORE_CLOSED", `${operation} on a closed store`, { details: { operation } });
    if (scopes.getStore()?.active === true) {
      throw new JincaiError("STORE_CALL_INSIDE_TRANSACTION", `${operation} called on the store inside its own transaction; use the tx argument`, {
        details: { operation },
      });
    }
  };
  /** Runs `fn` in a better-sqlite3 transaction (a savepoint when one is open); a rollback clears the cache. */
  const atomic = <T>(fn: () => T, immediate: boolean): T => {
    const t = db.transaction(fn);
    try {
      return immediate ? t.immediate() : t();
    } catch (error) {
      ctx.accounts.clear();
      throw error;
    }
  };
  const outside: TxRunner = {
    write: async (operation, fn) => {
      guard(operation);
      return queue.run(() => {
        conn.assertWritable(operation);
        return atomic(fn, true);
      });
    },
    read: async (operation, fn) => {
      guard(operation);
      return queue.run(fn);
    },
    // On the store itself a savepoint is a transaction of its own.
    savepoint: async (fn) => transaction(fn),
  };
  // A `tx` used after its transaction ended behaves like the store itself.
  const inside = (scope: TxScope): TxRunner => ({
    write: async (operation, fn) => {
      if (!scope.active) return outside.write(operation, fn);
      conn.assertWritable(operation);
      // Between writes, outside any savepoint: a full buffer of held account pairs goes out.
      ctx.transferAccounts.makeRoom();
      return atomic(fn, false);
    },
    read: async (operation, fn) => (scope.active ? fn() : outside.read(operation, fn)),
    savepoint: async (fn, self) => (scope.active ? savepoint(scope, fn, self) : transaction(fn)),
  });
  /**
   * `tx.savepoint(fn)`. SQLite undoes the tables; what the transaction holds in memory is made
   * safe to drop first: the pending balances go to their tables and the held account pairs to
   * `transfer_accounts`, so that after a rollback to the savepoint the balances cache only has
   * to be forgotten (it reads the tables again) and every pair still held belongs to the
   * savepoint's writes.
   */
  const savepoint = async <T>(scope: TxScope, fn: (tx: StoreTx) => Promise<T>, self: StoreTx): Promise<T> => {
    const name = `jincai_savepoint_${++scope.depth}`;
    try {
      if (!conn.readonly) {
        ctx.balances.flush();
        ctx.transferAccounts.flush();
      }
      db.exec(`SAVEPOINT ${name}`);
      let result: T;
      try {
        result = await fn(self);
      } catch (error) {
        // A failure SQLite answered by rolling the whole transaction back leaves no savepoint.
        if (db.inTransaction) db.exec(`ROLLBACK TO ${name}`);
        ctx.balances.forget();
        ctx.transferAccounts.truncate(0);
        ctx.accounts.clear();
        throw error;
      } finally {
        if (db.inTransaction) db.exec(`RELEASE ${name}`);
      }
      return result;
    } finally {
      scope.depth--;
    }
  };
  const run = async <T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> => {
    db.exec(conn.readonly ? "BEGIN" : "BEGIN IMMEDIATE");
    const scope: TxScope = { active: true, depth: 0 };
    ctx.deferral.begin();
    if (!conn.readonly) ctx.balances.begin();
    try {
      const result = await scopes.run(scope, () => fn(createSqliteTx(ctx, inside(scope))));
      ctx.balances.flush();
      ctx.deferral.beforeCommit();
      db.exec("COMMIT");
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      ctx.accounts.clear();
      throw error;
    } finally {
      scope.active = false;
      ctx.deferral.end();
      ctx.balances.end();
    }
  };

  function transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    guard("transaction");
    return queue.run(() => run(fn));
  }

  return {
    outside,
    transaction,
    close: async () => {
      if (closing) return;
      closing = true;
      await queue.run(() => conn.close());
    },
  };
}
