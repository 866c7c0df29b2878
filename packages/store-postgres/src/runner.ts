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
import { createDeferredWrites, type DeferredWrites } from "./deferred-writes";
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
   * result once that committed or the savepoint release was sent, before any later call starts.
   * Inside a transaction `fn` also gets the transaction's {@link DeferredWrites}, for statements
   * it need not wait for.
   */
  write<R>(fn: (db: Queryable, writes?: DeferredWrites) => Promise<R>, settle?: (result: R) => void): Promise<R>;
  /** Waits for the deferred writes; throws `STORE_DEFERRED_WRITE_FAILED` if one failed (none outside a transaction). */
  settleDeferred(): Promise<void>;
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
    settleDeferred: () => Promise.resolve(),
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

/**
 * The runner of one `store.transaction`, over its client; `end()` makes later calls fail. On a
 * pipelining client (pg's `pipeline: true`, as the store's own pool is opened) writes the
 * transaction need not wait for are sent ahead (`deferred-writes.ts`), and a call made after one
 * of them failed throws that failure; on any other client every statement is awaited.
 */
export function clientRunner(client: PoolClient): Runner & { end(): Promise<void> } {
  let queue: Promise<unknown> = Promise.resolve();
  let open = true;
  const writes = client.pipeline ? createDeferredWrites() : undefined;
  const serial = <R>(fn: () => Promise<R>): Promise<R> => {
    if (!open) {
      return Promise.reject(new JincaiError("STORE_TRANSACTION_CLOSED", "the transaction has already ended"));
    }
    const run = (): Promise<R> => (writes?.failure !== undefined ? Promise.reject(writes.failure) : fn());
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    inTransaction: true,
    // A statement that failed because a write sent ahead had failed reports that write instead.
    read: (fn) =>
      serial(() =>
        fn(client).catch(async (error: unknown) => {
          await writes?.settle();
          throw error;
        }),
      ),
    write: (fn, settle) =>
      serial(async () => {
        const result = await inSavepoint(client, writes, fn);
        settle?.(result);
        return result;
      }),
    settleDeferred: async () => writes?.settle(),
    async end() {
      open = false;
      await queue;
    },
  };
}

/**
 * Runs `fn` in a savepoint. With `writes`, taking and releasing it are sent ahead: the
 * transaction waits for neither, and a failure of either fails the transaction.
 */
async function inSavepoint<R>(
  client: PoolClient,
  writes: DeferredWrites | undefined,
  fn: (db: Queryable, writes?: DeferredWrites) => Promise<R>,
): Promise<R> {
  const send = async (text: string): Promise<void> => {
    const sent = exec(client, text);
    if (writes === undefined) await sent;
    else writes.defer(sent);
  };
  for (let attempt = 1; ; attempt++) {
    await send("SAVEPOINT jincai_write");
    try {
      const result = await fn(client, writes);
      await send("RELEASE SAVEPOINT jincai_write");
      return result;
    } catch (error) {
      // A write sent ahead that failed is never rolled back to a savepoint: the transaction is lost.
      await writes?.settle();
      await exec(client, "ROLLBACK TO SAVEPOINT jincai_write");
      await exec(client, "RELEASE SAVEPOINT jincai_write");
      if (attempt >= MAX_ATTEMPTS || !retryable(error, true)) throw error;
    }
  }
}
