/**
 * Writes an applied transfer plan in one statement: bump the gapless sequence on `ledger_head`
 * (its row lock, held to commit, makes transfers visible in sequence order), insert the drafts
 * with consecutive sequence numbers in plan order, and add the balance deltas to the locked
 * account rows. One statement means all or nothing, even when a unique constraint fires.
 */
import type { BalanceDelta, TransferDraft } from "@jincai/core";
import { encodeTaggedJson } from "./tagged-json";
import { exec, type Queryable } from "./sql-client";

/** Inserts the drafts and applies the deltas. */
export async function writePlan(
  db: Queryable,
  s: string,
  drafts: readonly TransferDraft[],
  deltas: ReadonlyMap<string, BalanceDelta>,
): Promise<void> {
  const entries = [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await exec(
    db,
    `WITH head AS (
       UPDATE ${s}.ledger_head SET last_sequence = last_sequence + $1::bigint RETURNING last_sequence - $1::bigint AS base
     ), inserted AS (
       INSERT INTO ${s}.transfers
         (sequence, id, phase, debit_account_id, credit_account_id, amount, date, pending_id, expires_on, refs)
       SELECT head.base + d.ord, d.id, d.phase, d.debit, d.credit, d.amount, d.date, d.pending_id, d.expires_on, d.refs
       FROM head, unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::date[], $8::text[], $9::date[], $10::jsonb[])
         WITH ORDINALITY AS d(id, phase, debit, credit, amount, date, pending_id, expires_on, refs, ord)
     ), balances AS (
       UPDATE ${s}.accounts a SET
         debits_posted = a.debits_posted + x.dp, credits_posted = a.credits_posted + x.cp,
         debits_pending = a.debits_pending + x.dpe, credits_pending = a.credits_pending + x.cpe
       FROM unnest($11::text[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[]) AS x(id, dp, cp, dpe, cpe)
       WHERE a.id = x.id
     )
     SELECT base FROM head`,
    [
      drafts.length,
      drafts.map((d) => d.id),
      drafts.map((d) => d.phase),
      drafts.map((d) => d.debitAccountId),
      drafts.map((d) => d.creditAccountId),
      drafts.map((d) => d.amount),
      drafts.map((d) => d.date),
      drafts.map((d) => d.pendingId ?? null),
      drafts.map((d) => d.expiresOn ?? null),
      drafts.map((d) => encodeTaggedJson(d.references ?? {})),
      entries.map(([id]) => id),
      entries.map(([, d]) => d.debitsPosted),
      entries.map(([, d]) => d.creditsPosted),
      entries.map(([, d]) => d.debitsPending),
      entries.map(([, d]) => d.creditsPending),
    ],
  );
}
