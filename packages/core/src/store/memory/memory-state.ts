/** The in-memory store's state and its undo log (what a rolled-back transaction reverses). */
import type { Account, Balance } from "../../ledger/account";
import type { PeriodLock } from "../../ledger/period-lock";
import type { Transfer } from "../../ledger/transfer";
import type { AuditCheckpoint, AuditEvent } from "../../audit/audit-event";
import type { StoredRecord } from "../store";

/** Everything the memory store holds. */
export interface MemoryState {
  readonly accounts: Map<string, Account>;
  /** Each account's number (see `StoreTx.accountsCreatedAfter`), given in creation order. */
  readonly accountNumbers: Map<string, number>;
  /** Current balances; values are immutable and replaced on change. */
  readonly balances: Map<string, Balance>;
  /** Transfers in sequence order: `transfers[i].sequence === i + 1`. */
  readonly transfers: Transfer[];
  readonly transfersById: Map<string, Transfer>;
  /** `post`/`void` transfers by the pending id they resolve. */
  readonly resolutions: Map<string, Transfer>;
  readonly locks: PeriodLock[];
  /** Records by collection, then id. */
  readonly records: Map<string, Map<string, StoredRecord>>;
  readonly auditEvents: AuditEvent[];
  readonly checkpoints: AuditCheckpoint[];
  /** Set while a transaction runs: undo steps, run in reverse on rollback. */
  undo: (() => void)[] | undefined;
}

/** A fresh, empty state. */
export function createMemoryState(): MemoryState {
  return {
    accounts: new Map(),
    accountNumbers: new Map(),
    balances: new Map(),
    transfers: [],
    transfersById: new Map(),
    resolutions: new Map(),
    locks: [],
    records: new Map(),
    auditEvents: [],
    checkpoints: [],
    undo: undefined,
  };
}

/** Registers how to reverse a change just made, when a transaction is running. */
export function onUndo(state: MemoryState, step: () => void): void {
  state.undo?.push(step);
}
