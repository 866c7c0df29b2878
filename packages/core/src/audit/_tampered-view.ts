/**
 * A store as it reads after someone edited its tables behind its back, for the seal tests: the
 * accounts and the records pass through the given edits, everything else is the store's. Writes
 * go to the store, so a seal can be made over the edited view (an edit made between two seals).
 */
import type { AccountBalance, NumberedAccount, StoreTx, StoredRecord } from "../store/store";
import type { Account } from "../ledger/account";

/** What a seal reads and writes. */
export type SealView = Pick<StoreTx, "transfers" | "transferSealLines" | "auditEvents" | "lastAuditEvent" | "appendAuditEvent" | "putRecord" | "getRecord" | "getRecords" | "recordVersions" | "accountBalances" | "accountsCreatedAfter" | "queryRecords">;

/**
 * The edits a view applies: an account or record mapped to its edited form, or `undefined`
 * (deleted); an account's store number mapped to another.
 */
export interface Edits {
  readonly account?: (a: Account) => Account | undefined;
  readonly number?: (n: NumberedAccount) => number;
  readonly record?: (r: StoredRecord) => StoredRecord | undefined;
}

/**
 * The store seen through `edits`.
 *
 * @example
 * ```ts
 * const moved = tamperedView(store, { account: (a) => (a.id === "q1" ? { ...a, dimensions: { agency: "102001" } } : a) });
 * await verifyLedgerSeals(moved);
 * ```
 */
export function tamperedView(store: SealView, edits: Edits): SealView {
  const account = edits.account ?? ((a: Account) => a);
  const record = edits.record ?? ((r: StoredRecord) => r);
  return {
    transfers: (query) => store.transfers(query),
    transferSealLines: (after) => store.transferSealLines(after),
    auditEvents: (from) => store.auditEvents(from),
    lastAuditEvent: () => store.lastAuditEvent(),
    appendAuditEvent: (event) => store.appendAuditEvent(event),
    putRecord: (write) => store.putRecord(write),
    getRecord: (collection, id) => store.getRecord(collection, id),
    async accountBalances(query) {
      return (await store.accountBalances(query)).flatMap((b): AccountBalance[] => {
        const a = account(b.account);
        return a === undefined ? [] : [{ ...b, account: a }];
      });
    },
    async accountsCreatedAfter(afterNumber) {
      const all = await store.accountsCreatedAfter(Number.MIN_SAFE_INTEGER);
      const edited = all.flatMap((n): NumberedAccount[] => {
        const a = account(n.account);
        return a === undefined ? [] : [{ number: edits.number?.(n) ?? n.number, account: a }];
      });
      return edited.filter((n) => n.number > afterNumber).sort((a, b) => a.number - b.number);
    },
    async getRecords<T>(collection: string, ids: readonly string[]) {
      return (await store.getRecords<T>(collection, ids)).map((r) => (r === undefined ? undefined : (record(r as StoredRecord) as StoredRecord<T> | undefined)));
    },
    async recordVersions(collection) {
      const ids: string[] = [];
      const versions: number[] = [];
      for await (const r of this.queryRecords(collection)) {
        ids.push(r.id);
        versions.push(r.version);
      }
      return { ids, versions };
    },
    async *queryRecords<T>(collection: string, query?: Parameters<StoreTx["queryRecords"]>[1]) {
      for await (const r of store.queryRecords<T>(collection, query)) {
        const edited = record(r);
        if (edited !== undefined) yield edited as StoredRecord<T>;
      }
    },
  };
}
