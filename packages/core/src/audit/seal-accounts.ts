/**
 * The accounts in a ledger seal. A seal's transfers name accounts by id only, so a quota line
 * moved to another agency by editing its account's dimensions in the database left every sealed
 * digest intact while the summaries showed the money under the other agency. An account never
 * changes after it is created except `closed`, so a seal also records its accounts' immutable
 * fields: the kept `ledger-seal` record (whose canonical JSON is the seal event's digest) holds
 * `accounts: { added, marks, count, digest }`: the ids first covered by this seal, a short hash of
 * each one's line (to name the account that changed), and the digest of every account covered so
 * far. `verifyLedgerSeals` recomputes the last such digest over the accounts as stored now.
 */
import type { Account } from "../ledger/account";
import type { StoreTx } from "../store/store";
import type { AuditHasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";

/** The accounts part of a kept seal record. */
export interface SealedAccounts {
  /** Ids of the accounts no earlier seal covered, sorted (JavaScript string order). */
  readonly added: readonly string[];
  /** For each id of `added`, the first 16 hex digits of the hash of its line (to name a changed account). */
  readonly marks: readonly string[];
  /** How many accounts every seal so far covers together (earlier seals' `added` and this one's). */
  readonly count: number;
  /** `<hasher name>:<hex digest>` of the lines of those accounts, sorted by id. */
  readonly digest: string;
}

/** Hex digits of an account's line hash kept per account: enough to name it, 16 bytes per account. */
const MARK = 16;

/** Accounts read per balance query when reading sealed accounts back. */
const PAGE = 500;

/** Accounts in id order (JavaScript string order, as the sealed lines are). */
const byId = (a: Account, b: Account): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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

/** Reads the accounts with these ids as stored now, by id (absent ids are missing). */
async function readAccounts(store: Pick<StoreTx, "accountBalances">, ids: readonly string[]): Promise<Map<string, Account>> {
  const found = new Map<string, Account>();
  for (let i = 0; i < ids.length; i += PAGE) {
    for (const { account } of await store.accountBalances({ accountIds: ids.slice(i, i + PAGE) })) found.set(account.id, account);
  }
  return found;
}

/** The digest of the lines of these accounts, sorted by id. */
async function digestOf(accounts: readonly Account[], hasher: AuditHasher): Promise<string> {
  const sorted = [...accounts].sort(byId);
  return `${hasher.name}:${await hasher.hash(new TextEncoder().encode(sorted.map(accountSealLine).join("")))}`;
}

const markOf = async (a: Account, hasher: AuditHasher): Promise<string> => (await hasher.hash(new TextEncoder().encode(accountSealLine(a)))).slice(0, MARK);

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

/**
 * What differs between sealed accounts and the accounts stored now: undefined when they
 * agree, else `: quota:ZB1 changed; quota:ZB9 missing` (at most ten of each named; empty when the
 * marks cannot tell which).
 *
 * @example
 * ```ts
 * await changedAccounts(store, { count: 2, digest: "sha-256:…" }, new Map([["quota:ZB1", "3f9a…"], ["quota:ZB2", "77c1…"]]), sha256Hasher);
 * // ": quota:ZB1 changed"
 * ```
 */
export async function changedAccounts(
  store: Pick<StoreTx, "accountBalances">,
  sealed: Pick<SealedAccounts, "count" | "digest">,
  marks: ReadonlyMap<string, string>,
  hasher: AuditHasher,
): Promise<string | undefined> {
  const ids = [...marks.keys()].sort();
  const now = await readAccounts(store, ids);
  if (ids.length === sealed.count && (await digestOf([...now.values()], hasher)) === sealed.digest) return undefined;
  const changed: string[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const account = now.get(id);
    if (account === undefined) missing.push(id);
    else if ((await markOf(account, hasher)) !== marks.get(id)) changed.push(id);
  }
  const parts = [named(changed, "changed"), named(missing, "missing")].filter((p) => p !== "");
  if (ids.length !== sealed.count) parts.push(`${sealed.count - ids.length} sealed account(s) not named by a believed seal record`);
  return parts.length === 0 ? "" : `: ${parts.join("; ")}`;
}

const named = (ids: readonly string[], what: string): string =>
  ids.length === 0 ? "" : `${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ` and ${ids.length - 10} more` : ""} ${what}`;
