/**
 * Seals made by the account rule before session 18 (no `lastNumber`; each seal's account digest
 * over every account covered so far, and no kept document versions), written by main's build at
 * commit b1742c9: the ledger below created in a memory store, sealed with `collections:
 * ["payment"]` at the two clocks of the events, and the audit events and kept `ledger-seal`
 * records dumped as JSON. Three accounts, two transfers and a payment document sealed at event 1;
 * one more account and transfer at event 2. `seedOlderSeals`
 * writes the same ledger, documents, audit events and kept seal records into a store, so that a
 * test checks that such seals still verify, and what a new seal makes after them.
 */
import type { AuditEvent } from "../audit/audit-event";
import { LEDGER_SEAL_COLLECTION } from "../audit/seal-ledger";
import type { AccountInput } from "../ledger/account";
import type { Store } from "../store/store";

/** What main's build wrote (amounts as decimal strings). */
const OLDER = {
  "accounts": [
    [
      {
        "id": "quota-source",
        "book": "quota",
        "code": "1001",
        "normalSide": "debit",
        "dimensions": {
          "fiscalYear": "2026"
        }
      },
      {
        "id": "quota:ZB1",
        "book": "quota",
        "code": "ZB1",
        "name": "基本支出指标",
        "normalSide": "credit",
        "flags": {
          "debitsMustNotExceedCredits": true
        },
        "dimensions": {
          "fiscalYear": "2026",
          "agency": "101001"
        }
      },
      {
        "id": "quota:ZB2",
        "book": "quota",
        "code": "ZB2",
        "normalSide": "credit",
        "flags": {
          "debitsMustNotExceedCredits": true
        },
        "dimensions": {
          "fiscalYear": "2026",
          "agency": "102001"
        }
      }
    ],
    [
      {
        "id": "quota:ZB3",
        "book": "quota",
        "code": "ZB3",
        "normalSide": "credit",
        "dimensions": {
          "fiscalYear": "2026",
          "agency": "103001"
        }
      }
    ]
  ],
  "transfers": [
    [
      {
        "id": "grant:ZB1",
        "debitAccountId": "quota-source",
        "creditAccountId": "quota:ZB1",
        "amount": "500000",
        "date": "2026-01-05"
      },
      {
        "id": "grant:ZB2",
        "debitAccountId": "quota-source",
        "creditAccountId": "quota:ZB2",
        "amount": "300000",
        "date": "2026-01-05"
      }
    ],
    [
      {
        "id": "grant:ZB3",
        "debitAccountId": "quota-source",
        "creditAccountId": "quota:ZB3",
        "amount": "100000",
        "date": "2026-02-02"
      }
    ]
  ],
  "payment": {
    "collection": "payment",
    "id": "ZF1",
    "data": {
      "payeeName": "青川",
      "amount": "12000"
    },
    "index": {
      "status": "paid"
    }
  },
  "events": [
    {
      "sequence": 1,
      "at": "2026-01-31T18:00:00.000Z",
      "actor": "cli:zhang",
      "action": "ledger.seal",
      "subject": "transfers 1..2 (2) sha-256:676b14138749f91f681827c735287c8fa072f3c050e790594d14bc2787add26a",
      "digest": "e283bec3ea39b510e2035a839d9075d3583811eb179b455e49171969b5a3705c",
      "prevHash": "0000000000000000000000000000000000000000000000000000000000000000",
      "hash": "1b9e817f26bb0cd9b1a309c2f909f67d82453b0046ea568cd3539188435cc96f"
    },
    {
      "sequence": 2,
      "at": "2026-02-28T18:00:00.000Z",
      "actor": "cli:zhang",
      "action": "ledger.seal",
      "subject": "transfers 3..3 (1) sha-256:59bc790453e9468546c19bda76b4dc94458da136f25d488dd23abf70e0e6c0df",
      "digest": "1e5b3d249ac974e1ee3e84d2af9f8ca22ed17bb63696c9188de13e17f20ff397",
      "prevHash": "1b9e817f26bb0cd9b1a309c2f909f67d82453b0046ea568cd3539188435cc96f",
      "hash": "ba175a17ecdafcf001996312a6e803832472339e071c9d56204c15cd8b75baed"
    }
  ],
  "sealData": [
    {
      "after": 0,
      "to": 2,
      "count": 2,
      "digest": "sha-256:676b14138749f91f681827c735287c8fa072f3c050e790594d14bc2787add26a",
      "marks": [
        {
          "to": 2,
          "digest": "676b14138749f91f681827c735287c8fa072f3c050e790594d14bc2787add26a"
        }
      ],
      "accounts": {
        "added": [
          "quota-source",
          "quota:ZB1",
          "quota:ZB2"
        ],
        "marks": [
          "2c9a63bd2487e8781655b81e033e27e8",
          "1b9fa00563ec36051f891876bd7b3eaf",
          "d750476d6e55ec7646bb35e85d3e5e4d"
        ],
        "count": 3,
        "digest": "sha-256:35c6f0f2e7ae518ebe1aa5c8514ef15bb775d51cc67678966f7581efa3a82278"
      },
      "records": {
        "payment": {
          "ids": [
            "ZF1"
          ],
          "versions": [
            1
          ],
          "marks": [
            "62ffea605b0dffcc841c70c462683dcc"
          ],
          "deleted": []
        }
      }
    },
    {
      "after": 2,
      "to": 3,
      "count": 1,
      "digest": "sha-256:59bc790453e9468546c19bda76b4dc94458da136f25d488dd23abf70e0e6c0df",
      "marks": [
        {
          "to": 3,
          "digest": "59bc790453e9468546c19bda76b4dc94458da136f25d488dd23abf70e0e6c0df"
        }
      ],
      "accounts": {
        "added": [
          "quota:ZB3"
        ],
        "marks": [
          "cd5ec46d0335dda7c2d74f8396edb384"
        ],
        "count": 4,
        "digest": "sha-256:6ba7c3f72901d4323ca987b44f51df53c967701175cb725ea54fe1b0337f4773"
      },
      "records": {
        "payment": {
          "ids": [],
          "versions": [],
          "marks": [],
          "deleted": []
        }
      }
    }
  ]
} as const;

/**
 * The accounts the older seals cover, in the order they were created.
 *
 * @example
 * ```ts
 * OLDER_SEALED_ACCOUNTS.map((a) => a.id); // ["quota-source", "quota:ZB1", "quota:ZB2", "quota:ZB3"]
 * ```
 */
export const OLDER_SEALED_ACCOUNTS: readonly AccountInput[] = OLDER.accounts.flat() as readonly AccountInput[];

/**
 * What the older seals kept: each seal record's accounts part, by event.
 *
 * @example
 * ```ts
 * OLDER_SEAL_RECORDS[1].accounts.count; // 4
 * ```
 */
export const OLDER_SEAL_RECORDS = OLDER.sealData;

/**
 * Writes the older seals' ledger, payment document, audit events and kept records into an empty
 * store, as main's build left them.
 *
 * @example
 * ```ts
 * await seedOlderSeals(store);
 * await verifyLedgerSeals(store); // { seals: 2, problems: [], … }
 * ```
 */
export async function seedOlderSeals(store: Store): Promise<void> {
  const events = OLDER.events as unknown as readonly AuditEvent[];
  for (const [i, accounts] of OLDER.accounts.entries()) {
    await store.createAccounts(accounts as readonly AccountInput[]);
    const transfers = OLDER.transfers[i]!.map((t) => ({ ...t, amount: BigInt(t.amount) }));
    if (!(await store.createTransfers(transfers)).applied) throw new Error(`older seals: the transfers of step ${i + 1} did not apply`);
    if (i === 0) await store.putRecord({ ...OLDER.payment });
    await store.appendAuditEvent(events[i]!);
    await store.putRecord({ collection: LEDGER_SEAL_COLLECTION, id: String(events[i]!.sequence), data: OLDER.sealData[i] });
  }
}
