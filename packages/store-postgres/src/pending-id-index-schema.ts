/**
 * Migration 3: `transfers.pending_id` is unique only where it is set. Version 1 declared the
 * column `UNIQUE`, whose index holds a row for every transfer, NULL or not; but only a `post` or
 * `void` names a pending transfer, so a payment import paid for an index entry per row that no
 * lookup ever reads. The partial unique index keeps the rule (a pending transfer is resolved
 * once: NULLs never conflicted anyway) and the name the error handling and plans know, and
 * lookups by pending id still use it (`t.pending_id = k.v` implies `IS NOT NULL`). Measured on
 * 200,000 payment-shaped rows in batches of 1,000: 3.48–3.57 s against 3.81–3.94 s with the
 * full index (BENCHMARKS.md). The migration itself indexes only the rows that name a pending
 * transfer: 0.16 s on a table of 1,000,000 transfers, 40,000 of them resolutions.
 */

/**
 * The DDL of schema version 3, for the quoted schema `s`.
 *
 * @example
 * ```ts
 * await client.query(pendingIdIndexSql('"jincai"'));
 * ```
 */
export function pendingIdIndexSql(s: string): string {
  return `
ALTER TABLE ${s}.transfers DROP CONSTRAINT transfers_pending_id_key;
CREATE UNIQUE INDEX transfers_pending_id_key ON ${s}.transfers (pending_id) WHERE pending_id IS NOT NULL;
`;
}
