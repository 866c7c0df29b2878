/**
 * Writes sent without waiting for them, inside `store.transaction(fn)` on a pipelining
 * connection (pg's `pipeline: true`). pg runs the queries of one client in the order they were
 * issued, so a statement issued after a deferred write runs after it, and whatever the client
 * awaits next (a read, `COMMIT`) waits for the writes before it.
 *
 * Only writes whose outcome the caller does not need are deferred: each write's `SAVEPOINT` and
 * its release (`runner.ts`), the savepoint of a batch that guesses its ids are new
 * (`create-transfers.ts`) when the guess holds. A failed deferred write loses the transaction:
 * every later call of it and its `COMMIT` throw `STORE_DEFERRED_WRITE_FAILED` (the driver error
 * is the `cause`), and no rollback to a savepoint is issued that could undo the failure and let
 * the transaction commit as if the write had happened.
 */
import { JincaiError } from "@jincai/core";
import { pgErrorCode } from "./sql-client";

/** The writes of one transaction that went out unawaited. */
export interface DeferredWrites {
  /** Takes a write already issued on the transaction's client; its failure fails the transaction. */
  defer(write: Promise<unknown>): void;
  /**
   * Waits for every deferred write; throws `STORE_DEFERRED_WRITE_FAILED` if one failed. Call it
   * before a rollback to a savepoint and before `COMMIT`.
   */
  settle(): Promise<void>;
  /** The error of the first failed write (the transaction is lost), once known. */
  readonly failure: JincaiError | undefined;
}

/**
 * The deferred writes of one transaction.
 *
 * @example
 * ```ts
 * const writes = createDeferredWrites();
 * writes.defer(exec(client, `INSERT INTO "jincai".records …`, values)); // not awaited
 * const rows = await sql(client, "SELECT …"); // runs after the insert
 * await writes.settle(); // before COMMIT: throws STORE_DEFERRED_WRITE_FAILED if the insert failed
 * ```
 */
export function createDeferredWrites(): DeferredWrites {
  const pending = new Set<Promise<void>>();
  let deferred = 0;
  let failure: JincaiError | undefined;
  let failedAt = Infinity;
  return {
    defer(write) {
      // The first write to fail is the cause; those behind it then fail as "transaction aborted".
      // Their rejections need not settle in that order, so the order of `defer` decides.
      const at = deferred++;
      const settled: Promise<void> = write.then(
        () => undefined,
        (error: unknown) => {
          if (at > failedAt) return;
          failedAt = at;
          failure = deferredWriteFailed(error);
        },
      ).finally(() => pending.delete(settled));
      pending.add(settled);
    },
    async settle() {
      await Promise.all(pending);
      if (failure !== undefined) throw failure;
    },
    get failure() {
      return failure;
    },
  };
}

function deferredWriteFailed(error: unknown): JincaiError {
  const reason = String((error as Error | undefined)?.message ?? error);
  return new JincaiError(
    "STORE_DEFERRED_WRITE_FAILED",
    `a write of this transaction sent ahead failed, so the transaction was rolled back: ${reason}`,
    { details: { sqlState: pgErrorCode(error) ?? null }, cause: error },
  );
}
