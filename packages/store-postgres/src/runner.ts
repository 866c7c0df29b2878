/**
 * How a store call reaches the database. Outside a transaction every write gets its own
 * `BEGIN … COMMIT` on a pooled client and reads go straight to the pool. Inside
 * `store.transaction(fn)` everything runs on the transaction's one client, one call at a time
 * (calls made concurrently queue), and each write runs in a savepoint, so a write that fails
 * leaves the transaction usable, as in the memory store.
 *
 * Writes are retried (at most {@link MAX_ATTEMPTS} times) when a unique constraint settles a race
 * no lock could (two clients creating the same new id); the retry then sees the winner's row and
 * reports `exists` or a conflict. Outside a transaction deadlocks and serialisation failures are
 * retried too.
 */
import { JincaiError } from "@jincai/core";
import type { Pool, PoolClient } from "pg";
import { PG_ERROR, exec, pgErrorCode, type Queryable } from "./sql-client";

/** The attempts a write gets before its last error is thrown. */
export const MAX_ATTEMPTS = 5;

/** Thrown by a write that lost a race without a database error; the runner retries it. */
export class RetryWrite extends Error {
  override readonly name = "RetryWrite";
}

/** Runs store calls against the database. */
export interface Runner {
  /** Whether calls run inside `store.transaction`. */
  readonly inTransaction: boolean;
  /** Runs a read. */
  read<R>(fn: (db: Queryable) => Promise<R>): Promise<R>;
  /**
   * Runs a write atomically (own transaction, or a savepoint inside one); `settle` runs with its
   * result once that committed or the savepoint was released, before any later call starts.
   */
  write<R>(fn: (db: Queryable) => Promise<R>, settle?: (result: R) => void): Promise<R>;
}

function retryable(error: unknown, inTransaction: boolean): boolean {
  if (error instanceof RetryWrite) return true;
  const code = pgErrorCode(error);
  if (code === PG_ERROR.uniqueViolation) return true;
  return !inTransaction && (code === PG_ERROR.deadlockDetected || code === PG_ERROR.serializationFailure);
}

/** The runner of calls made on the store itself. */
export function poolRunner(pool: Pool): Runner {
  return {
    inTransaction: false,
    read: (fn) => fn(pool),
    async write(fn, settle) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await exec(client, "BEGIN");
          const result = await fn(client);
          await exec(client, "COMMIT");
          settle?.(result);
          return result;
        } catch (error) {
          await exec(client, "ROLLBACK").catch(() => undefined);
          if (attempt >= MAX_ATTEMPTS || !retryable(error, false)) throw error;
        } finally {
          client.release();
        }
      }
    },
  };
}

/** The runner of one `store.transaction`, over its client; `end()` makes later calls fail. */
export function clientRunner(client: PoolClient): Runner & { end(): Promise<void> } {
  let queue: Promise<unknown> = Promise.resolve();
  let open = true;
  const serial = <R>(fn: () => Promise<R>): Promise<R> => {
    if (!open) {
      return Promise.reject(new JincaiError("STORE_TRANSACTION_CLOSED", "the transaction has already ended"));
    }
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    inTransaction: true,
    read: (fn) => serial(() => fn(client)),
    write: (fn, settle) =>
      serial(async () => {
        const result = await inSavepoint(client, fn);
        settle?.(result);
        return result;
      }),
    async end() {
      open = false;
      await queue;
    },
  };
}

async function inSavepoint<R>(client: PoolClient, fn: (db: Queryable) => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    await exec(client, "SAVEPOINT jincai_write");
    try {
      const result = await fn(client);
      await exec(client, "RELEASE SAVEPOINT jincai_write");
      return result;
    } catch (error) {
      await exec(client, "ROLLBACK TO SAVEPOINT jincai_write");
      await exec(client, "RELEASE SAVEPOINT jincai_write");
      if (attempt >= MAX_ATTEMPTS || !retryable(error, true)) throw error;
    }
  }
}
