/**
 * Ledger accounts: what an account is, its book, its dimensions and its limit flags.
 * An account's balance is never stored on the account value itself; see {@link Balance}.
 */

/**
 * A book of the ledger. The five standard ones, and any other string an application adds.
 *
 * @example
 * ```ts
 * const book: Book = "quota"; // or one an application adds, e.g. "payroll"
 * await store.accountBalances({ book });
 * ```
 */
export type Book = "quota" | "plan" | "budgetary" | "financial" | "treasury" | (string & {});

/**
 * The side of an entry or the normal side of an account.
 *
 * @example
 * ```ts
 * const side: Side = "credit"; // a quota line grows by credits
 * netBalance({ debitsPosted: 300n, creditsPosted: 1000n, debitsPending: 0n, creditsPending: 0n }, side); // 700n
 * ```
 */
export type Side = "debit" | "credit";

/**
 * The dimensions that identify an account: fiscal year, division, agency, fund type, function
 * code, economic code, project, and any extra dimension an application adds. Values are strings
 * (codes), so they group and compare exactly. See {@link DIMENSIONS} for the well-known keys.
 *
 * @example
 * ```ts
 * const dimensions: Dimensions = { fiscalYear: "2026", agency: "101001", fundType: "111", functionCode: "2010101", economicCode: "30201" };
 * await store.accountBalances({ book: "quota", where: { agency: dimensions.agency! } });
 * ```
 */
export type Dimensions = Readonly<Record<string, string>>;

/**
 * The well-known dimension keys. Open: an account may carry any other key.
 *
 * @example
 * ```ts
 * const dims = { [DIMENSIONS.agency]: "101001", [DIMENSIONS.functionCode]: "2010101" };
 * ```
 */
export const DIMENSIONS = {
  /** Fiscal year (预算年度), four digits, e.g. `"2026"`. */
  fiscalYear: "fiscalYear",
  /** Administrative division code (行政区划), e.g. `"110000"` for Beijing. */
  division: "division",
  /** Budget unit code (预算单位 / 单位代码), e.g. `"101001"`. */
  agency: "agency",
  /** Fund type code (资金性质), e.g. general public budget vs. government funds. */
  fundType: "fundType",
  /** Functional classification code (支出功能分类科目), e.g. `"2010101"`. */
  functionCode: "functionCode",
  /** Departmental economic classification code (部门预算支出经济分类), e.g. `"30201"`. */
  economicCode: "economicCode",
  /** Government economic classification code (政府预算支出经济分类), e.g. `"50201"`. */
  govEconomicCode: "govEconomicCode",
  /** Project code (项目代码); all spending is managed as projects. */
  project: "project",
  /** Payment type code (支付方式), e.g. direct or authorised treasury payment. */
  paymentType: "paymentType",
} as const;

/**
 * Limit flags checked inside the store's transaction; pending amounts count against them.
 *
 * @example
 * ```ts
 * const flags: AccountFlags = { debitsMustNotExceedCredits: true }; // a quota line: spend at most what was approved
 * await store.createAccounts([{ id: "quota:Q-2026-001", book: "quota", code: "Q-2026-001", normalSide: "credit", flags }]);
 * ```
 */
export interface AccountFlags {
  /** debitsPosted + debitsPending must never exceed creditsPosted (e.g. a quota: credits are the approved amount). */
  readonly debitsMustNotExceedCredits?: boolean;
  /** creditsPosted + creditsPending must never exceed debitsPosted. */
  readonly creditsMustNotExceedDebits?: boolean;
}

/**
 * An account of the ledger. Immutable except that it may be closed.
 *
 * @example
 * ```ts
 * const account: Account | undefined = await store.getAccount("quota:Q-2026-001");
 * // { id: "quota:Q-2026-001", book: "quota", code: "Q-2026-001", dimensions: { agency: "101001", … },
 * //   normalSide: "credit", flags: { debitsMustNotExceedCredits: true }, closed: false }
 * ```
 */
export interface Account {
  /** Client-supplied id, unique across the ledger. */
  readonly id: string;
  /** The book the account belongs to; a transfer's two accounts must share it. */
  readonly book: Book;
  /** Account code within the book (e.g. a chart-of-accounts code or a quota line number). */
  readonly code: string;
  /** Human-readable name, e.g. `"基本支出指标"`. */
  readonly name?: string;
  /** The codes that classify the account (agency, function code, …); `{}` when none. */
  readonly dimensions: Dimensions;
  /** The side on which the account's balance grows (see `netBalance`). */
  readonly normalSide: Side;
  /** Limit flags checked on every transfer; only flags set to `true` are kept. */
  readonly flags: AccountFlags;
  /** A closed account rejects new transfers with `account_closed`. */
  readonly closed: boolean;
}

/**
 * What a caller supplies to create an account.
 *
 * @example
 * ```ts
 * const input: AccountInput = {
 *   id: "quota:Q-2026-001", book: "quota", code: "Q-2026-001", name: "办公经费",
 *   dimensions: { fiscalYear: "2026", agency: "101001", functionCode: "2010101", economicCode: "30201" },
 *   normalSide: "credit", flags: { debitsMustNotExceedCredits: true },
 * };
 * await store.createAccounts([input]); // [{ index: 0, id: "quota:Q-2026-001", status: "ok" }]
 * ```
 */
export interface AccountInput {
  /** Client-supplied id, unique across the ledger; creating the same id again is idempotent. */
  readonly id: string;
  /** The book the account belongs to, e.g. `"quota"`. */
  readonly book: Book;
  /** Account code within the book (e.g. a chart-of-accounts code or a quota line number). */
  readonly code: string;
  /** Human-readable name, e.g. `"基本支出指标"`. */
  readonly name?: string;
  /** The codes that classify the account; defaults to `{}`. */
  readonly dimensions?: Dimensions;
  /** The side on which the account's balance grows. */
  readonly normalSide: Side;
  /** Limit flags; at most one may be `true`. Defaults to no limit. */
  readonly flags?: AccountFlags;
  /** Create the account already closed; defaults to `false`. */
  readonly closed?: boolean;
}

/**
 * Balance of one account, in fen. Pending amounts are reserved, not yet posted.
 *
 * @example
 * ```ts
 * const balance: Balance = { debitsPosted: 20_000_000n, creditsPosted: 50_000_000n, debitsPending: 1_500_000n, creditsPending: 0n };
 * available(balance); // 28500000n
 * netBalance(balance, "credit"); // 30000000n
 * ```
 */
export interface Balance {
  /** Posted debits, in fen. */
  readonly debitsPosted: bigint;
  /** Posted credits, in fen. */
  readonly creditsPosted: bigint;
  /** Debits reserved by pending transfers not yet posted or voided, in fen. */
  readonly debitsPending: bigint;
  /** Credits reserved by pending transfers not yet posted or voided, in fen. */
  readonly creditsPending: bigint;
}

/**
 * The result code of creating one account.
 *
 * @example
 * ```ts
 * const [result] = await store.createAccounts([{ id: " quota:Q1", book: "quota", code: "Q1", normalSide: "credit" }]);
 * const status: CreateAccountStatus | undefined = result?.status; // "id_has_spaces_or_controls": a leading space
 * ```
 */
export type CreateAccountStatus =
  | "ok"
  | "exists"
  | "exists_with_different_fields"
  | "id_must_not_be_empty"
  | "id_has_spaces_or_controls"
  | "flags_are_mutually_exclusive";

/**
 * The result of creating one account of a batch.
 *
 * @example
 * ```ts
 * const [result]: CreateAccountResult[] = await store.createAccounts([{ id: "quota:Q-2026-001", book: "quota", code: "Q-2026-001", normalSide: "credit" }]);
 * result; // { index: 0, id: "quota:Q-2026-001", status: "ok" }, then "exists" when created again
 * ```
 */
export interface CreateAccountResult {
  /** 0-based position of the account in the batch. */
  readonly index: number;
  /** The account's id, as supplied. */
  readonly id: string;
  /** What happened to this account: `ok`, `exists` or why it was rejected. */
  readonly status: CreateAccountStatus;
}

/**
 * A zero balance.
 *
 * @example
 * ```ts
 * ZERO_BALANCE.debitsPosted; // 0n
 * ```
 */
export const ZERO_BALANCE: Balance = Object.freeze({
  debitsPosted: 0n,
  creditsPosted: 0n,
  debitsPending: 0n,
  creditsPending: 0n,
});
