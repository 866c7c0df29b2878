/**
 * A ledger of 12,345 transfers for the seal tests of every store, with the references a store
 * must give back byte for byte (quotes, backslashes, control characters, line separators, CJK,
 * empty strings, fractional source lines, keys outside the known ones), pending transfers with
 * their `post` and `void`, and amounts beyond 2^53 fen. Its seal digest and chunk marks were
 * computed by the version that read seals through `Transfer` objects (session 16) and are pinned
 * here (a lone surrogate or a NUL, which SQLite's UTF-8 or PostgreSQL's text cannot keep, is left
 * out): a store that streams seal lines any other way must give the same, or old seals would
 * no longer verify.
 */
import type { TransferInput, TransferReferences } from "../ledger/transfer";
import type { Store } from "../store/store";
import { ACCOUNTS, seedLedger } from "./ledger-fixture";

/** How many transfers {@link SEAL_FIXTURE_TRANSFERS} holds (two full chunks of 10,000 would need more; one full and one part is enough). */
export const SEAL_FIXTURE_COUNT = 12_345;

/**
 * The pinned seal of the fixture, as made over the 3 funding transfers of `seedLedger` and the
 * {@link SEAL_FIXTURE_COUNT} transfers after them: `transfers 1..12348 (12348) <digest>`, with
 * one mark per chunk of 10,000.
 */
export const SEAL_FIXTURE_PINNED = {
  to: 12_348,
  digest: "sha-256:c7b741c24b73c26c10c36eebb02f4166e033eb2e310a0cb0bb3e817a0a7d6fce",
  marks: [
    { to: 10_000, digest: "4e54b13f38a912efec9f0adaac3bbc016440a8f7381a9d62daa2519a12120f04" },
    { to: 12_348, digest: "c7b741c24b73c26c10c36eebb02f4166e033eb2e310a0cb0bb3e817a0a7d6fce" },
  ],
} as const;

const MEMOS = [
  '["青川办公用品有限公司","6222021234567890","办公","30201"]',
  'a "quoted" \\ backslash',
  "tab\there, newline\nthere, CR\r, bell\u0007, escape\u001b",
  "line\u2028separator\u2029paragraph",
  "emoji 🧾 and 𠀀 (beyond the BMP) end",
  "",
];

/** The references of the i-th fixture transfer: every shape a store must keep exactly. */
function referencesOf(i: number): TransferReferences | undefined {
  switch (i % 9) {
    case 0:
      return undefined;
    case 1:
      return { voucher: `ZF${String(i).padStart(8, "0")}` };
    case 2:
      return { voucher: `ZF${i}`, memo: MEMOS[i % MEMOS.length]! };
    case 3:
      return { sourceFile: "支付 2026-03.csv", sourceLine: i };
    case 4:
      return { sourceFile: "x.csv", sourceLine: (i % 7) + 0.5, documentId: `doc:${i}` };
    case 5:
      return { corrects: `pay:${i - 1}`, documentId: `ZF${i}`, voucher: "" };
    case 6:
      // A key outside the known ones: stores keep these as JSON.
      return { voucher: `V${i}`, extra: `x${i}`, nested: { b: 1, a: [true, null, "s"] } } as unknown as TransferReferences;
    case 7:
      return { memo: MEMOS[(i >> 3) % MEMOS.length]!, sourceLine: -3 };
    default:
      return { voucher: `ZF${i}`, sourceFile: "f", sourceLine: 0, documentId: "d", corrects: "c", memo: "m" };
  }
}

/**
 * The fixture's transfers, in the order they are created (after `seedLedger`'s funding).
 *
 * @example
 * ```ts
 * await seedLedger(store);
 * for (const batch of sealFixtureBatches()) await store.createTransfers(batch);
 * ```
 */
export function sealFixtureBatches(): TransferInput[][] {
  const all: TransferInput[] = [];
  for (let i = 0; all.length < SEAL_FIXTURE_COUNT; i++) {
    const references = referencesOf(i);
    const base = { debitAccountId: ACCOUNTS.source, creditAccountId: i % 2 === 0 ? ACCOUNTS.q2 : ACCOUNTS.q3, date: `2026-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, "0")}`, ...(references === undefined ? {} : { references }) };
    if (i % 50 === 7 && all.length + 2 <= SEAL_FIXTURE_COUNT) {
      all.push({ id: `seal-${i}`, phase: "pending", ...base, amount: BigInt(i) * 100n + 1n, expiresOn: "2026-12-31" });
      all.push(i % 100 === 7 ? { id: `seal-${i}.post`, phase: "post", pendingId: `seal-${i}`, amount: BigInt(i) * 50n, date: base.date } : { id: `seal-${i}.void`, phase: "void", pendingId: `seal-${i}`, date: base.date });
      continue;
    }
    const amount = i % 1000 === 999 ? 9_007_199_254_740_993n + BigInt(i) : BigInt(i) * 37n + 1n;
    all.push({ id: i % 13 === 0 ? `seal:${i}:青川` : `seal-${i}`, ...base, amount });
  }
  const batches: TransferInput[][] = [];
  for (let i = 0; i < all.length; i += 1000) batches.push(all.slice(i, i + 1000));
  return batches;
}

/**
 * Seeds `store` with the fixture: `seedLedger`'s chart and funding, then every fixture transfer.
 *
 * @example
 * ```ts
 * await seedSealFixture(store);
 * ```
 */
export async function seedSealFixture(store: Store): Promise<void> {
  await seedLedger(store);
  for (const batch of sealFixtureBatches()) {
    const result = await store.createTransfers(batch);
    if (!result.applied) throw new Error(`seal fixture: ${JSON.stringify(result.results.find((r) => r.status !== "ok"), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`);
  }
}
