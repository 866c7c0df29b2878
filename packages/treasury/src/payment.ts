/**
 * The payment request (国库集中支付申请, PAY_VOUCHER): what a unit asks the treasury to pay against
 * one quota. It names the quota by id, or gives the quota's dimensions to be matched; the codes
 * it gives must agree with the quota's (it inherits them).
 */

/**
 * The status of a payment request.
 *
 * @example
 * ```ts
 * const { status }: { status: PaymentStatus } = await getPayment(store, "ZF2026-000123");
 * if (status === "submitted") await approvePayment(store, "ZF2026-000123", { date: "2026-03-03" });
 * ```
 */
export type PaymentStatus = "submitted" | "approved" | "paid" | "rejected" | "refunded";

/**
 * What a caller supplies for a payment request. Amounts are integer fen.
 *
 * @example
 * ```ts
 * const input: PaymentInput = {
 *   paymentNumber: "ZF2026-000123", date: "2026-03-02", payeeName: "武汉某某公司",
 *   payeeAccount: "4200 1234 5678", amount: 1_500_000n, purpose: "办公用品",
 *   agency: "101001", fundType: "111", functionCode: "2010101", economicCode: "30201", projectCode: "11010126T000000000001",
 * };
 * await submitPayment(store, input, context); // matched to its quota by the dimensions
 * ```
 */
export interface PaymentInput {
  /** 支付申请编号 (PAY_APP_NO): the idempotency key. */
  readonly paymentNumber: string;
  /** Application (or, for historic imports, payment) date `YYYY-MM-DD`. */
  readonly date: string;
  /** 收款人名称. */
  readonly payeeName: string;
  /** 收款人账号. */
  readonly payeeAccount: string;
  /** Fen, > 0. */
  readonly amount: bigint;
  /** 用途. */
  readonly purpose: string;
  /** The quota (BGT_ID); when omitted, the quota is matched by the dimensions below. */
  readonly quotaId?: string;
  /** Fiscal year; defaults to the year of `date`. */
  readonly fiscalYear?: number;
  /** 预算单位. */
  readonly agency?: string;
  /** 资金性质. */
  readonly fundType?: string;
  /** 支出功能分类 (项). */
  readonly functionCode?: string;
  /** 部门经济分类: the quota's, or a 款 refining a quota at 类 level. */
  readonly economicCode?: string;
  /** 政府经济分类: must equal the quota's when given. */
  readonly govEconomicCode?: string;
  /** 项目代码. */
  readonly projectCode?: string;
  /** 支付方式: must equal the quota's when given. */
  readonly paymentType?: string;
}

/**
 * A payment request as the treasury knows it.
 *
 * @example
 * ```ts
 * const payment: Payment = await getPayment(store, "ZF2026-000123");
 * // { paymentNumber: "ZF2026-000123", date: "2026-03-02", payeeName: "武汉某某公司", payeeAccount: "4200 1234 5678",
 * //   amount: 1_500_000n, purpose: "办公用品", quotaId: "Q-2026-001", economicCode: "30201",
 * //   status: "paid", paidAmount: 1_500_000n, refundedAmount: 0n, controlIds: ["101001-302"] }
 * ```
 */
export interface Payment {
  /** 支付申请编号. */
  readonly paymentNumber: string;
  /** The date `YYYY-MM-DD`. */
  readonly date: string;
  /** 收款人名称. */
  readonly payeeName: string;
  /** 收款人账号. */
  readonly payeeAccount: string;
  /** Fen requested. */
  readonly amount: bigint;
  /** 用途. */
  readonly purpose: string;
  /** The quota it is paid from. */
  readonly quotaId: string;
  /** The effective department economic code (the quota's, or its refinement). */
  readonly economicCode: string;
  /** Current status. */
  readonly status: PaymentStatus;
  /** Fen paid (0 until paid; may be less than `amount` after a partial payment). */
  readonly paidAmount: bigint;
  /** Fen refunded (退票) so far. */
  readonly refundedAmount: bigint;
  /** The controls the payment also debited. */
  readonly controlIds: readonly string[];
}

/**
 * Whether two payments agree on their terms: quota, amount, payee, account, purpose and effective
 * economic code (not their date or status, which move along the lifecycle). Internal.
 *
 * @example
 * ```ts
 * sameTerms(stored, { ...stored, status: "paid" }); // true
 * ```
 */
export function sameTerms(a: Payment, b: Payment): boolean {
  return (
    a.quotaId === b.quotaId &&
    a.amount === b.amount &&
    a.payeeName === b.payeeName &&
    a.payeeAccount === b.payeeAccount &&
    a.purpose === b.purpose &&
    a.economicCode === b.economicCode
  );
}
