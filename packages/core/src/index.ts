export { JincaiError, isJincaiError } from "./errors/jincai-error";
export type { JincaiErrorOptions } from "./errors/jincai-error";
export { systemClock, fixedClock, todayOf, isoNow } from "./time/clock";
export type { Clock } from "./time/clock";
export { createIdGenerator } from "./ids/new-id";
export type { IdGenerator, IdGeneratorOptions } from "./ids/new-id";
export { DIMENSIONS, ZERO_BALANCE } from "./ledger/account";
export type {
  Account,
  AccountFlags,
  AccountInput,
  Balance,
  Book,
  CreateAccountResult,
  CreateAccountStatus,
  Dimensions,
  Side,
} from "./ledger/account";
export type {
  CreateTransferResult,
  CreateTransferStatus,
  Transfer,
  TransferBatchResult,
  TransferInput,
  TransferPhase,
  TransferReferences,
} from "./ledger/transfer";
export { isPeriodLocked } from "./ledger/period-lock";
export type { PeriodLock } from "./ledger/period-lock";
export type { BatchKeys, LedgerSnapshot } from "./ledger/ledger-snapshot";
export type {
  AccountBalance,
  BalanceQuery,
  CreateTransfersOptions,
  RecordQuery,
  RecordWrite,
  Store,
  StoreTx,
  StoredRecord,
  TransferQuery,
} from "./store/store";
export type { AuditCheckpoint, AuditEvent } from "./audit/audit-event";

// --- money (owned by the money work) ---

// --- classification codes and organisations ---

// --- calendar ---

// --- ledger engine and memory store ---

// --- audit chain ---

// --- CSV import ---
