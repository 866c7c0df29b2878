/**
 * The accounts in a ledger seal. A seal's transfers name accounts by id only, so a quota line
 * moved to another agency by editing its account's dimensions in the database left every sealed
 * digest intact while the summaries showed the money under the other agency. An account never
 * changes after it is created except `closed`, so a seal also records its accounts' immutable
 * fields: the kept `ledger-seal` record (whose canonical JSON is the seal event's digest) holds
 * `accounts: { added, marks, count, digest }`: the ids first covered by this seal, a short hash of
 * each one's line (to name the account that changed), and the digest of every account covered so
 * far. `verifyLedgerSeals` checks every account against the seal that first recorded it (its
 * mark), and the last seal's digest over the accounts as stored now, in one read of the accounts.
 */
import type { Account } from "../ledger/account";
import type { StoreTx } from "../store/store";
import type { AuditHasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";
import { compareIds, markAgrees, namedIds, sealMark } from "./_seal-marks";

/**
 * The accounts part of a kept seal record.
 *
 * @example
 * ```ts
 * const kept = await store.getRecord<{ accounts?: SealedAccounts }>(LEDGER_SEAL_COLLECTION, "7");
 * kept?.data.accounts; // { added: ["quota:ZB2"], marks: ["3f9a…"], count: 2, digest: "sha-256:…" }
 * ```
 */
export interface SealedAccounts {
  /** Ids of the accounts no earlier seal covered, sorted (JavaScript string order). */
  readonly added: readonly string[];
  /** For each id of `added`, the first 32 hex digits of the hash of its line (16 in seals before session 17), to name a changed account. */
  readonly marks: readonly string[];
  /** How many accounts every seal so far covers together (earlier seals' `added` and this one's). */
  readonly count: number;
  /** `<hasher name>:<hex digest>` of the lines of those accounts, sorted by id. */
  readonly digest: string;
}

/** Accounts in id order (JavaScript string order, as the sealed lines are). */
const byId = (a: Account, b: Account): number => compareIds(a.id, b.id);

/**
 * The canonical line of an account in a seal: the fields that never change after it is created
 * (not `closed`), as canonical JSON, dimensions in key order.
 *
 * @example
 * ```ts
 * accountSealLine({ id: "quota:ZB1", book: "quota", code: "ZB1", dimensions: { agency: "101001" }, normalSide: "credit", flags: { debitsMustNotExceedCredits: true }, closed: false });
 * // '["quota:ZB1","quota","ZB1",null,"credit",{"debitsMustNotExceedCredits":true},{"agency":"101001"}]\n'
 * ```
 */
export function accountSealLine(a: Account): string {
  return `${canonicalJson([a.id, a.book, a.code, a.name ?? null, a.normalSide, a.flags, a.dimensions])}\n`;
}

/** The digest of the lines of these accounts, sorted by id. */
async function digestOf(accounts: readonly Account[], hasher: AuditHasher): Promise<string> {
  const sorted = [...accounts].sort(byId);
  return `${hasher.name}:${await hasher.hash(new TextEncoder().encode(sorted.map(accountSealLine).join("")))}`;
}

const markOf = (a: Account, hasher: AuditHasher): Promise<string> => sealMark(accountSealLine(a), hasher);

/**
 * The accounts part of a new seal: every account stored now, those not in `covered` (the ids
 * earlier seals added) added.
 *
 * @example
 * ```ts
 * await sealAccounts(tx, new Set(["quota:ZB1"]), sha256Hasher);
 * // { added: ["quota:ZB2"], marks: ["3f9a…"], count: 2, digest: "sha-256:…" }
 * ```
 */
export async function sealAccounts(tx: Pick<StoreTx, "accountBalances">, covered: ReadonlySet<string>, hasher: AuditHasher): Promise<SealedAccounts> {
  const all = (await tx.accountBalances()).map((b) => b.account);
  const added = all.filter((a) => !covered.has(a.id)).sort(byId);
  // An account an earlier seal covered that is gone now still counts: the digest is over the
  // ones stored, so the count disagrees and verify names the missing one.
  return {
    added: added.map((a) => a.id),
    marks: await Promise.all(added.map((a) => markOf(a, hasher))),
    count: covered.size + added.length,
    digest: await digestOf(all, hasher),
  };
}

/** The accounts part of one believed seal record, with the seal's audit event. */
export interface SealedAccountsAt {
  /** The sequence of the seal's audit event. */
  readonly event: number;
  /** What its kept record says of the accounts. */
  readonly accounts: SealedAccounts;
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
 * each seal's count against the accounts the seals up to it name; and the last seal's digest over
 * every account it covers (a full hash, where a mark is 128 bits, 64 in seals before session 17). One finding per seal, in chain
 * order; none when all agree.
 *
 * @example
 * ```ts
 * await verifySealedAccounts(store, [{ event: 3, accounts }, { event: 9, accounts: later }], sha256Hasher);
 * // [{ event: 3, count: 10, detail: ": quota:ZB3 changed" }]
 * ```
 */
export async function verifySealedAccounts(
  store: Pick<StoreTx, "accountBalances">,
  seals: readonly SealedAccountsAt[],
  hasher: AuditHasher,
): Promise<AccountSealFinding[]> {
  if (seals.length === 0) return [];
  // The seal that first recorded each account, and its mark there.
  const firstSealed = new Map<string, { readonly event: number; readonly mark: string }>();
  const named: number[] = [];
  for (const { event, accounts } of seals) {
    accounts.added.forEach((id, i) => {
      if (!firstSealed.has(id)) firstSealed.set(id, { event, mark: accounts.marks[i] ?? "" });
    });
    named.push(firstSealed.size);
  }
  const now = new Map((await store.accountBalances()).map((b) => [b.account.id, b.account] as const));
  const changed = new Map<number, string[]>();
  const missing = new Map<number, string[]>();
  const add = (into: Map<number, string[]>, event: number, id: string): void => {
    const ids = into.get(event);
    if (ids === undefined) into.set(event, [id]);
    else ids.push(id);
  };
  for (const id of [...firstSealed.keys()].sort()) {
    const sealed = firstSealed.get(id)!;
    const account = now.get(id);
    if (account === undefined) add(missing, sealed.event, id);
    else if (!(await markAgrees(accountSealLine(account), sealed.mark, hasher))) add(changed, sealed.event, id);
  }
  const last = seals.at(-1)!;
  const present = [...firstSealed.keys()].flatMap((id) => now.get(id) ?? []);
  const lastDigestAgrees = (await digestOf(present, hasher)) === last.accounts.digest;
  const findings: AccountSealFinding[] = [];
  seals.forEach(({ event, accounts }, i) => {
    const parts = [namedIds(changed.get(event) ?? [], "changed"), namedIds(missing.get(event) ?? [], "missing")].filter((p) => p !== "");
    if (accounts.count !== named[i]) parts.push(`${accounts.count - named[i]!} sealed account(s) not named by a believed seal record`);
    const digestOnly = parts.length === 0 && i === seals.length - 1 && !lastDigestAgrees && changed.size + missing.size === 0;
    if (parts.length > 0 || digestOnly) findings.push({ event, count: accounts.count, detail: parts.length === 0 ? "" : `: ${parts.join("; ")}` });
  });
  return findings;
}
