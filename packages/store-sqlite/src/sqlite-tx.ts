/**
 * The {@link StoreTx} of the SQLite store, over a runner that decides how each operation runs:
 * on the store itself (queued behind the mutex, writes in their own `BEGIN IMMEDIATE`
 * transaction) or inside `transaction(fn)` (directly, writes in a savepoint so a failed call
 * leaves the outer transaction usable). Every operation is synchronous SQL; streams read one
 * page per runner call, so no read cursor stays open while the consumer awaits.
 */
import type { AuditEvent, RecordQuery, StoredRecord, StoreTx, Transfer } from "@jincai/core";
import type { SqliteContext } from "./account-ops";
import { accountsCreatedAfterSync, closeAccountSync, createAccountsSync, getAccountSync } from "./account-ops";
import {
  appendAuditEventSync,
  auditCheckpointsSync,
  auditEventPageSync,
  lastAuditEventSync,
  putAuditCheckpointSync,
} from "./audit-ops";
import { accountBalancesSync } from "./balance-query";
import { createTransfersSync } from "./create-transfers";
import { lockPeriodSync, periodLocksSync } from "./period-lock-ops";
import { countRecordsBySync } from "./record-counts";
import { deleteRecordSync, getRecordSync, getRecordsSync, putRecordSync, putRecordsSync, recordPageSync, recordVersionsSync } from "./record-ops";
import { SEAL_LINE_PAGE_SIZE, sealLinePageSync } from "./seal-line-query";
import { transferFlowsSync } from "./transfer-flows";
import { TRANSFER_PAGE_SIZE, sequenceRangeSync, transferPageSync, transfersByIdSync } from "./transfer-query";
import { TRANSFER_COLUMNS, readTransfer } from "./transfer-row";

/** How the operations of a {@link StoreTx} are run. */
export interface TxRunner {
  /** Runs a writing operation atomically (named for errors). */
  write<T>(operation: string, fn: () => T): Promise<T>;
  /** Runs a reading operation (named for errors). */
  read<T>(operation: string, fn: () => T): Promise<T>;
  /** Runs `fn` in a savepoint of the transaction (on the store itself: in its own transaction), giving it `self`. */
  savepoint<T>(fn: (tx: StoreTx) => Promise<T>, self: StoreTx): Promise<T>;
}

const RECORD_PAGE_SIZE = 500;
const AUDIT_PAGE_SIZE = 1000;

/**
 * Builds the store operations over a runner.
 *
 * @example
 * ```ts
 * const tx = createSqliteTx(ctx, runner);
 * await tx.getAccount("quota-101");
 * ```
 */
export function createSqliteTx(ctx: SqliteContext, run: TxRunner): StoreTx {
  const { conn } = ctx;
  const transferWhere = (column: string, value: string): Transfer | undefined => {
    return readTransfer(conn.stmt(`SELECT ${TRANSFER_COLUMNS} FROM transfers t WHERE t.${column} = ?`), [value], ctx.accounts);
  };
  const tx: StoreTx = {
    createAccounts: (inputs) => run.write("createAccounts", () => createAccountsSync(ctx, inputs)),
    closeAccount: (id) => run.write("closeAccount", () => closeAccountSync(ctx, id)),
    getAccount: (id) => run.read("getAccount", () => getAccountSync(ctx, id)),
    createTransfers: (batch, options) => run.write("createTransfers", () => createTransfersSync(ctx, batch, options)),
    getTransfer: (id) => run.read("getTransfer", () => transferWhere("id", id)),
    getTransfers: (ids) => run.read("getTransfers", () => transfersByIdSync(ctx, ids)),
    getResolution: (pendingId) => run.read("getResolution", () => transferWhere("pending_id", pendingId)),
    accountBalances: (query) => run.read("accountBalances", () => accountBalancesSync(ctx, query)),
    accountsCreatedAfter: (afterNumber) => run.read("accountsCreatedAfter", () => accountsCreatedAfterSync(ctx, afterNumber)),
    async *transfers(query = {}) {
      const range = await run.read("transfers", () => sequenceRangeSync(ctx, query));
      if (range === undefined) return;
      let after = range.after;
      for (;;) {
        const from = { ...range, after };
        const page = await run.read("transfers", () => transferPageSync(ctx, query, from));
        yield* page;
        if (page.length < TRANSFER_PAGE_SIZE) return;
        after = page[page.length - 1]!.sequence;
      }
    },
    async *transferSealLines(afterSequence) {
      let after = afterSequence;
      for (;;) {
        const from = after;
        const page = await run.read("transferSealLines", () => sealLinePageSync(ctx, from));
        if (page.sequences.length > 0) yield page;
        if (page.sequences.length < SEAL_LINE_PAGE_SIZE) return;
        after = page.sequences[page.sequences.length - 1]!;
      }
    },
    transferFlows: (query) => run.read("transferFlows", () => transferFlowsSync(ctx, query)),
    lockPeriod: (lock) => run.write("lockPeriod", () => lockPeriodSync(ctx, lock)),
    periodLocks: () => run.read("periodLocks", () => periodLocksSync(ctx)),
    putRecord: (write) => run.write("putRecord", () => putRecordSync(conn, write)),
    putRecords: (writes) => run.write("putRecords", () => putRecordsSync(conn, writes)),
    getRecord: (collection, id) => run.read("getRecord", () => getRecordSync(conn, collection, id)),
    getRecords: (collection, ids) => run.read("getRecords", () => getRecordsSync(conn, collection, ids)),
    async *queryRecords<T>(collection: string, query: RecordQuery = {}) {
      let remaining = query.limit === undefined ? Infinity : Math.max(0, query.limit);
      let afterId = query.afterId;
      while (remaining > 0) {
        const size = Math.min(RECORD_PAGE_SIZE, remaining);
        const page: StoredRecord<T>[] = await run.read("queryRecords", () => recordPageSync<T>(conn, collection, query, afterId, size));
        yield* page;
        if (page.length < size) return;
        remaining -= page.length;
        afterId = page[page.length - 1]!.id;
      }
    },
    countRecordsBy: (collection, field) => run.read("countRecordsBy", () => countRecordsBySync(conn, collection, field)),
    recordVersions: (collection) => run.read("recordVersions", () => recordVersionsSync(conn, collection)),
    deleteRecord: (collection, id, expectedVersion) =>
      run.write("deleteRecord", () => deleteRecordSync(conn, collection, id, expectedVersion)),
    lastAuditEvent: () => run.read("lastAuditEvent", () => lastAuditEventSync(conn)),
    appendAuditEvent: (event) => run.write("appendAuditEvent", () => appendAuditEventSync(conn, event)),
    async *auditEvents(fromSequence = 1) {
      let from = fromSequence;
      for (;;) {
        const page: AuditEvent[] = await run.read("auditEvents", () => auditEventPageSync(conn, from, AUDIT_PAGE_SIZE));
        yield* page;
        if (page.length < AUDIT_PAGE_SIZE) return;
        from = page[page.length - 1]!.sequence + 1;
      }
    },
    putAuditCheckpoint: (checkpoint) => run.write("putAuditCheckpoint", () => putAuditCheckpointSync(conn, checkpoint)),
    auditCheckpoints: () => run.read("auditCheckpoints", () => auditCheckpointsSync(conn)),
    savepoint: (fn) => run.savepoint(fn, tx),
  };
  return tx;
}
