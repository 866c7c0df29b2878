/**
 * The {@link StoreTx} methods over a {@link Runner}: the same class serves calls on the store
 * itself (each its own transaction) and calls inside `store.transaction(fn)`. Each method is a
 * thin dispatch to the SQL module of its area.
 */
import { isoNow } from "@jincai/core";
import type {
  Account,
  AccountBalance,
  AccountInput,
  AuditCheckpoint,
  AuditEvent,
  BalanceQuery,
  Clock,
  CreateAccountResult,
  CreateTransfersOptions,
  NumberedAccount,
  PeriodLock,
  RecordQuery,
  RecordValueCount,
  RecordVersions,
  RecordWrite,
  StoreTx,
  StoredRecord,
  Transfer,
  TransferBatchResult,
  TransferFlow,
  TransferFlowQuery,
  TransferInput,
  TransferQuery,
  TransferSealPage,
} from "@jincai/core";
import { accountBalances } from "./account-balances";
import { accountOf, accountsCreatedAfter, balanceOf, closeAccount, createAccounts, getAccount } from "./account-rows";
import * as audit from "./audit-rows";
import { createTransfersLocked, type IdGuess } from "./create-transfers";
import { lockPeriod, periodLocks } from "./period-lock-rows";
import { putRecordsLocked } from "./record-batch";
import { countRecordsBy } from "./record-counts";
import { deleteRecord, getRecord, getRecords, putRecord, recordVersions, streamRecords } from "./record-rows";
import { RetryWrite, type Runner } from "./runner";
import { exec } from "./sql-client";
import type { TxBalances } from "./tx-balances";
import type { TxGrowth } from "./tx-growth";
import { streamSealLines } from "./seal-line-rows";
import { transferFlows } from "./transfer-flows";
import { loadResolutions, loadTransfers, streamTransfers } from "./transfer-rows";

/** Where the store's tables are and what clock it stamps rows with. */
export interface StoreContext {
  /** The schema name as given. */
  readonly schemaName: string;
  /** The schema as a quoted identifier, for SQL text. */
  readonly s: string;
  readonly clock: Clock;
}

/** What one `store.transaction(fn)` keeps in memory: its balances, how much it grew the tables, the id guess. */
export interface TxState {
  readonly balances: TxBalances;
  readonly growth: TxGrowth;
  /** Whether large batches still guess their ids are new (`create-transfers.ts`). */
  readonly ids: IdGuess;
}

/** The store operations, run through a runner. */
export class PostgresStoreTx implements StoreTx {
  /**
   * @param runner - How calls reach the database.
   * @param ctx - Schema and clock.
   * @param tx - The state of `store.transaction(fn)` (`tx-balances.ts`, `tx-growth.ts`); none for
   *   calls on the store itself.
   */
  constructor(
    protected readonly runner: Runner,
    protected readonly ctx: StoreContext,
    protected readonly tx?: TxState,
  ) {}

  createAccounts(inputs: readonly AccountInput[]): Promise<CreateAccountResult[]> {
    return this.runner.write(async (db) => {
      const { results, raced } = await createAccounts(db, this.ctx.s, inputs);
      if (raced) throw new RetryWrite("an account was created concurrently");
      return results;
    });
  }

  closeAccount(id: string): Promise<void> {
    return this.runner.write(
      (db) => closeAccount(db, this.ctx.s, id),
      () => this.tx?.balances.forget(id),
    );
  }

  getAccount(id: string): Promise<Account | undefined> {
    return this.runner.read((db) => getAccount(db, this.ctx.s, id));
  }

  async createTransfers(batch: readonly TransferInput[], options?: CreateTransfersOptions): Promise<TransferBatchResult> {
    const { s, schemaName } = this.ctx;
    const tx = this.tx;
    const written = await this.runner.write(
      async (db, writes) => {
        await tx?.growth.analyzeIfGrown(db, s, "transfers");
        return createTransfersLocked(db, s, schemaName, batch, options, tx?.balances, tx?.ids, writes);
      },
      (done) => {
        tx?.balances.keep(done.stage);
        tx?.growth.added("transfers", done.inserted);
      },
    );
    return written.result;
  }

  async getTransfer(id: string): Promise<Transfer | undefined> {
    return (await this.runner.read((db) => loadTransfers(db, this.ctx.s, [id])))[0];
  }

  async getTransfers(ids: readonly string[]): Promise<(Transfer | undefined)[]> {
    const found = new Map((await this.runner.read((db) => loadTransfers(db, this.ctx.s, ids))).map((t) => [t.id, t]));
    return ids.map((id) => found.get(id));
  }

  async getResolution(pendingId: string): Promise<Transfer | undefined> {
    return (await this.runner.read((db) => loadResolutions(db, this.ctx.s, [pendingId])))[0];
  }

  accountBalances(query?: BalanceQuery): Promise<AccountBalance[]> {
    const tx = this.tx?.balances;
    if (tx === undefined) return this.runner.read((db) => accountBalances(db, this.ctx.s, query));
    // Inside a transaction: current balances get its pending changes added, and those of accounts
    // it holds locked come from memory (an import's quota lines, read once per batch); a balance
    // as of a date reads `account_months` and the transfers, so the pending changes go out first.
    return this.runner.read(async (db) => {
      const byIdOnly = query?.accountIds !== undefined && query.asOf === undefined && query.book === undefined && query.where === undefined;
      const held = byIdOnly ? tx.held(query.accountIds!) : undefined;
      if (held !== undefined) return held.map((row) => ({ account: accountOf(row), balance: balanceOf(row) }));
      if (query?.asOf !== undefined) await tx.flush(db, this.ctx.s);
      return accountBalances(db, this.ctx.s, query, query?.asOf === undefined ? (rows) => tx.overlay(rows) : undefined);
    });
  }

  accountsCreatedAfter(afterNumber: number): Promise<NumberedAccount[]> {
    return this.runner.read((db) => accountsCreatedAfter(db, this.ctx.s, afterNumber));
  }

  transfers(query?: TransferQuery): AsyncIterable<Transfer> {
    return streamTransfers((fn) => this.runner.read(fn), this.ctx.s, query);
  }

  transferSealLines(afterSequence: number): AsyncIterable<TransferSealPage> {
    return streamSealLines((fn) => this.runner.read(fn), this.ctx.s, afterSequence);
  }

  transferFlows(query?: TransferFlowQuery): Promise<TransferFlow[]> {
    return this.runner.read((db) => transferFlows(db, this.ctx.s, query));
  }

  lockPeriod(lock: PeriodLock): Promise<void> {
    return this.runner.write((db) => lockPeriod(db, this.ctx.s, this.ctx.schemaName, lock));
  }

  periodLocks(): Promise<PeriodLock[]> {
    return this.runner.read((db) => periodLocks(db, this.ctx.s));
  }

  putRecord<T>(write: RecordWrite<T>): Promise<StoredRecord<T>> {
    return this.runner.write((db) => putRecord(db, this.ctx.s, write, isoNow(this.ctx.clock)));
  }

  putRecords<T>(writes: readonly RecordWrite<T>[]): Promise<number[]> {
    const tx = this.tx;
    return this.runner.write(
      async (db) => {
        await tx?.growth.analyzeIfGrown(db, this.ctx.s, "records");
        return putRecordsLocked(db, this.ctx.s, writes, isoNow(this.ctx.clock));
      },
      // A record's first version is 1: those are the rows the call added.
      (versions) => tx?.growth.added("records", versions.filter((v) => v === 1).length),
    );
  }

  getRecord<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    return this.runner.read((db) => getRecord<T>(db, this.ctx.s, collection, id));
  }

  getRecords<T>(collection: string, ids: readonly string[]): Promise<(StoredRecord<T> | undefined)[]> {
    return this.runner.read((db) => getRecords<T>(db, this.ctx.s, collection, ids));
  }

  queryRecords<T>(collection: string, query?: RecordQuery): AsyncIterable<StoredRecord<T>> {
    return streamRecords<T>((fn) => this.runner.read(fn), this.ctx.s, collection, query);
  }

  recordVersions(collection: string): Promise<RecordVersions> {
    return this.runner.read((db) => recordVersions(db, this.ctx.s, collection));
  }

  countRecordsBy(collection: string, field: string): Promise<RecordValueCount[]> {
    return this.runner.read((db) => countRecordsBy(db, this.ctx.s, collection, field));
  }

  deleteRecord(collection: string, id: string, expectedVersion?: number): Promise<boolean> {
    return this.runner.write((db) => deleteRecord(db, this.ctx.s, collection, id, expectedVersion));
  }

  lastAuditEvent(): Promise<AuditEvent | undefined> {
    if (!this.runner.inTransaction) return this.runner.read((db) => audit.lastAuditEvent(db, this.ctx.s));
    // Inside a transaction the head stays locked until commit, so the caller can extend it safely.
    return this.runner.read(async (db) => {
      await audit.lockAuditHead(db, this.ctx.schemaName);
      return audit.lastAuditEvent(db, this.ctx.s);
    });
  }

  appendAuditEvent(event: AuditEvent): Promise<void> {
    return this.runner.write(async (db) => {
      await audit.lockAuditHead(db, this.ctx.schemaName);
      await audit.appendAuditEvent(db, this.ctx.s, event);
    });
  }

  auditEvents(fromSequence?: number): AsyncIterable<AuditEvent> {
    return audit.streamAuditEvents((fn) => this.runner.read(fn), this.ctx.s, fromSequence);
  }

  putAuditCheckpoint(checkpoint: AuditCheckpoint): Promise<void> {
    return this.runner.write((db) => audit.putAuditCheckpoint(db, this.ctx.s, checkpoint));
  }

  auditCheckpoints(): Promise<AuditCheckpoint[]> {
    return this.runner.read((db) => audit.auditCheckpoints(db, this.ctx.s));
  }

  /**
   * A savepoint of the transaction (the store itself overrides this with a transaction). The
   * statements go through the runner's queue, so they fall between the calls `fn` makes; the
   * balances kept in memory are marked when it opens and put back on a rollback to it.
   */
  async savepoint<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    let restore: (() => void) | undefined;
    await this.runner.read(async (db) => {
      await exec(db, "SAVEPOINT jincai_savepoint");
      restore = this.tx?.balances.mark();
    });
    let result: T;
    try {
      result = await fn(this);
    } catch (error) {
      await this.runner.read(async (db) => {
        // Never rolled back past a deferred write that failed (deferred-writes.ts): that throws.
        await this.runner.settleDeferred();
        await exec(db, "ROLLBACK TO SAVEPOINT jincai_savepoint");
        await exec(db, "RELEASE SAVEPOINT jincai_savepoint");
        restore?.();
      });
      throw error;
    }
    await this.runner.read((db) => exec(db, "RELEASE SAVEPOINT jincai_savepoint"));
    return result;
  }
}
