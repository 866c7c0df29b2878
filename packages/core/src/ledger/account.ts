/**
 * Ledger accounts: what an account is, its book, its dimensions and its limit flags.
 * An account's balance is never stored on the account value itself; see {@link Balance}.
 */

/** A book of the ledger. The five standard ones, and any other string an application adds. */
export type Book = "quota" | "plan" | "budgetary" | "financial" | "treasury" | (string & {});

/** The side of an entry or the normal side of an account. */
export type Side = "debit" | "credit";

/**
 * The dimensions that identify an account: fiscal year, division, agency, fund type, function
 * code, economic code, project, and any extra dimension an application adds. Values are strings
 * (codes), so they group and compare exactly. See {@link DIMENSIONS} for the well-known keys.
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
  fiscalYear: "fiscalYear",
  division: "division",
  agency: "agency",
  fundType: "fundType",
  functionCode: "functionCode",
  economicCode: "economicCode",
  govEconomicCode: "govEconomicCode",
  project: "project",
  paymentType: "paymentType",
} as const;

/** Limit flags checked inside the store's transaction; pending amounts count against them. */
export interface AccountFlags {
  /** debitsPosted + debitsPending must never exceed creditsPosted (e.g. a quota: credits are the approved amount). */
  readonly debitsMustNotExceedCredits?: boolean;
  /** creditsPosted + creditsPending must never exceed debitsPosted. */
  readonly creditsMustNotExceedDebits?: boolean;
}

/** An account of the ledger. Immutable except that it may be closed. */
export interface Account {
  /** Client-supplied id, unique across the ledger. */
  readonly id: string;
  readonly book: Book;
  /** Account code within the book (e.g. a chart-of-accounts code or a quota line number). */
  readonly code: string;
  readonly name?: string;
  readonly dimensions: Dimensions;
  readonly normalSide: Side;
  readonly flags: AccountFlags;
  /** A closed account rejects new transfers with `account_closed`. */
  readonly closed: boolean;
}

/** What a caller supplies to create an account. */
export interface AccountInput {
  readonly id: string;
  readonly book: Book;
  readonly code: string;
  readonly name?: string;
  readonly dimensions?: Dimensions;
  readonly normalSide: Side;
  readonly flags?: AccountFlags;
  readonly closed?: boolean;
}

/** Balance of one account, in fen. Pending amounts are reserved, not yet posted. */
export interface Balance {
  readonly debitsPosted: bigint;
  readonly creditsPosted: bigint;
  readonly debitsPending: bigint;
  readonly creditsPending: bigint;
}

/** The result code of creating one account. */
export type CreateAccountStatus =
  | "ok"
  | "exists"
  | "exists_with_different_fields"
  | "id_must_not_be_empty"
  | "flags_are_mutually_exclusive";

/** The result of creating one account of a batch. */
export interface CreateAccountResult {
  readonly index: number;
  readonly id: string;
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
