export { BudgetErrorCode } from "./error-codes";
export { QUOTA_SOURCES, PAYMENT_TYPES } from "./quota-line";
export type { QuotaLine, QuotaSource, PaymentTypeInfo } from "./quota-line";
export { quotaDimensions } from "./quota-dimensions";
export {
  QUOTA_BOOK,
  CONTROL_SOURCE_ACCOUNT_ID,
  quotaAccountIds,
  quotaSourceAccountId,
  controlAccountIds,
} from "./quota-account-ids";
export type { QuotaAccountIds, ControlAccountIds } from "./quota-account-ids";
export { validateQuotaLine } from "./validate-quota-line";
export type { QuotaIssue, QuotaValidationContext } from "./validate-quota-line";
export { QUOTA_COLLECTION, quotaRecord, quotaFromDocument } from "./quota-record";
export type { QuotaDocument } from "./quota-record";
export { loadQuota } from "./load-quota";
export type { LoadQuotaResult } from "./load-quota";
export { adjustQuota } from "./adjust-quota";
export type { AdjustQuotaResult, QuotaAdjustment } from "./adjust-quota";
export { findQuotas, getQuota } from "./find-quotas";
export { matchControl } from "./quota-control";
export type {
  ControlPolicy,
  ControlThreshold,
  DimensionMatcher,
  QuotaControl,
  WarningSeverity,
} from "./quota-control";
export { QUOTA_CONTROL_COLLECTION, defineQuotaControl } from "./define-quota-control";
export type { DefineControlOptions, DefineControlResult } from "./define-quota-control";
export type { EconomicCodeOf } from "./control-opening";
export type { QuotaControlDocument } from "./define-quota-control";
export { loadQuotaControls } from "./load-quota-controls";
export { CONTROL_RETIRE_PREFIX, retireQuotaControl } from "./retire-quota-control";
export type { RetireControlRequest, RetireControlResult } from "./retire-quota-control";
export { controlsInForce } from "./controls-in-force";
export { reserveQuota, controlTransferId } from "./reserve-quota";
export type { ReserveRequest, ReservePlan, Reservation, ReservationCheck } from "./reserve-quota";
export { consumeReservation } from "./consume-reservation";
export { assertInFiscalYear, isInFiscalYear } from "./assert-in-fiscal-year";
export type { ConsumeRequest } from "./consume-reservation";
export { releaseReservation } from "./release-reservation";
export type { ReleaseRequest } from "./release-reservation";
export { restoreConsumption } from "./restore-consumption";
export type { RestoreRequest } from "./restore-consumption";
export { freezeQuota, unfreezeQuota } from "./freeze-quota";
export type { FreezeRequest } from "./freeze-quota";
export { BudgetWarningCode, controlWarnings } from "./control-warnings";
export type { ControlWarning } from "./control-warnings";
export { controlStanding } from "./control-standing";
export type { ControlStanding } from "./control-standing";
export { controlUsage } from "./control-usage";
export { assessReservation } from "./assess-reservation";
export type { AvailabilityAssessment, LevelAvailability } from "./assess-reservation";
export { checkAvailability } from "./check-availability";
export { reservationFailure } from "./reservation-failure";
export { executionRate } from "./execution-rate";
export { executionFromBalances, quotaExecution } from "./quota-execution";
export type { QuotaBalances, QuotaExecution, QuotaExecutionQuery } from "./quota-execution";
export { executionSummary } from "./execution-summary";
export type { ExecutionSummaryOptions, ExecutionSummaryRow } from "./execution-summary";
export { checkQuotaRecords } from "./check-quota-records";
export { checkQuotaFigures } from "./check-quota-figures";
export { checkQuotaMonths } from "./check-quota-months";
export { checkQuotas } from "./check-quotas";
export type { CheckQuotasContext } from "./check-quotas";
export { checkControls } from "./check-controls";
