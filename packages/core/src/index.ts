export { JincaiError, isJincaiError } from "./errors/jincai-error";
export type { JincaiErrorOptions } from "./errors/jincai-error";
export { showInvisible } from "./errors/show-invisible";
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
export { firstOpenDay, isPeriodLocked } from "./ledger/period-lock";
export type { PeriodLock } from "./ledger/period-lock";
export type { BatchKeys, LedgerSnapshot } from "./ledger/ledger-snapshot";
export type {
  AccountBalance,
  BalanceQuery,
  CreateTransfersOptions,
  NumberedAccount,
  RecordQuery,
  RecordValueCount,
  RecordVersions,
  RecordWrite,
  Store,
  StoreTx,
  StoredRecord,
  TransferFlow,
  TransferFlowQuery,
  TransferQuery,
  TransferSealPage,
} from "./store/store";
export type { AuditCheckpoint, AuditEvent } from "./audit/audit-event";

// --- rule checks ---
export { RULE_SEVERITIES, severityAtLeast } from "./rules/rule-failure";
export type { RuleFailure, RuleSeverity } from "./rules/rule-failure";
export { checkJournal } from "./rules/check-journal";
export { checkLedger } from "./rules/check-ledger";

// --- money (owned by the money work) ---
export { D, DEC_PRECISION, Dec } from "./money/decimal";
export { MoneyErrorCode } from "./money/money-error-code";
export { ROUNDING_MODES } from "./money/rounding-mode";
export type { RoundingMode, RoundingOptions } from "./money/rounding-mode";
export { assertFen } from "./money/assert-fen";
export { fenProblem } from "./money/fen-problem";
export { parseFen, safeParseFen } from "./money/parse-fen";
export { AMOUNT_UNITS, amountUnitDecimals, amountUnitKey, amountUnitNames, amountUnitShift, findAmountUnit } from "./money/amount-unit";
export type { AmountUnit, AmountUnitSpec } from "./money/amount-unit";
export type { ParseFenOptions, ParseFenResult } from "./money/parse-fen";
export { formatFen } from "./money/format-fen";
export { formatInUnit } from "./money/format-in-unit";
export type { FormatInUnitOptions } from "./money/format-in-unit";
export type { FormatFenOptions } from "./money/format-fen";
export { formatChineseCapital } from "./money/format-chinese-capital";
export { fenToYuanString } from "./money/fen-to-yuan-string";
export { yuanToFen } from "./money/yuan-to-fen";
export type { YuanToFenOptions } from "./money/yuan-to-fen";
export { absFen, compareFen, sumFen } from "./money/fen-arithmetic";
export { parseRate } from "./money/parse-rate";
export { applyRate } from "./money/apply-rate";
export { divideFen } from "./money/divide-fen";
export { allocate } from "./money/allocate";
export type { AllocationWeight } from "./money/allocate";
export { DEFAULT_CURRENCY, isMoney, money, parseMoney } from "./money/money";
export type { Money, ParseMoneyOptions } from "./money/money";
export {
  absMoney,
  addMoney,
  compareMoney,
  isZeroMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
} from "./money/money-arithmetic";
export { allocateMoney, divideMoney, multiplyMoney } from "./money/money-scaling";

// --- classification codes and organisations ---
export { CODE_KINDS, CODE_LEVEL_LABELS, codeKindSpec, findCodeKind } from "./codes/code-kind";
export type { CodeKind, CodeKindSpec } from "./codes/code-kind";
export { CODE_ERROR_CODES } from "./codes/code-error-code";
export type { CodeErrorCode, CodeProblem } from "./codes/code-error-code";
export {
  assertCodeShape,
  checkCodeShape,
  codeLevelOf,
  parentCodeOf,
  rollupCode,
} from "./codes/code-shape";
export type { CodeLevel } from "./codes/code-shape";
export type { CodeEntry, CodeListIssue, CodeLoadResult } from "./codes/code-entry";
export { createCodeRegistry } from "./codes/code-registry";
export type { CodeCheckOptions, CodeLoadOptions, CodeRegistry } from "./codes/code-registry";
export type { EconomicMappingRow } from "./codes/economic-mapping-row";
export { STARTER_CODES_CSV } from "./codes/starter-codes";
export { STARTER_ECONOMIC_MAPPING_CSV } from "./codes/starter-economic-mapping";
export { createStarterCodeRegistry } from "./codes/create-starter-code-registry";
export type { StarterCodeRegistryOptions } from "./codes/create-starter-code-registry";
export {
  DIVISION_LEVEL_LABELS,
  describeDivision,
  divisionLevelOf,
  isDivisionCode,
  parentDivisionCodeOf,
} from "./org/fiscal-division";
export type { DivisionLevel, FiscalDivision } from "./org/fiscal-division";
export { buildDivisionTree, validateDivisions } from "./org/division-tree";
export type { DivisionInput, DivisionTree } from "./org/division-tree";
export type { Agency, AgencyInput } from "./org/agency";
export { buildAgencyTree, validateAgencies } from "./org/agency-tree";
export type { AgencyTree, AgencyTreeOptions } from "./org/agency-tree";
export type { OrgIssue } from "./org/org-issue";
export { UNIT_TYPES, findUnitType, getUnitType } from "./org/unit-type";
export type { UnitType, UnitTypeKey } from "./org/unit-type";
export { FUND_TYPES, findFundType, getFundType } from "./org/fund-type";
export type { FundType, FundTypeKey } from "./org/fund-type";

// --- calendar ---
export { isIsoDate, assertIsoDate, addCalendarDays } from "./calendar/iso-date";
export { fiscalYearOf, fiscalYearRange } from "./calendar/fiscal-year";
export type { FiscalYearOptions } from "./calendar/fiscal-year";
export { parsePeriod } from "./calendar/period";
export type { Period, PeriodKind } from "./calendar/period";
export { periodOf } from "./calendar/period-of";
export { periodRange } from "./calendar/period-range";
export type { DateRange } from "./calendar/period-range";
export { listPeriods } from "./calendar/list-periods";
export { lockForPeriod } from "./calendar/lock-for-period";
export { createHolidayCalendar } from "./calendar/holiday-calendar";
export type {
  HolidayCalendar,
  HolidayCalendarOptions,
  HolidayEntry,
  HolidayKind,
} from "./calendar/holiday-calendar";
export { CN_HOLIDAYS_2026 } from "./calendar/cn-holidays-2026";
export { parseHolidayCsv, holidayEntriesFromRows } from "./calendar/parse-holiday-csv";
export type { HolidayRowIssue } from "./calendar/parse-holiday-csv";
export { isWorkingDay } from "./calendar/is-working-day";
export { addWorkingDays } from "./calendar/add-working-days";
export { workingDaysBetween } from "./calendar/working-days-between";

// --- ledger engine and memory store ---
export { planTransfers } from "./ledger/plan-transfers";
export { MAX_FEN } from "./ledger/max-fen";
export { batchKeys } from "./ledger/batch-keys";
export { transferFieldsEqual } from "./ledger/transfer-fields-equal";
export type { BalanceDelta, PlanTransfersOptions, TransferDraft, TransferPlan } from "./ledger/transfer-plan";
export { planAccounts, accountFromInput } from "./ledger/plan-accounts";
export type { AccountPlan } from "./ledger/plan-accounts";
export { assertPeriodLock } from "./ledger/assert-period-lock";
export { foldBalances, foldBalancesByPeriod } from "./ledger/fold-balances";
export { asOfMonths } from "./ledger/as-of-months";
export type { AsOfMonths } from "./ledger/as-of-months";
export { groupBalances } from "./ledger/group-balances";
export type { GroupBalancesOptions, GroupedBalance } from "./ledger/group-balances";
export { available } from "./ledger/available";
export { netBalance } from "./ledger/net-balance";
export { createMemoryStore } from "./store/memory-store";
export { compareTransferFlows } from "./store/compare-transfer-flows";
export { compareRecordValueCounts } from "./store/compare-record-value-counts";
export type { MemoryStoreOptions } from "./store/memory-store";

// --- audit chain ---
export { canonicalJson } from "./audit/canonical-json";
export { sha256Hasher } from "./audit/audit-hasher";
export type { AuditHasher, IncrementalHash } from "./audit/audit-hasher";
export type { AuditStore } from "./audit/audit-store";
export { AUDIT_ZERO_HASH, hashAuditEvent } from "./audit/hash-audit-event";
export { appendAudit } from "./audit/append-audit";
export type { AppendAuditOptions, AuditInput } from "./audit/append-audit";
export { auditCheckpointPayload } from "./audit/audit-signer";
export type { AuditSigner, AuditVerifier } from "./audit/audit-signer";
export { checkpointAudit } from "./audit/checkpoint-audit";
export { LEDGER_SEAL_ACTION, LEDGER_SEAL_COLLECTION, sealLedger, sealOf } from "./audit/seal-ledger";
export { verifyLedgerSeals } from "./audit/verify-ledger-seals";
export { LEDGER_SEAL_STATE_COLLECTION } from "./audit/seal-record-state";
export { sealLineId, sealLinePages, transferSealLine } from "./audit/transfer-seal-line";
export type { LedgerSeal, LedgerSealResult, SealLedgerOptions } from "./audit/seal-ledger";
export type { SealProblem, SealReport } from "./audit/verify-ledger-seals";
export { accountSealLine } from "./audit/seal-accounts";
export type { SealedAccounts } from "./audit/seal-accounts";
export { recordSealLine } from "./audit/seal-records";
export type { RecordSealSummary, SealedCollection, SealedRecords } from "./audit/seal-records";
export { PERIOD_CLOSE_ACTION, closePeriod, periodCloseOf, periodCloseSubject } from "./audit/close-period";
export type { ClosePeriodOptions } from "./audit/close-period";
export { verifyPeriodLocks } from "./audit/verify-period-locks";
export type { PeriodLockProblem, PeriodLockProblemCode, PeriodLockReport } from "./audit/verify-period-locks";
export type { CheckpointAuditOptions } from "./audit/checkpoint-audit";
export { verifyAudit } from "./audit/verify-audit";
export type {
  AuditProblem,
  AuditProblemCode,
  AuditVerifyReport,
  VerifyAuditOptions,
} from "./audit/verify-audit";
export { generateEd25519KeyPair } from "./audit/generate-ed25519-key-pair";
export type { Ed25519KeyPair, GenerateEd25519KeyPairOptions } from "./audit/generate-ed25519-key-pair";
export { createEd25519Signer } from "./audit/create-ed25519-signer";
export { createEd25519Verifier } from "./audit/create-ed25519-verifier";

// --- CSV import ---
export { ImportIssueCode } from "./import/import-issue-code";
export { formatIssue } from "./import/import-issue";
export type { ImportIssue } from "./import/import-issue";
export { detectEncoding, DETECT_PREFIX_BYTES } from "./import/detect-encoding";
export type { DetectedEncoding, ImportEncoding } from "./import/detect-encoding";
export type { ImportSource } from "./import/decode-source";
export { normalizeHeader } from "./import/normalize-header";
export { defineRowSchema, schemaInUnits } from "./import/row-schema";
export type {
  FieldSpec,
  FieldSpecs,
  FieldValue,
  RequiredFieldKeys,
  RowOutput,
  RowSchema,
} from "./import/row-schema";
export {
  accountField,
  amountField,
  codeField,
  dateField,
  enumField,
  fundTypeField,
  normalizeDate,
  textField,
  yearField,
} from "./import/import-fields";
export type {
  AmountFieldOptions,
  CodeFieldOptions,
  EnumFieldOptions,
  FieldOptions,
  TextFieldOptions,
} from "./import/import-fields";
export { checkImportMapping, importMappingSchema, parseImportMapping } from "./import/import-mapping";
export type { ImportMapping } from "./import/import-mapping";
export { resolveHeader } from "./import/resolve-header";
export type { ColumnPlan, HeaderResolution, LineUnitNote, UnitSource } from "./import/resolve-header";
export { headerUnit, unitNote } from "./import/amount-unit-note";
export type { HeaderUnit, UnitNote } from "./import/amount-unit-note";
export type { ParsedRow, RejectedRow } from "./import/row-validator";
export { readCsvRows } from "./import/read-csv-rows";
export type { ReadCsvRowsOptions } from "./import/read-csv-rows";
export { readRecordRows } from "./import/read-record-rows";
export type { CsvRowReader, ImportBatch, ImportStats, ReadRecordRowsOptions, RecordSource, RecordSourceState } from "./import/read-record-rows";
export type { RecordChunk } from "./import/csv-tokenizer";
export {
  createQuarantineWriter,
  QUARANTINE_REASON_COLUMN,
  quarantineHeaderLine,
  quarantineRowLine,
  toCsvLine,
} from "./import/quarantine-csv";
export type { QuarantineWriter } from "./import/quarantine-csv";
export { paymentRowSchema } from "./import/schemas/payment-row-schema";
export type { PaymentRow } from "./import/schemas/payment-row-schema";
export { adjustmentRowSchema } from "./import/schemas/adjustment-row-schema";
export type { AdjustmentRow } from "./import/schemas/adjustment-row-schema";
export { quotaRowSchema } from "./import/schemas/quota-row-schema";
export type { QuotaRow } from "./import/schemas/quota-row-schema";
export { agencyRowSchema } from "./import/schemas/agency-row-schema";
export type { AgencyRow } from "./import/schemas/agency-row-schema";
export { codeRowSchema } from "./import/schemas/code-row-schema";
export type { CodeRow } from "./import/schemas/code-row-schema";
