/**
 * The accounts in a ledger seal. A seal's transfers name accounts by id only, so a quota line
 * moved to another agency by editing its account's dimensions in the database left every sealed
 * digest intact while the summaries showed the money under the other agency. An account never
 * changes after it is created except `closed`, so a seal also records its accounts' immutable
 * fields: the kept `ledger-seal` record (whose canonical JSON is the seal event's digest) holds
 * `accounts: { added, marks, count, digest, lastNumber }`: the ids first covered by this seal, a
 * short hash of each one's line (to name the account that changed), how many accounts the seals
 * cover so far, a digest, and the highest store number of an account covered (see
 * `StoreTx.accountsCreatedAfter`). A seal reads only the accounts numbered after the last seal's
 * `lastNumber` and builds on that seal's record alone, so a daily checkpoint of a province's
 * 60,000 quota lines reads the few created that day. `verifyLedgerSeals` checks every account
 * against the seal that first recorded it (its mark) and every seal's digest, in one read of the
 * accounts (see `verify-sealed-accounts`).
 */
import type { Account } from "../ledger/account";
import type { StoreTx } from "../store/store";
import type { AuditHasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";
import { compareIds, sealMark } from "./_seal-marks";

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
  /**
   * `<hasher name>:<hex digest>`. With `lastNumber` (seals since session 18): the hash of the
   * previous seal's hex digest followed by the lines of `added` (sorted by id), when the previous
   * seal has `lastNumber` too; otherwise (the first such seal) of the lines of every account
   * covered so far, sorted by id. Without `lastNumber` (older seals): always the latter.
   */
  readonly digest: string;
  /**
   * The highest store number of an account this seal covers (`StoreTx.accountsCreatedAfter`);
   * the next seal reads the accounts numbered after it. Since session 18; its presence marks the
   * chained digest.
   */
  readonly lastNumber?: number;
}

/** The accounts part of a seal record that has `lastNumber` (made since session 18). */
export type NumberedSealedAccounts = SealedAccounts & { readonly lastNumber: number };

/**
 * Whether a believed seal record's accounts part is of the chained rule (has `lastNumber`).
 *
 * @example
 * ```ts
 * isNumbered({ added: [], marks: [], count: 0, digest: "sha-256:…", lastNumber: 0 }); // true
 * ```
 */
export const isNumbered = (a: SealedAccounts | undefined): a is NumberedSealedAccounts => typeof a?.lastNumber === "number" && Number.isSafeInteger(a.lastNumber);

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

/**
 * The digest of the lines of these accounts, sorted by id, after `chained` (a previous seal's hex
 * digest, or `""`).
 *
 * @example
 * ```ts
 * await accountsDigest([account], "", sha256Hasher); // "sha-256:…"
 * ```
 */
export async function accountsDigest(accounts: readonly Account[], chained: string, hasher: AuditHasher): Promise<string> {
  const sorted = [...accounts].sort(byId);
  return `${hasher.name}:${await hasher.hash(new TextEncoder().encode(chained + sorted.map(accountSealLine).join("")))}`;
}

/**
 * The hex part of a `<hasher name>:<hex>` digest.
 *
 * @example
 * ```ts
 * hexOf("sha-256:9f3a"); // "9f3a"
 * ```
 */
export const hexOf = (digest: string): string => digest.slice(digest.indexOf(":") + 1);

const markOf = (a: Account, hasher: AuditHasher): Promise<string> => sealMark(accountSealLine(a), hasher);

/**
 * The accounts part of a new seal. After a seal with `lastNumber` (`before`), it reads only the
 * accounts numbered after it and chains its digest; otherwise (`before` is the ids earlier seals
 * added, none for the first seal) it reads every account and adds those not among them.
 *
 * @example
 * ```ts
 * await sealAccounts(tx, lastSealRecord.accounts, sha256Hasher);
 * // { added: ["quota:ZB2"], marks: ["3f9a…"], count: 2, digest: "sha-256:…", lastNumber: 2 }
 * ```
 */
export async function sealAccounts(
  tx: Pick<StoreTx, "accountsCreatedAfter">,
  before: NumberedSealedAccounts | ReadonlySet<string>,
  hasher: AuditHasher,
): Promise<NumberedSealedAccounts> {
  if (!(before instanceof Set)) {
    const last = before as NumberedSealedAccounts;
    const fresh = await tx.accountsCreatedAfter(last.lastNumber);
    const added = fresh.map((n) => n.account).sort(byId);
    return {
      added: added.map((a) => a.id),
      marks: await Promise.all(added.map((a) => markOf(a, hasher))),
      count: last.count + added.length,
      digest: await accountsDigest(added, hexOf(last.digest), hasher),
      lastNumber: fresh.reduce((max, n) => Math.max(max, n.number), last.lastNumber),
    };
  }
  const covered = before as ReadonlySet<string>;
  const numbered = await tx.accountsCreatedAfter(Number.MIN_SAFE_INTEGER);
  const all = numbered.map((n) => n.account);
  const added = all.filter((a) => !covered.has(a.id)).sort(byId);
  // An account an earlier seal covered that is gone now still counts: the digest is over the
  // ones stored, so the count disagrees and verify names the missing one.
  return {
    added: added.map((a) => a.id),
    marks: await Promise.all(added.map((a) => markOf(a, hasher))),
    count: covered.size + added.length,
    digest: await accountsDigest(all, "", hasher),
    lastNumber: numbered.reduce((max, n) => Math.max(max, n.number), 0),
  };
}
