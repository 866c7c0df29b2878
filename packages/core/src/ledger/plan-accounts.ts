/**
 * The rules for creating accounts, shared by every store: validation, normalisation and the
 * idempotent comparison with an existing account. Pure; the store writes `accounts`.
 */
import type { Account, AccountFlags, AccountInput, CreateAccountResult, CreateAccountStatus } from "./account";
import { hasLoneSurrogate, hasSpacesOrControls, isBlankId } from "./_id-problem";

/**
 * What {@link planAccounts} returns.
 *
 * @example
 * ```ts
 * const plan: AccountPlan = planAccounts([{ id: "q1", book: "quota", code: "101", normalSide: "credit" }], () => undefined);
 * plan.results; // [{ index: 0, id: "q1", status: "ok" }]
 * plan.accounts[0]?.closed; // false
 * ```
 */
export interface AccountPlan {
  /** One result per input, in order. */
  readonly results: CreateAccountResult[];
  /** The new accounts to insert, normalised, in order. */
  readonly accounts: Account[];
}

/**
 * Checks a batch of account inputs. Each item stands alone (no batch atomicity): an empty id is
 * `id_must_not_be_empty`, a new id with whitespace around it or a control character in it is
 * `id_has_spaces_or_controls`, an id already present (in the store or earlier in the batch) is `exists`
 * when book, code, name, dimensions, normal side and flags are equal (the `closed` state is not
 * compared, so replaying a creation after closing stays `exists`) and `exists_with_different_fields`
 * otherwise, and both limit flags together are `flags_are_mutually_exclusive`.
 *
 * @param inputs - The accounts to create.
 * @param lookup - Returns an existing account by id.
 * @returns The results and the normalised accounts to insert.
 *
 * @example
 * ```ts
 * const plan = planAccounts([{ id: "q1", book: "quota", code: "101", normalSide: "credit" }], () => undefined);
 * plan.results[0].status; // "ok"
 * plan.accounts[0].flags; // {}
 * ```
 */
export function planAccounts(
  inputs: readonly AccountInput[],
  lookup: (id: string) => Account | undefined,
): AccountPlan {
  const results: CreateAccountResult[] = [];
  const accounts: Account[] = [];
  const created = new Map<string, Account>();
  inputs.forEach((input, index) => {
    const status = checkAccount(input, created.get(input.id) ?? lookup(input.id));
    results.push({ index, id: input.id, status });
    if (status === "ok") {
      const account = accountFromInput(input);
      created.set(account.id, account);
      accounts.push(account);
    }
  });
  return { results, accounts };
}

function checkAccount(input: AccountInput, existing: Account | undefined): CreateAccountStatus {
  if (typeof input.id !== "string" || isBlankId(input.id)) return "id_must_not_be_empty";
  // Whatever the lookup found: a store would find the id with U+FFFD in the surrogate's place.
  if (hasLoneSurrogate(input.id)) return "id_has_spaces_or_controls";
  if (existing !== undefined) return sameAccount(input, existing) ? "exists" : "exists_with_different_fields";
  // After the lookup, so an account stored before this rule replays as `exists`.
  if (hasSpacesOrControls(input.id)) return "id_has_spaces_or_controls";
  if (input.flags?.debitsMustNotExceedCredits === true && input.flags.creditsMustNotExceedDebits === true) {
    return "flags_are_mutually_exclusive";
  }
  return "ok";
}

/**
 * Normalises an account input into a stored account: dimensions default to `{}`, only the flags
 * that are `true` are kept, `closed` defaults to false.
 *
 * @example
 * ```ts
 * accountFromInput({ id: "q1", book: "quota", code: "101", normalSide: "credit",
 *   flags: { debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: false } }).flags;
 * // { debitsMustNotExceedCredits: true }
 * ```
 */
export function accountFromInput(input: AccountInput): Account {
  const account: { -readonly [K in keyof Account]: Account[K] } = {
    id: input.id,
    book: input.book,
    code: input.code,
    dimensions: Object.freeze({ ...(input.dimensions ?? {}) }),
    normalSide: input.normalSide,
    flags: normaliseFlags(input.flags),
    closed: input.closed === true,
  };
  if (input.name !== undefined) account.name = input.name;
  return Object.freeze(account);
}

function normaliseFlags(flags: AccountFlags | undefined): AccountFlags {
  const out: { -readonly [K in keyof AccountFlags]: AccountFlags[K] } = {};
  if (flags?.debitsMustNotExceedCredits === true) out.debitsMustNotExceedCredits = true;
  if (flags?.creditsMustNotExceedDebits === true) out.creditsMustNotExceedDebits = true;
  return Object.freeze(out);
}

function sameAccount(input: AccountInput, existing: Account): boolean {
  if (input.book !== existing.book || input.code !== existing.code) return false;
  if (input.normalSide !== existing.normalSide || (input.name ?? undefined) !== (existing.name ?? undefined)) return false;
  if ((input.flags?.debitsMustNotExceedCredits === true) !== (existing.flags.debitsMustNotExceedCredits === true)) return false;
  if ((input.flags?.creditsMustNotExceedDebits === true) !== (existing.flags.creditsMustNotExceedDebits === true)) return false;
  const a = input.dimensions ?? {};
  const b = existing.dimensions;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}
