/**
 * Checks the accounts of every ledger seal (see `seal-accounts`) against the accounts as stored
 * now, in one read of them (with their store numbers): each account against the seal that first
 * recorded it, each seal's count and digest, and that no account numbered within what the seals
 * cover is left out of them.
 */
import type { Account } from "../ledger/account";
import type { StoreTx } from "../store/store";
import type { AuditHasher } from "./audit-hasher";
import { markAgrees, namedIds } from "./_seal-marks";
import type { SealedAccounts } from "./seal-accounts";
import { accountSealLine, accountsDigest, hexOf, isNumbered } from "./seal-accounts";

/** The accounts part of one believed seal record, with the seal's audit event. */
export interface SealedAccountsAt {
  /** The sequence of the seal's audit event. */
  readonly event: number;
  /** What its kept record says of the accounts. */
  readonly accounts: SealedAccounts;
  /**
   * For a seal with `lastNumber`, what its digest follows: the previous seal's digest when that
   * one has `lastNumber` too, `""` when it digests every account covered (no previous seal, or
   * one of the older rule or without accounts), `null` when the previous seal's record is not
   * believed (the digest cannot be checked). Unused for older seals.
   */
  readonly chainsFrom?: string | null;
}

/** Accounts of one seal that no longer agree, as found by {@link verifySealedAccounts}. */
export interface AccountSealFinding {
  /** The seal's audit event: the one that first recorded the accounts named. */
  readonly event: number;
  /** How many accounts that seal covers together with the earlier ones. */
  readonly count: number;
  /** What differs: `: quota:ZB1 changed; quota:ZB9 missing` (or empty when no mark can tell). */
  readonly detail: string;
}

/**
 * Checks every seal's accounts against the accounts stored now, in one read of the accounts:
 * each account is compared, by its mark, with the seal that first recorded it (an account edited
 * or deleted before a later seal was made is found too, at the seal that recorded it as it was);
 * each seal's count against the accounts the seals up to it name; each seal's digest (a full
 * hash, where a mark is 128 bits; for seals of the older rule only the last one's, over every
 * account); and every account numbered at or below a seal's `lastNumber` must be named by a seal
 * up to it (one written behind the store's back with a made-up number is not). One finding per
 * seal, in chain order; none when all agree.
 *
 * @example
 * ```ts
 * await verifySealedAccounts(store, [{ event: 3, accounts }, { event: 9, accounts: later, chainsFrom: accounts.digest }], sha256Hasher);
 * // [{ event: 3, count: 10, detail: ": quota:ZB3 changed" }]
 * ```
 */
export async function verifySealedAccounts(
  store: Pick<StoreTx, "accountsCreatedAfter">,
  seals: readonly SealedAccountsAt[],
  hasher: AuditHasher,
): Promise<AccountSealFinding[]> {
  if (seals.length === 0) return [];
  // The seal that first recorded each account, and its mark there.
  const firstSealed = new Map<string, { readonly event: number; readonly mark: string }>();
  const named: number[] = [];
  const again = new Map<number, string[]>();
  for (const { event, accounts } of seals) {
    accounts.added.forEach((id, i) => {
      if (!firstSealed.has(id)) firstSealed.set(id, { event, mark: accounts.marks[i] ?? "" });
      else add(again, event, id);
    });
    named.push(firstSealed.size);
  }
  const numbered = await store.accountsCreatedAfter(Number.MIN_SAFE_INTEGER);
  const now = new Map(numbered.map((n) => [n.account.id, n.account] as const));
  const changed = new Map<number, string[]>();
  const missing = new Map<number, string[]>();
  for (const id of [...firstSealed.keys()].sort()) {
    const sealed = firstSealed.get(id)!;
    const account = now.get(id);
    if (account === undefined) add(missing, sealed.event, id);
    else if (!(await markAgrees(accountSealLine(account), sealed.mark, hasher))) add(changed, sealed.event, id);
  }
  const unnamed = unnamedAccounts(seals, numbered, firstSealed);
  const digestDisagrees = await digestsDisagreeing(seals, now, hasher);
  const findings: AccountSealFinding[] = [];
  seals.forEach(({ event, accounts }, i) => {
    const parts = [
      namedIds(changed.get(event) ?? [], "changed"),
      namedIds(missing.get(event) ?? [], "missing"),
      namedIds(again.get(event) ?? [], "sealed again (an earlier seal recorded it: its number was changed behind the store's back)"),
      namedIds(unnamed.get(event) ?? [], "stored with a number this seal covers but named by no seal (written behind the store's back)"),
    ].filter((p) => p !== "");
    if (accounts.count !== named[i]) parts.push(`${accounts.count - named[i]!} sealed account(s) not named by a believed seal record`);
    const digestOnly = parts.length === 0 && digestDisagrees.has(event) && changed.size + missing.size === 0;
    if (parts.length > 0 || digestOnly) findings.push({ event, count: accounts.count, detail: parts.length === 0 ? "" : `: ${parts.join("; ")}` });
  });
  return findings;
}

function add(into: Map<number, string[]>, event: number, id: string): void {
  const ids = into.get(event);
  if (ids === undefined) into.set(event, [id]);
  else ids.push(id);
}

/**
 * The accounts stored with a number at or below a seal's `lastNumber` that no seal names, by the
 * first seal whose `lastNumber` reaches them.
 */
function unnamedAccounts(
  seals: readonly SealedAccountsAt[],
  numbered: readonly { readonly number: number; readonly account: Account }[],
  firstSealed: ReadonlyMap<string, unknown>,
): Map<number, string[]> {
  const reach = seals.filter((s) => isNumbered(s.accounts)).map((s) => ({ event: s.event, lastNumber: s.accounts.lastNumber! }));
  const unnamed = new Map<number, string[]>();
  for (const { number, account } of numbered) {
    if (firstSealed.has(account.id)) continue;
    const seal = reach.find((r) => number <= r.lastNumber);
    if (seal !== undefined) add(unnamed, seal.event, account.id);
  }
  return unnamed;
}

/** The events of the seals whose account digest disagrees with the accounts stored now. */
async function digestsDisagreeing(seals: readonly SealedAccountsAt[], now: ReadonlyMap<string, Account>, hasher: AuditHasher): Promise<Set<number>> {
  const disagree = new Set<number>();
  const covered = new Set<string>();
  for (const [i, { event, accounts, chainsFrom }] of seals.entries()) {
    for (const id of accounts.added) covered.add(id);
    const present = (ids: Iterable<string>): Account[] => [...ids].flatMap((id) => now.get(id) ?? []);
    let digest: string | undefined;
    if (isNumbered(accounts)) {
      if (chainsFrom === null || chainsFrom === undefined) continue;
      digest = chainsFrom === "" ? await accountsDigest(present(covered), "", hasher) : await accountsDigest(present(accounts.added), hexOf(chainsFrom), hasher);
    } else if (i === seals.length - 1) {
      // The older rule: every covered account; only the last seal's digest is over all of them now.
      digest = await accountsDigest(present(covered), "", hasher);
    }
    if (digest !== undefined && digest !== accounts.digest) disagree.add(event);
  }
  return disagree;
}
