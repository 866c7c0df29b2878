/**
 * The quota line (指标, BA_BGT_INFO): what a finance bureau approved an agency to spend, with the
 * classification it must be spent under. Sources and payment types are data with codes, so an
 * application can show their names and a CSV may carry either.
 */

/**
 * One 指标来源 (SOURCE_TYPE_CODE): code, Chinese name and an English key.
 *
 * @example
 * ```ts
 * const carried: QuotaSource = { code: "4", name: "结转", key: "carryForward", aliases: ["上年结转"] };
 * QUOTA_SOURCES.some((s) => s.code === carried.code); // true
 * ```
 */
export interface QuotaSource {
  /** The code as carried by the line (`"1"` = 年初预算 as in the 一体化 payloads). */
  readonly code: string;
  /** The Chinese name, e.g. `年初预算`. */
  readonly name: string;
  /** A stable English key, e.g. `initial`. */
  readonly key: string;
  /** Other names source systems export it under (`上年结转` for 结转). */
  readonly aliases?: readonly string[];
}

/**
 * The 指标来源 values. `1 年初预算` is the code seen in a provincial 一体化 payload; the other codes
 * are this SDK's numbering (domain-china §1.3) until a national list is confirmed.
 *
 * @example
 * ```ts
 * QUOTA_SOURCES.find((s) => s.code === "4")?.name; // "结转"
 * ```
 */
export const QUOTA_SOURCES: readonly QuotaSource[] = Object.freeze([
  { code: "1", name: "年初预算", key: "initial", aliases: ["年初预算指标", "年初指标", "年初批复", "年初部门预算", "部门预算"] },
  { code: "2", name: "追加", key: "supplementary", aliases: ["追加指标", "预算追加", "追加预算"] },
  { code: "3", name: "调剂", key: "reallocation", aliases: ["调剂指标", "预算调剂", "指标调剂"] },
  { code: "4", name: "结转", key: "carryForward", aliases: ["上年结转", "结转结余", "结转指标", "结余", "上年结余"] },
  {
    code: "5",
    name: "上级转移支付",
    key: "upperTransfer",
    aliases: ["转移支付", "中央转移支付", "省级转移支付", "上级补助", "上级下达", "上级专项", "中央直达资金"],
  },
]);

/**
 * One 支付方式 (PAY_TYPE_CODE) value.
 *
 * @example
 * ```ts
 * const direct: PaymentTypeInfo = { code: "11", name: "财政直接支付", key: "direct", aliases: ["直接"] };
 * PAYMENT_TYPES.find((p) => p.code === direct.code)?.name; // "财政直接支付"
 * ```
 */
export interface PaymentTypeInfo {
  /** The code, e.g. `"11"` 财政直接支付. */
  readonly code: string;
  /** The Chinese name. */
  readonly name: string;
  /** A stable English key. */
  readonly key: string;
  /** Other names source systems export it under (`直接` for 财政直接支付). */
  readonly aliases?: readonly string[];
}

/**
 * The 支付方式 values, after the legacy ELE_PAYOFF_KIND list (1 国库集中支付 › 11 直接 / 12 授权;
 * 2 实拨). Under 一体化 the direct/authorised split is a routing attribute (domain-china §5.2).
 *
 * @example
 * ```ts
 * PAYMENT_TYPES.find((p) => p.key === "authorized")?.code; // "12"
 * ```
 */
export const PAYMENT_TYPES: readonly PaymentTypeInfo[] = Object.freeze([
  { code: "1", name: "国库集中支付", key: "centralized" },
  { code: "11", name: "财政直接支付", key: "direct", aliases: ["直接"] },
  { code: "12", name: "财政授权支付", key: "authorized", aliases: ["授权"] },
  { code: "2", name: "实拨", key: "allocation" },
]);

/**
 * A quota line (指标). Amounts are integer fen.
 *
 * @example
 * ```ts
 * const line: QuotaLine = {
 *   id: "Q-2026-001", documentNumber: "财预〔2026〕1号", source: "1", fiscalYear: 2026,
 *   agency: "101001", fundType: "111", functionCode: "2010101", economicCode: "30201",
 *   govEconomicCode: "50201", projectCode: "11010126T000000000001", paymentType: "11",
 *   amount: 50_000_000n, executable: true, date: "2026-01-05", title: "办公经费",
 * };
 * ```
 */
export interface QuotaLine {
  /** The quota id (BGT_ID), unique across the ledger. */
  readonly id: string;
  /** 指标文号 (COR_BGT_DOC_NO). */
  readonly documentNumber: string;
  /** 指标来源 code, one of {@link QUOTA_SOURCES}. */
  readonly source: string;
  /** Fiscal year, e.g. 2026. */
  readonly fiscalYear: number;
  /** 财政区划 (MOF_DIV_CODE), when the ledger holds several divisions. */
  readonly division?: string;
  /** 预算单位 code (AGENCY_CODE). */
  readonly agency: string;
  /** 资金性质 code (FUND_TYPE_CODE), e.g. `111`. */
  readonly fundType: string;
  /** 支出功能分类 at 项 level (EXP_FUNC_CODE, 7 digits), e.g. `2010101`. */
  readonly functionCode: string;
  /** 部门预算支出经济分类 (DEP_BGT_ECO_CODE): a 款 (5 digits), or a 类 refined at payment time. */
  readonly economicCode: string;
  /** 政府预算支出经济分类 (GOV_BGT_ECO_CODE, 5 digits), e.g. `50101`. */
  readonly govEconomicCode: string;
  /** 项目代码 (PRO_CODE): no 指标 without a 项目. */
  readonly projectCode: string;
  /** 支付方式 code (PAY_TYPE_CODE), one of {@link PAYMENT_TYPES}. */
  readonly paymentType: string;
  /** The approved amount in fen. */
  readonly amount: bigint;
  /** 指标可执行标志 (BGT_EXE_FLAG): only executable quotas can be reserved. */
  readonly executable: boolean;
  /** Ledger date of the load (the document date), `YYYY-MM-DD`. */
  readonly date: string;
  /** 指标说明 / title, free text. */
  readonly title?: string;
  /**
   * 源指标 (ORI_BGT_ID): for a 调剂, the quota line of the same fiscal year the amount moves from.
   * The load then debits that line instead of the year's 指标来源, so the total approved stays the
   * same (domain-china §1.4 rule 5) and the origin must have the amount available.
   */
  readonly originQuotaId?: string;
}
